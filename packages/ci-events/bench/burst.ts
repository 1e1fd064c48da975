// A burst of 500 CI events across 20 pipelines (failures, repeats, recoveries, duplicate sends)
// through the sandbox queue, with the Slack stand-in enforcing 1 message/s per channel and answering
// 429 beyond it, next to a naive processor (one post per event) on the same burst in the same run.
// Slack's clock runs 20× faster than the wall clock, so a run takes seconds, not minutes.
import { createSlackClient } from '@slackops/kit';
import { CI_SANDBOX, ciEventsFeature, ciQueues, createSandbox, SANDBOX_BOT_TOKEN } from '@slackops/local';

const EVENTS = 500;
const PIPELINES = 20;
const CLOCK_SCALE = 20;

function burst(seed: number): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const bodies: string[] = [];
  for (let i = 0; bodies.length < EVENTS; i++) {
    const pipeline = Math.floor(random() * PIPELINES);
    const status = random() < 0.7 ? 'failed' : 'succeeded';
    // One channel per pipeline (the event's own `channel`): Slack's limit is per channel.
    const channel = `C0PIPE${String(pipeline).padStart(2, '0')}`;
    const body = JSON.stringify({
      repository: `acme/repo-${pipeline}`,
      pipeline: 'deploy',
      branch: 'main',
      status,
      channel,
      run: { id: `r${i}`, attempt: 1 },
    });
    bodies.push(body);
    if (random() < 0.1 && bodies.length < EVENTS) bodies.push(body); // a duplicate send
  }
  return bodies;
}

interface Result {
  slackCalls: number;
  posts: number;
  lost: number;
  duplicates: number;
  parked: number;
  wallMs: number;
}

async function run(kind: 'slackops' | 'naive', bodies: string[]): Promise<Result> {
  const start = Date.now();
  // The processor paces itself at Slack's 1 message/s per channel, on the same scaled clock.
  const feature = {
    ...ciEventsFeature,
    functions: ciEventsFeature.functions.map((fn) => ({
      ...fn,
      env: (info: Parameters<typeof fn.env>[0]) => ({
        ...fn.env(info),
        SLACK_POST_INTERVAL_MS: String(Math.ceil(1000 / CLOCK_SCALE)),
      }),
    })),
  };
  const sandbox = await createSandbox({
    world: {},
    features: [feature],
    slack: { perChannelPerSecond: 1, now: () => start + (Date.now() - start) * CLOCK_SCALE },
  });
  try {
    const { queue, dlq } = ciQueues(sandbox);
    if (kind === 'naive') {
      // The naive processor: one chat.postMessage per message, no state, 429 → SQS retry.
      const slack = createSlackClient(SANDBOX_BOT_TOKEN);
      sandbox.lambda.register({
        name: 'ci-events-processor',
        env: () => ({}),
        load: async () => async (event) => {
          const failures: Array<{ itemIdentifier: string }> = [];
          for (const record of (event as { Records: Array<{ messageId: string; body: string }> }).Records) {
            const channel =
              (JSON.parse(record.body) as { channel?: string }).channel ?? CI_SANDBOX.defaultChannel;
            await slack.chat
              .postMessage({ channel, text: record.body.slice(0, 200) })
              .catch(() => failures.push({ itemIdentifier: record.messageId }));
          }
          return { batchItemFailures: failures };
        },
      });
    }
    for (const body of bodies) queue.send(body);
    const began = Date.now();
    await queue.drain(sandbox.lambda, () => new Promise((resolve) => setTimeout(resolve, 50)), 500);
    const wallMs = Date.now() - began;
    const posted = sandbox.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.ok);
    const perRun = new Map<string, number>();
    for (const call of posted) {
      const run = /\br(\d+)\b/.exec(JSON.stringify(call.args))?.[0];
      if (run) perRun.set(run, (perRun.get(run) ?? 0) + 1);
    }
    return {
      slackCalls: sandbox.slack.calls.length,
      posts: posted.length,
      lost: queue.waiting.length,
      duplicates: [...perRun.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      parked: dlq.waiting.length,
      wallMs,
    };
  } finally {
    await sandbox.close();
  }
}

const bodies = burst(42);
const ours = await run('slackops', bodies);
const naive = await run('naive', bodies);
const rows: Array<[string, string, string]> = [
  ['messages sent', String(bodies.length), String(bodies.length)],
  ['Slack calls (incl. 429s)', String(ours.slackCalls), String(naive.slackCalls)],
  [
    'Slack calls per message',
    (ours.slackCalls / bodies.length).toFixed(2),
    (naive.slackCalls / bodies.length).toFixed(2),
  ],
  ['messages posted to Slack', String(ours.posts), String(naive.posts)],
  ['lost (neither handled nor parked)', String(ours.lost), String(naive.lost)],
  ['duplicates posted', String(ours.duplicates), String(naive.duplicates)],
  ['parked in the DLQ', String(ours.parked), String(naive.parked)],
  ['wall time', `${(ours.wallMs / 1000).toFixed(1)} s`, `${(naive.wallMs / 1000).toFixed(1)} s`],
];
console.log(
  `ci-events burst: ${EVENTS} events, ${PIPELINES} pipelines, Slack at 1 message/s per channel (clock ×${CLOCK_SCALE})`,
);
const widths = [34, 12, 12];
console.log(
  ['', 'slackops', 'naive'].map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(''),
);
for (const row of rows)
  console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(''));
