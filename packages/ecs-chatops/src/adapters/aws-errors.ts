import { EcsAwsError } from '../errors.js';

/** Classifies an SDK error by its name (works for SDK classes and sandbox errors alike). */
export function toEcsAwsError(error: unknown, what: string): EcsAwsError {
  const name = (error as { name?: string })?.name ?? 'Error';
  if (/NotFound|ServiceNotActive|ClusterNotFound|InvalidParameter/.test(name))
    return new EcsAwsError('not-found', `${what}: ${name}`, { cause: error });
  if (/AccessDenied|Unauthorized|NotAuthorized/.test(name))
    return new EcsAwsError('access-denied', `${what}: access denied`, { cause: error });
  if (/Throttl|TooManyRequests|RequestLimitExceeded/.test(name))
    return new EcsAwsError('throttled', `${what}: AWS is throttling`, { cause: error });
  return new EcsAwsError('failed', `${what}: ${name}`, { cause: error });
}

export async function guard<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toEcsAwsError(error, what);
  }
}
