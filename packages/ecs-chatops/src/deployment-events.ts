// ECS pushes each deployment's progress to EventBridge; the announcement in Slack follows it, so
// nobody has to run the command again to learn the outcome.
import * as z from 'zod';
import { describeChange } from './domain/messages.js';
import { announcement } from './domain/status-card.js';
import { AnnouncementNotFoundError } from './errors.js';
import type { AuditPort, SlackPort, StatePort } from './ports.js';

export const deploymentStateChangeSchema = z.object({
  source: z.literal('aws.ecs'),
  'detail-type': z.literal('ECS Deployment State Change'),
  resources: z.array(z.string()).default([]),
  detail: z.object({
    eventName: z.enum([
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      'SERVICE_DEPLOYMENT_COMPLETED',
      'SERVICE_DEPLOYMENT_FAILED',
    ]),
    deploymentId: z.string(),
    reason: z.string().optional(),
  }),
});
export type DeploymentStateChange = z.infer<typeof deploymentStateChangeSchema>;

const STATE = {
  SERVICE_DEPLOYMENT_IN_PROGRESS: 'IN_PROGRESS',
  SERVICE_DEPLOYMENT_COMPLETED: 'COMPLETED',
  SERVICE_DEPLOYMENT_FAILED: 'FAILED',
} as const;

export async function followDeployment(
  event: DeploymentStateChange,
  ports: { state: StatePort; slack: SlackPort; audit: AuditPort },
): Promise<'updated' | 'not-ours'> {
  const record = await ports.state.getAnnouncement(event.detail.deploymentId);
  if (!record) {
    // Deployments nobody started from Slack are not ours; ours may not be recorded yet (the event
    // can beat the worker's write): IN_PROGRESS is ignored, a final state is retried by Lambda.
    if (event.detail.eventName === 'SERVICE_DEPLOYMENT_IN_PROGRESS') return 'not-ours';
    throw new AnnouncementNotFoundError(event.detail.deploymentId);
  }
  const state = STATE[event.detail.eventName];
  const text = announcement({
    who: record.change.requester,
    what: describeChange(record.change),
    state,
    deploymentId: record.deploymentId,
    ...(record.approver ? { approver: record.approver } : {}),
    ...(event.detail.reason ? { detail: event.detail.reason } : {}),
  });
  await ports.slack.update(record.channelId, record.messageTs, text);
  if (state !== 'IN_PROGRESS') {
    await ports.audit.write({
      resource: `ecs:${record.change.cluster}/${record.change.service}`,
      actor: record.change.requester,
      action: record.change.action,
      outcome: state === 'COMPLETED' ? 'succeeded' : 'failed',
      requestId: record.requestId,
      channelId: record.channelId,
      detail: `deployment ${record.deploymentId}${event.detail.reason ? `: ${event.detail.reason}` : ''}`,
    });
  }
  return 'updated';
}
