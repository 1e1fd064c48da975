import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseBudgetMessage } from '../../src/domain/budget-message.js';
import { formatMoney, parseMoney } from '../../src/domain/money.js';
import { parseNotification } from '../../src/domain/parse.js';

const budgetFixture = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'budgets', name), 'utf8');

describe('parseBudgetMessage()', () => {
  it.each([
    [
      'monthly-actual-usd.txt',
      {
        budgetName: 'slackops-monthly',
        period: 'monthly',
        alertType: 'ACTUAL',
        budgeted: 600,
        currency: 'USD',
        threshold: 480,
        amount: 502.17,
        ratio: 0.8,
      },
    ],
    [
      'monthly-forecasted-eur.txt',
      {
        budgetName: 'Team Budget',
        period: 'monthly',
        alertType: 'FORECASTED',
        budgeted: 1000,
        currency: 'EUR',
        threshold: 1000,
        amount: 1234.56,
        ratio: 1,
      },
    ],
    [
      'daily-actual-usd.txt',
      {
        budgetName: 'slackops-daily',
        period: 'daily',
        alertType: 'ACTUAL',
        budgeted: 25,
        currency: 'USD',
        threshold: 25,
        amount: 31.4,
        ratio: 1,
      },
    ],
    [
      'monthly-percent-threshold-gbp.txt',
      {
        budgetName: 'ml-training',
        period: 'monthly',
        alertType: 'ACTUAL',
        budgeted: 2000,
        currency: 'GBP',
        threshold: 1000,
        amount: 1020,
        ratio: 0.5,
      },
    ],
    [
      'monthly-actual-chf.txt',
      {
        budgetName: 'zurich-monthly',
        period: 'monthly',
        alertType: 'ACTUAL',
        budgeted: 300,
        currency: 'CHF',
        threshold: 240,
        amount: 251.3,
        ratio: 0.8,
      },
    ],
    [
      'monthly-actual-jpy-crlf.txt',
      {
        budgetName: 'jp-monthly',
        period: 'monthly',
        alertType: 'ACTUAL',
        budgeted: 100000,
        currency: 'JPY',
        threshold: 100000,
        amount: 104500,
        ratio: 1,
      },
    ],
  ])('reads %s', (file, expected) => {
    // Prepare
    const text = budgetFixture(file);

    // Act
    const alert = parseBudgetMessage(text);

    // Assess
    expect(alert).toMatchObject({
      kind: 'budget',
      budgetName: expected.budgetName,
      period: expected.period,
      alertType: expected.alertType,
      budgeted: { amount: expected.budgeted, currency: expected.currency },
      threshold: { amount: expected.threshold, currency: expected.currency },
      amount: { amount: expected.amount, currency: expected.currency },
    });
    expect(alert?.thresholdRatio).toBeCloseTo(expected.ratio, 6);
  });

  it('keeps the account id and the console link of the message', () => {
    // Act
    const alert = parseBudgetMessage(budgetFixture('monthly-actual-usd.txt'));

    // Assess
    expect(alert?.accountId).toBe('123456789012');
    expect(alert?.consoleUrl).toBe('https://console.aws.amazon.com/billing/home#/budgets');
  });

  it.each([
    ['no alert type', budgetFixture('monthly-actual-usd.txt').replace('Alert Type: ACTUAL', '')],
    [
      'an unknown alert type',
      budgetFixture('monthly-actual-usd.txt').replace('Alert Type: ACTUAL', 'Alert Type: MAYBE'),
    ],
    [
      'an amount that is not money',
      budgetFixture('monthly-actual-usd.txt').replace('ACTUAL Amount: $502.17', 'ACTUAL Amount: lots'),
    ],
    ['no budget name', budgetFixture('monthly-actual-usd.txt').replace('Budget Name: slackops-monthly', '')],
  ])('returns undefined for a message with %s', (_case, text) => {
    // Act & Assess
    expect(parseBudgetMessage(text)).toBeUndefined();
  });

  it('reads back any amount, currency and threshold it is given when the message is generated', () => {
    // Prepare
    const currency = fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF', 'AUD');
    const cents = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(
        currency,
        cents,
        fc.integer({ min: 1, max: 150 }),
        cents,
        fc.constantFrom('ACTUAL', 'FORECASTED'),
        (code, budgetCents, percent, amountCents, type) => {
          const budgeted = { amount: budgetCents / 100, currency: code };
          const threshold = { amount: Math.round((budgetCents * percent) / 100) / 100, currency: code };
          const amount = { amount: amountCents / 100, currency: code };
          const text = [
            'AWS Budget Notification',
            'Budget Name: generated',
            `Budgeted Amount: ${formatMoney(budgeted)}`,
            `Alert Type: ${type}`,
            `Alert Threshold: > ${formatMoney(threshold)}`,
            `${type} Amount: ${formatMoney(amount)}`,
          ].join('\n');

          // Act
          const alert = parseBudgetMessage(text);

          // Assess
          expect(alert?.budgeted).toEqual(budgeted);
          expect(alert?.threshold).toEqual(threshold);
          expect(alert?.amount).toEqual(amount);
          expect(alert?.alertType).toBe(type);
        },
      ),
    );
  });
});

describe('parseMoney()', () => {
  it.each([
    ['$1,234.56', { amount: 1234.56, currency: 'USD' }],
    ['€80', { amount: 80, currency: 'EUR' }],
    ['80.00 CHF', { amount: 80, currency: 'CHF' }],
    ['AUD 12.5', { amount: 12.5, currency: 'AUD' }],
    ['US$ 3.00', { amount: 3, currency: 'USD' }],
  ])('reads %s', (text, expected) => {
    // Act & Assess
    expect(parseMoney(text)).toEqual(expected);
  });

  it.each(['', 'twelve dollars', '$', '1.2.3 USD', '$12abc'])('returns undefined for %j', (text) => {
    // Act & Assess
    expect(parseMoney(text)).toBeUndefined();
  });
});

describe('parseNotification()', () => {
  it('turns any text into an alert of a known kind and never throws', () => {
    // Prepare
    const kinds = new Set(['budget', 'anomaly', 'alarm', 'custom', 'raw']);
    const texts = fc.oneof(
      fc.string(),
      fc.json(),
      fc.string().map((s) => `Budget Name: ${s}\nAlert Type: ACTUAL\nBudgeted Amount: ${s}`),
      fc.string().map((s) => `{"AlarmName": ${JSON.stringify(s)}}`),
      fc.string().map((s) => `{"anomalyId": ${JSON.stringify(s)}, "impact": ${s}}`),
    );
    fc.assert(
      fc.property(texts, fc.option(fc.string(), { nil: undefined }), (text, subject) => {
        // Act
        const alert = parseNotification(text, subject);

        // Assess
        expect(kinds.has(alert.kind)).toBe(true);
        if (alert.kind === 'raw') expect(alert.body).toBe(text);
      }),
    );
  });

  it('keeps the whole text and a reason when the message is not one it knows', () => {
    // Act
    const alert = parseNotification('{"hello": "world"}', 'Test');

    // Assess
    expect(alert).toEqual({
      kind: 'raw',
      subject: 'Test',
      body: '{"hello": "world"}',
      reason: 'JSON of a kind the notifier does not know (see README for the accepted formats)',
    });
  });
});
