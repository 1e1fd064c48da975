import * as z from 'zod';
import { ciEventSchema } from './event.js';

/** The JSON Schema of the event contract, for senders' editors and validators. */
export function ciEventJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/slackops/slackops/packages/ci-events/schema/ci-event.v1.json',
    ...z.toJSONSchema(ciEventSchema, { io: 'input' }),
  };
}
