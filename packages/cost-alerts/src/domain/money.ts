import type { Money } from './alert.js';

// Budgets writes amounts with the currency's symbol (`$85.23`, `€1,200.00`) or, for currencies
// without a common symbol, with the ISO code before or after the number (`CHF 80.00`, `80.00 CHF`).
const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
};
const CODE_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', KRW: '₩' };

const NUMBER = String.raw`-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?`;
const SYMBOL = String.raw`US\$|\$|€|£|¥|₹|₩`;
const MONEY_PATTERNS: RegExp[] = [
  new RegExp(String.raw`^(${SYMBOL})\s?(${NUMBER})$`),
  new RegExp(String.raw`^(${NUMBER})\s?(${SYMBOL})$`),
  new RegExp(String.raw`^([A-Z]{3})\s?(${NUMBER})$`),
  new RegExp(String.raw`^(${NUMBER})\s?([A-Z]{3})$`),
];

/** Reads `$1,234.56`, `€80`, `CHF 80.00` or `80.00 CHF`; undefined when the text is not an amount. */
export function parseMoney(text: string): Money | undefined {
  const trimmed = text.trim();
  for (const [index, pattern] of MONEY_PATTERNS.entries()) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const numberFirst = index === 1 || index === 3;
    const numberText = (numberFirst ? match[1] : match[2]) ?? '';
    const unit = (numberFirst ? match[2] : match[1]) ?? '';
    const amount = Number(numberText.replace(/,/g, ''));
    if (!Number.isFinite(amount)) return undefined;
    return { amount, currency: SYMBOLS[unit] ?? unit };
  }
  return undefined;
}

/** `$1,234.56`, `€80.00`, `CHF 80.00`: how people read amounts of that currency. */
export function formatMoney(money: Money, fractionDigits = 2): string {
  const number = money.amount.toLocaleString('en-US', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  const symbol = CODE_SYMBOLS[money.currency];
  if (symbol) return money.amount < 0 ? `-${symbol}${number.slice(1)}` : `${symbol}${number}`;
  return `${money.currency} ${number}`;
}

/** A share as a whole percentage: 0.853 → `85%`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return `${Math.round(ratio * 100)}%`;
}
