// Cost Explorer (serviceId 'Cost Explorer'): GetCostAndUsage (DAILY grouped by SERVICE, or MONTHLY
// totals, DAILY totals; pages of `pageSize` groups with NextPageToken; the RECORD_TYPE Credit/Refund filter) and
// GetCostForecast (and GetDimensionValues, for the naive report of the benchmark), answered from the world file's `costExplorer` section. Days are relative to the
// sandbox clock so a world file stays valid on any date:
//
//   "costExplorer": {
//     "currency": "USD",
//     "pageSize": 40,
//     "services": { "Amazon Elastic Compute Cloud - Compute": { "daily": 9.5, "daysAgo": { "1": 14.2 } } },
//     "credits": [{ "daysAgo": 2, "service": "Amazon Elastic Compute Cloud - Compute", "amount": -30, "recordType": "Credit" }],
//     "missingDaysAgo": [4],
//     "forecastUnavailable": false
//   }
import type { SimulatorFactory } from '../world.js';
import { awsError } from '../world.js';

export interface CostExplorerWorld {
  currency?: string;
  pageSize?: number;
  services?: Record<string, { daily: number; daysAgo?: Record<string, number> }>;
  credits?: Array<{ daysAgo: number; service: string; amount: number; recordType?: 'Credit' | 'Refund' }>;
  /** Days (counted back from today) Cost Explorer has no data for. */
  missingDaysAgo?: number[];
  forecastUnavailable?: boolean;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function period(input: Record<string, unknown>): { start: string; end: string } {
  const tp = (input.TimePeriod ?? {}) as { Start?: unknown; End?: unknown };
  const start = String(tp.Start ?? '');
  const end = String(tp.End ?? '');
  if (!DATE.test(start) || !DATE.test(end) || start >= end) {
    throw awsError(
      'ValidationException',
      `Invalid TimePeriod: Start ${start} must be a date before End ${end}`,
    );
  }
  return { start, end };
}

interface FilterExpression {
  And?: FilterExpression[];
  Not?: FilterExpression;
  Dimensions?: { Key?: string; Values?: string[] };
}

/** The filters the sandbox understands: `Not RECORD_TYPE in (…)`, `SERVICE in (…)`, and `And` of those. */
function readFilter(filter: unknown): { excluded: Set<string>; services: Set<string> | undefined } {
  const result = { excluded: new Set<string>(), services: undefined as Set<string> | undefined };
  const visit = (f: FilterExpression | undefined): void => {
    if (!f) return;
    for (const part of f.And ?? []) visit(part);
    if (f.Not?.Dimensions?.Key === 'RECORD_TYPE')
      for (const v of f.Not.Dimensions.Values ?? []) result.excluded.add(v);
    if (f.Dimensions?.Key === 'SERVICE') result.services = new Set(f.Dimensions.Values ?? []);
  };
  visit(filter as FilterExpression | undefined);
  return result;
}

export const costExplorerSimulator: SimulatorFactory = (world, context) => {
  const section = (world.costExplorer ?? {}) as CostExplorerWorld;
  const currency = section.currency ?? 'USD';
  const pageSize = section.pageSize ?? 50;
  const todayMs = () => Date.parse(`${context.now().toISOString().slice(0, 10)}T00:00:00Z`);
  const daysAgo = (day: string) => Math.round((todayMs() - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);

  /** Costs of one day by service, as Cost Explorer would report them with this filter. */
  const costsOf = (day: string, filter: ReturnType<typeof readFilter>): Map<string, number> => {
    const excluded = filter.excluded;
    const ago = daysAgo(day);
    const costs = new Map<string, number>();
    if (ago <= 0 || section.missingDaysAgo?.includes(ago)) return costs;
    for (const [service, spec] of Object.entries(section.services ?? {})) {
      costs.set(service, spec.daysAgo?.[String(ago)] ?? spec.daily);
    }
    for (const credit of section.credits ?? []) {
      if (credit.daysAgo !== ago || excluded.has(credit.recordType ?? 'Credit')) continue;
      costs.set(credit.service, (costs.get(credit.service) ?? 0) + credit.amount);
    }
    if (filter.services)
      for (const service of [...costs.keys()]) if (!filter.services.has(service)) costs.delete(service);
    return costs;
  };

  const days = (start: string, end: string): string[] => {
    const result: string[] = [];
    for (let t = Date.parse(`${start}T00:00:00Z`); t < Date.parse(`${end}T00:00:00Z`); t += DAY_MS) {
      result.push(new Date(t).toISOString().slice(0, 10));
    }
    return result;
  };
  const money = (amount: number) => ({ Amount: amount.toFixed(10), Unit: currency });
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

  return {
    serviceId: 'Cost Explorer',
    operations: {
      GetCostAndUsage: (input) => {
        const { start, end } = period(input);
        const excluded = readFilter(input.Filter);
        const metrics = (input.Metrics ?? []) as string[];
        if (metrics.length === 0) throw awsError('ValidationException', 'Metrics must not be empty');
        const metric = metrics[0]!;
        const groupBy = (input.GroupBy ?? []) as Array<{ Type?: string; Key?: string }>;
        if (groupBy.length > 2) throw awsError('ValidationException', 'GroupBy takes at most 2 keys');
        if (input.Granularity === 'DAILY' && groupBy.length === 1 && groupBy[0]?.Key === 'SERVICE') {
          // Flatten (day, service) rows, cut a page of pageSize rows, regroup by day.
          const rows = days(start, end).flatMap((day) =>
            [...costsOf(day, excluded)].map(([service, amount]) => ({ day, service, amount })),
          );
          const offset = input.NextPageToken === undefined ? 0 : Number(input.NextPageToken);
          if (!Number.isInteger(offset) || offset < 0 || offset > rows.length) {
            throw awsError('InvalidNextTokenException', 'The pagination token is invalid');
          }
          const page = rows.slice(offset, offset + pageSize);
          const pageDays = offset === 0 ? days(start, end) : [...new Set(page.map((r) => r.day))];
          const results = pageDays
            .filter((day) => (offset === 0 ? !section.missingDaysAgo?.includes(daysAgo(day)) : true))
            .map((day) => ({
              TimePeriod: { Start: day, End: next(day) },
              Total: {},
              Groups: page
                .filter((r) => r.day === day)
                .map((r) => ({ Keys: [r.service], Metrics: { [metric]: money(r.amount) } })),
              Estimated: daysAgo(day) <= 1,
            }));
          const nextOffset = offset + pageSize;
          return {
            GroupDefinitions: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
            ResultsByTime: results,
            DimensionValueAttributes: [],
            ...(nextOffset < rows.length ? { NextPageToken: String(nextOffset) } : {}),
          };
        }
        if (input.Granularity === 'DAILY' && groupBy.length === 0) {
          // Ungrouped daily totals: one row per day, well under a page for the periods the suite asks.
          return {
            ResultsByTime: days(start, end)
              .filter((day) => !section.missingDaysAgo?.includes(daysAgo(day)))
              .map((day) => ({
                TimePeriod: { Start: day, End: next(day) },
                Total: { [metric]: money([...costsOf(day, excluded).values()].reduce((a, b) => a + b, 0)) },
                Groups: [],
                Estimated: daysAgo(day) <= 1,
              })),
            DimensionValueAttributes: [],
          };
        }
        if (input.Granularity === 'MONTHLY' && groupBy.length === 0) {
          let total = 0;
          for (const day of days(start, end))
            for (const amount of costsOf(day, excluded).values()) total += amount;
          return {
            ResultsByTime: [
              {
                TimePeriod: { Start: start, End: end },
                Total: { [metric]: money(total) },
                Groups: [],
                Estimated: true,
              },
            ],
            DimensionValueAttributes: [],
          };
        }
        throw awsError(
          'SandboxUnsupportedOperation',
          'the sandbox answers DAILY by SERVICE and MONTHLY totals only',
          501,
        );
      },
      GetDimensionValues: (input) => {
        period(input);
        if (input.Dimension !== 'SERVICE')
          throw awsError('SandboxUnsupportedOperation', 'the sandbox lists SERVICE values only', 501);
        return {
          DimensionValues: Object.keys(section.services ?? {}).map((Value) => ({ Value, Attributes: {} })),
          ReturnSize: Object.keys(section.services ?? {}).length,
          TotalSize: Object.keys(section.services ?? {}).length,
        };
      },
      GetCostForecast: (input) => {
        const { start, end } = period(input);
        const today = context.now().toISOString().slice(0, 10);
        if (start < today)
          throw awsError(
            'ValidationException',
            'Start date must be equal to or no later than the current date',
          );
        if (section.forecastUnavailable) {
          throw awsError(
            'DataUnavailableException',
            'Insufficient amount of historical data to generate forecast.',
          );
        }
        const excluded = readFilter(input.Filter);
        // The sandbox forecasts the average of the last 7 complete days for every remaining day.
        const last7 = days(new Date(todayMs() - 7 * DAY_MS).toISOString().slice(0, 10), today);
        const average =
          last7.reduce(
            (sum, day) => sum + [...costsOf(day, excluded).values()].reduce((a, b) => a + b, 0),
            0,
          ) / 7;
        const total = average * days(start, end).length;
        return {
          Total: money(total),
          ForecastResultsByTime: [{ TimePeriod: { Start: start, End: end }, MeanValue: total.toFixed(10) }],
        };
      },
    },
  };
};
