import type { Alert } from './alert.js';
import { parseBudgetMessage } from './budget-message.js';
import { parseAlarm, parseAnomaly, parseCustom } from './json-messages.js';

/** Reads any SNS message into an Alert. Never throws: what it cannot read comes back as `raw`. */
export function parseNotification(message: string, subject?: string): Alert {
  const raw = (reason: string): Alert =>
    subject === undefined
      ? { kind: 'raw', body: message, reason }
      : { kind: 'raw', subject, body: message, reason };
  const trimmed = message.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      return raw('the message starts like JSON but is not valid JSON');
    }
    if (typeof value !== 'object' || value === null) return raw('the JSON message is not an object');
    const record = value as Record<string, unknown>;
    if ('AlarmName' in record) return parseAlarm(value) ?? raw('CloudWatch alarm JSON without NewStateValue');
    if ('anomalyId' in record)
      return parseAnomaly(value) ?? raw('Cost Anomaly JSON without impact.totalImpact');
    if (record.source === 'custom' || 'content' in record) {
      return parseCustom(value) ?? raw('custom notification that breaks the Chatbot schema (see README)');
    }
    return raw('JSON of a kind the notifier does not know (see README for the accepted formats)');
  }
  const budget = parseBudgetMessage(message);
  if (budget) return budget;
  return raw(
    /Budget Name:/i.test(message)
      ? 'a Budgets message without a readable amount, threshold or alert type'
      : 'text that is not an AWS Budgets notification',
  );
}
