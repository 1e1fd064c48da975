// Runs production handlers in this process the way Lambda would: each function gets its own
// environment at cold start, synchronous invokes return the result, asynchronous ones are queued
// and retried twice like Lambda's async invocations before they are recorded as failed.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { currentFunction } from '../aws/intercept.js';
import type { FunctionWiring, Handler, SandboxInfo } from '../features/wiring.js';

export interface Invocation {
  function: string;
  event: unknown;
  mode: 'sync' | 'async';
  result?: unknown;
  error?: string;
  attempt: number;
}

const ASYNC_ATTEMPTS = 3;

export class LambdaRunner {
  readonly invocations: Invocation[] = [];
  private readonly wirings = new Map<string, FunctionWiring>();
  private readonly loaded = new Map<string, Promise<Handler>>();
  private readonly pending = new Set<Promise<void>>();
  private loading: Promise<unknown> = Promise.resolve();
  private server: Server | undefined;
  endpoint = '';
  /** Set by the sandbox: answers AWS JSON-protocol requests (X-Amz-Target) from the simulators. */
  jsonProtocol:
    | ((
        service: string,
        target: string,
        body: string,
      ) => Promise<{ status: number; body: string; errorType?: string }>)
    | undefined;

  constructor(
    private readonly info: SandboxInfo,
    private readonly baseEnv: Record<string, string>,
  ) {}

  register(wiring: FunctionWiring): void {
    this.wirings.set(wiring.name, wiring);
  }

  names(): string[] {
    return [...this.wirings.keys()].sort();
  }

  has(name: string): boolean {
    return this.wirings.has(name);
  }

  envOf(name: string): Record<string, string> {
    const wiring = this.wirings.get(name);
    if (!wiring) throw new Error(`unknown function ${name}; known: ${this.names().join(', ')}`);
    return {
      ...this.baseEnv,
      ...wiring.env(this.info),
      AWS_LAMBDA_FUNCTION_NAME: `${this.info.prefix}${name}`,
    };
  }

  /**
   * Cold start: the handler module reads its configuration while it is imported, so it is imported
   * with the function's environment in place. Imports run one at a time for that reason.
   */
  private handlerOf(name: string): Promise<Handler> {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const wiring = this.wirings.get(name);
    if (!wiring)
      return Promise.reject(new Error(`unknown function ${name}; known: ${this.names().join(', ')}`));
    const env = this.envOf(name);
    const load = this.loading.then(async () => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        return await wiring.load();
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
    });
    this.loading = load.catch(() => undefined);
    this.loaded.set(name, load);
    return load;
  }

  async invoke(name: string, event: unknown): Promise<unknown> {
    const record: Invocation = { function: name, event, mode: 'sync', attempt: 1 };
    this.invocations.push(record);
    try {
      record.result = await this.run(name, event);
      return record.result;
    } catch (error) {
      record.error = (error as Error).message;
      throw error;
    }
  }

  /** Lambda's InvocationType Event: accepted at once, run later, retried on error. */
  invokeAsync(name: string, event: unknown): void {
    const wiring = this.wirings.get(name);
    if (!wiring) throw new Error(`unknown function ${name}`);
    const attempts = 1 + (wiring.maxRetryAttempts ?? ASYNC_ATTEMPTS - 1);
    const work = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const record: Invocation = { function: name, event, mode: 'async', attempt };
        this.invocations.push(record);
        try {
          record.result = await this.run(name, event);
          return;
        } catch (error) {
          record.error = (error as Error).message;
        }
      }
    })();
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Waits until no asynchronous invocation is running or queued (including ones they start). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async run(name: string, event: unknown): Promise<unknown> {
    const handler = await this.handlerOf(name);
    const deadline = Date.now() + 30_000;
    const context = {
      awsRequestId: randomUUID(),
      functionName: `${this.info.prefix}${name}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    // Deep-copy the event as Lambda would deliver JSON.
    const delivered = JSON.parse(JSON.stringify(event ?? null)) as unknown;
    return currentFunction.run(name, () => handler(delivered, context));
  }

  /** An HTTP endpoint for AWS_ENDPOINT_URL_LAMBDA: Invoke as the Lambda REST API has it. */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // The same server plays the AWS JSON-protocol endpoints the gateway calls without the SDK (SSM).
        const target = req.headers['x-amz-target'];
        if (typeof target === 'string' && this.jsonProtocol) {
          const service = target.startsWith('AmazonSSM.') ? 'SSM' : target.split('_')[0]!;
          this.jsonProtocol(service, target, Buffer.concat(chunks).toString('utf8')).then((answer) => {
            const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
            if (answer.errorType) headers['x-amzn-errortype'] = answer.errorType;
            res.writeHead(answer.status, headers).end(answer.body);
          });
          return;
        }
        const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '');
        const auth = req.headers.authorization ?? '';
        if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[\w-]+\/lambda\/aws4_request/.test(auth)) {
          res
            .writeHead(403, { 'x-amzn-errortype': 'InvalidSignatureException' })
            .end('{"message":"missing or bad SigV4 signature"}');
          return;
        }
        const name = match ? decodeURIComponent(match[1]!).replace(this.info.prefix, '') : '';
        if (!match || !this.wirings.has(name)) {
          res
            .writeHead(404, { 'x-amzn-errortype': 'ResourceNotFoundException' })
            .end(`{"message":"Function not found: ${match?.[1] ?? ''}"}`);
          return;
        }
        let event: unknown;
        try {
          event = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
        } catch {
          res
            .writeHead(400, { 'x-amzn-errortype': 'InvalidRequestContentException' })
            .end('{"message":"payload is not JSON"}');
          return;
        }
        if (req.headers['x-amz-invocation-type'] === 'Event') {
          this.invokeAsync(name, event);
          res.writeHead(202).end();
          return;
        }
        this.invoke(name, event).then(
          (result) =>
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null)),
          (error: Error) =>
            res
              .writeHead(200, { 'x-amz-function-error': 'Unhandled' })
              .end(JSON.stringify({ errorMessage: error.message })),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.endpoint;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
