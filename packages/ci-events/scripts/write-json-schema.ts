// Writes schema/ci-event.v1.json from the zod schema (pnpm --filter @slackops/ci-events schema).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ciEventJsonSchema } from '../src/domain/json-schema.js';

writeFileSync(
  join(import.meta.dirname, '..', 'schema', 'ci-event.v1.json'),
  `${JSON.stringify(ciEventJsonSchema(), null, 2)}\n`,
);
