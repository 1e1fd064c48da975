// What an event does to its pipeline's thread: a pure decision over the thread's state.
import type { CiEvent } from './event.js';

export interface ThreadState {
  channel: string;
  ts: string;
  failures: number;
  since: string;
  lastRunUrl?: string;
  open: boolean;
  version: number;
}

export type ThreadDecision =
  | { action: 'open' }
  | { action: 'repeat'; failures: number }
  | { action: 'recover'; failures: number }
  /** A success with no open failure, when the team asked to see those too: a message, no thread. */
  | { action: 'success' }
  | { action: 'nothing'; why: string };

export function decide(
  event: CiEvent,
  thread: ThreadState | undefined,
  postSuccessWithoutFailure: boolean,
): ThreadDecision {
  const open = thread?.open === true;
  switch (event.status) {
    case 'failed':
      return open ? { action: 'repeat', failures: thread!.failures + 1 } : { action: 'open' };
    case 'succeeded':
      if (open) return { action: 'recover', failures: thread!.failures };
      return postSuccessWithoutFailure
        ? { action: 'success' }
        : { action: 'nothing', why: 'success with no open failure' };
    case 'cancelled':
      return open
        ? { action: 'repeat', failures: thread!.failures }
        : { action: 'nothing', why: 'cancelled with no open failure' };
  }
}
