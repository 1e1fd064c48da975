// The worker's use cases, over ports only: the handler wires the adapters in.
import { randomUUID } from 'node:crypto';
import { SlackDeliveryError } from '@slackops/kit';
import {
  actions,
  button,
  context,
  ephemeral,
  escapeText,
  hasAccess,
  mentionAll,
  message,
  section,
  type SlackMessage,
  type WorkerPayload,
} from '@slackops/kit/core';
import type { Clusters } from './config.js';
import { describeChange } from './domain/messages.js';
import { announcement, clusterLine, statusCard } from './domain/status-card.js';
import type { Change, EcsTask } from './domain/tasks.js';
import { EcsAwsError } from './errors.js';
import type { AuditPort, EcsPort, LogsPort, MetricsPort, NotifyPort, SlackPort, StatePort } from './ports.js';

export interface WorkerPorts {
  ecs: EcsPort;
  metrics: MetricsPort;
  logs: LogsPort;
  state: StatePort;
  slack: SlackPort;
  notify: NotifyPort;
  audit: AuditPort;
  clusters: Clusters;
  now?: () => Date;
}

const METRIC_MINUTES = 15;
const INLINE_LOG_CHARS = 2800;

const AWS_ADVICE: Record<EcsAwsError['reason'], string> = {
  'not-found': 'It does not exist (any more) in AWS.',
  'access-denied': "slackops' IAM role may not do this: check the Terraform allow-list.",
  throttled: 'AWS is throttling requests: try again in a minute.',
  failed: 'AWS answered with an error.',
};

export class EcsWorker {
  private readonly now: () => Date;
  constructor(private readonly ports: WorkerPorts) {
    this.now = ports.now ?? (() => new Date());
  }

  async handle(payload: WorkerPayload, task: EcsTask): Promise<void> {
    try {
      await this.run(payload, task);
    } catch (error) {
      if (!(error instanceof EcsAwsError)) throw error;
      // An AWS error is the answer, not a crash: the user gets it with an id to quote.
      const errorId = payload.requestId;
      await this.reply(
        payload,
        ephemeral(
          `:warning: ${escapeText(error.message)}. ${AWS_ADVICE[error.reason]} Error id: \`${errorId}\``,
        ),
      );
      await this.ports.audit.write({
        resource: resourceOf(task),
        actor: payload.userId,
        action: task.op,
        outcome: 'failed',
        requestId: payload.requestId,
        detail: `${error.code}: ${error.message}`,
        ...channel(payload),
      });
    }
  }

  private async run(payload: WorkerPayload, task: EcsTask): Promise<void> {
    switch (task.op) {
      case 'cluster':
        return this.clusterOverview(payload, task.cluster);
      case 'status':
        return this.status(payload, task.cluster, task.service);
      case 'logs':
        return this.logs(payload, task.cluster, task.service, task.lines);
      case 'run':
        if (!(await this.mayOperate(payload, task.change))) return;
        return this.execute(payload, task.change);
      case 'request-approval':
        if (!(await this.mayOperate(payload, task.change))) return;
        return this.requestApproval(payload, task.change);
      case 'decide':
        return this.decide(payload, task.approvalId, task.decision);
      case 'refused':
        return this.ports.audit.write({
          resource: task.resource,
          actor: payload.userId,
          action: task.action,
          outcome: 'refused',
          requestId: payload.requestId,
          detail: task.reason,
          ...channel(payload),
        });
    }
  }

  private async reply(payload: WorkerPayload, reply: SlackMessage): Promise<void> {
    if (payload.responseUrl) await this.ports.slack.respond(payload.responseUrl, reply);
    else if (payload.channelId) await this.ports.slack.post(payload.channelId, reply);
  }

  private async clusterOverview(payload: WorkerPayload, cluster: string): Promise<void> {
    const services = await this.ports.ecs.describeServices(
      cluster,
      this.ports.clusters[cluster]?.services ?? [],
    );
    const lines = services.map(clusterLine);
    await this.reply(
      payload,
      message(
        `${cluster}: ${services.length} services`,
        [
          section(`*${escapeText(cluster)}*\n${lines.join('\n')}`),
          context(['`/ecs-status cluster=<c> service=<s>` for a status card']),
        ],
        { response_type: 'ephemeral', replace_original: true },
      ),
    );
  }

