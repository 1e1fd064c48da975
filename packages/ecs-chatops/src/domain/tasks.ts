// The work the gateway hands the worker. Validated again in the worker: it arrives over Lambda.
import * as z from 'zod/mini';

export const MUTATIONS = ['restart', 'scale', 'rollback'] as const;
export type Mutation = (typeof MUTATIONS)[number];

const target = { cluster: z.string(), service: z.string() };

/** A change a user asked for, carried in buttons and approval records. */
export const changeSchema = z.object({
  action: z.enum(MUTATIONS),
  ...target,
  count: z.optional(z.number().check(z.int(), z.minimum(0))),
  requester: z.string(),
});
export type Change = z.infer<typeof changeSchema>;

export const taskSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('cluster'), cluster: z.string() }),
  z.object({ op: z.literal('status'), ...target }),
  z.object({
    op: z.literal('logs'),
    ...target,
    lines: z.number().check(z.int(), z.minimum(1), z.maximum(1000)),
  }),
  /** Run a confirmed change on an unprotected cluster. */
  z.object({ op: z.literal('run'), change: changeSchema }),
  /** Ask the cluster's approvers to approve a change on a protected cluster. */
  z.object({ op: z.literal('request-approval'), change: changeSchema }),
  z.object({ op: z.literal('decide'), approvalId: z.string(), decision: z.enum(['approve', 'reject']) }),
  /** Refused in the gateway: recorded in the audit trail only. */
  z.object({ op: z.literal('refused'), action: z.string(), resource: z.string(), reason: z.string() }),
]);
export type EcsTask = z.infer<typeof taskSchema>;
