// The daily spend report: which Cost Explorer periods to ask for (at most 3 requests, each costs
// $0.01, every page billed) and the figures made of the answers. Dates are UTC `YYYY-MM-DD`, and
// periods are [start, end) as Cost Explorer has them.
import type { Money } from './alert.js';

/** Days of the trend; the daily totals also cover the month to date. */
export const TREND_DAYS = 7;
export const MAX_COST_EXPLORER_REQUESTS = 3;
export const TOP_SERVICES = 5;

export interface Period {
  start: string;
  end: string;
}

/**
 * Three questions, one request each when nothing pages:
 * 1. daily totals (no grouping) from the month's start or 7 days back, whichever is earlier: yesterday,
 *    month to date and the 7-day trend (at most 38 rows: one page);
 * 2. daily costs grouped by SERVICE for yesterday and the day before only: top services and their
 *    day-over-day change (two days keep it to one page even with hundreds of services);
 * 3. the forecast of the rest of the month.
 * Grouping the whole window by service instead would answer 1 and 2 at once, but it pages on busy
 * accounts and then the newest days, the ones the report is about, come last.
 */
export interface ReportPlan {
  /** The day the report is about: the last complete UTC day. */
  reportDay: string;
  /** Month of reportDay. */
  monthStart: string;
  totals: Period;
  services: Period;
  /** The rest of the month, for GetCostForecast; undefined when reportDay is the month's last day. */
  forecast: Period | undefined;
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
};

/** What to ask Cost Explorer for a report made at `now`. */
export function planReport(now: Date): ReportPlan {
  const today = isoDay(now);
  const reportDay = addDays(today, -1);
  const trendStart = addDays(reportDay, -(TREND_DAYS - 1));
  const monthStart = `${reportDay.slice(0, 7)}-01`;
  const nextMonth = new Date(`${monthStart}T00:00:00Z`);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  const monthEnd = isoDay(nextMonth);
  return {
    reportDay,
    monthStart,
    totals: { start: monthStart < trendStart ? monthStart : trendStart, end: today },
    services: { start: addDays(reportDay, -1), end: today },
    // GetCostForecast needs a start of today or later; nothing is left to forecast on the 1st.
    forecast: today < monthEnd ? { start: today, end: monthEnd } : undefined,
  };
}

/** One page of GetCostAndUsage (DAILY, GroupBy SERVICE), reduced to what the report reads. */
export interface CostPage {
  resultsByTime: Array<{
    start: string;
    estimated: boolean;
    /** Empty for an ungrouped request, which carries `total` instead. */
    groups: Array<{ service: string; amount: number; unit: string }>;
    total?: { amount: number; unit: string };
  }>;
}

export interface DayCosts {
  day: string;
  total: number;
  byService: Map<string, number>;
  /** Cost Explorer returned nothing for this day (no usage yet, or data not in): counted as 0. */
  missing: boolean;
  estimated: boolean;
}

/**
 * Merges pages into one entry per day of the period. Cost Explorer splits a day's groups across
 * pages (the same TimePeriod appears again on the next page), and leaves out days it has no data
 * for: those become zero days marked `missing`, so the trend never silently shortens.
 */
export function mergeDailyPages(period: Period, pages: CostPage[]): { days: DayCosts[]; unit?: string } {
  const byDay = new Map<string, DayCosts>();
  for (let day = period.start; day < period.end; day = addDays(day, 1)) {
    byDay.set(day, { day, total: 0, byService: new Map(), missing: true, estimated: false });
  }
  let unit: string | undefined;
  for (const page of pages) {
    for (const result of page.resultsByTime) {
      const day = byDay.get(result.start.slice(0, 10));
      if (!day) continue;
      day.missing = false;
      day.estimated ||= result.estimated;
      for (const group of result.groups) {
        unit ??= group.unit;
        day.byService.set(group.service, (day.byService.get(group.service) ?? 0) + group.amount);
        day.total += group.amount;
      }
      if (result.groups.length === 0 && result.total) {
        unit ??= result.total.unit;
        day.total += result.total.amount;
      }
    }
  }
  const days = [...byDay.values()];
  return unit === undefined ? { days } : { days, unit };
}

