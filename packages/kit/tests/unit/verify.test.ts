import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { SlackVerificationError } from '../../src/errors.js';
import {
  MAX_CLOCK_SKEW_SECONDS,
  rawBodyOf,
  signSlackBody,
  verifySlackRequest,
} from '../../src/slack/verify.js';

// Slack's documented example (https://api.slack.com/authentication/verifying-requests-from-slack).
// Note the token: `xyzz0WbapA4vBCDEFasx0q6G`. With any other token the documented signature does not match.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = '1531420618';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

/** The spec, written out independently of the code under test. */
function referenceSignature(secret: string, timestamp: string, body: string): string {
  return (
    'v0=' +
    createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(Buffer.from(`v0:${timestamp}:${body}`, 'utf8'))
      .digest('hex')
  );
}

function requestFor(body: string, timestamp: string, signature: string) {
  return { body, headers: { 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature } };
}

function verificationError(run: () => unknown): SlackVerificationError {
  try {
    run();
  } catch (error) {
    if (error instanceof SlackVerificationError) return error;
    throw error;
  }
  throw new Error('expected a SlackVerificationError, nothing was thrown');
}

describe('verify', () => {
  describe('signSlackBody()', () => {
    it('reproduces the signature of Slack’s documented example', () => {
      // Prepare
      const independent = referenceSignature(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY);

      // Act
      const signature = signSlackBody(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY);

      // Assess
      expect(independent).toBe(DOC_SIGNATURE);
      expect(signature).toBe(DOC_SIGNATURE);
    });

    it('matches the spec for arbitrary secrets, timestamps and bodies', () => {
      fc.assert(
        fc.property(
          fc.string({ minLength: 1, unit: 'binary' }),
          fc.integer({ min: 0, max: 2 ** 40 }),
          fc.string({ unit: 'binary' }),
          (secret, timestamp, body) => {
            // Act
            const signature = signSlackBody(secret, timestamp, body);

            // Assess
            expect(signature).toBe(referenceSignature(secret, String(timestamp), body));
          },
        ),
      );
    });
  });

  describe('rawBodyOf()', () => {
    it('decodes a base64 body to UTF-8 text when isBase64Encoded is set', () => {
      // Prepare
      const text = 'text=d\u00e9ploy \u{1F680}&user_id=U1';

      // Act
      const decoded = rawBodyOf({
        body: Buffer.from(text, 'utf8').toString('base64'),
        isBase64Encoded: true,
        headers: {},
      });
      const plain = rawBodyOf({ body: text, isBase64Encoded: false, headers: {} });

      // Assess
      expect(decoded).toBe(text);
      expect(plain).toBe(text);
    });
  });

  describe('verifySlackRequest()', () => {
    const now = Number(DOC_TIMESTAMP);

    it('accepts Slack’s documented example and returns the raw body', () => {
      // Prepare
      const request = requestFor(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE);

      // Act
      const body = verifySlackRequest(request, DOC_SECRET, now);

      // Assess
      expect(body).toBe(DOC_BODY);
    });

    it('verifies the decoded bytes when API Gateway delivers the body base64-encoded', () => {
      // Prepare
      const text = 'command=%2Fecs-status&text=r\u00e9sum\u00e9 \u{1F680}&user_id=U1';
      const signature = referenceSignature(DOC_SECRET, DOC_TIMESTAMP, text);
      const request = {
        ...requestFor(Buffer.from(text, 'utf8').toString('base64'), DOC_TIMESTAMP, signature),
        isBase64Encoded: true,
      };

      // Act
      const body = verifySlackRequest(request, DOC_SECRET, now);

      // Assess
      expect(body).toBe(text);
    });

    it('rejects a base64 body whose encoded form (not its bytes) was signed', () => {
      // Prepare
      const encoded = Buffer.from('command=%2Fecs-status&user_id=U1', 'utf8').toString('base64');
      const request = {
        ...requestFor(encoded, DOC_TIMESTAMP, referenceSignature(DOC_SECRET, DOC_TIMESTAMP, encoded)),
        isBase64Encoded: true,
      };

      // Act
      const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now));

      // Assess
      expect(error.message).toMatch(/does not match/);
    });

    it.each([
      ['lower case', 'x-slack-request-timestamp', 'x-slack-signature'],
      ['upper case', 'X-SLACK-REQUEST-TIMESTAMP', 'X-SLACK-SIGNATURE'],
      ['mixed case', 'X-Slack-Request-Timestamp', 'x-Slack-SIGNATURE'],
    ])('finds the headers whatever their case when they are in %s', (_case, timestampName, signatureName) => {
      // Prepare
      const request = {
        body: DOC_BODY,
        headers: { [timestampName]: DOC_TIMESTAMP, [signatureName]: DOC_SIGNATURE },
      };

      // Act
      const body = verifySlackRequest(request, DOC_SECRET, now);

      // Assess
      expect(body).toBe(DOC_BODY);
    });

    it.each([
      ['exactly 300 s old', MAX_CLOCK_SKEW_SECONDS],
      ['exactly 300 s in the future', -MAX_CLOCK_SKEW_SECONDS],
      ['current', 0],
    ])('accepts a timestamp that is %s', (_label, age) => {
      // Prepare
      const request = requestFor(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE);

      // Act
      const body = verifySlackRequest(request, DOC_SECRET, now + age);

      // Assess
      expect(MAX_CLOCK_SKEW_SECONDS).toBe(300);
      expect(body).toBe(DOC_BODY);
    });

    it.each([
      ['301 s old (stale, a replay)', 301],
      ['301 s in the future', -301],
      ['a day old', 86_400],
    ])('rejects a correctly signed request whose timestamp is %s', (_label, age) => {
      // Prepare
      const request = requestFor(DOC_BODY, DOC_TIMESTAMP, DOC_SIGNATURE);

      // Act
      const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now + age));

      // Assess
      expect(error.code).toBe('slack_verification_failed');
      expect(error.message).toMatch(/timestamp/);
    });

    it.each(['v1', 'V0', 'v00', ''])(
      'rejects the signature version "%s" even with the v0 digest',
      (version) => {
        // Prepare
        const request = requestFor(DOC_BODY, DOC_TIMESTAMP, `${version}=${DOC_SIGNATURE.slice(3)}`);

        // Act
        const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now));

        // Assess
        expect(error.message).toMatch(/version/);
      },
    );

    it('rejects a tampered body', () => {
      // Prepare
      const request = requestFor(DOC_BODY.replace('text=', 'text=rm%20-rf'), DOC_TIMESTAMP, DOC_SIGNATURE);

      // Act
      const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now));

      // Assess
      expect(error.message).toBe('signature does not match the body');
    });

    it('rejects a body signed with a timestamp other than the one in the header', () => {
      // Prepare
      const other = String(now + 1);
      const request = requestFor(DOC_BODY, other, DOC_SIGNATURE);

      // Act
      const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now));

      // Assess
      expect(error.message).toMatch(/does not match/);
    });

    it('rejects a request signed with another secret, without echoing either secret or the expected value', () => {
      // Prepare
      const request = requestFor(
        DOC_BODY,
        DOC_TIMESTAMP,
        referenceSignature('not-the-secret', DOC_TIMESTAMP, DOC_BODY),
      );

      // Act
      const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now));

      // Assess
      expect(error.message).not.toContain(DOC_SECRET);
      expect(error.message).not.toContain(DOC_SIGNATURE.slice(3));
      expect(error.message).not.toContain('not-the-secret');
    });

    it.each([
      ['the signature header is missing', { 'X-Slack-Request-Timestamp': DOC_TIMESTAMP }],
      ['the timestamp header is missing', { 'X-Slack-Signature': DOC_SIGNATURE }],
      ['both headers are missing', {}],
      [
        'the signature header is empty',
        { 'X-Slack-Request-Timestamp': DOC_TIMESTAMP, 'X-Slack-Signature': '' },
      ],
      [
        'the timestamp header is undefined',
        { 'X-Slack-Request-Timestamp': undefined, 'X-Slack-Signature': DOC_SIGNATURE },
      ],
    ])('rejects the request when %s', (_label, headers) => {
      // Act
      const error = verificationError(() => verifySlackRequest({ body: DOC_BODY, headers }, DOC_SECRET, now));

      // Assess
      expect(error.message).toMatch(/missing/);
    });

    it.each(['1531420618.5', '-1531420618', 'abc', '0x5b47ab0a', '1'.repeat(13)])(
      'rejects the non-numeric or oversized timestamp "%s"',
      (timestamp) => {
        // Prepare
        const request = requestFor(DOC_BODY, timestamp, referenceSignature(DOC_SECRET, timestamp, DOC_BODY));

        // Act
        const error = verificationError(() => verifySlackRequest(request, DOC_SECRET, now));

        // Assess
        expect(error.message).toMatch(/not a number/);
      },
    );

    it.each([
      ['too short', 'v0=abc'],
      ['too long', `${DOC_SIGNATURE}00`],
      ['only the version', 'v0='],
      ['the same length in characters but longer in bytes', `v0=${'\u00e9'.repeat(64)}`],
    ])(
      'throws SlackVerificationError, never a RangeError, for a signature that is %s',
      (_label, signature) => {
        // Prepare
        const request = requestFor(DOC_BODY, DOC_TIMESTAMP, signature);

        // Act
        const run = () => verifySlackRequest(request, DOC_SECRET, now);

        // Assess
        expect(run).toThrow(SlackVerificationError);
        expect(run).toThrow('signature does not match the body');
      },
    );

    it('accepts any request signed by the spec within the window and rejects any change to its body', () => {
      fc.assert(
        fc.property(
          fc.string({ minLength: 1 }),
          fc.string({ unit: 'grapheme' }),
          fc.integer({ min: -MAX_CLOCK_SKEW_SECONDS, max: MAX_CLOCK_SKEW_SECONDS }),
          fc.string({ minLength: 1, maxLength: 3 }),
          (secret, body, skew, extra) => {
            // Prepare
            const request = requestFor(body, DOC_TIMESTAMP, referenceSignature(secret, DOC_TIMESTAMP, body));
            const tampered = requestFor(
              body + extra,
              DOC_TIMESTAMP,
              referenceSignature(secret, DOC_TIMESTAMP, body),
            );

            // Act
            const accepted = verifySlackRequest(request, secret, now + skew);

            // Assess
            expect(accepted).toBe(body);
            expect(() => verifySlackRequest(tampered, secret, now + skew)).toThrow(SlackVerificationError);
          },
        ),
      );
    });
  });
});
