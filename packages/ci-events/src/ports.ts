import type { SlackMessage } from '@slackops/kit/core';
import type { ThreadState } from './domain/thread.js';

export type Claim = { outcome: 'claimed'; postedTs?: string } | { outcome: 'done' } | { outcome: 'busy' };

export interface StatePort {
  /** Claims an event key for this delivery (a lease), unless it was fully handled before. */
  claim(eventKey: string, leaseSeconds: number): Promise<Claim>;
  /** Remembers the Slack message posted for a claimed event, so a retry does not post it again. */
  notePosted(eventKey: string, ts: string): Promise<void>;
  complete(eventKey: string): Promise<void>;
  /** Gives up a claim after a failure, so SQS's next delivery can take it at once. */
  release(eventKey: string): Promise<void>;
  getThread(threadKey: string): Promise<ThreadState | undefined>;
  /** Writes the thread if its version is still `expectedVersion` (optimistic lock). */
  putThread(threadKey: string, thread: ThreadState, expectedVersion: number | undefined): Promise<boolean>;
}

export interface SlackPort {
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

export interface ParkingPort {
  park(body: string, reason: string, messageId: string): Promise<void>;
}
