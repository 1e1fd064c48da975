// One SQS message → at most one Slack effect, whatever SQS or the sender repeat.
//
// Exactly once, from the user's point of view:
// 1. The event key (repository, run id, attempt, status) is CLAIMED with a conditional write and a
//    lease. A key already `done` is a duplicate: nothing is posted. A key another delivery holds is
//    retried later (its holder may crash: the lease then runs out and the retry takes over).
// 2. The Slack message is posted, then its ts is NOTED on the claim. A retry after a crash between
//    claim and completion finds the ts and does not post again (only a crash in the instant between
//    Slack's answer and the note can repeat a message).
// 3. The thread state is written with an optimistic lock (version); a concurrent event of the same
//    pipeline loses, is retried, re-reads the thread, and reuses the ts it already posted.
// 4. The claim is marked `done`.
import { createHash } from 'node:crypto';
import { SlackDeliveryError } from '@slackops/kit';
import type { ProcessorConfig } from './config.js';
import { type CiEvent, eventKey, parseBody, threadKey } from './domain/event.js';
import {
  genericMessage,
  parentMessage,
  parkedNotice,
  recoveryReply,
  replyMessage,
} from './domain/messages.js';
import { channelFor } from './domain/routing.js';
import { decide, type ThreadState } from './domain/thread.js';
import { BusyError } from './errors.js';
import type { ParkingPort, SlackPort, StatePort } from './ports.js';

export type Outcome = 'posted' | 'replied' | 'recovered' | 'duplicate' | 'nothing' | 'generic' | 'parked';

const LEASE_SECONDS = 120;

export interface ProcessorPorts {
  state: StatePort;
  slack: SlackPort;
  parking: ParkingPort;
  config: Pick<
    ProcessorConfig,
    'DEFAULT_CHANNEL' | 'CRITICAL_CHANNEL' | 'HEARTBEAT_CHANNEL' | 'ROUTES' | 'POST_SUCCESS_WITHOUT_FAILURE'
  >;
  now?: () => Date;
}

