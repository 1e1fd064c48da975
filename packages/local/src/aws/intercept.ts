// Answers AWS SDK v3 commands at the SDK boundary: every client's `send` (inherited from
// @smithy/smithy-client's Client) is replaced while the sandbox runs, so local runs go through the
// same adapter code as production. DynamoDB passes through to dynalite; everything is recorded.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsError, type ServiceSimulator } from './world.js';

export interface AwsCall {
  service: string;
  operation: string;
  input: unknown;
  /** The sandbox function that made the call, when known. */
  function?: string;
  error?: string;
}

/** Which sandbox function is running: set by the Lambda runner, read when a call is recorded. */
export const currentFunction = new AsyncLocalStorage<string>();

type Send = (this: SdkClient, command: SdkCommand, ...rest: unknown[]) => Promise<unknown>;
interface SdkClient {
  config: { serviceId?: string };
}
interface SdkCommand {
  input: unknown;
  constructor: { name: string };
}

const PASS_THROUGH = new Set(['DynamoDB']);

export class AwsInterceptor {
  readonly calls: AwsCall[] = [];
  private readonly simulators = new Map<string, ServiceSimulator>();
  private original: Send | undefined;
  private readonly prototype = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: Send };

  register(simulator: ServiceSimulator): void {
    this.simulators.set(simulator.serviceId, simulator);
  }

  install(): void {
    if (this.original) return;
    const original = this.prototype.send;
    this.original = original;
    const interceptor = this;
    this.prototype.send = async function send(this: SdkClient, command: SdkCommand, ...rest: unknown[]) {
      const service = this.config.serviceId ?? 'unknown';
      const operation = command.constructor.name.replace(/Command$/, '');
      const call: AwsCall = { service, operation, input: command.input };
      const fn = currentFunction.getStore();
      if (fn) call.function = fn;
      interceptor.calls.push(call);
      try {
        if (PASS_THROUGH.has(service)) return await original.call(this, command, ...rest);
        return await interceptor.answer(service, operation, command.input);
      } catch (error) {
        call.error = (error as Error).name;
        throw error;
      }
    };
  }

  uninstall(): void {
    if (!this.original) return;
    this.prototype.send = this.original;
    this.original = undefined;
  }

  private async answer(service: string, operation: string, input: unknown): Promise<unknown> {
    const simulator = this.simulators.get(service);
    const handler = simulator?.operations[operation];
    if (!handler) {
      throw awsError(
        'SandboxUnsupportedOperation',
        `the sandbox does not simulate ${service} ${operation}; add it to packages/local/src/aws/services`,
        501,
      );
    }
    const output = await handler((input ?? {}) as Record<string, unknown>);
    return { $metadata: { httpStatusCode: 200, requestId: 'sandbox' }, ...(output as object) };
  }
}