export interface ServiceChange {
  service: string;
  amount: number;
  previous: number;
  /** Day-over-day change as a share (0.25 = +25%); undefined when the day before was 0. */
  change: number | undefined;
}

export interface BudgetFigure {
  spent: Money;
  budget: Money | undefined;
  /** spent / budget, undefined without a budget. */
  ratio: number | undefined;
}

export interface DailyReport {
  reportDay: string;
  currency: string;
  yesterday: BudgetFigure;
  monthToDate: BudgetFigure;
  /** Spend expected for the whole month: month to date plus Cost Explorer's forecast of the rest. */
  monthForecast: BudgetFigure | undefined;
  topServices: ServiceChange[];
  trend: Array<{ day: string; amount: number; missing: boolean }>;
  /** Budgets exceeded (yesterday over the daily budget, month to date over the monthly one). */
  exceeded: Array<'daily' | 'monthly'>;
  /** The by-service data had more pages than the request budget allowed: top services may be incomplete. */
  partial: boolean;
  costExplorerRequests: number;
}

export interface ReportInputs {
  plan: ReportPlan;
  /** Daily totals over plan.totals. */
  days: DayCosts[];
  /** Daily costs by service over plan.services (yesterday and the day before). */
  serviceDays: DayCosts[];
  forecastRemaining: number | undefined;
  dailyBudget: number | undefined;
  monthlyBudget: number | undefined;
  currency: string;
  partial: boolean;
  costExplorerRequests: number;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

function figure(spent: number, budget: number | undefined, currency: string): BudgetFigure {
  return {
    spent: { amount: round2(spent), currency },
    budget: budget === undefined ? undefined : { amount: budget, currency },
    ratio: budget === undefined || budget <= 0 ? undefined : spent / budget,
  };
}

export function buildReport(inputs: ReportInputs): DailyReport {
  const { plan, days, currency } = inputs;
  const yesterdayTotal = days.find((d) => d.day === plan.reportDay)?.total ?? 0;
  const monthToDate = days.filter((d) => d.day >= plan.monthStart).reduce((sum, d) => sum + d.total, 0);
  const reportDay = inputs.serviceDays.find((d) => d.day === plan.reportDay);
  const dayBefore = inputs.serviceDays.find((d) => d.day === plan.services.start);
  const services = [...(reportDay?.byService ?? new Map<string, number>()).entries()]
    .filter(([, amount]) => round2(amount) !== 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_SERVICES)
    .map(([service, amount]): ServiceChange => {
      const previous = dayBefore?.byService.get(service) ?? 0;
      return {
        service,
        amount: round2(amount),
        previous: round2(previous),
        change: previous > 0 ? (amount - previous) / previous : undefined,
      };
    });
  const exceeded: DailyReport['exceeded'] = [];
  const yesterday = figure(yesterdayTotal, inputs.dailyBudget, currency);
  const month = figure(monthToDate, inputs.monthlyBudget, currency);
  if (yesterday.ratio !== undefined && yesterday.ratio > 1) exceeded.push('daily');
  if (month.ratio !== undefined && month.ratio > 1) exceeded.push('monthly');
  const forecastTotal =
    inputs.forecastRemaining === undefined && plan.forecast !== undefined
      ? undefined
      : monthToDate + (inputs.forecastRemaining ?? 0);
  return {
    reportDay: plan.reportDay,
    currency,
    yesterday,
    monthToDate: month,
    monthForecast:
      forecastTotal === undefined ? undefined : figure(forecastTotal, inputs.monthlyBudget, currency),
    topServices: services,
    trend: days.slice(-TREND_DAYS).map((d) => ({ day: d.day, amount: round2(d.total), missing: d.missing })),
    exceeded,
    partial: inputs.partial,
    costExplorerRequests: inputs.costExplorerRequests,
  };
}
