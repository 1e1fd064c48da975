export { ciEventSchema, parseBody, eventKey, threadKey, MAX_BODY_BYTES } from './domain/event.js';
export type { CiEvent, ParsedBody } from './domain/event.js';
export { decide } from './domain/thread.js';
export type { ThreadState, ThreadDecision } from './domain/thread.js';
export { CiEventProcessor } from './processor.js';
export type { Outcome } from './processor.js';
export { processorConfigSchema, routesSchema } from './config.js';
export * from './errors.js';
