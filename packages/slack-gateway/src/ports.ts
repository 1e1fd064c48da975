import type { WorkerPayload } from '@slackops/kit/core';

/** Starts a feature's worker without waiting for it (Lambda InvocationType Event). */
export type WorkDispatcher = (functionName: string, payload: WorkerPayload) => Promise<void>;

/** Remembers an Events API event id; true the first time it is seen. */
export type EventDeduper = (eventId: string) => Promise<boolean>;

export type SigningSecretReader = () => Promise<string>;
