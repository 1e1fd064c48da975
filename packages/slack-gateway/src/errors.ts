/** Base of the gateway's own errors. */
export class GatewayError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The feature's worker could not be started; the user is told and can try again. */
export class DispatchError extends GatewayError {
  constructor(functionName: string, cause: unknown) {
    super('dispatch_failed', `could not start ${functionName}`, { cause });
  }
}
