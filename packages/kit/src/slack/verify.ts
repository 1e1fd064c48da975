import { createHmac, timingSafeEqual } from 'node:crypto';
import { SlackVerificationError } from '../errors.js';

/** Slack rejects nothing older than this itself; we refuse anything outside it to stop replays. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface SlackHttpRequest {
  /** The body exactly as API Gateway delivered it. */
  body: string;
  isBase64Encoded?: boolean;
  /** Header names in any case. */
  headers: Record<string, string | undefined>;
}

function header(headers: SlackHttpRequest['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The raw body as UTF-8 text: API Gateway may hand it over base64-encoded. */
export function rawBodyOf(request: SlackHttpRequest): string {
  return request.isBase64Encoded ? Buffer.from(request.body, 'base64').toString('utf8') : request.body;
}

export function signSlackBody(signingSecret: string, timestamp: string | number, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return `v0=${digest}`;
}

/**
 * Verifies Slack's v0 signature on the raw body and returns that body as text.
 * Throws SlackVerificationError naming what is wrong (never echoing the secret or the expected value).
 */
export function verifySlackRequest(
  request: SlackHttpRequest,
  signingSecret: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const timestamp = header(request.headers, 'x-slack-request-timestamp');
  const signature = header(request.headers, 'x-slack-signature');
  if (!timestamp || !signature)
    throw new SlackVerificationError('missing X-Slack-Signature or X-Slack-Request-Timestamp header');
  if (!/^\d{1,12}$/.test(timestamp))
    throw new SlackVerificationError('X-Slack-Request-Timestamp is not a number');
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    throw new SlackVerificationError(`request timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s from now`);
  }
  const [version] = signature.split('=', 1);
  if (version !== 'v0')
    throw new SlackVerificationError('unsupported signature version (only v0 is accepted)');
  const rawBody = rawBodyOf(request);
  const expected = Buffer.from(signSlackBody(signingSecret, timestamp, rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SlackVerificationError('signature does not match the body');
  }
  return rawBody;
}
