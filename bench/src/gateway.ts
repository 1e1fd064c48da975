// Gateway cold start and bundle size next to a minimal Bolt app answering the same signed command.
// Both are bundled with the same esbuild settings and measured by the same probe, alternating runs
// in fresh node processes; medians are reported because these machines are shared and noisy.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { lambdaBundleOptions } from '../../scripts/lambda-bundle.mjs';
import { median, percentile, table } from './stats.js';

const root = resolve(import.meta.dirname, '..', '..');
const outDir = join(root, 'bench', 'results');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM = Number(process.env.BENCH_WARM ?? 200);

interface Probe {
  importMs: number;
  firstAnswerMs: number;
  coldMs: number;
  warm: number[];
  body: string;
}

async function bundleBolt(): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'bolt', 'index.mjs');
  await build({ ...lambdaBundleOptions, entryPoints: [join(root, 'bench', 'src', 'bolt-app.ts')], outfile });
  return outfile;
}

function bundleGateway(): string {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--only', 'slack-gateway', '--json'], {
    cwd: root,
    stdio: 'pipe',
  });
  return join(root, 'packages', 'slack-gateway', 'dist', 'slack-gateway', 'index.mjs');
}

function probe(bundle: string, warm: number): Probe {
  const env = {
    PATH: process.env.PATH,
    SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    EVENTS_TABLE: 'bench-events',
    ECS_WORKER_FUNCTION: 'bench-ecs-worker',
    ECS_CLUSTERS: JSON.stringify({
      prod: { services: ['api'], protected: true, operators: ['U0OPERATOR'], approvers: ['U0APPROVER'] },
    }),
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    NODE_NO_WARNINGS: '1',
  };
  const out = execFileSync(
    process.execPath,
    [join(root, 'bench', 'src', 'cold-start-probe.mjs'), bundle, String(warm)],
    { env, encoding: 'utf8' },
  );
  return JSON.parse(out) as Probe;
}

export async function benchGateway(): Promise<string> {
  const bundles = { gateway: bundleGateway(), bolt: await bundleBolt() };
  const runs: Record<'gateway' | 'bolt', Probe[]> = { gateway: [], bolt: [] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate so both see the same machine conditions.
    runs.gateway.push(probe(bundles.gateway, i === 0 ? WARM : 0));
    runs.bolt.push(probe(bundles.bolt, i === 0 ? WARM : 0));
  }
  const row = (name: 'gateway' | 'bolt') => {
    const size = statSync(bundles[name]).size;
    const gz = gzipSync(readFileSync(bundles[name])).length;
    const r = runs[name];
    return {
      size,
      gz,
      importMs: median(r.map((p) => p.importMs)),
      coldMs: median(r.map((p) => p.coldMs)),
      p50: percentile(r[0]!.warm, 50),
      p99: percentile(r[0]!.warm, 99),
    };
  };
  const g = row('gateway');
  const b = row('bolt');
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const ratio = (a: number, c: number) => `${(a / c).toFixed(3)}`;
  return [
    `Slack gateway vs minimal Bolt (AwsLambdaReceiver), ${RUNS} fresh processes each, alternating; warm: ${WARM} requests`,
    table(
      ['metric', 'slackops gateway', 'Bolt baseline', 'gateway / Bolt', 'target'],
      [
        ['bundle (minified)', kib(g.size), kib(b.size), ratio(g.size, b.size), '≤ 0.1'],
        ['bundle (gzip)', kib(g.gz), kib(b.gz), ratio(g.gz, b.gz), ''],
        ['import, median', ms(g.importMs), ms(b.importMs), ratio(g.importMs, b.importMs), ''],
        [
          'cold start (import + first answer), median',
          ms(g.coldMs),
          ms(b.coldMs),
          ratio(g.coldMs, b.coldMs),
          '≤ 0.1',
        ],
        ['warm answer p50', ms(g.p50), ms(b.p50), ratio(g.p50, b.p50), ''],
        ['warm answer p99', ms(g.p99), ms(b.p99), ratio(g.p99, b.p99), ''],
      ],
    ),
  ].join('\n');
}
