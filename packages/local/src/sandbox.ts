// The sandbox: runs every function of the suite on this machine with no AWS account and no Slack
// workspace. Production code is untouched: the SDK boundary, the Slack API URL and the AWS endpoint
// variables are the only seams.
import { signSlackBody } from '@slackops/kit/core';
import { LocalDynamo } from './aws/dynamo.js';
import { type AwsCall, AwsInterceptor } from './aws/intercept.js';
import type { EventBridgeEvent, WorldContext, WorldFile } from './aws/world.js';
import { allFeatures, featureWirings } from './features/index.js';
import type { FeatureWiring, SandboxInfo } from './features/wiring.js';
import { type StandInOptions, SlackStandIn } from './slack/stand-in.js';
import { LocalEventBus } from './sources/eventbridge.js';
import { LambdaRunner } from './sources/lambda.js';
import { SANDBOX_PARAMETERS, ssmSimulator } from './aws/services/ssm.js';

export const SANDBOX_SIGNING_SECRET = 'sandbox-signing-secret-0123456789abcdef';
export const SANDBOX_BOT_TOKEN = 'xoxb-sandbox-bot-token';
export const GATEWAY_FUNCTION = 'slack-gateway';

export interface SandboxOptions {
  world?: WorldFile;
  /** The features to run (default: all); the Slack gateway is always in front of them. */
  features?: FeatureWiring[];
  slack?: StandInOptions;
  /** Log level of the functions' Powertools loggers; default SILENT (the demo prints the conversation). */
  logLevel?: string;
}

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface SlashResult {
  response: GatewayResponse;
  /** The immediate (acknowledgement) reply, parsed, if any. */
  ack: Record<string, unknown> | undefined;
  responseUrl: string;
}

export interface UserOptions {
  user?: string;
  channel?: string;
}

let requestCounter = 0;

export class Sandbox implements WorldContext {
  readonly slack: SlackStandIn;
  readonly aws = new AwsInterceptor();
  readonly dynamo = new LocalDynamo();
  readonly lambda: LambdaRunner;
  readonly events: LocalEventBus;
  readonly info: SandboxInfo;
  readonly accountId: string;
  readonly region: string;
  private readonly steps: Array<() => void | Promise<void>> = [];
  private readonly savedEnv = { ...process.env };
  private clock: number | undefined;

  constructor(
    readonly world: WorldFile,
    readonly features: FeatureWiring[],
    slackOptions: StandInOptions,
    private readonly logLevel: string,
  ) {
    this.accountId = world.accountId ?? '123456789012';
    this.region = world.region ?? 'eu-west-1';
    this.slack = new SlackStandIn(slackOptions);
    const prefix = 'slackops-';
    this.info = {
      prefix,
      accountId: this.accountId,
      region: this.region,
      slackApiUrl: '',
      world: world as Record<string, unknown>,
      tableName: (name) => `${prefix}${name}`,
      arn: (service, resource) => `arn:aws:${service}:${this.region}:${this.accountId}:${resource}`,
    };
    this.lambda = new LambdaRunner(this.info, {});
    this.events = new LocalEventBus(this.lambda, this.accountId, this.region);
  }

  // WorldContext
  now(): Date {
    return new Date(this.clock ?? Date.now());
  }
  emitEvent(event: EventBridgeEvent): void {
    this.events.put(event);
  }
  later(step: () => void | Promise<void>): void {
    this.steps.push(step);
  }

