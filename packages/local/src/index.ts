export {
  createSandbox,
  Sandbox,
  SANDBOX_BOT_TOKEN,
  SANDBOX_SIGNING_SECRET,
  GATEWAY_FUNCTION,
} from './sandbox.js';
export type { SandboxOptions, SlashResult, GatewayResponse, UserOptions } from './sandbox.js';
export { SlackStandIn, startSlackStandIn } from './slack/stand-in.js';
export type { SlackCall, PostedMessage, Fault, StandInOptions } from './slack/stand-in.js';
export { awsError } from './aws/world.js';
export type {
  WorldFile,
  WorldContext,
  ServiceSimulator,
  SimulatorFactory,
  EventBridgeEvent,
  Operation,
} from './aws/world.js';
export type { AwsCall } from './aws/intercept.js';
export type { FeatureWiring, FunctionWiring, EventRule, SandboxInfo, Handler } from './features/wiring.js';
export { allFeatures, featureWirings } from './features/index.js';
export { Tour } from './demo/tour.js';
export { SANDBOX_PARAMETERS } from './aws/services/ssm.js';
export { defaultWorld, readWorld } from './cli/worlds.js';
export { frontDoorChapter } from './demo/front-door.js';
export { roundTrips } from './aws/intercept.js';
export { createQueue, LocalQueue, sqsSimulator } from './sources/sqs.js';
export { ciEventsFeature, ciQueues, CI_SANDBOX } from './features/ci-events.js';
