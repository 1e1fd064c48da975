// SQS → processor → Slack stand-in, with the sandbox queue's partial-batch and DLQ semantics, and
// thread state on dynalite.
import fc from 'fast-check';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createSlackClient } from '@slackops/kit';
import {
  CI_SANDBOX,
  ciEventsFeature,
  ciQueues,
  createSandbox,
  SANDBOX_BOT_TOKEN,
  type Sandbox,
} from '@slackops/local';
import { SlackAdapter } from '../../src/adapters/slack.js';
import { DynamoState } from '../../src/adapters/state.js';
import { CiEventProcessor } from '../../src/processor.js';

let sandbox: Sandbox;
// Slack's 1 message/s per channel is paced in real time; these tests are about delivery, not pace.
const fastFeature = {
  ...ciEventsFeature,
  functions: ciEventsFeature.functions.map((fn) => ({
    ...fn,
    env: (info: Parameters<typeof fn.env>[0]) => ({ ...fn.env(info), SLACK_POST_INTERVAL_MS: '5' }),
  })),
};

beforeAll(async () => {
  sandbox = await createSandbox({ world: {}, features: [fastFeature] });
});
afterAll(() => sandbox.close());

const body = (repository: string, pipeline: string, status: string, run: string) =>
  JSON.stringify({ repository, pipeline, branch: 'main', status, run: { id: run, attempt: 1 } });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const postsMentioning = (runId: string) => {
  const mention = new RegExp(`#${escapeRegExp(runId)}(?![0-9])`);
  return sandbox.slack.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.ok && mention.test(JSON.stringify(c.args)),
  ).length;
};

describe('ci-events-processor', () => {
  it('posts each event once or parks it when a randomized burst meets Slack 429s and 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            pipeline: fc.integer({ min: 0, max: 3 }),
            status: fc.constantFrom('failed', 'failed', 'succeeded'),
            duplicate: fc.boolean(),
          }),
          { minLength: 5, maxLength: 15 },
        ),
        fc.array(
          fc.record({ status: fc.constantFrom(429, 500, 503), times: fc.integer({ min: 1, max: 3 }) }),
          { maxLength: 3 },
        ),
        async (events, faults) => {
          // Prepare
          sandbox.slack.reset();
          const { queue, dlq } = ciQueues(sandbox);
          const repo = `acme/burst-${Math.random().toString(36).slice(2, 8)}`;
          const runs: string[] = [];
          events.forEach((e, i) => {
            const run = `${repo}-${i}`;
            runs.push(run);
            queue.send(body(repo, `p${e.pipeline}`, e.status, run));
            if (e.duplicate) queue.send(body(repo, `p${e.pipeline}`, e.status, run));
          });
          const sent = events.length + events.filter((e) => e.duplicate).length;
          for (const fault of faults)
            sandbox.slack.injectFault({
              method: 'chat.postMessage',
              status: fault.status,
              times: fault.times,
              retryAfterSeconds: 0,
            });
          const deletedBefore = queue.deleted.length;
          const parkedBefore = dlq.waiting.length;

          // Act
          await queue.drain(sandbox.lambda);

          // Assess: nothing left behind, nothing lost, nothing posted twice
          expect(queue.waiting).toEqual([]);
          expect(queue.deleted.length - deletedBefore + (dlq.waiting.length - parkedBefore)).toBe(sent);
          for (const run of runs) expect(postsMentioning(run)).toBeLessThanOrEqual(1);
          const parkedBodies = dlq.waiting.slice(parkedBefore).map((m) => m.body);
          events.forEach((_event, i) => {
            const handled = queue.deleted.some((m) => m.body.includes(`"${runs[i]}"`));
            const parked = parkedBodies.some((b) => b.includes(`"${runs[i]}"`));
            expect(handled || parked).toBe(true);
          });
        },
      ),
      { numRuns: 5 },
    );
  }, 60_000);

  it('posts once when two deliveries of the same event run at the same time', async () => {
    // Prepare: two Lambda containers (two processors) on the same table and the same Slack
    sandbox.slack.reset();
    const container = () =>
      new CiEventProcessor({
        state: new DynamoState(new DynamoDBClient({}), sandbox.info.tableName('ci-events-state')),
        slack: new SlackAdapter(createSlackClient(SANDBOX_BOT_TOKEN)),
        parking: { park: async () => undefined },
        config: { DEFAULT_CHANNEL: CI_SANDBOX.defaultChannel, POST_SUCCESS_WITHOUT_FAILURE: false },
      });
    const message = body('acme/race', 'deploy', 'failed', 'race-1');

    // Act
    const outcomes = await Promise.allSettled([
      container().process('m-1', message),
      container().process('m-2', message),
    ]);
    // SQS delivers the one that was told to retry again later.
    const retry = await container().process('m-2', message);

    // Assess
    expect(postsMentioning('race-1')).toBe(1);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'posted')).toHaveLength(1);
    expect(retry).toBe('duplicate');
  });

  it('parks a message Slack refuses for good and tells #heartbeat', async () => {
    // Prepare
    sandbox.slack.reset();
    const { queue, dlq } = ciQueues(sandbox);
    const parkedBefore = dlq.waiting.length;
    sandbox.slack.injectFault({ method: 'chat.postMessage', status: 200, error: 'channel_not_found' });

    // Act
    queue.send(body('acme/gone', 'deploy', 'failed', 'gone-1'));
    await queue.drain(sandbox.lambda);

    // Assess
    expect(dlq.waiting.length - parkedBefore).toBe(1);
    expect(
      sandbox.slack.messages(CI_SANDBOX.heartbeatChannel).some((m) => m.text.includes('channel_not_found')),
    ).toBe(true);
  });

  it('posts a generic alert with the JSON shown when the body matches no known shape', async () => {
    // Prepare
    sandbox.slack.reset();
    const { queue } = ciQueues(sandbox);

    // Act
    queue.send(JSON.stringify({ pipeline: 'nightly', outcome: 'broken' }));
    await queue.drain(sandbox.lambda);

    // Assess
    const posted = sandbox.slack
      .messages(CI_SANDBOX.heartbeatChannel)
      .find((m) => m.text.includes('unknown format'));
    expect(JSON.stringify(posted?.blocks)).toContain('nightly');
  });
});
