import { createSandbox, type Sandbox } from '@slackops/local';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costAlertsFeature, snsModule, wiringModule } from '../helpers/sandbox.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

describe('cost-alerts-notifier', () => {
  let sandbox: Sandbox;
  const wiring = wiringModule();
  const { COST_ALERTS } = wiring;
  const topic = (name: 'critical' | 'heartbeat') =>
    sandbox.info.arn('sns', name === 'critical' ? COST_ALERTS.criticalTopic : COST_ALERTS.heartbeatTopic);
  const publish = async (name: 'critical' | 'heartbeat', message: string, subject?: string) => {
    const input =
      subject === undefined
        ? { topicArn: topic(name), message }
        : { topicArn: topic(name), message, subject };
    snsModule().snsTopicsOf(sandbox).publish(input);
    await sandbox.settle();
  };
  const last = (channel: string) => sandbox.slack.messages(channel).at(-1);

  beforeAll(async () => {
    sandbox = await createSandbox({ features: [costAlertsFeature('slack')] });
  }, 30_000);
  afterAll(async () => {
    await sandbox.close();
  });

  describe('handler()', () => {
    it('posts an 80% ACTUAL budget warning with a spend bar to heartbeat when it comes through the heartbeat topic', async () => {
      // Prepare
      const { message, subject } = wiring.budgetsMessage({
        budgetName: 'monthly',
        accountId: '123456789012',
        budgeted: '$600.00',
        threshold: '$480.00',
        amount: '$502.17',
      });

      // Act
      await publish('heartbeat', message, subject);

      // Assess
      const posted = last(COST_ALERTS.heartbeatChannel);
      expect(posted?.text).toBe('Budget monthly exceeded 80% of $600.00: spent $502.17');
      expect(JSON.stringify(posted?.blocks)).toContain('`████████░░ 84%`');
    });

    it('posts a FORECASTED monthly alert to critical when it comes through the critical topic', async () => {
      // Prepare
      const { message, subject } = wiring.budgetsMessage({
        budgetName: 'monthly',
        accountId: '123456789012',
        budgeted: '€600.00',
        threshold: '€600.00',
        amount: '€655.00',
        alertType: 'FORECASTED',
      });

      // Act
      await publish('critical', message, subject);

      // Assess
      expect(last(COST_ALERTS.criticalChannel)?.text).toBe(
        'Budget monthly is forecast to exceed 100% of €600.00: forecast €655.00',
      );
    });

    it('posts a Cost Anomaly with its top root causes to critical', async () => {
      // Act
      await publish('critical', fixture('anomaly.json'));

      // Assess
      const posted = last(COST_ALERTS.criticalChannel);
      expect(posted?.text).toMatch(/^Cost anomaly: \$296\.40 above expected/);
      expect(JSON.stringify(posted?.blocks)).toContain(
        'Amazon Elastic Compute Cloud - Compute · us-east-1 · USE1-BoxUsage:p3.2xlarge',
      );
    });

    it('posts a CloudWatch alarm to critical and its recovery to heartbeat', async () => {
      // Prepare
      const alarm = JSON.parse(fixture('alarm.json')) as Record<string, unknown>;

      // Act
      await publish('critical', JSON.stringify(alarm));
      await publish(
        'heartbeat',
        JSON.stringify({
          ...alarm,
          NewStateValue: 'OK',
          OldStateValue: 'ALARM',
          NewStateReason: 'Threshold Crossed: back to normal',
        }),
      );

      // Assess
      expect(last(COST_ALERTS.criticalChannel)?.text).toMatch(
        /^🚨 slackops-billing-estimated-charges is ALARM/,
      );
      expect(last(COST_ALERTS.heartbeatChannel)?.text).toMatch(
        /^✅ slackops-billing-estimated-charges is OK/,
      );
    });

    it('posts another stack’s custom-schema alert to the channel of its topic', async () => {
      // Act
      await publish('heartbeat', fixture('custom.json'));

      // Assess
      expect(last(COST_ALERTS.heartbeatChannel)?.text).toBe(
        'Nightly backup finished late: The backup of db-prod took 3 h 12 min (usual: 40 min).',
      );
    });

    it('posts an unreadable message raw and truncated to heartbeat when it arrives on the critical topic', async () => {
      // Prepare
      const criticalBefore = sandbox.slack.messages(COST_ALERTS.criticalChannel).length;
      const garbage = `something odd ${'x'.repeat(5000)}`;

      // Act
      await publish('critical', garbage, 'Hello');

      // Assess
      expect(sandbox.slack.messages(COST_ALERTS.criticalChannel)).toHaveLength(criticalBefore);
      const posted = last(COST_ALERTS.heartbeatChannel);
      expect(posted?.text.startsWith('Unrecognized notification: Hello\nsomething odd xxx')).toBe(true);
      expect(posted!.text.length).toBeLessThan(2600);
    });

    it('throws so Lambda retries the SNS delivery when Slack answers 500', async () => {
      // Prepare
      // Twice: the Lambda WebClient retries a 5xx once by itself before the invocation fails.
      sandbox.slack.injectFault({ method: 'chat.postMessage', status: 500, times: 2 });
      const before = sandbox.lambda.invocations.length;

      // Act
      await publish('critical', fixture('anomaly.json'));

      // Assess
      const attempts = sandbox.lambda.invocations
        .slice(before)
        .filter((i) => i.function === COST_ALERTS.notifier);
      expect(attempts.map((a) => Boolean(a.error))).toEqual([true, false]);
      expect(last(COST_ALERTS.criticalChannel)?.text).toMatch(/^Cost anomaly/);
    });

    it('rejects an event that is not an SNS event with a message naming the problem', async () => {
      // Act
      const run = sandbox.lambda.invoke(COST_ALERTS.notifier, { Records: [{ EventSource: 'aws:sqs' }] });

      // Assess
      await expect(run).rejects.toThrow(/not an SNS event: Records\.0\.EventSource/);
    });

    it('calls no AWS API but SSM for the bot token', () => {
      // Assess
      const operations = new Set(
        sandbox.awsCalls(COST_ALERTS.notifier).map((c) => `${c.service}:${c.operation}`),
      );
      expect([...operations]).toEqual(['SSM:GetParameter']);
    });
  });
});
