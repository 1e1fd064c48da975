// Bundles every Lambda of the suite with esbuild (ESM, minified, Node 22) and zips it:
//   packages/<pkg>/dist/<function>/index.mjs  and  packages/<pkg>/dist/<function>.zip
// Functions are declared in each package's package.json under "slackops.functions".
// Prints a size table. `--only <function>` builds one; `--json` prints the table as JSON.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { lambdaBundleOptions } from './lambda-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const asJson = args.includes('--json');

// Zip entries get a fixed date so the same code gives the same zip (and the same Terraform hash).
const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

export function listFunctions() {
  const functions = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const manifest = join(root, 'packages', pkg, 'package.json');
    if (!existsSync(manifest)) continue;
    const declared = JSON.parse(readFileSync(manifest, 'utf8')).slackops?.functions ?? {};
    for (const [name, entry] of Object.entries(declared))
      functions.push({ pkg, name, entry: join(root, 'packages', pkg, entry) });
  }
  return functions.sort((a, b) => a.name.localeCompare(b.name));
}

async function bundle({ pkg, name, entry }) {
  const outDir = join(root, 'packages', pkg, 'dist', name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.mjs');
  await build({ ...lambdaBundleOptions, entryPoints: [entry], outfile });
  const code = readFileSync(outfile);
  const zip = zipSync({ 'index.mjs': [code, { mtime: FIXED_DATE, level: 9 }] });
  const zipPath = join(root, 'packages', pkg, 'dist', `${name}.zip`);
  writeFileSync(zipPath, zip);
  return { function: name, package: pkg, bundleBytes: statSync(outfile).size, zipBytes: zip.length };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

const selected = listFunctions().filter((f) => !only || f.name === only);
if (only && selected.length === 0) {
  console.error(`no function named ${only}`);
  process.exit(2);
}
const rows = [];
for (const fn of selected) rows.push(await bundle(fn));
if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(`${'function'.padEnd(34)}${'package'.padEnd(16)}${'bundle'.padStart(12)}${'zip'.padStart(12)}`);
  for (const r of rows)
    console.log(
      `${r.function.padEnd(34)}${r.package.padEnd(16)}${kib(r.bundleBytes).padStart(12)}${kib(r.zipBytes).padStart(12)}`,
    );
}
