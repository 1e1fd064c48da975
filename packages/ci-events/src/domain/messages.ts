// Block Kit for the parent alert, replies, the recovery and the generic / parked notices.
import { context, escapeText, message, section, type SlackMessage, truncate } from '@slackops/kit/core';
import type { CiEvent } from './event.js';

const hhmm = (iso: string) => iso.slice(11, 16);
const link = (url: string | undefined, label: string) =>
  url ? `<${url}|${escapeText(label)}>` : escapeText(label);

function title(event: CiEvent): string {
  return `${escapeText(event.repository)} · ${escapeText(event.pipeline)}${event.job ? ` / ${escapeText(event.job)}` : ''} · \`${escapeText(event.branch)}\``;
}

function details(event: CiEvent): string[] {
  const bits = [
    `${event.source}`,
    `run ${link(event.run.url, `#${event.run.id}`)}${event.run.attempt > 1 ? ` (attempt ${event.run.attempt})` : ''}`,
  ];
  if (event.commit)
    bits.push(
      `\`${escapeText(event.commit.sha.slice(0, 8))}\`${event.commit.author ? ` by ${escapeText(event.commit.author)}` : ''}`,
    );
  if (event.actor) bits.push(`triggered by ${escapeText(event.actor)}`);
  if (event.environment) bits.push(`env ${escapeText(event.environment)}`);
  return bits;
}

export function parentMessage(
  event: CiEvent,
  state: { failures: number; since: string; lastRunUrl?: string; recovered?: boolean },
): SlackMessage {
  if (state.recovered) {
    return message(`Recovered: ${event.repository} ${event.pipeline}`, [
      section(
        `:large_green_circle: *Recovered* — ${title(event)}\nWas failing for ${state.failures} run(s) since ${hhmm(state.since)} UTC.`,
      ),
      context(details(event)),
    ]);
  }
  const icon = event.severity === 'critical' ? ':rotating_light:' : ':red_circle:';
  const counter =
    state.failures > 1
      ? `\nFailing for ${state.failures} runs since ${hhmm(state.since)} UTC · ${link(state.lastRunUrl, 'latest run')}`
      : '';
  const error = event.error?.message
    ? `\n> ${escapeText(truncate(event.error.message, 500)).replace(/\n/g, '\n> ')}`
    : '';
  const blocks = [
    section(
      `${icon} *${event.status === 'cancelled' ? 'Cancelled' : 'Failed'}* — ${title(event)}${counter}${error}`,
    ),
    context(details(event)),
  ];
  if (event.error?.log)
    blocks.splice(1, 0, section(`\`\`\`${escapeText(truncate(event.error.log, 2500))}\`\`\``));
  return message(`CI failed: ${event.repository} ${event.pipeline} (${event.branch})`, blocks);
}

export function replyMessage(event: CiEvent, failures: number): SlackMessage {
  const what = event.status === 'cancelled' ? 'cancelled' : `failed again (${failures} in a row)`;
  const error = event.error?.message ? `: ${escapeText(truncate(event.error.message, 300))}` : '';
  return message(`${event.pipeline} ${what}`, [
    section(`:red_circle: ${link(event.run.url, `Run #${event.run.id}`)} ${what}${error}`),
  ]);
}

export function recoveryReply(event: CiEvent): SlackMessage {
  return message(`${event.pipeline} recovered`, [
    section(
      `:white_check_mark: ${link(event.run.url, `Run #${event.run.id}`)} succeeded: recovered. This thread is closed.`,
    ),
  ]);
}

export function genericMessage(json: unknown): SlackMessage {
  const text = truncate(JSON.stringify(json, null, 2), 2800);
  return message('CI event in an unknown format', [
    section(
      `:grey_question: A CI event that matches no known format arrived:\n\`\`\`${escapeText(text)}\`\`\``,
    ),
    context(['See the event contract in packages/ci-events/README.md']),
  ]);
}

export function parkedNotice(reason: string, messageId: string): SlackMessage {
  return message(`A CI event was parked in the DLQ: ${reason}`, [
    section(
      `:warning: A CI event was parked in the dead-letter queue (${escapeText(reason)}). Message id \`${escapeText(messageId)}\`.`,
    ),
  ]);
}
