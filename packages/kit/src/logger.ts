import { Logger } from '@aws-lambda-powertools/logger';
import { redactSecrets } from './redact.js';

export { redactSecrets } from './redact.js';

/** Structured JSON logs (Powertools) with secrets redacted. */
export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName,
    jsonReplacerFn: redactSecrets as (key: string, value: unknown) => unknown,
  });
}
