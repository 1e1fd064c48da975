import { SlackDeliveryError } from '../../src/errors.js';
import { message, section } from '../../src/slack/blocks.js';
import { postToResponseUrl } from '../../src/slack/response-url.js';
import { type LocalServer, startLocalServer } from '../helpers/local-server.js';

async function deliveryError(run: () => Promise<unknown>): Promise<SlackDeliveryError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SlackDeliveryError) return error;
    throw error;
  }
  throw new Error('expected a SlackDeliveryError');
}

describe('response-url (against a local server)', () => {
  let server: LocalServer;
  const reply = message('Restarted api', [section('*api* restarted')], {
    response_type: 'in_channel',
    replace_original: true,
  });

  beforeAll(async () => {
    server = await startLocalServer();
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  describe('postToResponseUrl()', () => {
    it('posts the message as JSON when Slack answers ok', async () => {
      // Prepare
      server.respond({ status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' });

      // Act
      await postToResponseUrl(`${server.url}/commands/T1/123/abc`, reply);

      // Assess
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe('/commands/T1/123/abc');
      expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(request?.body ?? '')).toEqual(reply);
    });

    it('resolves when Slack answers {"ok":true}', async () => {
      // Prepare
      server.respond({ status: 200, body: '{"ok":true}' });

      // Act
      const posting = postToResponseUrl(`${server.url}/r`, reply);

      // Assess
      await expect(posting).resolves.toBeUndefined();
    });

    it.each([404, 410])('throws a permanent expired_url error when the URL answers %i', async (status) => {
      // Prepare
      server.respond({ status, body: 'expired_url' });

      // Act
      const error = await deliveryError(() => postToResponseUrl(`${server.url}/r`, reply));

      // Assess
      expect(error).toMatchObject({ code: 'expired_url', retryable: false });
    });

    it('throws a retryable ratelimited error with Retry-After when the URL answers 429', async () => {
      // Prepare
      server.respond({ status: 429, headers: { 'retry-after': '12' } });

      // Act
      const error = await deliveryError(() => postToResponseUrl(`${server.url}/r`, reply));

      // Assess
      expect(error).toMatchObject({ code: 'ratelimited', retryable: true, retryAfterSeconds: 12 });
    });

    it('assumes 1 s when a 429 has no Retry-After', async () => {
      // Prepare
      server.respond({ status: 429 });

      // Act
      const error = await deliveryError(() => postToResponseUrl(`${server.url}/r`, reply));

      // Assess
      expect(error.retryAfterSeconds).toBe(1);
    });

    it.each([500, 502, 503])('throws a retryable error when the URL answers %i', async (status) => {
      // Prepare
      server.respond({ status, body: 'upstream trouble' });

      // Act
      const error = await deliveryError(() => postToResponseUrl(`${server.url}/r`, reply));

      // Assess
      expect(error).toMatchObject({ code: `http_${status}`, retryable: true });
    });

    it('throws a permanent error carrying the start of the body when the URL answers another 4xx', async () => {
      // Prepare
      server.respond({ status: 400, body: 'invalid_blocks' });

      // Act
      const error = await deliveryError(() => postToResponseUrl(`${server.url}/r`, reply));

      // Assess
      expect(error).toMatchObject({ code: 'http_400', retryable: false });
      expect(error.message).toContain('invalid_blocks');
    });

    it('throws a permanent error with Slack’s code when Slack answers 200 {"ok":false}', async () => {
      // Prepare
      server.respond({ status: 200, body: '{"ok":false,"error":"no_text"}' });

      // Act
      const error = await deliveryError(() => postToResponseUrl(`${server.url}/r`, reply));

      // Assess
      expect(error).toMatchObject({ code: 'no_text', retryable: false });
    });

    it('throws a retryable request_error when nothing listens at the URL', async () => {
      // Prepare
      const closed = await startLocalServer();
      const url = `${closed.url}/r`;
      await closed.close();

      // Act
      const error = await deliveryError(() => postToResponseUrl(url, reply));

      // Assess
      expect(error).toMatchObject({ code: 'request_error', retryable: true });
    });
  });
});
