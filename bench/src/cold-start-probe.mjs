// Runs in a fresh node process: imports one bundle and answers one signed slash command, then
// `WARM` more. Prints JSON timings. Used by gateway.ts for both the gateway and the Bolt baseline.
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const [bundlePath, warmCount] = process.argv.slice(2);
const secret = process.env.SLACK_SIGNING_SECRET;

function signedEvent(i) {
  const body = new URLSearchParams({
    command: '/ecs-status',
    text: 'help',
    response_url: 'https://hooks.slack.com/commands/T0/1/x',
    trigger_id: `t${i}`,
    user_id: 'U0OPERATOR',
    team_id: 'T0SANDBOX',
    channel_id: 'C0OPS',
    api_app_id: 'A0',
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': signature,
  };
  return {
    // API Gateway payload 2.0 fields (gateway) plus the 1.0 ones Bolt's AwsLambdaReceiver reads.
    version: '2.0',
    rawPath: '/slack/commands',
    path: '/slack/commands',
    httpMethod: 'POST',
    headers,
    multiValueHeaders: {},
    requestContext: { requestId: `r${i}`, http: { method: 'POST', path: '/slack/commands' } },
    body,
    isBase64Encoded: false,
  };
}

const context = { awsRequestId: 'probe', getRemainingTimeInMillis: () => 3000 };
const t0 = performance.now();
const mod = await import(bundlePath);
const t1 = performance.now();
const first = await mod.handler(signedEvent(0), context, () => {});
const t2 = performance.now();
if (first?.statusCode !== 200) throw new Error(`first answer was ${JSON.stringify(first)}`);
const warm = [];
for (let i = 1; i <= Number(warmCount); i++) {
  const s = performance.now();
  const answer = await mod.handler(signedEvent(i), context, () => {});
  warm.push(performance.now() - s);
  if (answer?.statusCode !== 200) throw new Error(`answer ${i} was ${JSON.stringify(answer)}`);
}
process.stdout.write(
  JSON.stringify({ importMs: t1 - t0, firstAnswerMs: t2 - t1, coldMs: t2 - t0, warm, body: first.body }),
);
process.exit(0);