export class CiEventProcessor {
  private readonly now: () => Date;
  constructor(private readonly ports: ProcessorPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  async process(messageId: string, body: string): Promise<Outcome> {
    const fingerprint = createHash('sha256').update(body).digest('hex').slice(0, 24);
    const parsed = parseBody(body, fingerprint);
    if (parsed.kind === 'invalid') return this.park(body, parsed.reason, messageId);
    try {
      if (parsed.kind === 'generic') return await this.generic(`generic#${fingerprint}`, parsed.json);
      return await this.event(parsed.event);
    } catch (error) {
      // A permanent Slack error (channel_not_found, not_in_channel…) will not heal by retrying.
      if (error instanceof SlackDeliveryError && !error.retryable)
        return this.park(body, `Slack refused it: ${error.code}`, messageId);
      throw error;
    }
  }

  private async park(body: string, reason: string, messageId: string): Promise<'parked'> {
    await this.ports.parking.park(body, reason, messageId);
    const heartbeat = this.ports.config.HEARTBEAT_CHANNEL;
    // The message is safe in the DLQ; a failed notice must not make SQS deliver it again.
    if (heartbeat)
      await this.ports.slack.post(heartbeat, parkedNotice(reason, messageId)).catch(() => undefined);
    return 'parked';
  }

  private async generic(key: string, json: unknown): Promise<Outcome> {
    const claim = await this.ports.state.claim(key, LEASE_SECONDS);
    if (claim.outcome === 'done') return 'duplicate';
    if (claim.outcome === 'busy') throw new BusyError(key);
    if (!claim.postedTs) {
      const ts = await this.ports.slack.post(
        this.ports.config.HEARTBEAT_CHANNEL ?? this.ports.config.DEFAULT_CHANNEL,
        genericMessage(json),
      );
      await this.ports.state.notePosted(key, ts);
    }
    await this.ports.state.complete(key);
    return 'generic';
  }

  private async event(event: CiEvent): Promise<Outcome> {
    const key = eventKey(event);
    const claim = await this.ports.state.claim(key, LEASE_SECONDS);
    if (claim.outcome === 'done') return 'duplicate';
    if (claim.outcome === 'busy') throw new BusyError(key);
    try {
      return await this.handleClaimed(event, key, claim);
    } catch (error) {
      await this.ports.state.release(key).catch(() => undefined);
      throw error;
    }
  }

  private async handleClaimed(event: CiEvent, key: string, claim: { postedTs?: string }): Promise<Outcome> {
    const postOnce = async (
      channel: string,
      message: Parameters<SlackPort['post']>[1],
      threadTs?: string,
    ) => {
      if (claim.postedTs) return claim.postedTs;
      const ts = await this.ports.slack.post(channel, message, threadTs);
      await this.ports.state.notePosted(key, ts);
      claim.postedTs = ts;
      return ts;
    };

    const tKey = threadKey(event);
    const thread = await this.ports.state.getThread(tKey);
    const decision = decide(event, thread, this.ports.config.POST_SUCCESS_WITHOUT_FAILURE);
    const now = this.now().toISOString();
    let outcome: Outcome;
    switch (decision.action) {
      case 'nothing':
        outcome = 'nothing';
        break;
      case 'success':
        await postOnce(
          channelFor(
            event,
            this.ports.config.ROUTES ?? { repositories: {}, environments: {} },
            this.ports.config.DEFAULT_CHANNEL,
          ),
          parentMessage(event, { failures: 0, since: now, recovered: true }),
        );
        outcome = 'posted';
        break;
      case 'open': {
        const channel = channelFor(
          event,
          this.ports.config.ROUTES ?? { repositories: {}, environments: {} },
          this.ports.config.DEFAULT_CHANNEL,
        );
        const state: ThreadState = {
          channel,
          ts: '',
          failures: 1,
          since: now,
          open: true,
          version: (thread?.version ?? 0) + 1,
          ...(event.run.url ? { lastRunUrl: event.run.url } : {}),
        };
        const firstPost = !claim.postedTs;
        state.ts = await postOnce(channel, parentMessage(event, state));
        if (
          firstPost &&
          event.severity === 'critical' &&
          this.ports.config.CRITICAL_CHANNEL &&
          this.ports.config.CRITICAL_CHANNEL !== channel
        ) {
          await this.ports.slack.post(this.ports.config.CRITICAL_CHANNEL, parentMessage(event, state));
        }
        await this.writeThread(tKey, state, thread?.version);
        outcome = 'posted';
        break;
      }
      case 'repeat': {
        const current = thread!;
        await postOnce(current.channel, replyMessage(event, decision.failures), this.threadTs(current));
        const state: ThreadState = {
          ...current,
          failures: decision.failures,
          version: current.version + 1,
          ...(event.run.url ? { lastRunUrl: event.run.url } : {}),
        };
        await this.ports.slack.update(current.channel, current.ts, parentMessage(event, state));
        await this.writeThread(tKey, state, current.version);
        outcome = 'replied';
        break;
      }
      case 'recover': {
        const current = thread!;
        await postOnce(current.channel, recoveryReply(event), this.threadTs(current));
        await this.ports.slack.update(
          current.channel,
          current.ts,
          parentMessage(event, { ...current, recovered: true }),
        );
        await this.writeThread(
          tKey,
          { ...current, open: false, version: current.version + 1 },
          current.version,
        );
        outcome = 'recovered';
        break;
      }
    }
    await this.ports.state.complete(key);
    return outcome;
  }

  /** Webhook delivery has no message ts, hence no thread to reply in. */
  private threadTs(thread: ThreadState): string | undefined {
    return thread.ts === 'webhook' ? undefined : thread.ts;
  }

  private async writeThread(
    key: string,
    state: ThreadState,
    expectedVersion: number | undefined,
  ): Promise<void> {
    if (!(await this.ports.state.putThread(key, state, expectedVersion))) throw new BusyError(key);
  }
}
