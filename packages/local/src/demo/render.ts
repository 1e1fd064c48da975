// Renders Slack messages (text + Block Kit) as readable terminal lines for the demo.
interface TextLike {
  text?: string;
}
interface BlockLike {
  type?: string;
  text?: TextLike;
  fields?: TextLike[];
  elements?: Array<{ type?: string; text?: TextLike | string; style?: string }>;
  accessory?: { text?: TextLike };
}

function mrkdwnToPlain(text: string): string {
  return text
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<!subteam\^([A-Z0-9]+)>/g, '@group:$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function renderBlocks(blocks: unknown[] | undefined, fallback: string): string[] {
  if (!blocks || blocks.length === 0) return mrkdwnToPlain(fallback).split('\n');
  const lines: string[] = [];
  for (const raw of blocks as BlockLike[]) {
    switch (raw.type) {
      case 'header':
        lines.push(`== ${raw.text?.text ?? ''} ==`);
        break;
      case 'section':
        if (raw.text?.text) lines.push(...mrkdwnToPlain(raw.text.text).split('\n'));
        if (raw.fields)
          lines.push(raw.fields.map((f) => mrkdwnToPlain(f.text ?? '').replace(/\n/g, ' ')).join('  |  '));
        if (raw.accessory?.text?.text) lines.push(`[ ${raw.accessory.text.text} ]`);
        break;
      case 'context':
        lines.push(
          ...(raw.elements ?? [])
            .map((e) => mrkdwnToPlain(typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))
            .join(' · ')
            .split('\n')
            .map((line) => `  ${line}`),
        );
        break;
      case 'actions':
        lines.push(
          (raw.elements ?? [])
            .map((e) => `[ ${typeof e.text === 'string' ? e.text : (e.text?.text ?? '')} ]`)
            .join(' '),
        );
        break;
      case 'divider':
        lines.push('----');
        break;
      default:
        break;
    }
  }
  return lines;
}