  private async status(payload: WorkerPayload, cluster: string, service: string): Promise<void> {
    const [[view], tasks, utilization] = await Promise.all([
      this.ports.ecs.describeServices(cluster, [service]),
      this.ports.ecs.tasksOf(cluster, service),
      this.ports.metrics.utilization(cluster, service, METRIC_MINUTES),
    ]);
    if (!view) throw new EcsAwsError('not-found', `service ${cluster}/${service} was not found`);
    await this.reply(payload, {
      ...statusCard(view, tasks, utilization, this.now()),
      replace_original: true,
    });
  }

  private async logs(payload: WorkerPayload, cluster: string, service: string, lines: number): Promise<void> {
    const [view] = await this.ports.ecs.describeServices(cluster, [service]);
    if (!view) throw new EcsAwsError('not-found', `service ${cluster}/${service} was not found`);
    const targets = await this.ports.ecs.logTargets(view.taskDefinition);
    if (targets.length === 0) {
      await this.reply(
        payload,
        ephemeral(`\`${cluster}/${service}\` has no container with the awslogs log driver: nothing to read.`),
      );
      return;
    }
    const perTarget = await Promise.all(
      targets.map(async (t) => ({ t, events: await this.ports.logs.latest(t.group, t.streamPrefix, lines) })),
    );
    const merged = perTarget
      .flatMap(({ t, events }) => events.map((e) => ({ ...e, container: t.container })))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .slice(-lines)
      .map((e) => `${e.at.toISOString().slice(11, 19)} ${e.container} ${e.message}`);
    const text = merged.join('\n') || '(no log lines in the last hour)';
    const title = `Last ${merged.length} log line(s) of ${cluster}/${service}`;
    if (text.length <= INLINE_LOG_CHARS || !payload.channelId) {
      const shown = text.length > INLINE_LOG_CHARS ? `${text.slice(-INLINE_LOG_CHARS)}` : text;
      const note = text.length > INLINE_LOG_CHARS ? '\n_Older lines left out to fit a Slack message._' : '';
      await this.reply(
        payload,
        message(title, [section(`*${escapeText(title)}*\n\`\`\`${escapeText(shown)}\`\`\`${note}`)], {
          response_type: 'ephemeral',
        }),
      );
      return;
    }
    // Too long for a message: upload it as a file (files.getUploadURLExternal flow).
    await this.ports.slack.upload(payload.channelId, `${cluster}-${service}-logs.txt`, text, title);
  }

  /** The gateway decided with user ids; user groups are resolved here, through Slack. */
  private async mayOperate(payload: WorkerPayload, change: Change): Promise<boolean> {
    const operators = this.ports.clusters[change.cluster]?.operators ?? [];
    if (await hasAccess(payload.userId, operators, (group) => this.ports.slack.groupMembers(group)))
      return true;
    await this.reply(
      payload,
      ephemeral(
        `:no_entry: You are not an operator of \`${change.cluster}\`.${operators.length ? ` Ask ${mentionAll(operators)}.` : ''}`,
      ),
    );
    await this.ports.audit.write({
      resource: resourceOf({ op: 'run', change }),
      actor: payload.userId,
      action: change.action,
      outcome: 'refused',
      requestId: payload.requestId,
      detail: 'not an operator',
      ...channel(payload),
    });
    return false;
  }

