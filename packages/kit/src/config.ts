import * as z from 'zod/mini';
import { ConfigError } from './errors.js';

/**
 * Validates the environment once (call it at cold start, outside the handler). A bad value fails
 * with a message that names each variable at fault, never its value (it may be a secret).
 */
export function loadConfig<T>(schema: z.core.$ZodType<T>, env: NodeJS.ProcessEnv = process.env): T {
  const result = z.safeParse(schema, env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path[0] === undefined ? '(environment)' : String(issue.path[0]);
    const where = issue.path.length > 1 ? ` at ${issue.path.slice(1).join('.')}` : '';
    const missing = issue.code === 'invalid_type' && issue.path.length === 1 && env[variable] === undefined;
    return missing ? `${variable} is not set` : `${variable}${where}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
}

/** An environment variable that holds JSON (Terraform's jsonencode), validated by `schema`. */
export function jsonEnv<T>(schema: z.core.$ZodType<T>) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.issues.push({ code: 'custom', message: 'is not valid JSON', input: text });
          return z.NEVER;
        }
      }),
    ),
    schema,
  );
}

/** "true"/"false"/"1"/"0" as a boolean. */
export function booleanEnv(defaultValue: boolean) {
  return z._default(
    z.pipe(
      z.enum(['true', 'false', '1', '0']),
      z.transform((value) => value === 'true' || value === '1'),
    ),
    defaultValue,
  );
}
