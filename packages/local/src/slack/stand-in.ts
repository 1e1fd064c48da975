// A local Slack: implements the Web API methods the suite calls, records every call, can inject
// 429/5xx faults and enforce Slack's per-channel posting rate, and collects what workers post to
// response_urls. Listens on 127.0.0.1 only.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** Milliseconds since the stand-in started. */
  at: number;
  /** What the stand-in answered. */
  status: number;
  ok: boolean;
  error?: string;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  /** Every text this message had, oldest first (chat.update appends). */
  history: string[];
  ephemeralFor?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface Fault {
  /** Web API method (`chat.postMessage`) or `response_url`. */
  method: string;
  /** 429 (rate limited) or a 5xx; or 200 with `error` for a platform error. */
  status: number;
  /** How many calls fail; default 1. */
  times?: number;
  retryAfterSeconds?: number;
  error?: string;
}

export interface StandInOptions {
  /** Enforce Slack's ~1 message per second per channel for chat.postMessage; 429 beyond it. */
  perChannelPerSecond?: number;
  /** Members of user groups, for usergroups.users.list. */
  userGroups?: Record<string, string[]>;
  /** Known users, for users.info. */
  users?: Record<string, { name: string; email?: string }>;
  /** Time source, for tests of the rate limit. */
  now?: () => number;
}

export class SlackStandIn {
  readonly calls: SlackCall[] = [];
  readonly posts: ResponseUrlPost[] = [];
  private readonly messagesByChannel = new Map<string, PostedMessage[]>();
  private readonly faults: Fault[] = [];
  private readonly lastPostAt = new Map<string, number[]>();
  private readonly uploads = new Map<string, { filename: string; bytes: number; content?: string }>();
  private server: Server | undefined;
  private baseUrl = '';
  private tsCounter = 0;
  private readonly started = Date.now();
  private readonly now: () => number;

