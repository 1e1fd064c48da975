// Incoming-webhook delivery: every event is its own message (a webhook cannot thread or edit).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ciEventsFeature, createSandbox, type Sandbox } from '@slackops/local';
import { DynamoState } from '../../src/adapters/state.js';
import { WebhookSlackAdapter } from '../../src/adapters/webhook.js';
import { CiEventProcessor } from '../../src/processor.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox({ world: {}, features: [ciEventsFeature] });
});
afterAll(() => sandbox.close());

const event = (status: string, run: string) =>
  JSON.stringify({ repository: 'acme/hooks', pipeline: 'deploy', status, run: { id: run, attempt: 1 } });

describe('WebhookSlackAdapter', () => {
  it('posts failures, repeats and the recovery as separate messages, each once', async () => {
    // Prepare: the stand-in's response URLs answer exactly like an incoming webhook ("ok")
    const webhookUrl = sandbox.slack.newResponseUrl();
    const processor = new CiEventProcessor({
      state: new DynamoState(new DynamoDBClient({}), sandbox.info.tableName('ci-events-state')),
      slack: new WebhookSlackAdapter(async () => webhookUrl),
      parking: { park: async () => undefined },
      config: { DEFAULT_CHANNEL: 'C0CIALERTS', POST_SUCCESS_WITHOUT_FAILURE: false },
    });

    // Act
    const outcomes = [
      await processor.process('m1', event('failed', 'w1')),
      await processor.process('m2', event('failed', 'w2')),
      await processor.process('m2', event('failed', 'w2')),
      await processor.process('m3', event('succeeded', 'w3')),
    ];

    // Assess
    expect(outcomes).toEqual(['posted', 'replied', 'duplicate', 'recovered']);
    const posts = sandbox.slack.responsesTo(webhookUrl).map((p) => JSON.stringify(p.body));
    expect(posts).toHaveLength(3);
    expect(posts.every((p) => !p.includes('thread_ts'))).toBe(true);
  });
});
