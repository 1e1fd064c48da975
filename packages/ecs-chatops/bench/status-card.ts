// AWS calls per status card, for services with 1, 10 and 100 tasks and events, next to a naive card
// (one DescribeTasks per task, one metric query per call) measured on the same sandbox in the same run.
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { createSandbox, roundTrips, type WorldFile } from '@slackops/local';
import { ecsChatopsFeature } from '../../local/src/features/ecs-chatops.js';

const SIZES = [1, 10, 100];

function worldWith(size: number): WorldFile {
  const tasks = Array.from({ length: size }, (_, i) => ({
    id: `task${String(i).padStart(16, '0')}`,
    desiredStatus: i % 10 === 9 ? 'STOPPED' : 'RUNNING',
    stoppedReason: 'Essential container in task exited',
  }));
  const events = Array.from({ length: size }, (_, i) => ({
    message: `(service web) event ${i}`,
    minutesAgo: i,
  }));
  return {
    ecs: {
      clusters: {
        staging: {
          services: {
            web: {
              desiredCount: size,
              runningCount: size,
              taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8',
              tasks,
              events,
            },
            jobs: {
              desiredCount: 1,
              runningCount: 1,
              taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/jobs:1',
            },
          },
        },
      },
    },
    ecsMetrics: { 'staging/web': { cpu: [10, 20], memory: [30, 40] } },
  };
}

async function naiveCard(): Promise<void> {
  const ecs = new ECSClient({});
  const cloudwatch = new CloudWatchClient({});
  await ecs.send(new DescribeServicesCommand({ cluster: 'staging', services: ['web'] }));
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    const listed = await ecs.send(
      new ListTasksCommand({ cluster: 'staging', serviceName: 'web', desiredStatus }),
    );
    for (const arn of listed.taskArns ?? [])
      await ecs.send(new DescribeTasksCommand({ cluster: 'staging', tasks: [arn] }));
  }
  for (const metric of ['CPUUtilization', 'MemoryUtilization']) {
    for (const stat of ['Average', 'Maximum']) {
      await cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 900_000),
          EndTime: new Date(),
          MetricDataQueries: [
            {
              Id: 'm',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/ECS',
                  MetricName: metric,
                  Dimensions: [
                    { Name: 'ClusterName', Value: 'staging' },
                    { Name: 'ServiceName', Value: 'web' },
                  ],
                },
                Period: 900,
                Stat: stat,
              },
            },
          ],
        }),
      );
    }
  }
}

const rows: string[][] = [];
for (const size of SIZES) {
  const sandbox = await createSandbox({ world: worldWith(size), features: [ecsChatopsFeature] });
  try {
    const payload = {
      source: 'slack',
      kind: 'command',
      requestId: `bench-${size}`,
      receivedAt: new Date().toISOString(),
      userId: 'U0OPERATOR',
      channelId: 'C0OPS',
      responseUrl: sandbox.slack.newResponseUrl(),
      task: { op: 'status', cluster: 'staging', service: 'web' },
    };
    await sandbox.lambda.invoke('ecs-chatops-worker', payload);
    const ours = sandbox
      .awsCalls('ecs-chatops-worker')
      .filter((c) => c.service === 'ECS' || c.service === 'CloudWatch');
    const before = sandbox.awsCalls().length;
    await naiveCard();
    const naive = sandbox
      .awsCalls()
      .slice(before)
      .filter((c) => c.service === 'ECS' || c.service === 'CloudWatch');
    rows.push([
      String(size),
      String(ours.length),
      String(roundTrips(ours)),
      String(naive.length),
      String(roundTrips(naive)),
      (naive.length / ours.length).toFixed(1),
    ]);
  } finally {
    await sandbox.close();
  }
}

const headers = [
  'tasks & events',
  'slackops calls',
  'slackops round trips',
  'naive calls',
  'naive round trips',
  'naive / slackops calls',
];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
console.log('Status card: AWS calls per service (target ≤ 4 round trips, independent of size)');
for (const row of [headers, ...rows]) console.log(row.map((c, i) => c.padStart(widths[i]!)).join('  '));
