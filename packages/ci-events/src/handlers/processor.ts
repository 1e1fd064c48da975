// SQS → Slack. Each message is handled on its own: failures are reported per message
// (ReportBatchItemFailures), so one bad message never makes SQS redeliver the whole batch.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createLogger, createSlackClient, getSecret, loadConfig } from '@slackops/kit';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DlqParking } from '../adapters/parking.js';
import { ChannelPacer, SlackAdapter } from '../adapters/slack.js';
import { DynamoState } from '../adapters/state.js';
import { WebhookSlackAdapter } from '../adapters/webhook.js';
import type { SlackPort } from '../ports.js';
import { processorConfigSchema } from '../config.js';
import { CiEventProcessor } from '../processor.js';

const config = loadConfig(processorConfigSchema);
const logger = createLogger('ci-events');
const batch = new BatchProcessor(EventType.SQS);
const state = new DynamoState(new DynamoDBClient({}), config.STATE_TABLE);
const parking = new DlqParking(new SQSClient({}), config.DLQ_URL);
let processor: CiEventProcessor | undefined;

async function slackPort(): Promise<SlackPort> {
  // SLACK_WEBHOOK_URL_PARAM set: the incoming-webhook mode (no threads); otherwise the bot token.
  if (config.SLACK_WEBHOOK_URL_PARAM) return new WebhookSlackAdapter(() => getSecret('SLACK_WEBHOOK_URL'));
  return new SlackAdapter(
    createSlackClient(await getSecret('SLACK_BOT_TOKEN')),
    new ChannelPacer(config.SLACK_POST_INTERVAL_MS),
  );
}

async function processorOf(): Promise<CiEventProcessor> {
  processor ??= new CiEventProcessor({ state, parking, slack: await slackPort(), config });
  return processor;
}

async function handleRecord(record: SQSRecord): Promise<void> {
  const outcome = await (await processorOf()).process(record.messageId, record.body);
  logger.info('ci event', { messageId: record.messageId, outcome });
}

export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  // A batch whose every record failed is still answered item by item, not by throwing.
  return processPartialResponse(event, handleRecord, batch, { context, throwOnFullBatchFailure: false });
}
