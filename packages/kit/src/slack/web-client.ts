import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { SlackDeliveryError } from '../errors.js';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export interface SlackClientOptions {
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * A WebClient fit for Lambda: one quick retry for network blips, an explicit timeout, and 429s
 * rejected at once (the caller turns them into a retry of the event instead of sleeping).
 */
export function createSlackClient(token: string, options: SlackClientOptions = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: options.apiUrl ?? process.env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
    retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 400 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 5000,
    logLevel: LogLevel.ERROR,
  });
}

// Platform errors that a later retry can fix; every other platform error is permanent.
const RETRYABLE_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** Classifies anything a WebClient call threw into a SlackDeliveryError (retryable or permanent). */
export function toSlackDeliveryError(error: unknown): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;
  const e = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return new SlackDeliveryError(
        'ratelimited',
        `Slack rate limit: retry after ${e.retryAfter ?? '?'} s`,
        true,
        e.retryAfter,
      );
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'platform_error';
      return new SlackDeliveryError(code, `Slack answered ${code}`, RETRYABLE_PLATFORM_ERRORS.has(code));
    }
    case ErrorCode.HTTPError:
      return new SlackDeliveryError(
        `http_${e.statusCode ?? 'error'}`,
        `Slack HTTP ${e.statusCode ?? 'error'}`,
        (e.statusCode ?? 500) >= 500,
      );
    case ErrorCode.RequestError:
      return new SlackDeliveryError('request_error', 'could not reach Slack', true);
    default:
      return new SlackDeliveryError('unknown', `Slack call failed: ${e?.message ?? String(error)}`, true);
  }
}
