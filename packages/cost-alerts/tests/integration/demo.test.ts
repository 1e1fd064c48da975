import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox, Tour } from '@slackops/local';
import { costAlertsFeature } from '../helpers/sandbox.js';

describe('costAlertsFeature', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    const world = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'local', 'worlds', 'cost-alerts.json'), 'utf8'),
    );
    sandbox = await createSandbox({ world, features: [costAlertsFeature('slack')] });
  }, 30_000);
  afterAll(async () => {
    await sandbox.close();
  });

  describe('demo()', () => {
    it('meets every expectation of the cost chapter against the demo world', async () => {
      // Prepare
      const lines: string[] = [];
      const tour = new Tour(sandbox, { write: (line) => lines.push(line) });

      // Act
      await costAlertsFeature('slack').demo!(tour);

      // Assess
      expect(tour.failures).toEqual([]);
      if (process.env.SHOW_DEMO) console.log(lines.join('\n'));
      expect(tour.checks).toBe(8);
      expect(lines.join('\n')).toContain('#C0CRITICAL1 slackops:');
    });
  });
});