  private async requestApproval(payload: WorkerPayload, change: Change): Promise<void> {
    const approvers = this.ports.clusters[change.cluster]?.approvers ?? [];
    const id = randomUUID();
    const value = JSON.stringify({ id, requester: change.requester, cluster: change.cluster });
    const what = describeChange(change);
    const request = message(`Approval needed: ${what}`, [
      section(
        `:lock: <@${change.requester}> asks to *${what}* on a protected cluster.\nApprovers: ${mentionAll(approvers)} (not the requester).`,
      ),
      actions([
        button({
          text: 'Approve',
          actionId: 'ecs:approve',
          value,
          style: 'primary',
          confirm: { title: 'Approve?', text: `This will ${what} now.`, confirm: 'Approve' },
        }),
        button({ text: 'Reject', actionId: 'ecs:reject', value, style: 'danger' }),
      ]),
    ]);
    if (!payload.channelId) throw new EcsAwsError('failed', 'no channel to ask for approval in');
    const ts = await this.ports.slack.post(payload.channelId, request);
    await this.ports.state.putApproval({
      id,
      change,
      channelId: payload.channelId,
      messageTs: ts,
      requestedAt: this.now().toISOString(),
    });
    await this.ports.audit.write({
      resource: resourceOf({ op: 'run', change }),
      actor: payload.userId,
      action: change.action,
      outcome: 'awaiting-approval',
      requestId: payload.requestId,
      detail: `approval ${id}`,
      ...channel(payload),
    });
    if (payload.responseUrl)
      await this.ports.slack.respond(payload.responseUrl, {
        text: `Asked the approvers of \`${change.cluster}\`. You will see the outcome in the channel.`,
        replace_original: true,
      });
  }

  private async decide(
    payload: WorkerPayload,
    approvalId: string,
    decision: 'approve' | 'reject',
  ): Promise<void> {
    // The gateway checked approver lists by user id and refused self-approval; check again here,
    // where user groups resolve, before the approval can be consumed.
    const pending = await this.ports.state.getApproval(approvalId);
    if (!pending) {
      await this.reply(
        payload,
        ephemeral('This approval request has expired or does not exist. Nothing was done.'),
      );
      return;
    }
    const { change } = pending;
    const resource = resourceOf({ op: 'run', change });
    const approvers = this.ports.clusters[change.cluster]?.approvers ?? [];
    const withdrawn = decision === 'reject' && payload.userId === change.requester;
    const allowed =
      withdrawn ||
      (payload.userId !== change.requester &&
        (await hasAccess(payload.userId, approvers, (g) => this.ports.slack.groupMembers(g))));
    if (!allowed) {
      await this.reply(
        payload,
        ephemeral(`:no_entry: Only approvers of \`${change.cluster}\` other than the requester can decide.`),
      );
      await this.ports.audit.write({
        resource,
        actor: payload.userId,
        action: decision,
        outcome: 'refused',
        requestId: payload.requestId,
        detail: `approval ${approvalId}`,
        ...channel(payload),
      });
      return;
    }
    // Atomic: a second click, a second approver or a retried invocation finds it decided already.
    const approval = await this.ports.state.decide(
      approvalId,
      decision === 'approve' ? 'approved' : 'rejected',
      payload.userId,
    );
    if (!approval) {
      await this.reply(payload, ephemeral('This request was already decided. Nothing more was done.'));
      return;
    }
    const what = describeChange(change);
    if (decision === 'reject') {
      await this.ports.slack.update(
        approval.channelId,
        approval.messageTs,
        message(`Rejected: ${what}`, [
          section(
            `:x: <@${change.requester}> asked to ${what}: *${withdrawn ? 'withdrawn' : `rejected by <@${payload.userId}>`}*. Nothing was changed.`,
          ),
        ]),
      );
      await this.ports.audit.write({
        resource,
        actor: payload.userId,
        action: change.action,
        outcome: 'rejected',
        requestId: payload.requestId,
        detail: `approval ${approvalId}`,
        ...channel(payload),
      });
      return;
    }
    await this.ports.audit.write({
      resource,
      actor: payload.userId,
      action: change.action,
      outcome: 'approved',
      requestId: payload.requestId,
      detail: `approval ${approvalId}, requested by ${change.requester}`,
      ...channel(payload),
    });
    await this.execute({ ...payload, channelId: approval.channelId }, change, {
      approver: payload.userId,
      messageTs: approval.messageTs,
    });
  }

