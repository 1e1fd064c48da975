/** Base of every error kit raises. `code` is stable and safe to show; messages never contain secrets. */
export class KitError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A Slack request whose signature, timestamp or version does not check out. */
export class SlackVerificationError extends KitError {
  constructor(message: string) {
    super('slack_verification_failed', message);
  }
}

/** A Slack request body (slash command, interaction, event) that does not have the expected shape. */
export class SlackPayloadError extends KitError {
  constructor(message: string) {
    super('slack_payload_invalid', message);
  }
}

/** Slash-command text that the argument grammar cannot read; `token` is the offending piece. */
export class CommandSyntaxError extends KitError {
  readonly token: string;
  constructor(message: string, token: string) {
    super('command_syntax', message);
    this.token = token;
  }
}

/** An environment variable that is missing or has a bad value; the message names the variable. */
export class ConfigError extends KitError {
  constructor(message: string) {
    super('config_invalid', message);
  }
}

/** A call to an AWS API made without the SDK (signed fetch) that failed. */
export class AwsRequestError extends KitError {
  readonly status: number;
  readonly retryable: boolean;
  constructor(code: string, message: string, status: number) {
    super(code, message);
    this.status = status;
    this.retryable = status === 429 || status >= 500 || code === 'ThrottlingException';
  }
}

/** A Slack Web API or response_url call that failed. `retryable` says whether a later retry may succeed. */
export class SlackDeliveryError extends KitError {
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  constructor(code: string, message: string, retryable: boolean, retryAfterSeconds?: number) {
    super(code, message);
    this.retryable = retryable;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
