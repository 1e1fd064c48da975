// Pure, so the gateway can redact its own logs without Powertools.
const SECRET_KEY = /token|secret|signature|password|authorization|credential|webhook/i;
const SECRET_VALUE =
  /\bxoxe[.-][A-Za-z0-9.-]+|\bxox[abposr]-[A-Za-z0-9-]+|\bxapp-[A-Za-z0-9-]+|https:\/\/hooks\.slack\.com\/[^\s"]+/g;

/** JSON replacer that hides secrets by key name and Slack token/webhook shapes anywhere in strings. */
export function redactSecrets(key: string, value: unknown): unknown {
  if (key && SECRET_KEY.test(key) && typeof value === 'string') return '[REDACTED]';
  if (typeof value === 'string') return value.replace(SECRET_VALUE, '[REDACTED]');
  return value;
}
