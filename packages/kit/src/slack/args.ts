import { CommandSyntaxError } from '../errors.js';

export interface CommandArgs {
  /** `key=value` pairs, keys lower-cased. */
  options: Record<string, string>;
  /** Bare words, in order. */
  words: string[];
}

const KEY = /^[a-z][a-z0-9_-]{0,39}$/i;
const MAX_TEXT = 4000;

/** Splits text into tokens, honouring "double" and 'single' quotes (Slack also sends “smart” quotes). */
function tokenize(text: string): string[] {
  const normalized = text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: string | null = null;
  let quoteStart = 0;
  for (let i = 0; i < normalized.length; i++) {
    const ch = normalized[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      quoteStart = i;
      inToken = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (quote) {
    throw new CommandSyntaxError(
      `unclosed ${quote} quote starting at: ${normalized.slice(quoteStart, quoteStart + 20)}`,
      normalized.slice(quoteStart),
    );
  }
  if (inToken) tokens.push(current);
  return tokens;
}

/**
 * The slash-command grammar shared by every feature: `key=value` options (values may be quoted)
 * and bare words. Errors name the offending token.
 */
export function parseCommandArgs(text: string): CommandArgs {
  if (text.length > MAX_TEXT)
    throw new CommandSyntaxError(`command text is longer than ${MAX_TEXT} characters`, text.slice(0, 20));
  const options: Record<string, string> = {};
  const words: string[] = [];
  // Rejoin `key= "quoted value"`? No: Slack users write key="a b"; the tokenizer already keeps that whole.
  for (const token of tokenize(text.trim())) {
    const eq = token.indexOf('=');
    if (eq === -1) {
      words.push(token);
      continue;
    }
    const key = token.slice(0, eq);
    const value = token.slice(eq + 1);
    if (!KEY.test(key))
      throw new CommandSyntaxError(`"${token}" is not a key=value option (bad key "${key}")`, token);
    if (value === '')
      throw new CommandSyntaxError(`option "${key}" has no value: write ${key}=<value>`, token);
    const name = key.toLowerCase();
    if (Object.hasOwn(options, name)) throw new CommandSyntaxError(`option "${name}" is given twice`, token);
    options[name] = value;
  }
  return { options, words };
}
