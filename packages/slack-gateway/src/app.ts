// The gateway's request handling, with its I/O passed in (ports), so tests drive it directly.
import {
  isSslCheck,
  type KitError,
  parseBlockActions,
  parseEventsBody,
  parseSlashCommand,
  type RequestContext,
  type SlackHttpRequest,
  SlackPayloadError,
  SlackVerificationError,
  verifySlackRequest,
} from '@slackops/kit/core';
import {
  internalErrorReply,
  type RegisteredFeature,
  type Routed,
  routeAction,
  routeCommand,
  routeEvent,
} from './domain/router.js';
import type { EventDeduper, SigningSecretReader, WorkDispatcher } from './ports.js';

export interface HttpRequest extends SlackHttpRequest {
  path: string;
  requestId: string;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface GatewayPorts {
  features: RegisteredFeature[];
  readSigningSecret: SigningSecretReader;
  dispatch: WorkDispatcher;
  firstTimeSeen: EventDeduper;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  now?: () => Date;
}

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const empty = (statusCode = 200, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers,
  body: '',
});

function header(request: HttpRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export class Gateway {
  constructor(private readonly ports: GatewayPorts) {}

  async handle(request: HttpRequest): Promise<HttpResponse> {
    let rawBody: string;
    try {
      rawBody = verifySlackRequest(request, await this.ports.readSigningSecret());
    } catch (error) {
      if (error instanceof SlackVerificationError) {
        this.ports.log('warn', 'refused an unverified request', {
          reason: error.message,
          path: request.path,
        });
        return json(401, { error: 'invalid_signature' });
      }
      this.ports.log('error', 'could not read the signing secret', { error: (error as Error).message });
      return json(500, { error: 'configuration' });
    }
    const context: RequestContext = {
      requestId: request.requestId,
      receivedAt: (this.ports.now?.() ?? new Date()).toISOString(),
    };
    try {
      switch (request.path) {
        case '/slack/commands':
          return await this.onCommand(rawBody, context);
        case '/slack/interactivity':
          return await this.onInteraction(rawBody, context);
        case '/slack/events':
          return await this.onEvent(rawBody, request, context);
        default:
          return json(404, { error: `no route ${request.path}` });
      }
    } catch (error) {
      if (error instanceof SlackPayloadError) {
        this.ports.log('warn', 'malformed Slack request', { reason: error.message, path: request.path });
        return json(400, { error: error.code, message: error.message });
      }
      this.ports.log('error', 'request failed', {
        error: (error as Error).message,
        code: (error as KitError).code,
        requestId: context.requestId,
      });
      return request.path === '/slack/events'
        ? json(500, { error: 'internal' })
        : json(200, internalErrorReply(context.requestId));
    }
  }

  private async onCommand(rawBody: string, context: RequestContext): Promise<HttpResponse> {
    if (isSslCheck(rawBody)) return empty();
    const command = parseSlashCommand(rawBody);
    return this.answer(routeCommand(this.ports.features, command, context), context);
  }

  private async onInteraction(rawBody: string, context: RequestContext): Promise<HttpResponse> {
    const payload = parseBlockActions(rawBody);
    return this.answer(routeAction(this.ports.features, payload, context), context);
  }

  private async onEvent(
    rawBody: string,
    request: HttpRequest,
    context: RequestContext,
  ): Promise<HttpResponse> {
    const body = parseEventsBody(rawBody);
    if (body.type === 'url_verification') return json(200, { challenge: body.challenge });
    // Slack retries an event it thinks we missed; the first delivery already did the work.
    if (!(await this.ports.firstTimeSeen(body.event_id))) {
      this.ports.log('info', 'dropped a repeated event', {
        eventId: body.event_id,
        retry: header(request, 'x-slack-retry-num'),
      });
      return empty(200, { 'x-slack-no-retry': '1' });
    }
    const routed = routeEvent(this.ports.features, body, context);
    if (routed.dispatch) await this.ports.dispatch(routed.dispatch.functionName, routed.dispatch.payload);
    return empty();
  }

  /** Dispatches the work first: if the worker cannot be started the user is told so, not left waiting. */
  private async answer(routed: Routed, context: RequestContext): Promise<HttpResponse> {
    if (routed.dispatch) {
      try {
        await this.ports.dispatch(routed.dispatch.functionName, routed.dispatch.payload);
      } catch (error) {
        this.ports.log('error', 'could not dispatch work', {
          functionName: routed.dispatch.functionName,
          error: (error as Error).message,
          requestId: context.requestId,
        });
        return json(200, internalErrorReply(context.requestId));
      }
    }
    return routed.reply ? json(200, routed.reply) : empty();
  }
}
