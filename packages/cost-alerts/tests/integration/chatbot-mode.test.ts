// Chatbot mode: the functions publish the AWS Chatbot custom notification schema to the channel's
// topic. Every published document is checked against the published field rules (aws-facts.md).
import { createSandbox, type Sandbox } from '@slackops/local';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costAlertsFeature, snsModule, wiringModule } from '../helpers/sandbox.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');

/** The custom notification schema's rules, written out independently of the package's zod schema. */
function fieldRuleViolations(document: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const allowedTop = ['version', 'source', 'id', 'content', 'metadata'];
  for (const key of Object.keys(document))
    if (!allowedTop.includes(key)) problems.push(`unknown field ${key}`);
  if (document.version !== '1.0') problems.push('version must be "1.0"');
  if (document.source !== 'custom') problems.push('source must be "custom"');
  const content = document.content as Record<string, unknown> | undefined;
  if (!content) return [...problems, 'content is required'];
  if (content.textType !== undefined && content.textType !== 'client-markdown')
    problems.push('textType must be client-markdown');
  if (typeof content.description !== 'string' || content.description.trim() === '')
    problems.push('description is required');
  if (content.title !== undefined && typeof content.title !== 'string')
    problems.push('title must be a string');
  for (const list of ['nextSteps', 'keywords'])
    if (
      content[list] !== undefined &&
      !(Array.isArray(content[list]) && (content[list] as unknown[]).every((s) => typeof s === 'string'))
    )
      problems.push(`${list} must be a list of strings`);
  if ('blocks' in content || 'blocks' in document) problems.push('Chatbot takes no Block Kit');
  return problems;
}

describe('chatbot delivery mode', () => {
  let sandbox: Sandbox;
  const wiring = wiringModule();
  const { COST_ALERTS } = wiring;
  const topic = (name: 'critical' | 'heartbeat') =>
    sandbox.info.arn('sns', name === 'critical' ? COST_ALERTS.criticalTopic : COST_ALERTS.heartbeatTopic);
  const sns = () => snsModule().snsTopicsOf(sandbox);
  const publishedBySuite = (name: 'critical' | 'heartbeat') =>
    sns()
      .messages(topic(name))
      .filter((m) => m.attributes.slackops_origin?.StringValue === 'cost-alerts');

  beforeAll(async () => {
    sandbox = await createSandbox({
      world: { costExplorer: { services: { 'AWS Lambda': { daily: 1.5 } } } },
      features: [costAlertsFeature('chatbot')],
    });
  }, 30_000);
  afterAll(async () => {
    await sandbox.close();
  });

  describe('cost-alerts-notifier handler()', () => {
    it('republishes a Cost Anomaly as a valid custom notification on the same channel’s topic, without looping', async () => {
      // Act
      sns().publish({ topicArn: topic('critical'), message: fixture('anomaly.json') });
      await sandbox.settle();

      // Assess
      const published = publishedBySuite('critical');
      expect(published).toHaveLength(1);
      const document = JSON.parse(published[0]!.message) as Record<string, unknown>;
      expect(fieldRuleViolations(document)).toEqual([]);
      expect((document.content as { title: string }).title).toBe('Cost anomaly: $296.40 above expected');
      expect(sandbox.lambda.invocations.filter((i) => i.function === COST_ALERTS.notifier)).toHaveLength(1);
      expect(sandbox.slack.calls).toHaveLength(0);
    });

    it('publishes an unreadable message as a custom notification on heartbeat', async () => {
      // Act
      sns().publish({ topicArn: topic('critical'), message: 'plain words from a script' });
      await sandbox.settle();

      // Assess
      const [document] = publishedBySuite('heartbeat').map(
        (m) => JSON.parse(m.message) as Record<string, unknown>,
      );
      expect(fieldRuleViolations(document!)).toEqual([]);
      expect((document!.content as { description: string }).description).toContain(
        'plain words from a script',
      );
    });

    it('leaves Budgets messages to Chatbot, which renders them itself', async () => {
      // Prepare
      const before = sns().messages(topic('heartbeat')).length;
      const { message, subject } = wiring.budgetsMessage({
        budgetName: 'monthly',
        accountId: '123456789012',
        budgeted: '$600.00',
        threshold: '$480.00',
        amount: '$500.00',
      });

      // Act
      sns().publish({ topicArn: topic('heartbeat'), message, subject });
      await sandbox.settle();

      // Assess: only the Budgets message itself is on the topic.
      expect(sns().messages(topic('heartbeat'))).toHaveLength(before + 1);
    });
  });

  describe('cost-alerts-daily-report handler()', () => {
    it('publishes the report as a valid custom notification to the heartbeat topic', async () => {
      // Act
      await sandbox.lambda.invoke(COST_ALERTS.dailyReport, { dryRun: true });

      // Assess
      const document = JSON.parse(publishedBySuite('heartbeat').at(-1)!.message) as Record<string, unknown>;
      expect(fieldRuleViolations(document)).toEqual([]);
      expect((document.content as { description: string }).description).toContain(
        '*Yesterday:* $1.50 of $25.00',
      );
      const operations = new Set(
        sandbox.awsCalls(COST_ALERTS.dailyReport).map((c) => `${c.service}:${c.operation}`),
      );
      expect([...operations].sort()).toEqual(
        ['Cost Explorer:GetCostAndUsage', 'Cost Explorer:GetCostForecast', 'SNS:Publish'].sort(),
      );
    });
  });
});
