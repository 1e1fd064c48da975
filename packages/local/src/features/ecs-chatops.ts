// ecs-chatops in the sandbox: the worker and the deployment-events function, ECS/CloudWatch/Logs
// answered from the world, deployment events routed by the rule Terraform creates, and the ECS chapter.
import { ecsLogsSimulator, ecsMetricsSimulator, ecsSimulator } from '../aws/services/ecs.js';
import type { Tour } from '../demo/tour.js';
import { snsPublishSimulator, snsTopicsOf } from '../sources/sns.js';
import type { FeatureWiring, Handler, SandboxInfo } from './wiring.js';

export const ECS_SANDBOX = {
  channel: 'C0OPS',
  operator: 'U0OPERATOR',
  approver: 'U0APPROVER',
  visitor: 'U0VISITOR',
  topic: 'slackops-ecs-chatops-notifications',
  clusters: {
    prod: {
      services: ['api', 'worker'],
      protected: true,
      operators: ['U0OPERATOR', 'U0APPROVER'],
      approvers: ['U0APPROVER'],
      max_desired_count: 10,
    },
    staging: {
      services: ['web', 'jobs'],
      protected: false,
      operators: ['U0OPERATOR'],
      approvers: [],
      max_desired_count: 10,
    },
  },
} as const;

const clustersJson = JSON.stringify(ECS_SANDBOX.clusters);

function workerEnv(info: SandboxInfo): Record<string, string> {
  return {
    ECS_CLUSTERS: clustersJson,
    AUDIT_TABLE: info.tableName('audit'),
    STATE_TABLE: info.tableName('ecs-chatops-state'),
    NOTIFICATION_TOPIC_ARN: info.arn('sns', ECS_SANDBOX.topic),
    POWERTOOLS_SERVICE_NAME: 'ecs-chatops',
  };
}

interface ButtonLike {
  type?: string;
  action_id?: string;
  value?: string;
}

/** The button a user would click in a message, found by action_id. */
export function buttonIn(blocks: unknown, actionId: string): { action_id: string; value?: string } {
  for (const block of (blocks as Array<{ elements?: ButtonLike[]; accessory?: ButtonLike }>) ?? []) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.type === 'button' && element.action_id === actionId)
        return { action_id: actionId, ...(element.value ? { value: element.value } : {}) };
    }
  }
  throw new Error(`no button ${actionId} in the message`);
}

