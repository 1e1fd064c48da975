import { ConfigError } from './errors.js';

export type SecretName = 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_WEBHOOK_URL';
export type ParameterReader = (parameterName: string) => Promise<string>;

/**
 * A secret comes from the SSM SecureString named by `<NAME>_PARAM` (how Terraform deploys it) or,
 * for local runs, from the plain variable `<NAME>`. Cached by the reader; never logged.
 */
export async function resolveSecret(
  name: SecretName,
  readParameter: ParameterReader,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const plain = env[name];
  if (plain) return plain;
  const parameterName = env[`${name}_PARAM`];
  if (!parameterName)
    throw new ConfigError(`${name}_PARAM is not set (the SSM parameter that holds ${name})`);
  return readParameter(parameterName);
}

/** A reader that keeps each value for `maxAgeSeconds`, so warm invocations do not call SSM. */
export function cachedReader(
  read: ParameterReader,
  maxAgeSeconds = 300,
  now: () => number = Date.now,
): ParameterReader {
  const cache = new Map<string, { value: Promise<string>; expires: number }>();
  return (parameterName) => {
    const hit = cache.get(parameterName);
    if (hit && hit.expires > now()) return hit.value;
    const value = read(parameterName);
    cache.set(parameterName, { value, expires: now() + maxAgeSeconds * 1000 });
    value.catch(() => cache.delete(parameterName));
    return value;
  };
}
