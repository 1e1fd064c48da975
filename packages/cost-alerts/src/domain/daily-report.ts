// The daily report's use case: at most MAX_COST_EXPLORER_REQUESTS billed requests, then heartbeat
// (always) and critical (when a budget is exceeded).
import { context } from '@slackops/kit/core';
import type { ChannelNotifier, CostReader, ReportMetrics } from '../ports.js';
import type { ChannelName } from './alert.js';
import { chatbotExceeded, chatbotReport, renderExceeded, renderReport } from './render.js';
import {
  buildReport,
  type CostPage,
  type DailyReport,
  MAX_COST_EXPLORER_REQUESTS,
  mergeDailyPages,
  planReport,
} from './report.js';

export interface ReportSettings {
  dailyBudget: number | undefined;
  monthlyBudget: number | undefined;
  currency: string;
}

export interface ReportOutcome {
  report: DailyReport;
  deliveredTo: ChannelName[];
  dryRun: boolean;
}

/** Fetches the figures with at most MAX_COST_EXPLORER_REQUESTS requests, pages included (each is billed). */
export async function collectReport(
  now: Date,
  costs: CostReader,
  settings: ReportSettings,
): Promise<DailyReport> {
  const plan = planReport(now);
  let requests = 0;
  const fetchPages = async (
    fetchPage: (token?: string) => Promise<{ page: CostPage; nextPageToken?: string }>,
    allowed: number,
  ): Promise<{ pages: CostPage[]; complete: boolean }> => {
    const pages: CostPage[] = [];
    let token: string | undefined;
    let used = 0;
    do {
      const answer = await fetchPage(token);
      requests += 1;
      used += 1;
      pages.push(answer.page);
      token = answer.nextPageToken;
    } while (token && used < allowed);
    return { pages, complete: token === undefined };
  };
  const reservedForForecast = plan.forecast ? 1 : 0;
  // Totals first: yesterday and the month to date must be right; only the breakdown may fall short.
  const totals = await fetchPages(
    (token) => costs.dailyTotals(plan.totals, token),
    MAX_COST_EXPLORER_REQUESTS - 1 - reservedForForecast,
  );
  const services = await fetchPages(
    (token) => costs.dailyCostsByService(plan.services, token),
    MAX_COST_EXPLORER_REQUESTS - requests - reservedForForecast,
  );
  let forecastRemaining: number | undefined;
  if (plan.forecast) {
    forecastRemaining = (await costs.forecast(plan.forecast))?.amount;
    requests += 1;
  }
  return buildReport({
    plan,
    days: mergeDailyPages(plan.totals, totals.pages).days,
    serviceDays: mergeDailyPages(plan.services, services.pages).days,
    forecastRemaining,
    dailyBudget: settings.dailyBudget,
    monthlyBudget: settings.monthlyBudget,
    currency: settings.currency,
    partial: !totals.complete || !services.complete,
    costExplorerRequests: requests,
  });
}

export async function runDailyReport(
  now: Date,
  ports: { costs: CostReader; notifier: ChannelNotifier; metrics: ReportMetrics },
  settings: ReportSettings,
  options: { dryRun: boolean } = { dryRun: false },
): Promise<ReportOutcome> {
  const report = await collectReport(now, ports.costs, settings);
  const deliveredTo: ChannelName[] = [];
  const heartbeat = { slack: renderReport(report), chatbot: chatbotReport(report) };
  if (options.dryRun) {
    // A dry run (make validate) proves the path end to end without alarming anyone: heartbeat only,
    // marked as a test, and no metrics that would skew the dashboard.
    heartbeat.slack = {
      ...heartbeat.slack,
      text: `[validation dry run] ${heartbeat.slack.text}`,
      blocks: [
        context(['_Validation dry run (make validate): not the scheduled report._']),
        ...(heartbeat.slack.blocks ?? []),
      ],
    };
    heartbeat.chatbot = {
      ...heartbeat.chatbot,
      content: {
        ...heartbeat.chatbot.content,
        title: `[validation dry run] ${heartbeat.chatbot.content.title ?? ''}`,
      },
    };
  } else {
    ports.metrics.publish(report);
  }
  await ports.notifier.deliver('heartbeat', heartbeat);
  deliveredTo.push('heartbeat');
  if (!options.dryRun && report.exceeded.length > 0) {
    await ports.notifier.deliver('critical', {
      slack: renderExceeded(report),
      chatbot: chatbotExceeded(report),
    });
    deliveredTo.push('critical');
  }
  return { report, deliveredTo, dryRun: options.dryRun };
}
