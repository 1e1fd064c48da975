import { SlackDeliveryError } from '../errors.js';
import type { SlackMessage } from './blocks.js';

/**
 * Posts to a slash command's or button's response_url (up to 5 times within 30 minutes).
 * Throws SlackDeliveryError: retryable on 429/5xx/network, permanent on an expired or bad URL.
 */
export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage,
  timeoutMs = 5000,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new SlackDeliveryError(
      'request_error',
      `could not reach response_url: ${(error as Error).message}`,
      true,
    );
  }
  const text = await response.text().catch(() => '');
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new SlackDeliveryError(
      'ratelimited',
      'response_url rate limited',
      true,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1,
    );
  }
  if (response.status >= 500)
    throw new SlackDeliveryError(`http_${response.status}`, `response_url answered ${response.status}`, true);
  if (response.status === 404 || response.status === 410) {
    throw new SlackDeliveryError('expired_url', 'response_url has expired (30 minutes, 5 uses)', false);
  }
  if (!response.ok)
    throw new SlackDeliveryError(
      `http_${response.status}`,
      `response_url answered ${response.status}: ${text.slice(0, 100)}`,
      false,
    );
  // Slack answers "ok" or {"ok":false,"error":"…"} with status 200.
  if (text.startsWith('{')) {
    const body = JSON.parse(text) as { ok?: boolean; error?: string };
    if (body.ok === false)
      throw new SlackDeliveryError(
        body.error ?? 'error',
        `response_url refused the message: ${body.error}`,
        false,
      );
  }
}
