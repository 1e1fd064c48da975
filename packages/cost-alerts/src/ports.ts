// What the use cases need from the outside world; adapters/ implements these.
import type { SlackMessage } from '@slackops/kit/core';
import type { ChannelName } from './domain/alert.js';
import type { ChatbotNotification } from './domain/chatbot.js';
import type { CostPage, DailyReport, Period } from './domain/report.js';

/** One message in both shapes; the notifier of the configured delivery mode picks its own. */
export interface Notification {
  slack: SlackMessage;
  chatbot: ChatbotNotification;
}

/** Delivers to the critical or heartbeat channel; throws DeliveryError when the channel did not take it. */
export interface ChannelNotifier {
  readonly mode: 'slack' | 'chatbot';
  deliver(channel: ChannelName, notification: Notification): Promise<void>;
}

export interface CostAmount {
  amount: number;
  unit: string;
}

/** Cost Explorer, reduced to the three questions the daily report asks. Each call is one billed request. */
export interface CostReader {
  /** Daily totals, not grouped. */
  dailyTotals(period: Period, nextPageToken?: string): Promise<{ page: CostPage; nextPageToken?: string }>;
  /** Daily costs grouped by SERVICE. */
  dailyCostsByService(
    period: Period,
    nextPageToken?: string,
  ): Promise<{ page: CostPage; nextPageToken?: string }>;
  /** undefined when Cost Explorer has too little history to forecast. */
  forecast(period: Period): Promise<CostAmount | undefined>;
}

/** Publishes the report's figures for the dashboard (CloudWatch EMF). */
export interface ReportMetrics {
  publish(report: DailyReport): void;
}
