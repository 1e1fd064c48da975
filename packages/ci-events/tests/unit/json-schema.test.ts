import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ciEventJsonSchema } from '../../src/domain/json-schema.js';

describe('json-schema', () => {
  describe('ciEventJsonSchema()', () => {
    it('matches the committed schema file when the zod schema changes (run: pnpm --filter @slackops/ci-events schema)', () => {
      // Prepare
      const committed = JSON.parse(
        readFileSync(join(__dirname, '..', '..', 'schema', 'ci-event.v1.json'), 'utf8'),
      );

      // Act
      const generated = ciEventJsonSchema();

      // Assess
      expect(generated).toEqual(committed);
    });

    it('requires repository, pipeline, status and run', () => {
      // Act
      const schema = ciEventJsonSchema() as { required: string[] };

      // Assess
      expect(schema.required).toEqual(expect.arrayContaining(['repository', 'pipeline', 'status', 'run']));
    });
  });
});
