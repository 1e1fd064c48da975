// What the notifier understands, after parsing. Every SNS message becomes exactly one Alert: the
// parsers never throw, and what none of them understands becomes a RawAlert (posted, never dropped).

/** The two Slack channels: *critical* (quiet: every message needs action) and *heartbeat* (noisy). */
export type ChannelName = 'critical' | 'heartbeat';
export const CHANNEL_NAMES: readonly ChannelName[] = ['critical', 'heartbeat'];

export interface Money {
  amount: number;
  /** ISO 4217 code when known (`USD`, `EUR`), otherwise the symbol as written. */
  currency: string;
}

export type BudgetPeriod = 'daily' | 'monthly' | 'other';

export interface BudgetAlert {
  kind: 'budget';
  budgetName: string;
  period: BudgetPeriod;
  alertType: 'ACTUAL' | 'FORECASTED';
  budgeted: Money;
  /** The threshold as an amount (`> $80.00`). */
  threshold: Money;
  /** The threshold as a share of the budget, 0.8 for 80%. */
  thresholdRatio: number;
  /** The ACTUAL or FORECASTED amount the message reports. */
  amount: Money;
  accountId?: string;
  consoleUrl: string;
}

export interface AnomalyRootCause {
  service?: string;
  region?: string;
  usageType?: string;
  linkedAccount?: string;
  linkedAccountName?: string;
  /** Dollar impact of this cause when AWS reports it. */
  impact?: number;
}

export interface AnomalyAlert {
  kind: 'anomaly';
  anomalyId: string;
  monitorName?: string;
  accountId?: string;
  startDate?: string;
  endDate?: string;
  totalImpact: number;
  totalActualSpend?: number;
  totalExpectedSpend?: number;
  impactPercentage?: number;
  rootCauses: AnomalyRootCause[];
  detailsLink?: string;
}

export interface AlarmAlert {
  kind: 'alarm';
  alarmName: string;
  description?: string;
  newState: string;
  oldState?: string;
  reason: string;
  region?: string;
  accountId?: string;
  alarmArn?: string;
  changedAt?: string;
  metric?: { namespace?: string; name?: string; dimensions: string[] };
}

/** Another stack's alert, published in the Chatbot custom notification schema (see README). */
export interface CustomAlert {
  kind: 'custom';
  title: string;
  description: string;
  nextSteps: string[];
  keywords: string[];
  summary?: string;
  eventType?: string;
  relatedResources: string[];
  threadId?: string;
}

export interface RawAlert {
  kind: 'raw';
  subject?: string;
  body: string;
  /** Why no parser took it: shown so the sender can fix the format. */
  reason: string;
}

export type Alert = BudgetAlert | AnomalyAlert | AlarmAlert | CustomAlert | RawAlert;