  async start(): Promise<this> {
    await this.slack.start();
    await this.dynamo.start();
    this.info.slackApiUrl = this.slack.apiUrl;
    const lambdaEndpoint = await this.lambda.listen();
    // The shared environment: what every function (and SDK client) in this process sees.
    Object.assign(process.env, {
      AWS_REGION: this.region,
      AWS_ACCESS_KEY_ID: 'ASIASANDBOX',
      AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
      AWS_SESSION_TOKEN: 'sandbox-session',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: this.dynamo.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambdaEndpoint,
      AWS_ENDPOINT_URL_SSM: lambdaEndpoint,
      SLACK_API_URL: this.slack.apiUrl,
      // Secrets come from SSM as in production. Every function has the same parameter names, and
      // they are read at call time, so they live in the shared environment.
      SLACK_BOT_TOKEN_PARAM: SANDBOX_PARAMETERS.botToken,
      SLACK_SIGNING_SECRET_PARAM: SANDBOX_PARAMETERS.signingSecret,
      POWERTOOLS_LOG_LEVEL: this.logLevel,
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    for (const feature of this.features) {
      for (const fn of feature.functions) this.lambda.register(fn);
      for (const table of feature.tables ?? [])
        await this.dynamo.createTable(this.info.tableName(table.name), table);
      for (const rule of feature.eventRules ?? []) this.events.addRule(rule);
      for (const factory of feature.simulators ?? []) this.aws.register(factory(this.world, this));
    }
    this.aws.register(
      ssmSimulator({
        [SANDBOX_PARAMETERS.botToken]: SANDBOX_BOT_TOKEN,
        [SANDBOX_PARAMETERS.signingSecret]: SANDBOX_SIGNING_SECRET,
      })(this.world, this),
    );
    this.lambda.jsonProtocol = (service, target, body) => this.aws.answerJsonProtocol(service, target, body);
    this.aws.install();
    for (const feature of this.features) await feature.setup?.(this);
    return this;
  }

  async close(): Promise<void> {
    await this.lambda.drain();
    this.aws.uninstall();
    await this.lambda.stop();
    await this.slack.stop();
    await this.dynamo.stop();
    for (const key of Object.keys(process.env)) if (!(key in this.savedEnv)) delete process.env[key];
    Object.assign(process.env, this.savedEnv);
  }

  /** Runs queued work and world steps until nothing is left: the suite is at rest. */
  async settle(): Promise<void> {
    for (;;) {
      await this.lambda.drain();
      const step = this.steps.shift();
      if (!step) return;
      await step();
    }
  }

  /** AWS calls made so far, optionally by one function. */
  awsCalls(fn?: string): AwsCall[] {
    return fn ? this.aws.calls.filter((c) => c.function === fn) : this.aws.calls;
  }

  /** Sends a raw HTTP request to the gateway as API Gateway (payload 2.0) would. */
  async gatewayRequest(
    path: string,
    body: string,
    headers: Record<string, string>,
    isBase64Encoded = false,
  ): Promise<GatewayResponse> {
    requestCounter += 1;
    const event = {
      version: '2.0',
      routeKey: `POST ${path}`,
      rawPath: path,
      rawQueryString: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      requestContext: {
        http: {
          method: 'POST',
          path,
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'Slackbot 1.0',
        },
        requestId: `sandbox-${requestCounter}`,
        routeKey: `POST ${path}`,
        stage: '$default',
        timeEpoch: Date.now(),
      },
      body: isBase64Encoded ? Buffer.from(body).toString('base64') : body,
      isBase64Encoded,
    };
    const result = (await this.lambda.invoke(GATEWAY_FUNCTION, event)) as
      | Partial<GatewayResponse>
      | undefined;
    return {
      statusCode: result?.statusCode ?? 200,
      headers: result?.headers ?? {},
      body: result?.body ?? '',
    };
  }

  /** Signs a body as Slack does. */
  signedHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    return {
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackBody(SANDBOX_SIGNING_SECRET, timestamp, body),
    };
  }

  /** Plays a user typing a slash command, e.g. `/ecs-status cluster=prod`. */
  async slash(commandLine: string, options: UserOptions = {}): Promise<SlashResult> {
    const match = /^\s*(\/[\w-]+)\s*([\s\S]*)$/.exec(commandLine);
    if (!match) throw new Error(`not a slash command: ${commandLine}`);
    const responseUrl = this.slack.newResponseUrl();
    const body = new URLSearchParams({
      command: match[1]!,
      text: match[2]!.trim(),
      response_url: responseUrl,
      trigger_id: `trigger-${Date.now()}`,
      user_id: options.user ?? 'U0OPERATOR',
      team_id: 'T0SANDBOX',
      team_domain: 'sandbox',
      channel_id: options.channel ?? 'C0OPS',
      channel_name: 'ops',
      api_app_id: 'A0SLACKOPS',
    }).toString();
    const response = await this.gatewayRequest('/slack/commands', body, this.signedHeaders(body));
    return { response, ack: parseJson(response.body), responseUrl };
  }

  /** Plays a user clicking a button of a message Slack shows. */
  async click(
    button: { action_id: string; value?: string },
    where: UserOptions & { messageTs?: string; responseUrl?: string } = {},
  ): Promise<SlashResult> {
    const responseUrl = where.responseUrl ?? this.slack.newResponseUrl();
    const payload = {
      type: 'block_actions',
      user: { id: where.user ?? 'U0OPERATOR', team_id: 'T0SANDBOX' },
      team: { id: 'T0SANDBOX' },
      api_app_id: 'A0SLACKOPS',
      trigger_id: `trigger-${Date.now()}`,
      response_url: responseUrl,
      channel: { id: where.channel ?? 'C0OPS' },
      container: { type: 'message', message_ts: where.messageTs ?? '0.0' },
      message: { ts: where.messageTs ?? '0.0', text: '' },
      actions: [
        {
          action_id: button.action_id,
          value: button.value,
          type: 'button',
          action_ts: String(Date.now() / 1000),
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await this.gatewayRequest('/slack/interactivity', body, this.signedHeaders(body));
    return { response, ack: parseJson(response.body), responseUrl };
  }

  /** Sends an Events API body, signed; `retryNum` plays one of Slack's retries. */
  async sendEvent(event: Record<string, unknown>, retryNum?: number): Promise<GatewayResponse> {
    const body = JSON.stringify(event);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...this.signedHeaders(body),
    };
    if (retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return this.gatewayRequest('/slack/events', body, headers);
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = new Sandbox(
    options.world ?? {},
    allFeatures(options.features ?? featureWirings()),
    options.slack ?? {},
    options.logLevel ?? 'SILENT',
  );
  return sandbox.start();
}
