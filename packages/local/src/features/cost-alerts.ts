// cost-alerts in the sandbox: the notifier subscribed to the critical and heartbeat topics, the daily
// report on its schedule, Cost Explorer and SNS simulated, and the cost chapter of the demo.
import { costExplorerSimulator } from '../aws/services/cost-explorer.js';
import type { Tour } from '../demo/tour.js';
import type { Sandbox } from '../sandbox.js';
import { snsPublishSimulator, snsTopicsOf } from '../sources/sns.js';
import type { FeatureWiring, Handler, SandboxInfo } from './wiring.js';

export const COST_ALERTS = {
  criticalChannel: 'C0CRITICAL1',
  heartbeatChannel: 'C0HEARTBEAT',
  criticalTopic: 'slackops-critical',
  heartbeatTopic: 'slackops-heartbeat',
  scheduleRule: 'slackops-cost-alerts-daily-report',
  notifier: 'cost-alerts-notifier',
  dailyReport: 'cost-alerts-daily-report',
  dailyBudget: '25',
  monthlyBudget: '600',
} as const;

/** The notifier's subscriptions skip what cost-alerts publishes itself (chatbot mode), as in Terraform. */
export const NOTIFIER_FILTER_POLICY = { slackops_origin: [{ exists: false }] };

const topicArns = (info: Pick<SandboxInfo, 'arn'>) => ({
  critical: info.arn('sns', COST_ALERTS.criticalTopic),
  heartbeat: info.arn('sns', COST_ALERTS.heartbeatTopic),
});

/** The environment terraform/modules/cost-alerts sets (slack mode); `mode` switches to chatbot for tests. */
export function costAlertsEnv(
  info: SandboxInfo,
  mode: 'slack' | 'chatbot' = 'slack',
): Record<string, string> {
  const topics = topicArns(info);
  return {
    DELIVERY_MODE: mode,
    CRITICAL_CHANNEL: COST_ALERTS.criticalChannel,
    HEARTBEAT_CHANNEL: COST_ALERTS.heartbeatChannel,
    CRITICAL_TOPIC_ARN: topics.critical,
    HEARTBEAT_TOPIC_ARN: topics.heartbeat,
    POWERTOOLS_SERVICE_NAME: 'cost-alerts',
  };
}

export function dailyReportEnv(
  info: SandboxInfo,
  mode: 'slack' | 'chatbot' = 'slack',
): Record<string, string> {
  return {
    ...costAlertsEnv(info, mode),
    DAILY_BUDGET: COST_ALERTS.dailyBudget,
    MONTHLY_BUDGET: COST_ALERTS.monthlyBudget,
    CURRENCY: 'USD',
    POWERTOOLS_METRICS_NAMESPACE: 'slackops/cost-alerts',
  };
}

/** An AWS Budgets notification as Budgets writes it (plain text, not JSON). */
export function budgetsMessage(options: {
  budgetName: string;
  accountId: string;
  budgeted: string;
  threshold: string;
  amount: string;
  alertType?: 'ACTUAL' | 'FORECASTED';
  period?: 'day' | 'month';
}): { subject: string; message: string } {
  const type = options.alertType ?? 'ACTUAL';
  const period = options.period ?? 'month';
  const subject =
    type === 'FORECASTED'
      ? `AWS Budgets: ${options.budgetName} is forecasted to exceed your alert threshold`
      : `AWS Budgets: ${options.budgetName} has exceeded your alert threshold`;
  const message = [
    `AWS Budget Notification ${new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' })}`,
    `AWS Account ${options.accountId}`,
    '',
    'Dear AWS Customer,',
    '',
    `You requested that we alert you when the ${type} Cost associated with your ${options.budgetName} budget is greater than ${options.threshold} for the current ${period}. The ${type} Cost associated with this budget is ${options.amount}. You can find additional details below and by accessing the AWS Budgets dashboard [1].`,
    '',
    `Budget Name: ${options.budgetName}`,
    'Budget Type: Cost',
    `Budgeted Amount: ${options.budgeted}`,
    `Alert Type: ${type}`,
    `Alert Threshold: > ${options.threshold}`,
    `${type} Amount: ${options.amount}`,
    '',
    '[1] https://console.aws.amazon.com/billing/home#/budgets',
  ].join('\n');
  return { subject, message };
}

