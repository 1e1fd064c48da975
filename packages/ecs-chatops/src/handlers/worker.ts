// Async worker for /ecs-status: receives the gateway's WorkerPayload (Lambda Event invoke).
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { AuditWriter, createLogger, createSlackClient, getSecret, loadConfig } from '@slackops/kit';
import * as z from 'zod';
import { regionalClients } from '../adapters/clients.js';
import { EcsAdapter } from '../adapters/ecs.js';
import { LogsAdapter } from '../adapters/logs.js';
import { MetricsAdapter } from '../adapters/metrics.js';
import { SlackAdapter } from '../adapters/slack.js';
import { SnsNotifier } from '../adapters/notify.js';
import { DynamoStateStore } from '../adapters/state.js';
import { workerConfigSchema } from '../config.js';
import { taskSchema } from '../domain/tasks.js';
import { EcsWorker } from '../worker.js';

const config = loadConfig(workerConfigSchema);
const logger = createLogger('ecs-chatops');
const clients = regionalClients(config.ECS_CLUSTERS, config.AWS_REGION);
const dynamo = new DynamoDBClient({});

const payloadSchema = z.object({
  source: z.literal('slack'),
  kind: z.enum(['command', 'action', 'event']),
  requestId: z.string(),
  receivedAt: z.string(),
  userId: z.string(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
  responseUrl: z.string().url().optional(),
  messageTs: z.string().optional(),
  task: z.unknown(),
});

let worker: EcsWorker | undefined;
async function workerOf(): Promise<EcsWorker> {
  worker ??= new EcsWorker({
    ecs: new EcsAdapter(clients.ecs),
    metrics: new MetricsAdapter(clients.cloudwatch),
    logs: new LogsAdapter(new CloudWatchLogsClient({})),
    state: new DynamoStateStore(dynamo, config.STATE_TABLE),
    slack: new SlackAdapter(createSlackClient(await getSecret('SLACK_BOT_TOKEN'))),
    notify: new SnsNotifier(new SNSClient({}), config.NOTIFICATION_TOPIC_ARN),
    audit: new AuditWriter(dynamo, config.AUDIT_TABLE),
    clusters: config.ECS_CLUSTERS,
  });
  return worker;
}

export async function handler(event: unknown): Promise<void> {
  const payload = payloadSchema.safeParse(event);
  if (!payload.success) {
    // Not from our gateway: retrying cannot fix it, so it is logged (and goes to the async DLQ) loudly.
    logger.error('worker payload is not valid', { issues: payload.error.issues.slice(0, 3) });
    throw new Error(`invalid worker payload: ${payload.error.issues[0]?.message ?? 'unknown'}`);
  }
  const task = taskSchema.safeParse(payload.data.task);
  if (!task.success) {
    logger.error('worker task is not valid', { requestId: payload.data.requestId });
    throw new Error('invalid ecs-chatops task');
  }
  logger.info('task', { op: task.data.op, requestId: payload.data.requestId, user: payload.data.userId });
  const { task: _task, ...rest } = payload.data;
  await (await workerOf()).handle({ ...rest, task: task.data }, task.data);
}