async function ecsChapter(tour: Tour): Promise<void> {
  const { sandbox } = tour;
  const { channel, operator, approver, visitor } = ECS_SANDBOX;
  tour.chapter('ecs-chatops: /ecs-status');

  tour.user(operator, '/ecs-status');
  const overview = await sandbox.slash('/ecs-status', { user: operator, channel });
  tour.showAck(overview.ack);
  tour.expect(
    String(overview.ack?.text).includes('prod') && String(overview.ack?.text).includes('staging'),
    'no arguments: the configured clusters, at once',
  );

  tour.user(operator, '/ecs-status cluster=prod service=api');
  const card = await sandbox.slash('/ecs-status cluster=prod service=api', { user: operator, channel });
  tour.showAck(card.ack);
  await sandbox.settle();
  tour.showSlack();
  const cardBody = JSON.stringify(sandbox.slack.responsesTo(card.responseUrl).at(-1)?.body ?? {});
  tour.expect(
    cardBody.includes('prod / api') && cardBody.includes('UNHEALTHY') && cardBody.includes('health checks'),
    'the status card shows tasks, deployments, an unhealthy task and a stopped-task reason',
  );
  const cardCalls = sandbox
    .awsCalls('ecs-chatops-worker')
    .filter((c) => c.service === 'ECS' || c.service === 'CloudWatch');
  tour.expect(
    cardCalls.length === 5,
    `the card took ${cardCalls.length} AWS calls in 2 round trips (${cardCalls.map((c) => c.operation).join(', ')})`,
  );

  tour.user(operator, '/ecs-status cluster=staging service=web action=restart');
  const restart = await sandbox.slash('/ecs-status cluster=staging service=web action=restart', {
    user: operator,
    channel,
  });
  tour.showAck(restart.ack);
  tour.say(`@${operator} clicks Confirm (and Yes in Slack's confirm dialog)`);
  await sandbox.click(buttonIn(restart.ack?.blocks, 'ecs:confirm'), {
    user: operator,
    channel,
    responseUrl: restart.responseUrl,
  });
  await sandbox.settle();
  tour.showSlack();
  const announced = sandbox.slack.messages(channel).find((m) => m.text.includes('restart `staging/web`'));
  tour.expect(
    announced?.history.some((t) => t.includes('in progress')) === true &&
      announced.text.includes('completed'),
    'the announcement updated itself until the deployment completed',
  );

  tour.user(visitor, '/ecs-status cluster=prod service=api action=restart');
  const refused = await sandbox.slash('/ecs-status cluster=prod service=api action=restart', {
    user: visitor,
    channel,
  });
  tour.showAck(refused.ack);
  tour.expect(
    String(refused.ack?.text).includes('not an operator'),
    'someone who is not an operator is refused at once',
  );

  tour.user(operator, '/ecs-status cluster=prod service=api action=restart');
  const protectedRestart = await sandbox.slash('/ecs-status cluster=prod service=api action=restart', {
    user: operator,
    channel,
  });
  tour.showAck(protectedRestart.ack);
  tour.say(`@${operator} clicks Request approval`);
  await sandbox.click(buttonIn(protectedRestart.ack?.blocks, 'ecs:confirm'), {
    user: operator,
    channel,
    responseUrl: protectedRestart.responseUrl,
  });
  await sandbox.settle();
  tour.showSlack();
  const request = sandbox.slack.messages(channel).find((m) => m.text.startsWith('Approval needed'));
  tour.expect(request !== undefined, 'the protected cluster asks its approvers in the channel');
  const restartsBefore = sandbox
    .awsCalls('ecs-chatops-worker')
    .filter((c) => c.operation === 'UpdateService').length;
  tour.say(`@${operator} tries to approve their own request`);
  const self = await sandbox.click(buttonIn(request?.blocks, 'ecs:approve'), {
    user: operator,
    channel,
    messageTs: request?.ts ?? '',
  });
  tour.showAck(self.ack);
  await sandbox.settle();
  const restartsAfterSelf = sandbox
    .awsCalls('ecs-chatops-worker')
    .filter((c) => c.operation === 'UpdateService').length;
  tour.expect(
    String(self.ack?.text).includes('cannot approve your own') && restartsAfterSelf === restartsBefore,
    'the requester cannot approve their own request; nothing ran',
  );
  tour.say(`@${approver} clicks Approve`);
  await sandbox.click(buttonIn(request?.blocks, 'ecs:approve'), {
    user: approver,
    channel,
    messageTs: request?.ts ?? '',
  });
  await sandbox.settle();
  tour.showSlack();
  const approved = sandbox.slack.messages(channel).find((m) => m.ts === request?.ts);
  tour.expect(
    approved?.text.includes('completed') === true &&
      (approved.history.join('\n').includes('Approved') ||
        JSON.stringify(approved.blocks).includes('Approved by')),
    'after a second person approved, the restart ran and its message followed it to completion',
  );
  const emails = snsTopicsOf(sandbox).messages(sandbox.info.arn('sns', ECS_SANDBOX.topic));
  tour.expect(
    emails.length === 1 && emails[0]!.message.includes('U0APPROVER'),
    'an email went to notification_emails (who, what, when, deployment id)',
  );
  if (emails[0]) tour.say(`email: ${emails[0].subject}`);

  tour.user(operator, '/ecs-status cluster=staging service=jobs action=rollback');
  const rollback = await sandbox.slash('/ecs-status cluster=staging service=jobs action=rollback', {
    user: operator,
    channel,
  });
  await sandbox.click(buttonIn(rollback.ack?.blocks, 'ecs:confirm'), {
    user: operator,
    channel,
    responseUrl: rollback.responseUrl,
  });
  await sandbox.settle();
  tour.showSlack();
  const rolledBack = sandbox.slack.messages(channel).find((m) => m.text.includes('roll back `staging/jobs`'));
  tour.expect(
    rolledBack?.text.includes('completed') === true,
    'a rollback stopped the stuck deployment with ROLLBACK and completed',
  );

  tour.user(operator, '/ecs-status cluster=staging service=web action=logs lines=5');
  const logs = await sandbox.slash('/ecs-status cluster=staging service=web action=logs lines=5', {
    user: operator,
    channel,
  });
  await sandbox.settle();
  tour.showSlack();
  tour.expect(
    JSON.stringify(sandbox.slack.responsesTo(logs.responseUrl).at(-1)?.body ?? {}).includes('slow query'),
    'the last log lines of the service',
  );
}

export const ecsChatopsFeature: FeatureWiring = {
  name: 'ecs-chatops',
  functions: [
    {
      name: 'ecs-chatops-worker',
      load: () => import('@slackops/ecs-chatops/handlers/worker').then((m) => m.handler as Handler),
      env: workerEnv,
    },
    {
      name: 'ecs-chatops-deployment-events',
      load: () =>
        import('@slackops/ecs-chatops/handlers/deployment-events').then((m) => m.handler as Handler),
      env: (info) => {
        const { NOTIFICATION_TOPIC_ARN: _topic, ...env } = workerEnv(info);
        return env;
      },
    },
  ],
  tables: [{ name: 'ecs-chatops-state', ttl: true }],
  eventRules: [
    {
      name: 'slackops-ecs-chatops-deployments',
      matches: (e) => e.source === 'aws.ecs' && e['detail-type'] === 'ECS Deployment State Change',
      target: 'ecs-chatops-deployment-events',
    },
  ],
  simulators: [ecsSimulator, ecsMetricsSimulator, ecsLogsSimulator, snsPublishSimulator],
  gatewayEnv: () => ({ ECS_CLUSTERS: clustersJson, ECS_WORKER_FUNCTION: 'ecs-chatops-worker' }),
  setup: async (sandbox) => {
    const topics = snsTopicsOf(sandbox);
    topics.createTopic(ECS_SANDBOX.topic);
    topics.attach(sandbox.lambda);
  },
  demo: ecsChapter,
};
