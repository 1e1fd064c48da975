// The sandbox AWS account: simulators answer SDK commands from an in-memory world seeded from a
// world file. Each simulator owns one AWS service and one section of the world file.

/** A world file: `accountId`, `region`, and one section per simulated service (e.g. `ecs`). */
export interface WorldFile {
  accountId?: string;
  region?: string;
  [section: string]: unknown;
}

/** An EventBridge event as rules and targets see it. */
export interface EventBridgeEvent {
  version?: string;
  id?: string;
  source: string;
  'detail-type': string;
  account?: string;
  region?: string;
  time?: string;
  resources?: string[];
  detail: Record<string, unknown>;
}

export interface WorldContext {
  readonly accountId: string;
  readonly region: string;
  now(): Date;
  /** Publishes an event on the default bus (rules route it to functions). */
  emitEvent(event: EventBridgeEvent): void;
  /**
   * Queues a step of the world's own progress (a deployment finishing, say). Steps run one at a time
   * when the sandbox settles, after all work caused by the previous step is done.
   */
  later(step: () => void | Promise<void>): void;
}

/** One SDK operation: the command's input in, the command's output out; throw SDK exceptions for errors. */
export type Operation = (input: Record<string, unknown>) => unknown;

export interface ServiceSimulator {
  /** The SDK client's `config.serviceId`: `ECS`, `CloudWatch`, `CloudWatch Logs`, `SNS`, `Cost Explorer`, … */
  serviceId: string;
  operations: Record<string, Operation>;
}

export type SimulatorFactory = (world: WorldFile, context: WorldContext) => ServiceSimulator;

/** An error shaped like the SDK's service exceptions (`name`, `$fault`, `$metadata`). */
export function awsError(name: string, message: string, httpStatusCode = 400): Error {
  const error = new Error(message) as Error & {
    $fault: string;
    $metadata: { httpStatusCode: number };
    __type: string;
  };
  error.name = name;
  error.$fault = httpStatusCode >= 500 ? 'server' : 'client';
  error.$metadata = { httpStatusCode };
  error.__type = name;
  return error;
}
