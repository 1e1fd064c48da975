import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DailyReport } from '../domain/report.js';
import type { ReportMetrics } from '../ports.js';

/**
 * The report's figures as CloudWatch metrics in Embedded Metric Format: written to the log, so no
 * cloudwatch:PutMetricData permission and no API call. Namespace from POWERTOOLS_METRICS_NAMESPACE.
 */
export class EmfReportMetrics implements ReportMetrics {
  constructor(private readonly metrics: Metrics) {}

  publish(report: DailyReport): void {
    const m = this.metrics;
    m.addDimension('Currency', report.currency);
    m.addMetric('DailySpend', MetricUnit.NoUnit, report.yesterday.spent.amount);
    m.addMetric('MonthToDateSpend', MetricUnit.NoUnit, report.monthToDate.spent.amount);
    if (report.yesterday.budget)
      m.addMetric('DailyBudget', MetricUnit.NoUnit, report.yesterday.budget.amount);
    if (report.monthToDate.budget)
      m.addMetric('MonthlyBudget', MetricUnit.NoUnit, report.monthToDate.budget.amount);
    if (report.monthForecast)
      m.addMetric('MonthForecast', MetricUnit.NoUnit, report.monthForecast.spent.amount);
    m.addMetric('CostExplorerRequests', MetricUnit.Count, report.costExplorerRequests);
    m.publishStoredMetrics();
    // Per-service spend (dimension AwsService) for the dashboard's top services
    // (publishStoredMetrics clears the dimensions, so each service gets its own EMF document).
    for (const service of report.topServices) {
      m.addDimension('Currency', report.currency);
      m.addDimension('AwsService', service.service);
      m.addMetric('ServiceSpend', MetricUnit.NoUnit, service.amount);
      m.publishStoredMetrics();
    }
  }
}
