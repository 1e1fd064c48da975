#!/usr/bin/env node
// `pnpm slackops <command>`: runs the TypeScript CLI through tsx (no build step for local use).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    '--disable-warning=NodeVersionSupportWarning',
    '--import',
    'tsx',
    join(here, '..', 'src', 'cli', 'main.ts'),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
