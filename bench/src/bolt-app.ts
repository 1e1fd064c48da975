// The baseline: the smallest Bolt for JavaScript app on Lambda (AwsLambdaReceiver) that answers the
// same slash command. Bundled and measured exactly like the gateway.
import bolt from '@slack/bolt';

const receiver = new bolt.AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '' });
// botId/botUserId given so Bolt does not call auth.test on the first request (that would measure Slack, not Bolt).
const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  tokenVerificationEnabled: false,
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
});

app.command('/ecs-status', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'Usage: /ecs-status cluster=<c> service=<s> action=<a>' });
});

const started = receiver.start();

export async function handler(event: unknown, context: unknown) {
  const lambdaHandler = await started;
  return lambdaHandler(event as never, context as never);
}
