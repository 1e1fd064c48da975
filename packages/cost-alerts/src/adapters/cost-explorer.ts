import {
  type CostExplorerClient,
  type Expression,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import type { CostPage, Period } from '../domain/report.js';
import { CostExplorerError } from '../errors.js';
import type { CostAmount, CostReader } from '../ports.js';

/**
 * Credits and refunds are left out of every figure: a credit lands as a large negative line on one
 * day and would make yesterday look cheap and the budget bar lie about usage. Budgets' own alerts
 * are configured the same way in Terraform (include_credit = false, include_refund = false).
 */
export const EXCLUDE_CREDITS_AND_REFUNDS: Expression = {
  Not: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit', 'Refund'] } },
};
const METRIC = 'UnblendedCost';

const RETRYABLE = new Set([
  'LimitExceededException',
  'ThrottlingException',
  'ServiceUnavailableException',
  'InternalServerException',
]);

function classify(operation: string, error: unknown): CostExplorerError {
  const name = (error as Error).name ?? 'Error';
  return new CostExplorerError(
    name,
    `Cost Explorer ${operation} failed: ${name}: ${(error as Error).message}`,
    RETRYABLE.has(name),
    {
      cause: error,
    },
  );
}

const toNumber = (value: string | undefined): number => {
  const n = Number(value ?? '0');
  return Number.isFinite(n) ? n : 0;
};

/** Cost Explorer's endpoint is us-east-1 whatever the function's region: pass a client made for it. */
export class CostExplorerReader implements CostReader {
  constructor(private readonly ce: CostExplorerClient) {}

  dailyCostsByService(
    period: Period,
    nextPageToken?: string,
  ): Promise<{ page: CostPage; nextPageToken?: string }> {
    return this.dailyPage(period, true, nextPageToken);
  }

  dailyTotals(period: Period, nextPageToken?: string): Promise<{ page: CostPage; nextPageToken?: string }> {
    return this.dailyPage(period, false, nextPageToken);
  }

  private async dailyPage(
    period: Period,
    byService: boolean,
    nextPageToken: string | undefined,
  ): Promise<{ page: CostPage; nextPageToken?: string }> {
    try {
      const output = await this.ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: period.start, End: period.end },
          Granularity: 'DAILY',
          Metrics: [METRIC],
          GroupBy: byService ? [{ Type: 'DIMENSION', Key: 'SERVICE' }] : undefined,
          Filter: EXCLUDE_CREDITS_AND_REFUNDS,
          NextPageToken: nextPageToken,
        }),
      );
      const page: CostPage = {
        resultsByTime: (output.ResultsByTime ?? []).map((result) => {
          const total = result.Total?.[METRIC];
          return {
            start: result.TimePeriod?.Start ?? '',
            estimated: result.Estimated ?? false,
            groups: (result.Groups ?? []).map((group) => ({
              service: group.Keys?.[0] ?? 'unknown',
              amount: toNumber(group.Metrics?.[METRIC]?.Amount),
              unit: group.Metrics?.[METRIC]?.Unit ?? 'USD',
            })),
            ...(total ? { total: { amount: toNumber(total.Amount), unit: total.Unit ?? 'USD' } } : {}),
          };
        }),
      };
      return output.NextPageToken ? { page, nextPageToken: output.NextPageToken } : { page };
    } catch (error) {
      throw classify('GetCostAndUsage', error);
    }
  }

  async forecast(period: Period): Promise<CostAmount | undefined> {
    try {
      const output = await this.ce.send(
        new GetCostForecastCommand({
          TimePeriod: { Start: period.start, End: period.end },
          Granularity: 'MONTHLY',
          Metric: 'UNBLENDED_COST',
          Filter: EXCLUDE_CREDITS_AND_REFUNDS,
        }),
      );
      return { amount: toNumber(output.Total?.Amount), unit: output.Total?.Unit ?? 'USD' };
    } catch (error) {
      // A young account has too little history to forecast: the report says so instead of failing.
      if ((error as Error).name === 'DataUnavailableException') return undefined;
      throw classify('GetCostForecast', error);
    }
  }
}
