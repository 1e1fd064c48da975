// AWS Budgets notifications arrive on SNS as plain English text, not JSON (aws-facts.md): a letter
// followed by `Key: value` lines. This reads those lines; it never throws (undefined = not a Budgets
// message, and the caller falls back to the raw message).
import type { BudgetAlert, BudgetPeriod, Money } from './alert.js';
import { parseMoney } from './money.js';

export const BUDGETS_CONSOLE_URL = 'https://console.aws.amazon.com/billing/home#/budgets';

function fieldsOf(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][A-Za-z ]{1,40}?)\s*:\s*(.+?)\s*$/.exec(line);
    if (match) fields.set(match[1]!.toLowerCase(), match[2]!);
  }
  return fields;
}

// "… with your Daily Budget budget is greater than $8.00 for the current day", "… per day",
// "… Yesterday": Budgets words the period into the letter, not into a field.
function periodOf(text: string, budgetName: string): BudgetPeriod {
  const lower = text.toLowerCase();
  if (/\b(per day|current day|yesterday|daily)\b/.test(lower) || /daily/i.test(budgetName)) return 'daily';
  if (/\b(per month|current month|this month|monthly)\b/.test(lower) || /monthly/i.test(budgetName))
    return 'monthly';
  return 'other';
}

function thresholdOf(text: string, budgeted: Money): Money | undefined {
  // `> $80.00` (absolute) or `> 80%` / `> 80.00%` (percentage of the budgeted amount).
  const cleaned = text.replace(/^[><=≥]+\s*/, '').trim();
  const percent = /^(\d+(?:\.\d+)?)\s?%$/.exec(cleaned);
  if (percent) return { amount: (Number(percent[1]) / 100) * budgeted.amount, currency: budgeted.currency };
  return parseMoney(cleaned);
}

/** Parses a Budgets notification; undefined when the text lacks the fields every notification has. */
export function parseBudgetMessage(text: string): BudgetAlert | undefined {
  const fields = fieldsOf(text);
  const budgetName = fields.get('budget name');
  const alertTypeText = fields.get('alert type')?.toUpperCase();
  const budgetedText = fields.get('budgeted amount');
  const thresholdText = fields.get('alert threshold');
  if (!budgetName || !budgetedText || !thresholdText) return undefined;
  if (alertTypeText !== 'ACTUAL' && alertTypeText !== 'FORECASTED') return undefined;
  const budgeted = parseMoney(budgetedText);
  if (!budgeted) return undefined;
  const threshold = thresholdOf(thresholdText, budgeted);
  const amountText = fields.get(`${alertTypeText.toLowerCase()} amount`);
  const amount = amountText === undefined ? undefined : parseMoney(amountText);
  if (!threshold || !amount) return undefined;
  const account = /AWS Account\s*:?\s*(\d{12})/i.exec(text)?.[1];
  const link = /\bhttps:\/\/console\.aws\.amazon\.com\/\S+/.exec(text)?.[0];
  const alert: BudgetAlert = {
    kind: 'budget',
    budgetName,
    period: periodOf(text, budgetName),
    alertType: alertTypeText,
    budgeted,
    threshold,
    thresholdRatio: budgeted.amount > 0 ? threshold.amount / budgeted.amount : Number.NaN,
    amount,
    consoleUrl: link ?? BUDGETS_CONSOLE_URL,
  };
  if (account) alert.accountId = account;
  return alert;
}
