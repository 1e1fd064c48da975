// Block Kit the gateway and the worker both answer with. Pure.
import {
  actions,
  button,
  context,
  escapeText,
  ephemeral,
  message,
  section,
  type SlackMessage,
} from '@slackops/kit/core';
import type { Clusters } from '../config.js';
import type { Change } from './tasks.js';

export const USAGE = [
  '*`/ecs-status`* — ECS from Slack',
  '• `/ecs-status` — the clusters you can use',
  '• `/ecs-status cluster=<c>` — its services, one health line each',
  '• `/ecs-status cluster=<c> service=<s>` — status card',
  '• `… action=restart` · `action=rollback` · `action=scale count=<n>` — asks you to confirm; protected clusters also need an approver',
  '• `… action=logs [lines=<n>]` — the latest log lines',
].join('\n');

export function usageMessage(problem?: string): SlackMessage {
  const text = problem ? `:warning: ${escapeText(problem)}\n\n${USAGE}` : USAGE;
  return ephemeral(text);
}

export function overviewMessage(clusters: Clusters): SlackMessage {
  const names = Object.keys(clusters);
  if (names.length === 0)
    return ephemeral('No ECS cluster is configured for slackops (terraform variable `ecs_clusters`).');
  const lines = names.map((name) => {
    const c = clusters[name]!;
    return `• *${escapeText(name)}*${c.protected ? ' :lock: protected' : ''} — ${c.services.map((s) => `\`${escapeText(s)}\``).join(', ')}`;
  });
  return ephemeral(`Clusters you can use:\n${lines.join('\n')}`, [
    section(`*Clusters you can use*\n${lines.join('\n')}`),
    context(['`/ecs-status cluster=<name>` for its services']),
  ]);
}

export function describeChange(change: Pick<Change, 'action' | 'cluster' | 'service' | 'count'>): string {
  const target = `\`${change.cluster}/${change.service}\``;
  switch (change.action) {
    case 'restart':
      return `restart ${target} (new deployment, same task definition)`;
    case 'rollback':
      return `roll back ${target} to its previous deployment`;
    case 'scale':
      return `scale ${target} to ${change.count} task(s)`;
  }
}

/** Encodes a change in a button value (≤ 2000 characters; values come back signed by Slack). */
export const encodeChange = (change: Change): string => JSON.stringify(change);

export function confirmMessage(change: Change, isProtected: boolean): SlackMessage {
  const what = describeChange(change);
  const note = isProtected
    ? '\n:lock: This cluster is protected: after you confirm, an approver must approve it.'
    : '';
  return message(
    `Confirm: ${what}`,
    [
      section(`Do you want to ${what}?${note}`),
      actions([
        button({
          text: isProtected ? 'Request approval' : 'Confirm',
          actionId: 'ecs:confirm',
          value: encodeChange(change),
          style: 'danger',
          confirm: {
            title: 'Are you sure?',
            text: `This will ${what}.`,
            confirm: 'Yes, do it',
            danger: true,
          },
        }),
        button({ text: 'Cancel', actionId: 'ecs:cancel', value: 'cancel' }),
      ]),
    ],
    { response_type: 'ephemeral' },
  );
}

export function refusal(text: string): SlackMessage {
  return ephemeral(`:no_entry: ${text}`);
}
