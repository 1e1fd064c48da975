// Benchmark: Cost Explorer requests per daily report ($0.01 each, every page billed) for this
// package's report next to a naive one that asks per service, counted at the SDK boundary of the
// sandbox; plus the notifier's bundle size and cold start (import of the bundle in a fresh node).
//
//   tsx bench/report.ts [--services 40]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  GetDimensionValuesCommand,
} from '@aws-sdk/client-cost-explorer';
import { createSandbox, type FeatureWiring, type Sandbox } from '@slackops/local';
import { build } from 'esbuild';
import { lambdaBundleOptions } from '../../../scripts/lambda-bundle.mjs';
import { EXCLUDE_CREDITS_AND_REFUNDS } from '../src/adapters/cost-explorer.js';
import { planReport } from '../src/domain/report.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({ options: { services: { type: 'string', default: '40' } } });
const serviceCount = Number(values.services);

async function feature(): Promise<FeatureWiring> {
  const wiring = (await import(new URL('../../local/src/features/cost-alerts.ts', import.meta.url).href)) as {
    costAlertsFeature: FeatureWiring;
  };
  const [notifier, dailyReport] = wiring.costAlertsFeature.functions;
  return {
    ...wiring.costAlertsFeature,
    functions: [
      { ...notifier!, load: () => import('../src/handlers/notifier.js').then((m) => m.handler as never) },
      {
        ...dailyReport!,
        load: () => import('../src/handlers/daily-report.js').then((m) => m.handler as never),
      },
    ],
  };
}

/** The report a first version would write: list the services, then one query per service. */
async function naiveReport(now: Date): Promise<void> {
  const ce = new CostExplorerClient({ region: 'us-east-1' });
  const plan = planReport(now);
  const period = { Start: plan.totals.start, End: plan.totals.end };
  const services = await ce.send(new GetDimensionValuesCommand({ TimePeriod: period, Dimension: 'SERVICE' }));
  for (const value of services.DimensionValues ?? []) {
    await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: period,
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
        Filter: {
          And: [EXCLUDE_CREDITS_AND_REFUNDS, { Dimensions: { Key: 'SERVICE', Values: [value.Value ?? ''] } }],
        },
      }),
    );
  }
  if (plan.forecast) {
    await ce.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: plan.forecast.start, End: plan.forecast.end },
        Granularity: 'MONTHLY',
        Metric: 'UNBLENDED_COST',
      }),
    );
  }
}

async function countRequests(): Promise<{ suite: number; naive: number }> {
  const services = Object.fromEntries(
    Array.from({ length: serviceCount }, (_, i) => [
      `Service ${String(i + 1).padStart(2, '0')}`,
      { daily: 1 + (i % 7) },
    ]),
  );
  const sandbox: Sandbox = await createSandbox({
    world: { costExplorer: { services, pageSize: 500 } },
    features: [await feature()],
  });
  try {
    await sandbox.lambda.invoke('cost-alerts-daily-report', { dryRun: true });
    const suite = sandbox
      .awsCalls('cost-alerts-daily-report')
      .filter((c) => c.service === 'Cost Explorer').length;
    const before = sandbox.awsCalls().length;
    await naiveReport(new Date());
    const naive = sandbox
      .awsCalls()
      .slice(before)
      .filter((c) => c.service === 'Cost Explorer').length;
    return { suite, naive };
  } finally {
    await sandbox.close();
  }
}

async function notifierBundle(): Promise<{ bytes: number; coldStartMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cost-alerts-bench-'));
  const outfile = join(dir, 'index.mjs');
  await build({
    ...lambdaBundleOptions,
    entryPoints: [join(here, '..', 'src', 'handlers', 'notifier.ts')],
    outfile,
  });
  const probe = join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    `const t=performance.now();await import(${JSON.stringify(outfile)});console.log(performance.now()-t);`,
  );
  const env = {
    ...process.env,
    DELIVERY_MODE: 'slack',
    CRITICAL_CHANNEL: 'C0CRITICAL1',
    HEARTBEAT_CHANNEL: 'C0HEARTBEAT',
    CRITICAL_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:slackops-critical',
    HEARTBEAT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:slackops-heartbeat',
    SLACK_BOT_TOKEN_PARAM: '/slackops/slack-bot-token',
    AWS_REGION: 'eu-west-1',
  };
  const runs = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, [probe], { env, encoding: 'utf8' }).trim()),
  );
  runs.sort((a, b) => a - b);
  return { bytes: statSync(outfile).size, coldStartMs: runs[2]! };
}

const requests = await countRequests();
const bundle = await notifierBundle();
const perMonth = (n: number) => `$${(n * 0.01 * 30).toFixed(2)}`;
const rows = [
  ['Measure', 'slackops daily report', `naive (per service, ${serviceCount} services)`],
  ['Cost Explorer requests per report', String(requests.suite), String(requests.naive)],
  ['Cost per month (30 reports, $0.01/request)', perMonth(requests.suite), perMonth(requests.naive)],
  ['notifier bundle (minified ESM)', `${(bundle.bytes / 1024).toFixed(1)} KiB`, ''],
  ['notifier import in a fresh node (median of 5)', `${bundle.coldStartMs.toFixed(0)} ms`, ''],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  │  '));
const results = {
  date: new Date().toISOString(),
  services: serviceCount,
  ...requests,
  notifierBundleBytes: bundle.bytes,
  notifierImportMs: bundle.coldStartMs,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
