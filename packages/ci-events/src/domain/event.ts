// The event contract (version 1), the legacy minimal shape, and what becomes of any other body.
import * as z from 'zod';

export const MAX_BODY_BYTES = 256 * 1024;

export const ciEventSchema = z
  .object({
    version: z.literal('1').default('1'),
    source: z.enum(['github-actions', 'gitlab', 'jenkins', 'terraform', 'custom']).default('custom'),
    repository: z.string().min(1).max(200),
    pipeline: z.string().min(1).max(200).describe('workflow or pipeline name'),
    job: z.string().max(200).optional().describe('job or stage'),
    branch: z.string().max(250).default('main'),
    commit: z
      .object({
        sha: z.string().max(64),
        message: z.string().max(2000).optional(),
        author: z.string().max(200).optional(),
      })
      .optional(),
    status: z.enum(['failed', 'succeeded', 'cancelled']),
    run: z.object({
      id: z.string().min(1).max(100),
      attempt: z.number().int().min(1).default(1),
      url: z.string().url().optional(),
    }),
    actor: z.string().max(200).optional(),
    environment: z.string().max(100).optional(),
    error: z
      .object({ message: z.string().max(4000).optional(), log: z.string().max(20000).optional() })
      .optional(),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
    channel: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/)
      .optional()
      .describe('Slack channel id that overrides routing'),
  })
  .describe('slackops ci-events event, version 1');
export type CiEvent = z.infer<typeof ciEventSchema>;

/** The shape the original SQS alerting setup documents: {"status":"error","message":"Terraform Apply Failed"}. */
const legacySchema = z.object({
  status: z.string().regex(/^(error|failed|failure|fail|success|succeeded|ok)$/i),
  message: z.string().min(1).max(4000),
  repository: z.string().optional(),
  pipeline: z.string().optional(),
  branch: z.string().optional(),
  url: z.string().url().optional(),
});

export type ParsedBody =
  | { kind: 'event'; event: CiEvent; legacy: boolean }
  | { kind: 'generic'; json: unknown }
  | { kind: 'invalid'; reason: string };

function fromLegacy(legacy: z.infer<typeof legacySchema>, fingerprint: string): CiEvent {
  const failed = /^(error|failed|failure|fail)$/i.test(legacy.status);
  return ciEventSchema.parse({
    source: 'custom',
    repository: legacy.repository ?? 'unknown',
    pipeline: legacy.pipeline ?? legacy.message.slice(0, 200),
    branch: legacy.branch ?? 'main',
    status: failed ? 'failed' : 'succeeded',
    // No run id in the legacy shape: the message's own fingerprint makes duplicates recognisable.
    run: { id: fingerprint, attempt: 1, ...(legacy.url ? { url: legacy.url } : {}) },
    error: failed ? { message: legacy.message } : undefined,
  });
}

/** Never throws: every body becomes an event, a generic alert or an invalid body to park. */
export function parseBody(body: string, fingerprint: string): ParsedBody {
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES)
    return { kind: 'invalid', reason: `body is larger than ${MAX_BODY_BYTES / 1024} KiB` };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'body is not JSON' };
  }
  const event = ciEventSchema.safeParse(json);
  if (event.success) return { kind: 'event', event: event.data, legacy: false };
  const legacy = legacySchema.safeParse(json);
  if (legacy.success) return { kind: 'event', event: fromLegacy(legacy.data, fingerprint), legacy: true };
  return { kind: 'generic', json };
}

/** The key that makes a delivery of the same (run, attempt, status) count once. */
export const eventKey = (event: CiEvent): string =>
  `event#${event.repository}#${event.run.id}#${event.run.attempt}#${event.status}`;

/** One Slack thread per (repository, pipeline, branch). */
export const threadKey = (event: CiEvent): string =>
  `thread#${event.repository}#${event.pipeline}#${event.branch}`;
