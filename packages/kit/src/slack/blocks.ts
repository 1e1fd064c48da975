// Block Kit builders that keep every message within Slack's limits (../shared/reference/slack-platform.md):
// text is truncated with an ellipsis, a message never exceeds 50 blocks, user text is escaped.

export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  id: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionsElements: 25,
  contextElements: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  fallbackText: 3000,
} as const;

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface ConfirmDialog {
  title: TextObject;
  text: TextObject;
  confirm: TextObject;
  deny: TextObject;
  style?: 'primary' | 'danger';
}
export interface ButtonElement {
  type: 'button';
  text: TextObject;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmDialog;
}
export type Block =
  | { type: 'header'; text: TextObject; block_id?: string }
  | {
      type: 'section';
      text?: TextObject;
      fields?: TextObject[];
      block_id?: string;
      accessory?: ButtonElement;
    }
  | { type: 'context'; elements: TextObject[]; block_id?: string }
  | { type: 'actions'; elements: ButtonElement[]; block_id?: string }
  | { type: 'divider'; block_id?: string };

export interface SlackMessage {
  /** Fallback text: notifications and screen readers. Always set. */
  text: string;
  blocks?: Block[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
}

/** Cuts text to `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1)}…`;
}

/** Escapes the three characters Slack mrkdwn treats as control characters. Apply to any text a user or AWS wrote. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string, max: number): TextObject => ({ type: 'mrkdwn', text: truncate(text, max) });
const plain = (text: string, max: number): TextObject => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

export function header(text: string): Block {
  return { type: 'header', text: plain(text || ' ', LIMITS.headerText) };
}

/** A section of mrkdwn. The caller escapes any foreign text it interpolates (see escapeText). */
export function section(text: string, accessory?: ButtonElement): Block {
  const block: Block = { type: 'section', text: mrkdwn(text || ' ', LIMITS.sectionText) };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A section of up to 10 two-column fields; extra fields are dropped (callers pass what matters first). */
export function fields(items: string[]): Block {
  return {
    type: 'section',
    fields: items.slice(0, LIMITS.fieldsPerSection).map((t) => mrkdwn(t || ' ', LIMITS.fieldText)),
  };
}

export function context(items: string[]): Block {
  return {
    type: 'context',
    elements: items.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t || ' ', LIMITS.fieldText)),
  };
}

export function divider(): Block {
  return { type: 'divider' };
}

export interface ConfirmOptions {
  title: string;
  text: string;
  confirm?: string;
  deny?: string;
  danger?: boolean;
}

export function confirmDialog(options: ConfirmOptions): ConfirmDialog {
  const dialog: ConfirmDialog = {
    title: plain(options.title, LIMITS.confirmTitle),
    text: mrkdwn(options.text, LIMITS.confirmText),
    confirm: plain(options.confirm ?? 'Yes', LIMITS.confirmButton),
    deny: plain(options.deny ?? 'Cancel', LIMITS.confirmButton),
  };
  if (options.danger) dialog.style = 'danger';
  return dialog;
}

export interface ButtonOptions {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmOptions;
}

export function button(options: ButtonOptions): ButtonElement {
  if (options.actionId.length > LIMITS.id)
    throw new RangeError(`action_id longer than ${LIMITS.id}: ${options.actionId.slice(0, 40)}…`);
  if (options.value !== undefined && options.value.length > LIMITS.buttonValue) {
    // A truncated value would be a different value: refuse rather than corrupt it.
    throw new RangeError(`button value longer than ${LIMITS.buttonValue} characters`);
  }
  const element: ButtonElement = {
    type: 'button',
    text: plain(options.text, LIMITS.buttonText),
    action_id: options.actionId,
  };
  if (options.value !== undefined) element.value = options.value;
  if (options.url !== undefined) element.url = truncate(options.url, LIMITS.buttonUrl);
  if (options.style) element.style = options.style;
  if (options.confirm) element.confirm = confirmDialog(options.confirm);
  return element;
}

export function actions(elements: ButtonElement[], blockId?: string): Block {
  const block: Block = { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
  if (blockId) block.block_id = truncate(blockId, LIMITS.id);
  return block;
}

/**
 * Builds a message that Slack will accept: at most 50 blocks (the last kept block says how many
 * were left out) and a fallback text within limits.
 */
export function message(
  text: string,
  blocks: Block[] = [],
  extra: Omit<SlackMessage, 'text' | 'blocks'> = {},
): SlackMessage {
  let kept = blocks;
  if (blocks.length > LIMITS.blocksPerMessage) {
    const omitted = blocks.length - (LIMITS.blocksPerMessage - 1);
    kept = [
      ...blocks.slice(0, LIMITS.blocksPerMessage - 1),
      context([`_${omitted} more block(s) left out to fit Slack's limit_`]),
    ];
  }
  const result: SlackMessage = { text: truncate(text, LIMITS.fallbackText), ...extra };
  if (kept.length > 0) result.blocks = kept;
  return result;
}

/** A short message only the invoker sees. */
export function ephemeral(text: string, blocks?: Block[]): SlackMessage {
  return message(text, blocks ?? [section(text)], { response_type: 'ephemeral' });
}
