import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { SlackDeliveryError } from '../../src/errors.js';
import { toSlackDeliveryError } from '../../src/slack/web-client.js';

describe('web-client', () => {
  describe('toSlackDeliveryError()', () => {
    it('makes a retryable ratelimited error carrying Retry-After when Slack rate-limits the call', () => {
      // Act
      const error = toSlackDeliveryError(new WebAPIRateLimitedError(30));

      // Assess
      expect(error).toBeInstanceOf(SlackDeliveryError);
      expect(error).toMatchObject({ code: 'ratelimited', retryable: true, retryAfterSeconds: 30 });
      expect(error.message).toBe('Slack rate limit: retry after 30 s');
    });

    it.each(['channel_not_found', 'not_in_channel', 'invalid_auth', 'msg_blocks_too_long'])(
      'makes a permanent error with the platform code when Slack answers %s',
      (code) => {
        // Act
        const error = toSlackDeliveryError(new WebAPIPlatformError({ ok: false, error: code }));

        // Assess
        expect(error).toMatchObject({ code, retryable: false, retryAfterSeconds: undefined });
      },
    );

    it.each(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'])(
      'makes a retryable error when Slack answers %s',
      (code) => {
        // Act
        const error = toSlackDeliveryError(new WebAPIPlatformError({ ok: false, error: code }));

        // Assess
        expect(error).toMatchObject({ code, retryable: true });
      },
    );

    it.each([
      [500, true],
      [503, true],
      [400, false],
      [404, false],
    ])('classifies HTTP %i as retryable=%s', (status, retryable) => {
      // Act
      const error = toSlackDeliveryError(new WebAPIHTTPError(status, 'status', {}, ''));

      // Assess
      expect(error).toMatchObject({ code: `http_${status}`, retryable });
    });

    it('makes a retryable request_error when Slack cannot be reached', () => {
      // Act
      const error = toSlackDeliveryError(new WebAPIRequestError(new Error('ECONNREFUSED')));

      // Assess
      expect(error).toMatchObject({ code: 'request_error', retryable: true });
    });

    it.each([
      ['an Error', new Error('boom'), 'Slack call failed: boom'],
      ['a string', 'boom', 'Slack call failed: boom'],
      ['undefined', undefined, 'Slack call failed: undefined'],
      ['null', null, 'Slack call failed: null'],
    ])('makes a retryable unknown error when it is given %s', (_label, thrown, message) => {
      // Act
      const error = toSlackDeliveryError(thrown);

      // Assess
      expect(error).toMatchObject({ code: 'unknown', retryable: true, message });
    });

    it('returns a SlackDeliveryError unchanged', () => {
      // Prepare
      const original = new SlackDeliveryError('expired_url', 'gone', false);

      // Act
      const error = toSlackDeliveryError(original);

      // Assess
      expect(error).toBe(original);
    });
  });
});
