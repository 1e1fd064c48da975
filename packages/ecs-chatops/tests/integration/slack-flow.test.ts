// Through the real front door: signed requests into the gateway, the worker on the sandbox, replies
// through response_url and the Web API (the real @slack/web-api client) to the Slack stand-in.
import { createSandbox, defaultWorld, type Sandbox } from '@slackops/local';
import { buttonIn, ecsChatopsFeature } from '../../../local/src/features/ecs-chatops.js';

const channel = 'C0OPS';
let sandbox: Sandbox;

const updateServiceCalls = () =>
  sandbox.awsCalls('ecs-chatops-worker').filter((c) => c.operation === 'UpdateService').length;

async function requestProtectedRestart(): Promise<{ ts: string; blocks: unknown }> {
  const asked = await sandbox.slash('/ecs-status cluster=prod service=worker action=restart', {
    user: 'U0OPERATOR',
    channel,
  });
  await sandbox.click(buttonIn(asked.ack?.blocks, 'ecs:confirm'), {
    user: 'U0OPERATOR',
    channel,
    responseUrl: asked.responseUrl,
  });
  await sandbox.settle();
  const request = sandbox.slack
    .messages(channel)
    .filter((m) => m.text.startsWith('Approval needed'))
    .at(-1);
  if (!request) throw new Error('no approval request was posted');
  return { ts: request.ts, blocks: request.blocks };
}

beforeAll(async () => {
  sandbox = await createSandbox({ world: defaultWorld(), features: [ecsChatopsFeature] });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.slack.reset());

describe('/ecs-status through the gateway', () => {
  describe('status', () => {
    it('acknowledges at once and replies with the card through response_url', async () => {
      // Act
      const result = await sandbox.slash('/ecs-status cluster=staging service=web', { channel });
      await sandbox.settle();

      // Assess
      expect(result.response.statusCode).toBe(200);
      expect(String(result.ack?.text)).toContain('Fetching');
      const replies = sandbox.slack.responsesTo(result.responseUrl);
      expect(replies).toHaveLength(1);
      expect(JSON.stringify(replies[0]!.body)).toContain('staging / web');
    });

    it('answers with an error id when AWS says the log group does not exist', async () => {
      // Act: staging/jobs has no log group in the world, so CloudWatch Logs answers ResourceNotFound
      const result = await sandbox.slash('/ecs-status cluster=staging service=jobs action=logs', { channel });
      await sandbox.settle();

      // Assess: a clear message with an id to quote, not a crash
      const body = JSON.stringify(sandbox.slack.responsesTo(result.responseUrl).at(-1)?.body ?? {});
      expect(body).toContain('Error id');
      expect(body).toContain('does not exist');
    });
  });

  describe('approval', () => {
    it('counts an approval once when the same Approve arrives twice at the same time', async () => {
      // Prepare
      const request = await requestProtectedRestart();
      const before = updateServiceCalls();
      const approve = buttonIn(request.blocks, 'ecs:approve');

      // Act
      await Promise.all([
        sandbox.click(approve, { user: 'U0APPROVER', channel, messageTs: request.ts }),
        sandbox.click(approve, { user: 'U0APPROVER', channel, messageTs: request.ts }),
      ]);
      await sandbox.settle();

      // Assess
      expect(updateServiceCalls() - before).toBe(1);
    });

    it('does nothing when the requester approves their own request', async () => {
      // Prepare
      const request = await requestProtectedRestart();
      const before = updateServiceCalls();

      // Act
      const result = await sandbox.click(buttonIn(request.blocks, 'ecs:approve'), {
        user: 'U0OPERATOR',
        channel,
        messageTs: request.ts,
      });
      await sandbox.settle();

      // Assess
      expect(String(result.ack?.text)).toContain('cannot approve your own request');
      expect(updateServiceCalls()).toBe(before);
    });

    it('lets the requester withdraw with Reject', async () => {
      // Prepare
      const request = await requestProtectedRestart();
      const before = updateServiceCalls();

      // Act
      await sandbox.click(buttonIn(request.blocks, 'ecs:reject'), {
        user: 'U0OPERATOR',
        channel,
        messageTs: request.ts,
      });
      await sandbox.settle();

      // Assess
      expect(updateServiceCalls()).toBe(before);
      expect(sandbox.slack.messages(channel).find((m) => m.ts === request.ts)?.text).toContain('Rejected');
    });
  });

  describe('when Slack fails', () => {
    it('runs the change once and still announces it when chat.postMessage is rate limited once', async () => {
      // Prepare
      const asked = await sandbox.slash('/ecs-status cluster=staging service=web action=restart', {
        channel,
      });
      sandbox.slack.injectFault({ method: 'chat.postMessage', status: 429, retryAfterSeconds: 1 });
      const before = updateServiceCalls();

      // Act
      await sandbox.click(buttonIn(asked.ack?.blocks, 'ecs:confirm'), {
        channel,
        responseUrl: asked.responseUrl,
      });
      await sandbox.settle();

      // Assess
      expect(updateServiceCalls() - before).toBe(1);
      const announcement = sandbox.slack
        .messages(channel)
        .find((m) => m.text.includes('restart `staging/web`'));
      expect(announcement?.text).toContain('completed');
    });

    it('tells the requester through response_url when the channel stays unavailable (5xx)', async () => {
      // Prepare
      const asked = await sandbox.slash('/ecs-status cluster=staging service=web action=restart', {
        channel,
      });
      sandbox.slack.injectFault({ method: 'chat.postMessage', status: 503, times: 4 });

      // Act
      await sandbox.click(buttonIn(asked.ack?.blocks, 'ecs:confirm'), {
        channel,
        responseUrl: asked.responseUrl,
      });
      await sandbox.settle();

      // Assess
      const replies = sandbox.slack.responsesTo(asked.responseUrl).map((r) => JSON.stringify(r.body));
      expect(replies.some((r) => r.includes('restart `staging/web`'))).toBe(true);
    });
  });

  describe('deployment events', () => {
    it('ignores a deployment nobody started from Slack while it is in progress', async () => {
      // Act
      const result = await sandbox.lambda.invoke('ecs-chatops-deployment-events', {
        source: 'aws.ecs',
        'detail-type': 'ECS Deployment State Change',
        resources: [],
        detail: { eventName: 'SERVICE_DEPLOYMENT_IN_PROGRESS', deploymentId: 'ecs-svc/unknown' },
      });

      // Assess
      expect(result).toEqual({ outcome: 'not-ours' });
    });

    it('fails (so Lambda retries) when a final state arrives before the announcement is recorded', async () => {
      // Act
      const error = await sandbox.lambda
        .invoke('ecs-chatops-deployment-events', {
          source: 'aws.ecs',
          'detail-type': 'ECS Deployment State Change',
          resources: [],
          detail: { eventName: 'SERVICE_DEPLOYMENT_COMPLETED', deploymentId: 'ecs-svc/not-yet' },
        })
        .catch((e: Error) => e);

      // Assess
      expect((error as Error).message).toContain('no announcement recorded for deployment ecs-svc/not-yet');
    });
  });
});
