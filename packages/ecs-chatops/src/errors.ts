/** Base of ecs-chatops errors; `code` is safe to show. */
export class EcsChatopsError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An AWS call failed; `reason` says what the user can do about it. */
export class EcsAwsError extends EcsChatopsError {
  constructor(
    readonly reason: 'not-found' | 'access-denied' | 'throttled' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`aws_${reason.replace('-', '_')}`, message, options);
  }
}

/** A deployment event arrived before its announcement was recorded: the event is retried. */
export class AnnouncementNotFoundError extends EcsChatopsError {
  constructor(deploymentId: string) {
    super('announcement_not_found', `no announcement recorded for deployment ${deploymentId} yet`);
  }
}
