// The status card: what an on-call engineer wants to see first, in one message.
import {
  actions,
  button,
  context,
  escapeText,
  fields,
  header,
  message,
  section,
  type Block,
  type SlackMessage,
} from '@slackops/kit/core';
import type { DeploymentView, ServiceView, TaskView, Utilization } from '../ports.js';
import { describeChange, encodeChange } from './messages.js';

const MAX_EVENTS = 5;
const MAX_TASK_LINES = 5;

export function age(from: Date | undefined, now: Date): string {
  if (!from) return '?';
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}

export const revisionOf = (taskDefinition: string): string =>
  taskDefinition.split('/').pop() ?? taskDefinition;

export function healthEmoji(service: Pick<ServiceView, 'desired' | 'running' | 'deployments'>): string {
  if (service.deployments.some((d) => d.rolloutState === 'FAILED')) return ':red_circle:';
  if (service.deployments.length > 1 || service.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'))
    return ':large_blue_circle:';
  if (service.running < service.desired) return ':large_yellow_circle:';
  return ':large_green_circle:';
}

const percent = (value: { average: number; maximum: number } | undefined) =>
  value ? `${value.average.toFixed(0)}% avg · ${value.maximum.toFixed(0)}% max` : 'no data';

function deploymentLine(d: DeploymentView, now: Date): string {
  const state = d.rolloutState
    ? `${d.rolloutState}${d.rolloutStateReason ? ` — ${escapeText(d.rolloutStateReason)}` : ''}`
    : d.status;
  const failed = d.failedTasks ? ` · :warning: ${d.failedTasks} failed task(s)` : '';
  return `• *${d.status}* \`${escapeText(revisionOf(d.taskDefinition))}\` ${d.running}/${d.desired} running · ${state} · ${age(d.createdAt, now)} old${failed}`;
}

export function clusterLine(service: ServiceView): string {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  return `${healthEmoji(service)} *${escapeText(service.name)}* ${service.running}/${service.desired} running${service.pending ? `, ${service.pending} pending` : ''} · \`${escapeText(revisionOf(service.taskDefinition))}\`${primary?.rolloutState && primary.rolloutState !== 'COMPLETED' ? ` · ${primary.rolloutState}` : ''}`;
}

export function statusCard(
  service: ServiceView,
  tasks: { running: TaskView[]; stopped: TaskView[] },
  utilization: Utilization,
  now: Date,
): SlackMessage {
  const unhealthy = tasks.running.filter((t) => t.health === 'UNHEALTHY');
  const blocks: Block[] = [
    header(`${service.cluster} / ${service.name}`),
    section(
      `${healthEmoji(service)} *${service.status}* · task definition \`${escapeText(revisionOf(service.taskDefinition))}\``,
    ),
    fields([
      `*Tasks*\n${service.running} running / ${service.desired} desired${service.pending ? ` / ${service.pending} pending` : ''}`,
      `*Circuit breaker*\n${service.circuitBreaker?.enable ? `on${service.circuitBreaker.rollback ? ', rolls back' : ', no rollback'}` : 'off'}`,
      `*CPU (${utilization.minutes} min)*\n${percent(utilization.cpu)}`,
      `*Memory (${utilization.minutes} min)*\n${percent(utilization.memory)}`,
    ]),
    section(`*Deployments*\n${service.deployments.map((d) => deploymentLine(d, now)).join('\n') || 'none'}`),
  ];
  if (unhealthy.length > 0) {
    const lines = unhealthy.slice(0, MAX_TASK_LINES).map((t) => {
      const container = t.containers.find((c) => c.health === 'UNHEALTHY');
      return `• \`${t.id.slice(0, 12)}\` UNHEALTHY${container ? ` (container ${escapeText(container.name)})` : ''}`;
    });
    blocks.push(section(`*:warning: Unhealthy tasks (${unhealthy.length})*\n${lines.join('\n')}`));
  }
  if (tasks.stopped.length > 0) {
    const lines = tasks.stopped.slice(0, MAX_TASK_LINES).map((t) => {
      const exit = t.containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0);
      return `• \`${t.id.slice(0, 12)}\` ${escapeText(t.stoppedReason ?? 'stopped')}${exit ? ` (${escapeText(exit.name)} exit ${exit.exitCode})` : ''} · ${age(t.stoppedAt, now)} ago`;
    });
    blocks.push(section(`*Recently stopped tasks*\n${lines.join('\n')}`));
  }
  const events = service.events
    .slice(0, MAX_EVENTS)
    .map((e) => `• ${age(e.at, now)} ago: ${escapeText(e.message)}`);
  if (events.length) blocks.push(context([`*Last events*\n${events.join('\n')}`]));
  const target = { cluster: service.cluster, service: service.name };
  const restart = { action: 'restart' as const, ...target, requester: '' };
  const rollback = { action: 'rollback' as const, ...target, requester: '' };
  blocks.push(
    actions([
      button({
        text: 'Restart',
        actionId: 'ecs:card-restart',
        value: encodeChange(restart),
        confirm: {
          title: 'Restart?',
          text: `This will ${describeChange(restart)}.`,
          confirm: 'Restart',
          danger: true,
        },
      }),
      button({ text: 'Scale…', actionId: 'ecs:card-scale', value: JSON.stringify(target) }),
      button({
        text: 'Rollback',
        actionId: 'ecs:card-rollback',
        value: encodeChange(rollback),
        style: 'danger',
        confirm: {
          title: 'Roll back?',
          text: `This will ${describeChange(rollback)}.`,
          confirm: 'Roll back',
          danger: true,
        },
      }),
      button({ text: 'Logs', actionId: 'ecs:card-logs', value: JSON.stringify(target) }),
      button({ text: 'Refresh', actionId: 'ecs:card-refresh', value: JSON.stringify(target) }),
    ]),
  );
  return message(
    `${service.cluster}/${service.name}: ${service.running}/${service.desired} running, ${service.status}`,
    blocks,
    { response_type: 'in_channel' },
  );
}

/** The in-channel announcement of a change, updated until its deployment is COMPLETED or FAILED. */
export function announcement(text: {
  who: string;
  what: string;
  state: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'STARTED';
  detail?: string;
  approver?: string;
  deploymentId?: string;
}): SlackMessage {
  const icon = {
    STARTED: ':hourglass_flowing_sand:',
    IN_PROGRESS: ':arrows_counterclockwise:',
    COMPLETED: ':white_check_mark:',
    FAILED: ':x:',
  }[text.state];
  const stateText = {
    STARTED: 'started',
    IN_PROGRESS: 'in progress',
    COMPLETED: 'completed',
    FAILED: 'FAILED',
  }[text.state];
  const lines = [`${icon} <@${text.who}> asked to ${text.what}: *${stateText}*`];
  if (text.approver) lines.push(`Approved by <@${text.approver}>`);
  if (text.detail) lines.push(escapeText(text.detail));
  const blocks: Block[] = [section(lines.join('\n'))];
  if (text.deploymentId) blocks.push(context([`deployment \`${escapeText(text.deploymentId)}\``]));
  return message(`${text.what}: ${stateText}`, blocks, { response_type: 'in_channel' });
}