  constructor(private readonly options: StandInOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'stand_in_failure', detail: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url, as Slack puts in every slash command and click. */
  newResponseUrl(): string {
    return `${this.baseUrl}/response/${randomBytes(6).toString('hex')}`;
  }

  injectFault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  setUserGroup(groupId: string, members: string[]): void {
    this.options.userGroups = { ...this.options.userGroups, [groupId]: members };
  }

  setRateLimit(perChannelPerSecond: number | undefined): void {
    this.options.perChannelPerSecond = perChannelPerSecond;
  }

  /** Messages in a channel (top level and threads), in posting order. */
  messages(channel: string): PostedMessage[] {
    return this.messagesByChannel.get(channel) ?? [];
  }

  allMessages(): PostedMessage[] {
    return [...this.messagesByChannel.values()].flat();
  }

  responsesTo(responseUrl: string): ResponseUrlPost[] {
    const id = responseUrl.split('/').pop();
    return this.posts.filter((p) => p.id === id);
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.posts.length = 0;
    this.faults.length = 0;
    this.messagesByChannel.clear();
    this.lastPostAt.clear();
  }

  private takeFault(method: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.method === method);
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname.startsWith('/response/'))
      return this.onResponseUrl(url.pathname.slice('/response/'.length), raw, res);
    if (url.pathname.startsWith('/upload/')) {
      const upload = this.uploads.get(url.pathname.slice('/upload/'.length));
      if (upload) {
        upload.bytes = raw.length;
        upload.content = raw.toString('utf8');
      }
      res.writeHead(upload ? 200 : 404).end(upload ? 'OK' : 'unknown upload');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'] ?? '', raw);
    const auth = req.headers.authorization ?? (typeof args.token === 'string' ? `Bearer ${args.token}` : '');
    delete args.token;
    const record = (status: number, body: Record<string, unknown>) => {
      this.calls.push({
        method,
        args,
        at: this.now() - this.started,
        status,
        ok: body.ok === true,
        error: body.error as string | undefined,
      });
    };

    const fault = this.takeFault(method);
    if (fault) {
      const body = {
        ok: false,
        error: fault.error ?? (fault.status === 429 ? 'ratelimited' : 'internal_error'),
      };
      record(fault.status, body);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.status === 429) headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
      res.writeHead(fault.status, headers).end(JSON.stringify(body));
      return;
    }
    if (!auth.startsWith('Bearer xox')) {
      const body = { ok: false, error: 'not_authed' };
      record(200, body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if (method === 'chat.postMessage' && this.rateLimited(String(args.channel ?? ''))) {
      const body = { ok: false, error: 'ratelimited' };
      record(429, body);
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
        .end(JSON.stringify(body));
      return;
    }
    const body = this.answer(method, args);
    record(200, body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private rateLimited(channel: string): boolean {
    const limit = this.options.perChannelPerSecond;
    if (!limit) return false;
    const now = this.now();
    const recent = (this.lastPostAt.get(channel) ?? []).filter((t) => now - t < 1000);
    if (recent.length >= limit) {
      this.lastPostAt.set(channel, recent);
      return true;
    }
    recent.push(now);
    this.lastPostAt.set(channel, recent);
    return false;
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private find(channel: string, ts: string): PostedMessage | undefined {
    return this.messages(channel).find((m) => m.ts === ts);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: 'UBOT',
          bot_id: 'BBOT',
          team_id: 'T0SANDBOX',
          url: 'https://sandbox.slack.com/',
        };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (!/^[CGD][A-Z0-9]+$/.test(channel) && !channel.startsWith('#'))
          return { ok: false, error: 'channel_not_found' };
        if (typeof args.text !== 'string' && !Array.isArray(args.blocks))
          return { ok: false, error: 'no_text' };
        const blocks = parseBlocks(args.blocks);
        if (blocks && blocks.length > 50) return { ok: false, error: 'invalid_blocks' };
        const ts = this.nextTs();
        const message: PostedMessage = {
          channel,
          ts,
          text: String(args.text ?? ''),
          history: [String(args.text ?? '')],
        };
        if (blocks) message.blocks = blocks;
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        if (method === 'chat.postEphemeral') message.ephemeralFor = String(args.user ?? '');
        const list = this.messagesByChannel.get(channel) ?? [];
        list.push(message);
        this.messagesByChannel.set(channel, list);
        return method === 'chat.postMessage'
          ? { ok: true, channel, ts, message: { ts, text: message.text } }
          : { ok: true, message_ts: ts };
      }
      case 'chat.update': {
        const message = this.find(channel, String(args.ts ?? ''));
        if (!message) return { ok: false, error: 'message_not_found' };
        if (typeof args.text === 'string') message.text = args.text;
        const blocks = parseBlocks(args.blocks);
        if (blocks) message.blocks = blocks;
        message.history.push(message.text);
        return { ok: true, channel, ts: message.ts, text: message.text };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://sandbox.slack.com/archives/${channel}/p${String(args.message_ts ?? '').replace('.', '')}`,
        };
      case 'usergroups.users.list': {
        const members = this.options.userGroups?.[String(args.usergroup ?? '')];
        return members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' };
      }
      case 'users.info': {
        const id = String(args.user ?? '');
        const user = this.options.users?.[id];
        return user
          ? {
              ok: true,
              user: {
                id,
                name: user.name,
                real_name: user.name,
                profile: { email: user.email, real_name: user.name },
              },
            }
          : { ok: false, error: 'user_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${randomBytes(5).toString('hex').toUpperCase()}`;
        this.uploads.set(fileId, { filename: String(args.filename ?? ''), bytes: 0 });
        return { ok: true, upload_url: `${this.baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files =
          typeof args.files === 'string'
            ? (JSON.parse(args.files) as Array<{ id: string; title?: string }>)
            : [];
        const known = files.filter((f) => this.uploads.has(f.id));
        if (known.length !== files.length || known.length === 0)
          return { ok: false, error: 'file_not_found' };
        if (channel || typeof args.channel_id === 'string') {
          const target = channel || String(args.channel_id);
          const ts = this.nextTs();
          const names = known.map((f) => this.uploads.get(f.id)!.filename).join(', ');
          const text = `${String(args.initial_comment ?? '')} [file: ${names}]`.trim();
          const message: PostedMessage = { channel: target, ts, text, history: [text] };
          if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
          const list = this.messagesByChannel.get(target) ?? [];
          list.push(message);
          this.messagesByChannel.set(target, list);
        }
        return {
          ok: true,
          files: known.map((f) => ({ id: f.id, title: f.title ?? this.uploads.get(f.id)!.filename })),
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** The content uploaded for a file id (files.getUploadURLExternal flow). */
  uploadedFile(fileId: string): { filename: string; bytes: number; content?: string } | undefined {
    return this.uploads.get(fileId);
  }

  private onResponseUrl(id: string, raw: Buffer, res: ServerResponse): void {
    const fault = this.takeFault('response_url');
    if (fault) {
      res
        .writeHead(
          fault.status,
          fault.status === 429 ? { 'retry-after': String(fault.retryAfterSeconds ?? 1) } : {},
        )
        .end('error');
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      res.writeHead(400).end('invalid_payload');
      return;
    }
    if (this.posts.filter((p) => p.id === id).length >= 5) {
      res.writeHead(404).end('used_url');
      return;
    }
    this.posts.push({ id, body, at: this.now() - this.started });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(contentType: string, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) args[key] = value;
  return args;
}

function parseBlocks(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export async function startSlackStandIn(options: StandInOptions = {}): Promise<SlackStandIn> {
  return new SlackStandIn(options).start();
}
