// How alerts and the daily report look: Block Kit for the suite's Slack app, and the Chatbot custom
// notification schema (markdown, no blocks) for chatbot mode. Every foreign text is escaped.
import {
  type Block,
  context,
  escapeText,
  fields,
  header,
  message,
  section,
  type SlackMessage,
  truncate,
} from '@slackops/kit/core';
import type { AlarmAlert, Alert, AnomalyAlert, BudgetAlert, CustomAlert, RawAlert } from './alert.js';
import type { ChatbotNotification } from './chatbot.js';
import { formatMoney, formatPercent } from './money.js';
import type { BudgetFigure, DailyReport } from './report.js';

/** What a raw (unreadable) message keeps: enough to see what it was, well within Slack's limits. */
export const RAW_BODY_LIMIT = 2500;
const CHATBOT_DESCRIPTION_LIMIT = 3500;
const COST_EXPLORER_URL = 'https://console.aws.amazon.com/cost-management/home#/cost-explorer';
const ANOMALY_CONSOLE_URL = 'https://console.aws.amazon.com/cost-management/home#/anomaly-detection/overview';

/** `█████████░ 85%`: spend against budget, capped at 10 cells (over budget shows a full bar and the %). */
export function progressBar(ratio: number | undefined, cells = 10): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '';
  const filled = Math.max(0, Math.min(cells, Math.round(ratio * cells)));
  return `${'█'.repeat(filled)}${'░'.repeat(cells - filled)} ${formatPercent(ratio)}`;
}

const SPARKS = '▁▂▃▄▅▆▇█';
/** `▁▃▅█▂▂▄`: a 7-day trend in one line. */
export function sparkline(values: number[]): string {
  const max = Math.max(...values, 0);
  return values
    .map((v) => SPARKS[max <= 0 ? 0 : Math.min(7, Math.floor((Math.max(0, v) / max) * 7))])
    .join('');
}

const link = (url: string, label: string): string => `<${url.replace(/[<>|]/g, '')}|${label}>`;

function budgetTitle(alert: BudgetAlert): string {
  const verb = alert.alertType === 'FORECASTED' ? 'is forecast to exceed' : 'exceeded';
  return `Budget ${alert.budgetName} ${verb} ${formatPercent(alert.thresholdRatio)} of ${formatMoney(alert.budgeted)}`;
}

function renderBudget(alert: BudgetAlert): SlackMessage {
  const ratio = alert.budgeted.amount > 0 ? alert.amount.amount / alert.budgeted.amount : undefined;
  const over = ratio !== undefined && ratio >= 1;
  const label =
    alert.alertType === 'FORECASTED' ? 'Forecast' : alert.period === 'daily' ? 'Spent (day)' : 'Spent';
  const title = budgetTitle(alert);
  const blocks: Block[] = [
    header(`${over ? '🚨' : '⚠️'} ${title}`),
    section(
      `*${label}:* ${formatMoney(alert.amount)} of ${formatMoney(alert.budgeted)}\n\`${progressBar(ratio)}\``,
    ),
    fields([
      `*Budget*\n${escapeText(alert.budgetName)} (${alert.period})`,
      `*Alert type*\n${alert.alertType}`,
      `*Threshold crossed*\n> ${formatMoney(alert.threshold)} (${formatPercent(alert.thresholdRatio)})`,
      `*Account*\n${alert.accountId ?? 'n/a'}`,
    ]),
    context([`${link(alert.consoleUrl, 'AWS Budgets console')} · budget data refreshes up to 3 times a day`]),
  ];
  return message(`${title}: ${label.toLowerCase()} ${formatMoney(alert.amount)}`, blocks);
}

