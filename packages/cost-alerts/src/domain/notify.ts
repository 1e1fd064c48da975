// The notifier's use case: one SNS message → one alert → the channel of the topic it came from.
import type { ChannelNotifier } from '../ports.js';
import type { Alert, ChannelName } from './alert.js';
import { parseNotification } from './parse.js';
import { chatbotAlert, renderAlert } from './render.js';

export interface IncomingMessage {
  topicArn: string;
  message: string;
  subject?: string;
}

export interface TopicChannels {
  critical: string;
  heartbeat: string;
}

export type NotifyOutcome =
  | { delivered: ChannelName; kind: Alert['kind'] }
  | { skipped: string; kind: Alert['kind'] };

/** The channel of a topic. A message that cannot be read goes to heartbeat whatever its topic: it is not actionable yet. */
export function channelFor(alert: Alert, topicArn: string, topics: TopicChannels): ChannelName {
  if (alert.kind === 'raw') return 'heartbeat';
  return topicArn === topics.critical ? 'critical' : 'heartbeat';
}

// In chatbot mode Chatbot itself subscribes to both topics and renders Budgets messages, CloudWatch
// alarms and custom-schema JSON natively: republishing those would post them twice. The notifier only
// translates what Chatbot would drop ("Event received is not supported").
const CHATBOT_RENDERS_NATIVELY = new Set<Alert['kind']>(['budget', 'alarm', 'custom']);

export async function notify(
  incoming: IncomingMessage,
  topics: TopicChannels,
  notifier: ChannelNotifier,
): Promise<NotifyOutcome> {
  const alert = parseNotification(incoming.message, incoming.subject);
  if (notifier.mode === 'chatbot' && CHATBOT_RENDERS_NATIVELY.has(alert.kind)) {
    return { skipped: 'AWS Chatbot renders this message itself', kind: alert.kind };
  }
  const channel = channelFor(alert, incoming.topicArn, topics);
  await notifier.deliver(channel, { slack: renderAlert(alert), chatbot: chatbotAlert(alert) });
  return { delivered: channel, kind: alert.kind };
}
