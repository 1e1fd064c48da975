// EventBridge target: ECS Deployment State Change → the Slack announcement of that deployment.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AuditWriter, createLogger, createSlackClient, getSecret, loadConfig } from '@slackops/kit';
import { SlackAdapter } from '../adapters/slack.js';
import { DynamoStateStore } from '../adapters/state.js';
import { deploymentEventsConfigSchema } from '../config.js';
import { deploymentStateChangeSchema, followDeployment } from '../deployment-events.js';

const config = loadConfig(deploymentEventsConfigSchema);
const logger = createLogger('ecs-chatops');
const dynamo = new DynamoDBClient({});
const state = new DynamoStateStore(dynamo, config.STATE_TABLE);
const audit = new AuditWriter(dynamo, config.AUDIT_TABLE);
let slack: SlackAdapter | undefined;

export async function handler(event: unknown): Promise<{ outcome: string }> {
  const parsed = deploymentStateChangeSchema.safeParse(event);
  if (!parsed.success) {
    // The rule only sends these events; anything else is a configuration mistake worth seeing.
    logger.warn('ignored an event that is not an ECS Deployment State Change', {
      issues: parsed.error.issues.slice(0, 3),
    });
    return { outcome: 'ignored' };
  }
  slack ??= new SlackAdapter(createSlackClient(await getSecret('SLACK_BOT_TOKEN')));
  const outcome = await followDeployment(parsed.data, { state, slack, audit });
  logger.info('deployment event', {
    deploymentId: parsed.data.detail.deploymentId,
    eventName: parsed.data.detail.eventName,
    outcome,
  });
  return { outcome };
}
