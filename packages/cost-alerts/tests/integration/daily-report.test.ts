import { createSandbox, type Sandbox } from '@slackops/local';
import { costAlertsFeature, wiringModule } from '../helpers/sandbox.js';

const DAY_MS = 86_400_000;

// Yesterday: 10 + 8 = 18; every other day 10 + 5 = 15. A 20 USD credit two days ago must not show.
const world = {
  costExplorer: {
    currency: 'USD',
    pageSize: 10,
    services: {
      'Amazon Elastic Compute Cloud - Compute': { daily: 10 },
      'Amazon Simple Storage Service': { daily: 5, daysAgo: { '1': 8 } },
    },
    credits: [
      { daysAgo: 2, service: 'Amazon Elastic Compute Cloud - Compute', amount: -20, recordType: 'Credit' },
    ],
  },
};

interface ReportResult {
  reportDay: string;
  deliveredTo: string[];
  costExplorerRequests: number;
  yesterday: { amount: number };
  monthToDate: { amount: number };
  exceeded: string[];
}

describe('cost-alerts-daily-report', () => {
  let sandbox: Sandbox;
  const { COST_ALERTS } = wiringModule();
  const reportDay = new Date(Date.now() - DAY_MS);
  const daysInMonthSoFar = reportDay.getUTCDate();

  beforeAll(async () => {
    sandbox = await createSandbox({ world: structuredClone(world), features: [costAlertsFeature('slack')] });
  }, 30_000);
  afterAll(async () => {
    await sandbox.close();
  });

  describe('handler()', () => {
    it('posts yesterday, month to date, top services and the trend to heartbeat when the schedule fires', async () => {
      // Act
      sandbox.emitEvent({
        source: 'aws.events',
        'detail-type': 'Scheduled Event',
        resources: [sandbox.info.arn('events', `rule/${COST_ALERTS.scheduleRule}`)],
        detail: {},
      });
      await sandbox.settle();

      // Assess
      const [report] = sandbox.slack.messages(COST_ALERTS.heartbeatChannel);
      expect(report?.text).toBe(
        `AWS spend for ${reportDay.toISOString().slice(0, 10)}: $18.00; month to date $${(15 * daysInMonthSoFar + 3).toFixed(2)}`,
      );
      const blocks = JSON.stringify(report?.blocks);
      expect(blocks).toContain('1. Amazon Elastic Compute Cloud - Compute: $10.00 (＝ 0%)');
      expect(blocks).toContain('2. Amazon Simple Storage Service: $8.00 (▲ +60%)');
      expect(blocks).toContain('credits and refunds excluded');
      expect(sandbox.slack.messages(COST_ALERTS.criticalChannel)).toHaveLength(0);
    });

    it('makes at most 3 Cost Explorer requests, each excluding credits and refunds, when it reports', () => {
      // Assess
      const calls = sandbox.awsCalls(COST_ALERTS.dailyReport).filter((c) => c.service === 'Cost Explorer');
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.length).toBeLessThanOrEqual(3);
      for (const call of calls) {
        expect((call.input as { Filter?: unknown }).Filter).toEqual({
          Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } },
        });
      }
    });

    it('also posts to critical when yesterday exceeded the daily budget', async () => {
      // Prepare: yesterday's EC2 spend jumps to 30 (daily budget 25).
      const costExplorer = sandbox.world.costExplorer as typeof world.costExplorer;
      (
        costExplorer.services['Amazon Elastic Compute Cloud - Compute'] as {
          daysAgo?: Record<string, number>;
        }
      ).daysAgo = { '1': 30 };

      // Act
      const result = (await sandbox.lambda.invoke(COST_ALERTS.dailyReport, {
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
      })) as ReportResult;

      // Assess
      expect(result.yesterday.amount).toBe(38);
      expect(result.exceeded).toContain('daily');
      expect(result.deliveredTo).toEqual(['heartbeat', 'critical']);
      expect(sandbox.slack.messages(COST_ALERTS.criticalChannel).at(-1)?.text).toMatch(
        /^Budget exceeded: Yesterday \(\d{4}-\d{2}-\d{2}\): \$38\.00 is over the daily budget of \$25\.00 \(152%\)/,
      );
    });

    it('posts only to heartbeat, marked as a test, on a dry run even when a budget is exceeded', async () => {
      // Prepare
      const criticalBefore = sandbox.slack.messages(COST_ALERTS.criticalChannel).length;

      // Act
      const result = (await sandbox.lambda.invoke(COST_ALERTS.dailyReport, { dryRun: true })) as ReportResult;

      // Assess
      expect(result.deliveredTo).toEqual(['heartbeat']);
      expect(sandbox.slack.messages(COST_ALERTS.heartbeatChannel).at(-1)?.text).toMatch(
        /^\[validation dry run\] AWS spend for/,
      );
      expect(sandbox.slack.messages(COST_ALERTS.criticalChannel)).toHaveLength(criticalBefore);
    });

    it('rejects an event that is neither a schedule nor a dry run with a message saying what it expects', async () => {
      // Act
      const run = sandbox.lambda.invoke(COST_ALERTS.dailyReport, { hello: 'world' });

      // Assess
      await expect(run).rejects.toThrow('expected an EventBridge "Scheduled Event" or {"dryRun": true}');
    });
  });
});
