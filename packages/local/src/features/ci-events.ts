// ci-events in the sandbox: the queue, its DLQ and event source mapping as Terraform makes them,
// and the ci-events chapter of the demo.
import type { Tour } from '../demo/tour.js';
import type { Sandbox } from '../sandbox.js';
import { createQueue, type LocalQueue, sqsSimulator } from '../sources/sqs.js';
import type { FeatureWiring, Handler, SandboxInfo } from './wiring.js';

export const CI_SANDBOX = {
  queue: 'slackops-ci-events',
  dlq: 'slackops-ci-events-dlq',
  defaultChannel: 'C0CIALERTS',
  criticalChannel: 'C0CRITICAL1',
  heartbeatChannel: 'C0HEARTBEAT',
  // As terraform/modules/ci-events (max_receive_count default).
  maxReceiveCount: 5,
} as const;

const queues = new WeakMap<Sandbox, { queue: LocalQueue; dlq: LocalQueue }>();

/** The ci-events queue and its DLQ of a running sandbox. */
export function ciQueues(sandbox: Sandbox): { queue: LocalQueue; dlq: LocalQueue } {
  const found = queues.get(sandbox);
  if (!found) throw new Error('ci-events is not wired into this sandbox');
  return found;
}

const queueUrl = (info: SandboxInfo, name: string) =>
  `https://sqs.${info.region}.amazonaws.com/${info.accountId}/${name}`;

export function ciEventsEnv(info: SandboxInfo): Record<string, string> {
  return {
    STATE_TABLE: info.tableName('ci-events-state'),
    DEFAULT_CHANNEL: CI_SANDBOX.defaultChannel,
    CRITICAL_CHANNEL: CI_SANDBOX.criticalChannel,
    HEARTBEAT_CHANNEL: CI_SANDBOX.heartbeatChannel,
    ROUTES: JSON.stringify({ repositories: {}, environments: {} }),
    DLQ_URL: queueUrl(info, CI_SANDBOX.dlq),
    POST_SUCCESS_WITHOUT_FAILURE: 'false',
    POWERTOOLS_SERVICE_NAME: 'ci-events',
  };
}

const event = (status: string, run: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: '1',
    source: 'github-actions',
    repository: 'acme/shop',
    pipeline: 'deploy',
    job: 'terraform-apply',
    branch: 'main',
    status,
    run: { id: run, attempt: 1, url: `https://github.com/acme/shop/actions/runs/${run}` },
    commit: { sha: '3f9c2a1b7e', author: 'dana' },
    ...extra,
  });

async function ciChapter(tour: Tour): Promise<void> {
  const { sandbox } = tour;
  const { queue, dlq } = ciQueues(sandbox);
  const channel = CI_SANDBOX.defaultChannel;
  tour.chapter('ci-events: CI/CD failures as threaded alerts');

  tour.say('aws sqs send-message: the deploy pipeline of acme/shop failed (run 101)');
  queue.send(
    event('failed', '101', { error: { message: 'Error: creating ECS Service: InvalidParameterException' } }),
  );
  await queue.drain(sandbox.lambda);
  tour.showSlack();
  const parent = sandbox.slack.messages(channel).find((m) => !m.thread_ts);
  tour.expect(parent !== undefined, 'the first failure posts one alert');

  tour.say('the same pipeline fails again (run 102), and SQS delivers that message twice');
  const again = event('failed', '102');
  queue.send(again);
  queue.send(again);
  await queue.drain(sandbox.lambda);
  tour.showSlack();
  const replies = sandbox.slack.messages(channel).filter((m) => m.thread_ts === parent?.ts);
  tour.expect(replies.length === 1, 'the repeat is one reply in the thread, the duplicate posted nothing');
  tour.expect(
    parent?.text !== undefined &&
      JSON.stringify(sandbox.slack.messages(channel)[0]?.blocks).includes('Failing for 2 runs'),
    "the parent's counter says 2 runs",
  );

  tour.say('run 103 succeeds');
  queue.send(event('succeeded', '103'));
  await queue.drain(sandbox.lambda);
  tour.showSlack();
  tour.expect(
    JSON.stringify(sandbox.slack.messages(channel)[0]?.blocks).includes('Recovered'),
    'the recovery closes the thread and turns the parent green',
  );

  tour.say('the legacy shape {"status":"error","message":"Terraform Apply Failed"} still works');
  queue.send(JSON.stringify({ status: 'error', message: 'Terraform Apply Failed' }));
  await queue.drain(sandbox.lambda);
  tour.showSlack();
  tour.expect(
    sandbox.slack.messages(channel).some((m) => m.text.includes('Terraform Apply Failed')),
    'the minimal shape becomes a failure alert',
  );

  tour.say('a body that is not JSON arrives');
  queue.send('this is not json {');
  await queue.drain(sandbox.lambda);
  tour.showSlack();
  tour.expect(
    dlq.waiting.length === 1 &&
      sandbox.slack.messages(CI_SANDBOX.heartbeatChannel).some((m) => m.text.includes('parked')),
    'it is parked in the DLQ and reported in #heartbeat, not lost',
  );
}

export const ciEventsFeature: FeatureWiring = {
  name: 'ci-events',
  functions: [
    {
      name: 'ci-events-processor',
      load: () =>
        import('@slackops/ci-events/handlers/processor').then((m) => m.handler as unknown as Handler),
      env: ciEventsEnv,
    },
  ],
  tables: [{ name: 'ci-events-state', ttl: true }],
  simulators: [sqsSimulator],
  setup: async (sandbox) => {
    const dlq = createQueue(sandbox, CI_SANDBOX.dlq);
    const queue = createQueue(sandbox, CI_SANDBOX.queue, {
      target: 'ci-events-processor',
      batchSize: 10,
      maxReceiveCount: CI_SANDBOX.maxReceiveCount,
      deadLetter: dlq,
    });
    queues.set(sandbox, { queue, dlq });
  },
  demo: ciChapter,
};