function renderAnomaly(alert: AnomalyAlert): SlackMessage {
  const impact = formatMoney({ amount: alert.totalImpact, currency: 'USD' });
  const title = `Cost anomaly: ${impact} above expected${alert.monitorName ? ` (${alert.monitorName})` : ''}`;
  const causes = alert.rootCauses.slice(0, 5).map((cause, index) => {
    const parts = [
      cause.service,
      cause.region,
      cause.usageType,
      cause.linkedAccountName ?? cause.linkedAccount,
    ]
      .filter((p): p is string => Boolean(p))
      .map(escapeText);
    const share =
      cause.impact === undefined ? '' : ` — ${formatMoney({ amount: cause.impact, currency: 'USD' })}`;
    return `${index + 1}. ${parts.join(' · ') || 'unknown'}${share}`;
  });
  const summary = [
    alert.totalActualSpend === undefined
      ? undefined
      : `*Actual* ${formatMoney({ amount: alert.totalActualSpend, currency: 'USD' })}`,
    alert.totalExpectedSpend === undefined
      ? undefined
      : `*Expected* ${formatMoney({ amount: alert.totalExpectedSpend, currency: 'USD' })}`,
    alert.impactPercentage === undefined ? undefined : `*Impact* +${Math.round(alert.impactPercentage)}%`,
    alert.startDate ? `*Since* ${escapeText(alert.startDate.slice(0, 10))}` : undefined,
  ].filter((p): p is string => Boolean(p));
  const blocks: Block[] = [
    header(`🚨 ${title}`),
    section(`*Total impact:* ${impact}${summary.length > 0 ? `\n${summary.join('   ')}` : ''}`),
    section(`*Top root causes*\n${causes.join('\n') || '_AWS reported no root cause_'}`),
    context([
      `${link(alert.detailsLink ?? ANOMALY_CONSOLE_URL, 'Open the anomaly in the console')} · ${escapeText(alert.anomalyId)}`,
    ]),
  ];
  return message(`${title}. Top cause: ${causes[0] ?? 'unknown'}`, blocks);
}

function alarmConsoleUrl(alert: AlarmAlert): string {
  const region = alert.region && /^[a-z]{2}(-[a-z]+)+-\d$/.test(alert.region) ? alert.region : 'us-east-1';
  return `https://console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(alert.alarmName)}`;
}

function renderAlarm(alert: AlarmAlert): SlackMessage {
  const icon = alert.newState === 'ALARM' ? '🚨' : alert.newState === 'OK' ? '✅' : '❔';
  const title = `${alert.alarmName} is ${alert.newState}`;
  const blocks: Block[] = [
    header(`${icon} ${title}`),
    section(escapeText(alert.reason || alert.description || 'No reason given.')),
    fields(
      [
        `*State*\n${escapeText(alert.oldState ?? '?')} → ${escapeText(alert.newState)}`,
        alert.metric
          ? `*Metric*\n${escapeText([alert.metric.namespace, alert.metric.name].filter(Boolean).join(' '))}`
          : '',
        alert.metric?.dimensions.length
          ? `*Dimensions*\n${escapeText(alert.metric.dimensions.join(', '))}`
          : '',
        alert.region ? `*Region*\n${escapeText(alert.region)}` : '',
      ].filter(Boolean),
    ),
    context([
      `${link(alarmConsoleUrl(alert), 'Open the alarm')}${alert.changedAt ? ` · ${escapeText(alert.changedAt)}` : ''}`,
    ]),
  ];
  return message(`${icon} ${title}: ${alert.reason}`, blocks);
}

function renderCustom(alert: CustomAlert): SlackMessage {
  const blocks: Block[] = [header(alert.title), section(escapeText(alert.description))];
  if (alert.nextSteps.length > 0)
    blocks.push(section(`*Next steps*\n${alert.nextSteps.map((s) => `• ${escapeText(s)}`).join('\n')}`));
  const footer = [
    ...alert.keywords.map((k) => `\`${escapeText(k)}\``),
    ...alert.relatedResources.map((r) => escapeText(r)),
  ];
  if (footer.length > 0) blocks.push(context([footer.join(' · ')]));
  return message(`${alert.title}: ${alert.description}`, blocks);
}

function renderRaw(alert: RawAlert): SlackMessage {
  const body = truncate(alert.body, RAW_BODY_LIMIT);
  const title = alert.subject ? `Unrecognized notification: ${alert.subject}` : 'Unrecognized notification';
  return message(`${title}\n${body}`, [
    header(`❔ ${title}`),
    section(`\`\`\`${escapeText(body).replace(/```/g, "'''")}\`\`\``),
    context([`Posted as received (${alert.body.length} characters): ${alert.reason}.`]),
  ]);
}

/** The Block Kit message of an alert. */
export function renderAlert(alert: Alert): SlackMessage {
  switch (alert.kind) {
    case 'budget':
      return renderBudget(alert);
    case 'anomaly':
      return renderAnomaly(alert);
    case 'alarm':
      return renderAlarm(alert);
    case 'custom':
      return renderCustom(alert);
    case 'raw':
      return renderRaw(alert);
  }
}

