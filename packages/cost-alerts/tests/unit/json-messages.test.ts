import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAlarm, parseAnomaly, parseCustom } from '../../src/domain/json-messages.js';
import { parseNotification } from '../../src/domain/parse.js';
import { chatbotAlert, renderAlert } from '../../src/domain/render.js';
import { chatbotProblems } from '../../src/domain/chatbot.js';

const json = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as Record<string, unknown>;

describe('parseAnomaly()', () => {
  it('reads the impact, root causes and link of a Cost Anomaly Detection message', () => {
    // Act
    const alert = parseAnomaly(json('anomaly.json'));

    // Assess
    expect(alert).toMatchObject({
      kind: 'anomaly',
      anomalyId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      monitorName: 'slackops-services',
      totalImpact: 296.4,
      totalActualSpend: 389.5,
      totalExpectedSpend: 93.1,
      impactPercentage: 318.37,
    });
    expect(alert?.rootCauses[0]).toEqual({
      linkedAccount: '123456789012',
      linkedAccountName: 'prod',
      region: 'us-east-1',
      service: 'Amazon Elastic Compute Cloud - Compute',
      usageType: 'USE1-BoxUsage:p3.2xlarge',
      impact: 250.12,
    });
  });

  it('accepts amounts written as strings when the message comes from an older subscription', () => {
    // Prepare
    const message = { ...json('anomaly.json'), impact: { totalImpact: '12.5' } };

    // Act & Assess
    expect(parseAnomaly(message)?.totalImpact).toBe(12.5);
  });

  it('returns undefined when impact.totalImpact is missing', () => {
    // Act & Assess
    expect(parseAnomaly({ anomalyId: 'x', impact: {} })).toBeUndefined();
  });
});

describe('parseAlarm()', () => {
  it('reads the state change and metric of a CloudWatch alarm message', () => {
    // Act
    const alert = parseAlarm(json('alarm.json'));

    // Assess
    expect(alert).toMatchObject({
      kind: 'alarm',
      alarmName: 'slackops-billing-estimated-charges',
      newState: 'ALARM',
      oldState: 'OK',
      metric: { namespace: 'AWS/Billing', name: 'EstimatedCharges', dimensions: ['Currency=USD'] },
    });
  });

  it('returns undefined without NewStateValue', () => {
    // Act & Assess
    expect(parseAlarm({ AlarmName: 'x' })).toBeUndefined();
  });
});

describe('parseCustom()', () => {
  it('reads another stack’s notification in the Chatbot custom schema', () => {
    // Act
    const alert = parseCustom(json('custom.json'));

    // Assess
    expect(alert).toEqual({
      kind: 'custom',
      title: 'Nightly backup finished late',
      description: 'The backup of db-prod took 3 h 12 min (usual: 40 min).',
      nextSteps: ['Check the backup vault for throttling', 'Move the window if it keeps happening'],
      keywords: ['backup', 'db-prod'],
      summary: 'Nightly backup finished late',
      eventType: 'BackupLate',
      threadId: 'backup-db-prod',
      relatedResources: ['arn:aws:rds:eu-west-1:123456789012:db:db-prod'],
    });
  });

  it('falls back to raw with the reason when the custom message has no description', () => {
    // Prepare
    const message = JSON.stringify({ version: '1.0', source: 'custom', content: { title: 'x' } });

    // Act
    const alert = parseNotification(message);

    // Assess
    expect(alert).toMatchObject({
      kind: 'raw',
      reason: 'custom notification that breaks the Chatbot schema (see README)',
    });
  });
});

describe('renderAlert()', () => {
  it('escapes Slack control characters in text AWS or a stack wrote', () => {
    // Prepare
    const message = JSON.stringify({
      ...json('custom.json'),
      content: { description: '<!channel> & <@U1>' },
    });

    // Act
    const rendered = JSON.stringify(renderAlert(parseNotification(message)).blocks);

    // Assess
    expect(rendered).toContain('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(rendered).not.toContain('<!channel>');
  });
});

describe('chatbotAlert()', () => {
  it.each([
    ['anomaly', JSON.stringify(json('anomaly.json'))],
    ['alarm', JSON.stringify(json('alarm.json'))],
    ['custom', JSON.stringify(json('custom.json'))],
    ['raw', 'x'.repeat(10_000)],
    ['empty raw', ''],
  ])('produces a valid custom notification for %s', (_kind, message) => {
    // Act
    const notification = chatbotAlert(parseNotification(message));

    // Assess
    expect(chatbotProblems(notification)).toEqual([]);
  });
});
