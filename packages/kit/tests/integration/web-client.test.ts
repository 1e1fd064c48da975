import { createServer } from 'node:http';
import {
  createSlackClient,
  DEFAULT_SLACK_API_URL,
  toSlackDeliveryError,
} from '../../src/slack/web-client.js';
import type { SlackDeliveryError } from '../../src/errors.js';
import { type LocalServer, startLocalServer } from '../helpers/local-server.js';

async function deliveryError(call: () => Promise<unknown>): Promise<SlackDeliveryError> {
  try {
    await call();
  } catch (error) {
    return toSlackDeliveryError(error);
  }
  throw new Error('expected the call to fail');
}

describe('web-client (against a local Slack stand-in)', () => {
  let slack: LocalServer;

  beforeAll(async () => {
    slack = await startLocalServer();
  });

  afterAll(async () => {
    await slack.close();
  });

  beforeEach(() => {
    slack.requests.length = 0;
  });

  describe('createSlackClient()', () => {
    it('posts to the configured API URL with the bot token', async () => {
      // Prepare
      slack.respond({ status: 200, body: JSON.stringify({ ok: true, channel: 'C1', ts: '1.2' }) });
      const client = createSlackClient('xoxb-test-token', { apiUrl: `${slack.url}/api/` });

      // Act
      const result = await client.chat.postMessage({ channel: 'C1', text: 'hello' });

      // Assess
      expect(result).toMatchObject({ ok: true, ts: '1.2' });
      expect(slack.requests).toHaveLength(1);
      expect(slack.requests[0]?.url).toBe('/api/chat.postMessage');
      expect(slack.requests[0]?.headers.authorization).toBe('Bearer xoxb-test-token');
    });

    it('uses SLACK_API_URL when no apiUrl is given', async () => {
      // Prepare
      slack.respond({ status: 200, body: '{"ok":true}' });
      const saved = process.env.SLACK_API_URL;
      process.env.SLACK_API_URL = `${slack.url}/from-env/`;

      // Act
      try {
        await createSlackClient('xoxb-t').auth.test();
      } finally {
        if (saved === undefined) delete process.env.SLACK_API_URL;
        else process.env.SLACK_API_URL = saved;
      }

      // Assess
      expect(DEFAULT_SLACK_API_URL).toBe('https://slack.com/api/');
      expect(slack.requests[0]?.url).toBe('/from-env/auth.test');
    });

    it('fails at once with a retryable error carrying Retry-After when Slack answers 429', async () => {
      // Prepare
      slack.respond({
        status: 429,
        headers: { 'retry-after': '7' },
        body: '{"ok":false,"error":"ratelimited"}',
      });
      const client = createSlackClient('xoxb-t', { apiUrl: `${slack.url}/api/` });

      // Act
      const started = Date.now();
      const error = await deliveryError(() => client.chat.postMessage({ channel: 'C1', text: 'x' }));

      // Assess
      expect(error).toMatchObject({ code: 'ratelimited', retryable: true, retryAfterSeconds: 7 });
      expect(slack.requests).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(3000);
    });

    it('fails with a permanent error when Slack answers ok:false channel_not_found', async () => {
      // Prepare
      slack.respond({ status: 200, body: '{"ok":false,"error":"channel_not_found"}' });
      const client = createSlackClient('xoxb-t', { apiUrl: `${slack.url}/api/` });

      // Act
      const error = await deliveryError(() => client.chat.postMessage({ channel: 'C404', text: 'x' }));

      // Assess
      expect(error).toMatchObject({ code: 'channel_not_found', retryable: false });
    });

    it('retries once and then fails with a retryable error when Slack answers 500', async () => {
      // Prepare
      slack.respond({ status: 500, body: 'oops' });
      const client = createSlackClient('xoxb-t', { apiUrl: `${slack.url}/api/` });

      // Act
      const error = await deliveryError(() => client.chat.postMessage({ channel: 'C1', text: 'x' }));

      // Assess
      expect(error).toMatchObject({ code: 'http_500', retryable: true });
      expect(slack.requests).toHaveLength(2);
    });

    it('fails with a retryable request_error when Slack does not answer in time', async () => {
      // Prepare
      const stalled = await startStalledServer();
      const client = createSlackClient('xoxb-t', { apiUrl: `${stalled.url}/api/`, timeoutMs: 100 });

      // Act
      let error: SlackDeliveryError;
      try {
        error = await deliveryError(() => client.auth.test());
      } finally {
        await stalled.close();
      }

      // Assess
      expect(error).toMatchObject({ code: 'request_error', retryable: true });
    });
  });
});

/** A server that accepts connections and never answers. */
async function startStalledServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
