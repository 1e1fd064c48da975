/** Base of every error cost-alerts raises. `code` is stable and safe to show; messages never contain secrets. */
export class CostAlertsError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An event handed to a function that does not have the shape its trigger delivers (SNS, schedule). */
export class InvalidEventError extends CostAlertsError {
  constructor(message: string) {
    super('invalid_event', message);
  }
}

/** A channel (Slack or the Chatbot SNS topic) did not take a message; `retryable` says whether a retry may. */
export class DeliveryError extends CostAlertsError {
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(code, message, options);
    this.retryable = retryable;
  }
}

/** Cost Explorer refused or failed a request of the daily report. */
export class CostExplorerError extends CostAlertsError {
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(code, message, options);
    this.retryable = retryable;
  }
}