/** A Cost Anomaly Detection message (IMMEDIATE subscription to SNS). */
export function anomalyMessage(accountId: string): string {
  return JSON.stringify({
    accountId,
    anomalyDetailsLink:
      'https://console.aws.amazon.com/cost-management/home#/anomaly-detection/monitors/abc/anomalies/a1',
    anomalyEndDate: new Date().toISOString(),
    anomalyId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    anomalyScore: { currentScore: 0.87, maxScore: 0.87 },
    anomalyStartDate: new Date(Date.now() - 86_400_000).toISOString(),
    dimensionalValue: 'Amazon Elastic Compute Cloud - Compute',
    impact: {
      maxImpact: 151,
      totalActualSpend: 389.5,
      totalExpectedSpend: 93.1,
      totalImpact: 296.4,
      totalImpactPercentage: 318.4,
    },
    monitorArn: `arn:aws:ce::${accountId}:anomalymonitor/abc`,
    monitorName: 'slackops-services',
    rootCauses: [
      {
        linkedAccount: accountId,
        linkedAccountName: 'sandbox',
        region: 'eu-west-1',
        service: 'Amazon Elastic Compute Cloud - Compute',
        usageType: 'EU-BoxUsage:p3.2xlarge',
      },
      {
        linkedAccount: accountId,
        linkedAccountName: 'sandbox',
        region: 'eu-west-1',
        service: 'Amazon Simple Storage Service',
        usageType: 'EU-DataTransfer-Out-Bytes',
      },
    ],
    subscriptionId: 'sub-1',
    subscriptionName: 'slackops-critical',
  });
}

export interface ValidationResult {
  channel: 'critical' | 'heartbeat';
  check: string;
  arrived: boolean;
}

/**
 * `make validate`'s checks against the sandbox: a test notification through each topic (→ notifier →
 * Slack) and a dry run of the daily report, then, per channel, whether the messages arrived.
 */
export async function validateCostAlerts(sandbox: Sandbox): Promise<ValidationResult[]> {
  const topics = topicArns(sandbox.info);
  const sns = snsTopicsOf(sandbox);
  const stamp = `validation-${Date.now()}`;
  for (const channel of ['critical', 'heartbeat'] as const) {
    sns.publish({
      topicArn: topics[channel],
      message: JSON.stringify({
        version: '1.0',
        source: 'custom',
        content: {
          textType: 'client-markdown',
          title: `slackops validation (${channel})`,
          description: `Test notification ${stamp} through the ${channel} topic. No action needed.`,
        },
        metadata: { eventType: 'Validation', threadId: stamp },
      }),
    });
  }
  const dryRun = (await sandbox.lambda.invoke(COST_ALERTS.dailyReport, { dryRun: true })) as {
    deliveredTo?: string[];
  };
  await sandbox.settle();
  const texts = (channel: string) => sandbox.slack.messages(channel).map((m) => m.text);
  return [
    {
      channel: 'critical',
      check: 'test notification via the critical topic',
      arrived: texts(COST_ALERTS.criticalChannel).some((t) => t.includes(stamp)),
    },
    {
      channel: 'heartbeat',
      check: 'test notification via the heartbeat topic',
      arrived: texts(COST_ALERTS.heartbeatChannel).some((t) => t.includes(stamp)),
    },
    {
      channel: 'heartbeat',
      check: 'daily report dry run',
      arrived:
        Boolean(dryRun.deliveredTo?.includes('heartbeat')) &&
        texts(COST_ALERTS.heartbeatChannel).some((t) => t.startsWith('[validation dry run]')),
    },
  ];
}

