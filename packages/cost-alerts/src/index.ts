export * from './domain/alert.js';
export { parseMoney, formatMoney, formatPercent } from './domain/money.js';
export { parseBudgetMessage, BUDGETS_CONSOLE_URL } from './domain/budget-message.js';
export { parseAnomaly, parseAlarm, parseCustom } from './domain/json-messages.js';
export { parseNotification } from './domain/parse.js';
export { chatbotNotificationSchema, chatbotProblems, type ChatbotNotification } from './domain/chatbot.js';
export * from './domain/report.js';
export * from './domain/render.js';
export {
  notify,
  channelFor,
  type IncomingMessage,
  type NotifyOutcome,
  type TopicChannels,
} from './domain/notify.js';
export {
  collectReport,
  runDailyReport,
  type ReportSettings,
  type ReportOutcome,
} from './domain/daily-report.js';
export type { ChannelNotifier, CostReader, CostAmount, Notification, ReportMetrics } from './ports.js';
export {
  notifierConfigSchema,
  dailyReportConfigSchema,
  type NotifierConfig,
  type DailyReportConfig,
} from './config.js';
export { CostExplorerReader, EXCLUDE_CREDITS_AND_REFUNDS } from './adapters/cost-explorer.js';
export { ChatbotChannelNotifier, ORIGIN_ATTRIBUTE, ORIGIN_VALUE } from './adapters/chatbot-notifier.js';
export { SlackChannelNotifier } from './adapters/slack-notifier.js';
export { EmfReportMetrics } from './adapters/metrics.js';
export * from './errors.js';
