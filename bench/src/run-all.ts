// `make bench`: every benchmark of the suite, each printing its table with its baseline beside it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchGateway } from './gateway.js';

const root = resolve(import.meta.dirname, '..', '..');
// Benchmarks that live with their package (run with tsx, print their own table).
const PACKAGE_BENCHES = [
  'packages/ecs-chatops/bench/status-card.ts',
  'packages/ci-events/bench/burst.ts',
  'packages/cost-alerts/bench/report.ts',
];

console.log(await benchGateway());
let failed = 0;
for (const script of PACKAGE_BENCHES) {
  const path = join(root, script);
  if (!existsSync(path)) continue;
  console.log(`\n${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