async function demo(tour: Tour): Promise<void> {
  const sandbox = tour.sandbox;
  const topics = topicArns(sandbox.info);
  const sns = snsTopicsOf(sandbox);
  const heartbeat = () => sandbox.slack.messages(COST_ALERTS.heartbeatChannel);
  const critical = () => sandbox.slack.messages(COST_ALERTS.criticalChannel);

  tour.chapter('cost-alerts: budgets, anomalies and the daily spend report');
  tour.say('07:00 UTC: the schedule runs the daily report (Cost Explorer: at most 3 requests).');
  const before = heartbeat().length;
  sandbox.emitEvent({
    source: 'aws.events',
    'detail-type': 'Scheduled Event',
    resources: [sandbox.info.arn('events', `rule/${COST_ALERTS.scheduleRule}`)],
    detail: {},
  });
  await sandbox.settle();
  tour.showSlack();
  const report = heartbeat().slice(before);
  tour.expect(
    report.length === 1 && report[0]!.text.startsWith('AWS spend for'),
    'the daily report is posted in #heartbeat',
  );
  const ceCalls = sandbox
    .awsCalls(COST_ALERTS.dailyReport)
    .filter((c) => c.service === 'Cost Explorer').length;
  tour.expect(
    ceCalls >= 1 && ceCalls <= 3,
    `the report cost ${ceCalls} Cost Explorer request(s) (at most 3)`,
  );

  tour.say('AWS Budgets: the monthly budget crossed 80% (ACTUAL) → heartbeat topic.');
  const warning = budgetsMessage({
    budgetName: 'slackops-monthly',
    accountId: sandbox.accountId,
    budgeted: '$600.00',
    threshold: '$480.00',
    amount: '$502.17',
  });
  const heartbeatBefore = heartbeat().length;
  sns.publish({ topicArn: topics.heartbeat, ...warning });
  await sandbox.settle();
  tour.showSlack();
  tour.expect(
    heartbeat().length === heartbeatBefore + 1 && heartbeat().at(-1)!.text.includes('80%'),
    'the 80% warning is in #heartbeat',
  );

  tour.say('AWS Budgets: the daily budget is overrun (100% ACTUAL) → critical topic.');
  const overrun = budgetsMessage({
    budgetName: 'slackops-daily',
    accountId: sandbox.accountId,
    budgeted: '$25.00',
    threshold: '$25.00',
    amount: '$31.40',
    period: 'day',
  });
  const criticalBefore = critical().length;
  sns.publish({ topicArn: topics.critical, ...overrun });
  await sandbox.settle();
  tour.showSlack();
  tour.expect(
    critical().length === criticalBefore + 1 && critical().at(-1)!.text.includes('100%'),
    'the overrun is in #critical',
  );

  tour.say('Cost Anomaly Detection (IMMEDIATE) → critical topic.');
  sns.publish({ topicArn: topics.critical, message: anomalyMessage(sandbox.accountId) });
  await sandbox.settle();
  tour.showSlack();
  tour.expect(
    critical().length === criticalBefore + 2 && critical().at(-1)!.text.startsWith('Cost anomaly'),
    'the anomaly, with its root causes, is in #critical',
  );

  tour.say('make validate (local run): a test notification through each topic and a dry run of the report.');
  const results = await validateCostAlerts(sandbox);
  tour.showSlack();
  for (const result of results)
    tour.expect(result.arrived, `validate: ${result.check} arrived in #${result.channel}`);
}

/** The production handler modules, imported as the Lambda runtime would. */
const loadNotifier = (): Promise<Handler> =>
  import('@slackops/cost-alerts/handlers/notifier').then((m) => m.handler as Handler);
const loadDailyReport = (): Promise<Handler> =>
  import('@slackops/cost-alerts/handlers/daily-report').then((m) => m.handler as Handler);

export const costAlertsFeature: FeatureWiring = {
  name: 'cost-alerts',
  functions: [
    { name: COST_ALERTS.notifier, load: loadNotifier, env: (info) => costAlertsEnv(info) },
    { name: COST_ALERTS.dailyReport, load: loadDailyReport, env: (info) => dailyReportEnv(info) },
  ],
  eventRules: [
    {
      name: COST_ALERTS.scheduleRule,
      // EventBridge schedules deliver "Scheduled Event" with the rule's ARN in resources.
      matches: (event) =>
        event['detail-type'] === 'Scheduled Event' &&
        (event.resources ?? []).some((r) => r.endsWith(`:rule/${COST_ALERTS.scheduleRule}`)),
      target: COST_ALERTS.dailyReport,
    },
  ],
  simulators: [costExplorerSimulator, snsPublishSimulator],
  setup: async (sandbox) => {
    const sns = snsTopicsOf(sandbox);
    sns.attach(sandbox.lambda);
    for (const name of [COST_ALERTS.criticalTopic, COST_ALERTS.heartbeatTopic]) {
      const topicArn = sns.createTopic(name);
      sns.subscribe({ topicArn, function: COST_ALERTS.notifier, filterPolicy: NOTIFIER_FILTER_POLICY });
    }
  },
  demo,
};