/** The Chatbot custom notification of an alert (chatbot mode): the same facts, in markdown. */
export function chatbotAlert(alert: Alert): ChatbotNotification {
  const notification = (
    title: string,
    description: string,
    extra: {
      nextSteps?: string[];
      keywords?: string[];
      eventType: string;
      threadId?: string;
      related?: string[];
    },
  ): ChatbotNotification => {
    const result: ChatbotNotification = {
      version: '1.0',
      source: 'custom',
      content: {
        textType: 'client-markdown',
        title: truncate(title, 250),
        description: truncate(description.trim() || title, CHATBOT_DESCRIPTION_LIMIT),
        nextSteps: extra.nextSteps ?? [],
        keywords: extra.keywords ?? [],
      },
      metadata: {
        summary: truncate(title, 250),
        eventType: extra.eventType,
        relatedResources: extra.related ?? [],
      },
    };
    if (extra.threadId && result.metadata) result.metadata.threadId = extra.threadId;
    return result;
  };
  switch (alert.kind) {
    case 'budget': {
      const ratio = alert.budgeted.amount > 0 ? alert.amount.amount / alert.budgeted.amount : undefined;
      return notification(
        budgetTitle(alert),
        `${alert.alertType === 'FORECASTED' ? 'Forecast' : 'Spent'}: *${formatMoney(alert.amount)}* of ${formatMoney(alert.budgeted)}\n\`${progressBar(ratio)}\`\nThreshold crossed: > ${formatMoney(alert.threshold)} (${formatPercent(alert.thresholdRatio)}).`,
        {
          nextSteps: [`Review spend in [AWS Budgets](${alert.consoleUrl})`],
          keywords: [alert.alertType, alert.period, alert.budgetName],
          eventType: 'BudgetThreshold',
        },
      );
    }
    case 'anomaly':
      return notification(
        `Cost anomaly: ${formatMoney({ amount: alert.totalImpact, currency: 'USD' })} above expected`,
        `Top root causes:\n${
          alert.rootCauses
            .slice(0, 5)
            .map(
              (c, i) =>
                `${i + 1}. ${[c.service, c.region, c.usageType].filter(Boolean).join(' · ') || 'unknown'}`,
            )
            .join('\n') || 'none reported'
        }`,
        {
          nextSteps: [`[Open the anomaly](${alert.detailsLink ?? ANOMALY_CONSOLE_URL})`],
          keywords: ['anomaly', ...(alert.monitorName ? [alert.monitorName] : [])],
          eventType: 'CostAnomaly',
          threadId: alert.anomalyId,
        },
      );
    case 'alarm':
      return notification(
        `${alert.alarmName} is ${alert.newState}`,
        alert.reason || alert.description || '',
        {
          nextSteps: [`[Open the alarm](${alarmConsoleUrl(alert)})`],
          keywords: [alert.newState],
          eventType: 'CloudWatchAlarm',
          threadId: alert.alarmName,
        },
      );
    case 'custom': {
      const extra: Parameters<typeof notification>[2] = {
        nextSteps: alert.nextSteps,
        keywords: alert.keywords,
        eventType: alert.eventType ?? 'Custom',
        related: alert.relatedResources,
      };
      if (alert.threadId) extra.threadId = alert.threadId;
      return notification(alert.title, alert.description, extra);
    }
    case 'raw':
      return notification(
        alert.subject ? `Unrecognized notification: ${alert.subject}` : 'Unrecognized notification',
        `\`\`\`\n${truncate(alert.body, RAW_BODY_LIMIT).replace(/```/g, "'''")}\n\`\`\`\n${alert.reason}.`,
        { eventType: 'Unrecognized' },
      );
  }
}

function figureLine(label: string, value: BudgetFigure): string {
  const budget = value.budget ? ` of ${formatMoney(value.budget)}` : ' (no budget set)';
  const bar = value.ratio === undefined ? '' : `\n\`${progressBar(value.ratio)}\``;
  return `*${label}:* ${formatMoney(value.spent)}${budget}${bar}`;
}

function changeText(change: number | undefined): string {
  if (change === undefined) return 'new';
  const arrow = change > 0.005 ? '▲' : change < -0.005 ? '▼' : '＝';
  return `${arrow} ${change > 0 ? '+' : ''}${Math.round(change * 100)}%`;
}

