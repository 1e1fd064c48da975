// EventBridge schedule → cost-alerts-daily-report. `{"dryRun": true}` (make validate) posts the report
// to heartbeat marked as a test, publishes no metrics and never posts to critical.
import { Metrics } from '@aws-lambda-powertools/metrics';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { SNSClient } from '@aws-sdk/client-sns';
import { createLogger, getSecret, loadConfig } from '@slackops/kit';
import * as z from 'zod';
import { ChatbotChannelNotifier } from '../adapters/chatbot-notifier.js';
import { CostExplorerReader } from '../adapters/cost-explorer.js';
import { EmfReportMetrics } from '../adapters/metrics.js';
import { SlackChannelNotifier } from '../adapters/slack-notifier.js';
import { dailyReportConfigSchema } from '../config.js';
import { runDailyReport } from '../domain/daily-report.js';
import { InvalidEventError } from '../errors.js';
import type { ChannelNotifier } from '../ports.js';

const config = loadConfig(dailyReportConfigSchema);
const logger = createLogger('cost-alerts');
const topics = { critical: config.CRITICAL_TOPIC_ARN, heartbeat: config.HEARTBEAT_TOPIC_ARN };
const notifier: ChannelNotifier =
  config.DELIVERY_MODE === 'chatbot'
    ? new ChatbotChannelNotifier(new SNSClient({}), topics)
    : new SlackChannelNotifier(
        { critical: config.CRITICAL_CHANNEL ?? '', heartbeat: config.HEARTBEAT_CHANNEL ?? '' },
        () => getSecret('SLACK_BOT_TOKEN'),
      );
// Cost Explorer has a single endpoint, in us-east-1.
const costs = new CostExplorerReader(new CostExplorerClient({ region: 'us-east-1' }));
const metrics = new EmfReportMetrics(
  new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'slackops/cost-alerts',
    serviceName: 'cost-alerts',
  }),
);

// A scheduled event (detail-type "Scheduled Event") or a manual invoke `{"dryRun": true}`.
const eventSchema = z.union([
  z.object({ 'detail-type': z.literal('Scheduled Event'), time: z.string().optional() }),
  z.object({ dryRun: z.boolean(), now: z.iso.datetime().optional() }),
]);

export async function handler(event: unknown) {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidEventError('expected an EventBridge "Scheduled Event" or {"dryRun": true}');
  }
  const input = parsed.data;
  const dryRun = 'dryRun' in input ? input.dryRun : false;
  const outcome = await runDailyReport(
    new Date(),
    { costs, notifier, metrics },
    { dailyBudget: config.DAILY_BUDGET, monthlyBudget: config.MONTHLY_BUDGET, currency: config.CURRENCY },
    { dryRun },
  );
  logger.info('daily report delivered', {
    reportDay: outcome.report.reportDay,
    deliveredTo: outcome.deliveredTo,
    costExplorerRequests: outcome.report.costExplorerRequests,
    dryRun,
  });
  return {
    reportDay: outcome.report.reportDay,
    deliveredTo: outcome.deliveredTo,
    dryRun,
    costExplorerRequests: outcome.report.costExplorerRequests,
    yesterday: outcome.report.yesterday.spent,
    monthToDate: outcome.report.monthToDate.spent,
    exceeded: outcome.report.exceeded,
  };
}
