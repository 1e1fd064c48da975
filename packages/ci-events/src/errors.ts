/** Base of ci-events errors. */
export class CiEventsError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Another delivery of the same event or thread is at work: retry this message later. */
export class BusyError extends CiEventsError {
  constructor(what: string) {
    super('busy', `${what} is being handled by another delivery; retried later`);
  }
}
