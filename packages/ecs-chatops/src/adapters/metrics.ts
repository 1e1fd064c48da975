import { type CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricsPort, Utilization } from '../ports.js';
import { guard } from './aws-errors.js';

/** CPU and memory, average and maximum, in ONE GetMetricData call (4 queries). */
export class MetricsAdapter implements MetricsPort {
  constructor(
    private readonly cloudwatch: (cluster: string) => CloudWatchClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async utilization(cluster: string, service: string, minutes: number): Promise<Utilization> {
    const end = this.now();
    const start = new Date(end.getTime() - minutes * 60_000);
    const dimensions = [
      { Name: 'ClusterName', Value: cluster },
      { Name: 'ServiceName', Value: service },
    ];
    const query = (id: string, metric: string, stat: string) => ({
      Id: id,
      MetricStat: {
        Metric: { Namespace: 'AWS/ECS', MetricName: metric, Dimensions: dimensions },
        Period: minutes * 60,
        Stat: stat,
      },
    });
    const out = await guard(`GetMetricData ${cluster}/${service}`, () =>
      this.cloudwatch(cluster).send(
        new GetMetricDataCommand({
          StartTime: start,
          EndTime: end,
          MetricDataQueries: [
            query('cpuavg', 'CPUUtilization', 'Average'),
            query('cpumax', 'CPUUtilization', 'Maximum'),
            query('memavg', 'MemoryUtilization', 'Average'),
            query('memmax', 'MemoryUtilization', 'Maximum'),
          ],
        }),
      ),
    );
    const value = (id: string) => out.MetricDataResults?.find((r) => r.Id === id)?.Values?.[0];
    const pair = (a: string, m: string) => {
      const average = value(a);
      const maximum = value(m);
      return average === undefined || maximum === undefined ? undefined : { average, maximum };
    };
    const result: Utilization = { minutes };
    const cpu = pair('cpuavg', 'cpumax');
    const memory = pair('memavg', 'memmax');
    if (cpu) result.cpu = cpu;
    if (memory) result.memory = memory;
    return result;
  }
}
