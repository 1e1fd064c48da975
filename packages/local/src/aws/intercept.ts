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
  /** Order of the call's start and end among all calls: tells calls made one after the other from parallel ones. */
  startTick?: number;
  endTick?: number;
}

/**
 * Sequential round trips among calls: the longest chain of calls each started after the previous ended.
 * Calls made in parallel (Promise.all) count once.
 */
export function roundTrips(calls: AwsCall[]): number {
  const depth = new Map<AwsCall, number>();
  const ordered = [...calls].sort((a, b) => (a.startTick ?? 0) - (b.startTick ?? 0));
  for (const call of ordered) {
    const before = ordered.filter((c) => c !== call && (c.endTick ?? 0) < (call.startTick ?? 0));
    depth.set(call, 1 + Math.max(0, ...before.map((c) => depth.get(c) ?? 0)));
  }
  return Math.max(0, ...depth.values());
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

// Signing names (SigV4 credential scope) of the services called without the SDK, to SDK service ids.
const SIGNING_NAME_TO_SERVICE_ID: Record<string, string> = {
  lambda: 'Lambda',
  dynamodb: 'DynamoDB',
  ssm: 'SSM',
};

export class AwsInterceptor {
  readonly calls: AwsCall[] = [];
  private readonly simulators = new Map<string, ServiceSimulator>();
  private original: Send | undefined;
  private originalFetch: typeof fetch | undefined;
  private readonly prototype = Object.getPrototypeOf(DynamoDBClient.prototype) as { send: Send };

  register(simulator: ServiceSimulator): void {
    this.simulators.set(simulator.serviceId, simulator);
  }

  install(): void {
    if (this.original) return;
    this.recordSignedFetch();
    const original = this.prototype.send;
    this.original = original;
    const interceptor = this;
    let tick = 0;
    this.prototype.send = async function send(this: SdkClient, command: SdkCommand, ...rest: unknown[]) {
      const service = this.config.serviceId ?? 'unknown';
      const operation = command.constructor.name.replace(/Command$/, '');
      const call: AwsCall = { service, operation, input: command.input, startTick: ++tick };
      const fn = currentFunction.getStore();
      if (fn) call.function = fn;
      interceptor.calls.push(call);
      try {
        // A macrotask between start and end, as a network call has: parallel calls overlap.
        await new Promise((resolve) => setImmediate(resolve));
        if (PASS_THROUGH.has(service)) return await original.call(this, command, ...rest);
        return await interceptor.answer(service, operation, command.input);
      } catch (error) {
        call.error = (error as Error).name;
        throw error;
      } finally {
        call.endTick = ++tick;
      }
    };
  }

  /**
   * The gateway calls AWS with SigV4-signed fetch instead of the SDK: record those calls too, so the
   * IAM test sees every call a function makes.
   */
  private recordSignedFetch(): void {
    const originalFetch = globalThis.fetch;
    this.originalFetch = originalFetch;
    const calls = this.calls;
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      const scope = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(
        headers.get('authorization') ?? '',
      );
      if (scope) {
        const url = String(input instanceof Request ? input.url : input);
        const target = headers.get('x-amz-target');
        const operation = target
          ? target.split('.').pop()!
          : /\/invocations$/.test(url)
            ? 'Invoke'
            : new URL(url).pathname;
        const call: AwsCall = {
          service: SIGNING_NAME_TO_SERVICE_ID[scope[1]!] ?? scope[1]!,
          operation,
          input: init?.body ?? null,
        };
        const fn = currentFunction.getStore();
        if (fn) call.function = fn;
        calls.push(call);
      }
      return originalFetch(input, init);
    };
  }

  /** Answers an AWS JSON-protocol HTTP request (X-Amz-Target) from the simulators: SSM for the gateway. */
  async answerJsonProtocol(
    service: string,
    target: string,
    body: string,
  ): Promise<{ status: number; body: string; errorType?: string }> {
    const operation = target.split('.').pop() ?? '';
    try {
      const output = (await this.answer(service, operation, JSON.parse(body || '{}'))) as Record<
        string,
        unknown
      >;
      const { $metadata: _ignored, ...rest } = output;
      return { status: 200, body: JSON.stringify(rest) };
    } catch (error) {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      return {
        status: e.$metadata?.httpStatusCode ?? 400,
        body: JSON.stringify({ __type: e.name, message: e.message }),
        errorType: e.name,
      };
    }
  }

  uninstall(): void {
    if (this.originalFetch) {
      globalThis.fetch = this.originalFetch;
      this.originalFetch = undefined;
    }
    if (!this.original) return;
    this.prototype.send = this.original;
    this.original = undefined;
  }

  async answer(service: string, operation: string, input: unknown): Promise<unknown> {
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
