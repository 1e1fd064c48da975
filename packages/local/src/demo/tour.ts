// The demo's narrator: runs a feature's chapter step by step against the sandbox, prints the Slack
// conversation as it happens, and counts every expectation that was not met.
import type { Sandbox } from '../sandbox.js';
import { renderBlocks } from './render.js';

export interface TourOutput {
  write(line: string): void;
}

export class Tour {
  failures: string[] = [];
  checks = 0;
  private seenCalls = 0;
  private seenPosts = 0;

  constructor(
    readonly sandbox: Sandbox,
    private readonly out: TourOutput = { write: (line) => process.stdout.write(`${line}\n`) },
  ) {}

  chapter(title: string): void {
    this.out.write('');
    this.out.write(`━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
  }

  /** Narration between Slack lines. */
  say(text: string): void {
    this.out.write(`  ▸ ${text}`);
  }

  /** A user's action, shown as Slack would show it. */
  user(user: string, text: string): void {
    this.out.write(`  @${user}: ${text}`);
  }

  /** Records an expectation; a failed one makes the demo exit non-zero. */
  expect(condition: boolean, description: string): void {
    this.checks += 1;
    if (condition) {
      this.out.write(`    ✓ ${description}`);
    } else {
      this.failures.push(description);
      this.out.write(`    ✗ ${description}`);
    }
  }

  /** Prints a reply Slack shows at once (the acknowledgement body). */
  showAck(ack: Record<string, unknown> | undefined): void {
    if (!ack) return;
    this.print('slackops (only you)', ack.blocks as unknown[] | undefined, String(ack.text ?? ''));
  }

  /** Prints every Slack message posted or updated since the last call, in order. */
  showSlack(): void {
    const calls = this.sandbox.slack.calls.slice(this.seenCalls);
    this.seenCalls = this.sandbox.slack.calls.length;
    const posts = this.sandbox.slack.posts.slice(this.seenPosts);
    this.seenPosts = this.sandbox.slack.posts.length;
    const events = [
      ...calls.map((call) => ({ at: call.at, kind: 'call' as const, call })),
      ...posts.map((post) => ({ at: post.at, kind: 'post' as const, post })),
    ].sort((a, b) => a.at - b.at);
    for (const event of events) {
      if (event.kind === 'post') {
        const body = event.post.body;
        const who = body.response_type === 'in_channel' ? 'slackops' : 'slackops (only you)';
        const verb = body.replace_original ? ' (updates the message)' : '';
        this.print(`${who}${verb}`, body.blocks as unknown[] | undefined, String(body.text ?? ''));
        continue;
      }
      const { call } = event;
      if (!call.ok) {
        this.out.write(`    ! Slack ${call.method} → ${call.status} ${call.error ?? ''}`);
        continue;
      }
      const args = call.args;
      const blocks =
        typeof args.blocks === 'string'
          ? (JSON.parse(args.blocks) as unknown[])
          : (args.blocks as unknown[] | undefined);
      const text = String(args.text ?? args.initial_comment ?? '');
      const channel = String(args.channel ?? args.channel_id ?? '');
      if (call.method === 'chat.postMessage') {
        this.print(`#${channel} slackops${args.thread_ts ? ' (in thread)' : ''}`, blocks, text);
      } else if (call.method === 'chat.update') {
        this.print(`#${channel} slackops (edits its message)`, blocks, text);
      } else if (call.method === 'chat.postEphemeral') {
        this.print(`#${channel} slackops (only @${String(args.user)})`, blocks, text);
      } else if (call.method === 'files.completeUploadExternal') {
        this.out.write(`  #${channel} slackops uploads a file ${text ? `— ${text}` : ''}`);
      }
    }
  }

  private print(who: string, blocks: unknown[] | undefined, text: string): void {
    const lines = renderBlocks(blocks, text);
    this.out.write(`  ${who}:`);
    for (const line of lines) this.out.write(`  │ ${line}`);
  }
}