function reportLines(report: DailyReport) {
  const services = report.topServices.map(
    (s, i) =>
      `${i + 1}. ${escapeText(s.service)}: ${formatMoney({ amount: s.amount, currency: report.currency })} (${changeText(s.change)})`,
  );
  const trend = `${sparkline(report.trend.map((t) => t.amount))}  ${report.trend
    .map(
      (t) =>
        `${t.day.slice(5)} ${formatMoney({ amount: t.amount, currency: report.currency }, 0)}${t.missing ? '*' : ''}`,
    )
    .join(' · ')}`;
  const notes = [
    'unblended cost, credits and refunds excluded',
    `${report.costExplorerRequests} Cost Explorer request(s)`,
    ...(report.trend.some((t) => t.missing) ? ['* no data from Cost Explorer for that day'] : []),
    ...(report.partial ? ['partial data: Cost Explorer had more pages than the budget of 3 requests'] : []),
  ];
  return { services, trend, notes };
}

/** The daily report for the heartbeat channel. */
export function renderReport(report: DailyReport): SlackMessage {
  const { services, trend, notes } = reportLines(report);
  const forecast = report.monthForecast
    ? figureLine('Month forecast', report.monthForecast)
    : '*Month forecast:* not available';
  const blocks: Block[] = [
    header(`📊 AWS spend for ${report.reportDay}`),
    section(figureLine('Yesterday', report.yesterday)),
    section(`${figureLine('Month to date', report.monthToDate)}\n${forecast}`),
    section(`*Top services* (day over day)\n${services.join('\n') || '_no spend recorded_'}`),
    section(`*Last 7 days*\n${trend}`),
    context([`${link(COST_EXPLORER_URL, 'Cost Explorer')} · ${notes.join(' · ')}`]),
  ];
  return message(
    `AWS spend for ${report.reportDay}: ${formatMoney(report.yesterday.spent)}; month to date ${formatMoney(report.monthToDate.spent)}`,
    blocks,
  );
}

function exceededLines(report: DailyReport): string[] {
  return report.exceeded.map((which) => {
    const f = which === 'daily' ? report.yesterday : report.monthToDate;
    const label = which === 'daily' ? `Yesterday (${report.reportDay})` : 'Month to date';
    return `${label}: ${formatMoney(f.spent)} is over the ${which} budget of ${f.budget ? formatMoney(f.budget) : '?'} (${formatPercent(f.ratio ?? Number.NaN)})`;
  });
}

/** The short message for the critical channel when the report finds a budget exceeded. */
export function renderExceeded(report: DailyReport): SlackMessage {
  const lines = exceededLines(report);
  return message(`Budget exceeded: ${lines.join('; ')}`, [
    header('🚨 AWS budget exceeded'),
    section(lines.map((l) => `• ${l}`).join('\n')),
    context([`${link(COST_EXPLORER_URL, 'Cost Explorer')} · the full report is in the heartbeat channel`]),
  ]);
}

export function chatbotReport(report: DailyReport): ChatbotNotification {
  const { services, trend, notes } = reportLines(report);
  const forecast = report.monthForecast
    ? figureLine('Month forecast', report.monthForecast)
    : '*Month forecast:* not available';
  return {
    version: '1.0',
    source: 'custom',
    content: {
      textType: 'client-markdown',
      title: `AWS spend for ${report.reportDay}`,
      description: truncate(
        [
          figureLine('Yesterday', report.yesterday),
          figureLine('Month to date', report.monthToDate),
          forecast,
          `*Top services*\n${services.join('\n') || 'no spend recorded'}`,
          `*Last 7 days*\n${trend}`,
          `_${notes.join(' · ')}_`,
        ].join('\n'),
        CHATBOT_DESCRIPTION_LIMIT,
      ),
      nextSteps: [`[Open Cost Explorer](${COST_EXPLORER_URL})`],
      keywords: ['daily-report'],
    },
    metadata: {
      summary: `AWS spend for ${report.reportDay}`,
      eventType: 'DailySpendReport',
      threadId: 'daily-report',
    },
  };
}

export function chatbotExceeded(report: DailyReport): ChatbotNotification {
  return {
    version: '1.0',
    source: 'custom',
    content: {
      textType: 'client-markdown',
      title: 'AWS budget exceeded',
      description: exceededLines(report).join('\n'),
      nextSteps: [`[Open Cost Explorer](${COST_EXPLORER_URL})`],
      keywords: ['budget-exceeded', ...report.exceeded],
    },
    metadata: { summary: 'AWS budget exceeded', eventType: 'BudgetExceeded' },
  };
}