  /**
   * The change has run: from here on nothing may throw (a retry would run it again). Slack gets one
   * more try after its Retry-After; failing that, the requester hears about it through response_url.
   */
  private async announce(
    payload: WorkerPayload,
    channelId: string,
    text: SlackMessage,
    existingTs?: string,
  ): Promise<string | undefined> {
    const attempt = async () => {
      if (existingTs) {
        await this.ports.slack.update(channelId, existingTs, text);
        return existingTs;
      }
      return this.ports.slack.post(channelId, text);
    };
    try {
      return await attempt();
    } catch (first) {
      const delaySeconds =
        first instanceof SlackDeliveryError && first.retryable
          ? Math.min(first.retryAfterSeconds ?? 1, 3)
          : undefined;
      if (delaySeconds !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, delaySeconds * 1000));
        try {
          return await attempt();
        } catch {
          // fall through to response_url
        }
      }
      if (payload.responseUrl)
        await this.ports.slack
          .respond(payload.responseUrl, { ...text, response_type: 'ephemeral' })
          .catch(() => undefined);
      await this.ports.audit.write({
        resource: 'ecs:announcements',
        actor: payload.userId,
        action: 'announce',
        outcome: 'failed',
        requestId: payload.requestId,
        detail: (first as Error).message,
      });
      return undefined;
    }
  }

  /** Runs a change, announces it in the channel and records the announcement for deployment events. */
  private async execute(
    payload: WorkerPayload,
    change: Change,
    approved?: { approver: string; messageTs: string },
  ): Promise<void> {
    const resource = resourceOf({ op: 'run', change });
    const what = describeChange(change);
    await this.ports.audit.write({
      resource,
      actor: payload.userId,
      action: change.action,
      outcome: 'requested',
      requestId: payload.requestId,
      ...(approved ? { detail: `approved by ${approved.approver}` } : {}),
      ...channel(payload),
    });
    let deploymentId: string;
    let detail: string | undefined;
    try {
      if (change.action === 'restart')
        deploymentId = await this.ports.ecs.restart(change.cluster, change.service);
      else if (change.action === 'scale')
        deploymentId = await this.ports.ecs.scale(change.cluster, change.service, change.count ?? 0);
      else {
        const rollback = await this.ports.ecs.rollback(change.cluster, change.service);
        deploymentId = rollback.deploymentId;
        detail = `Rollback: ${rollback.how}`;
      }
    } catch (error) {
      await this.ports.audit.write({
        resource,
        actor: payload.userId,
        action: change.action,
        outcome: 'failed',
        requestId: payload.requestId,
        detail: (error as Error).message,
        ...channel(payload),
      });
      throw error;
    }
    const text = announcement({
      who: change.requester,
      what,
      state: 'STARTED',
      deploymentId,
      ...(detail ? { detail } : {}),
      ...(approved ? { approver: approved.approver } : {}),
    });
    const channelId = payload.channelId ?? '';
    const messageTs = await this.announce(payload, channelId, text, approved?.messageTs);
    if (!messageTs) return;
    await this.ports.state.putAnnouncement({
      deploymentId,
      channelId,
      messageTs,
      change,
      requestId: payload.requestId,
      startedAt: this.now().toISOString(),
      ...(approved ? { approver: approved.approver } : {}),
    });
    if (this.ports.clusters[change.cluster]?.protected) {
      await this.ports.notify.email(
        `[slackops] ${change.action} ${change.cluster}/${change.service}`,
        [
          `Who: ${change.requester}${approved ? ` (approved by ${approved.approver})` : ''}`,
          `What: ${what}`,
          `When: ${this.now().toISOString()}`,
          `Deployment: ${deploymentId}`,
          `Request id: ${payload.requestId}`,
        ].join('\n'),
      );
    }
    if (payload.responseUrl && !approved)
      await this.ports.slack.respond(payload.responseUrl, {
        text: `Started: ${what}. Follow it in the channel.`,
        replace_original: true,
      });
  }
}

function channel(payload: WorkerPayload): { channelId?: string } {
  return payload.channelId ? { channelId: payload.channelId } : {};
}

export function resourceOf(task: EcsTask): string {
  switch (task.op) {
    case 'cluster':
      return `ecs:${task.cluster}`;
    case 'status':
    case 'logs':
      return `ecs:${task.cluster}/${task.service}`;
    case 'run':
    case 'request-approval':
      return `ecs:${task.change.cluster}/${task.change.service}`;
    case 'decide':
      return `ecs:approval/${task.approvalId}`;
    case 'refused':
      return task.resource;
  }
}
