// How a feature plugs into the sandbox: its functions (the production handlers and the environment
// Terraform gives them), tables, event rules, AWS simulators and its chapter of the demo.
import type { TableSpec } from '../aws/dynamo.js';
import type { EventBridgeEvent, SimulatorFactory } from '../aws/world.js';
import type { Tour } from '../demo/tour.js';
import type { Sandbox } from '../sandbox.js';

export interface LambdaContextLike {
  awsRequestId: string;
  functionName: string;
  getRemainingTimeInMillis(): number;
  [key: string]: unknown;
}
export type Handler = (event: unknown, context: LambdaContextLike) => Promise<unknown>;

/** Facts about the running sandbox that environments are made of. */
export interface SandboxInfo {
  /** `slackops-` — table and function names get this prefix as in Terraform. */
  prefix: string;
  accountId: string;
  region: string;
  slackApiUrl: string;
  /** The world file the sandbox was seeded from. */
  world: Record<string, unknown>;
  /** Full name of a table, e.g. tableName('audit') → slackops-audit. */
  tableName(name: string): string;
  /** ARN of an SNS topic / SQS queue etc. in the sandbox account. */
  arn(service: string, resource: string): string;
}

export interface FunctionWiring {
  /** As Terraform names it, minus the prefix: `ecs-chatops-worker`. */
  name: string;
  /** Imports the production handler module and returns its `handler`. */
  load: () => Promise<Handler>;
  /** The environment Terraform sets (minus secrets: the sandbox sets SLACK_BOT_TOKEN etc.). */
  env: (info: SandboxInfo) => Record<string, string>;
  /** Lambda's async retries (maximum_retry_attempts in Terraform); default 2, as Lambda's. */
  maxRetryAttempts?: number;
}

export interface EventRule {
  name: string;
  matches: (event: EventBridgeEvent) => boolean;
  /** Function name (without prefix). */
  target: string;
}

export interface FeatureWiring {
  /** Package name: `ecs-chatops`. */
  name: string;
  functions: FunctionWiring[];
  tables?: TableSpec[];
  eventRules?: EventRule[];
  simulators?: SimulatorFactory[];
  /** Environment this feature adds to the Slack gateway (its config and worker function name). */
  gatewayEnv?: (info: SandboxInfo) => Record<string, string>;
  /** Event sources and anything else the feature needs once the sandbox runs (queues, topics, schedules). */
  setup?: (sandbox: Sandbox) => Promise<void>;
  /** The feature's chapter of `slackops demo`. */
  demo?: (tour: Tour) => Promise<void>;
}
