/**
 * npm run bench — runs every benchmark module in scripts/bench/*.bench.ts in headless Chromium
 * (the same work for Backstory and the common alternative in one run) and prints medians and
 * ratios. `--json FILE` also writes every figure; `--only <name>` runs matching modules;
 * `--runs N` sets the repetitions (default 7).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './lib/bench-kit';
import { buildExtension } from './lib/build';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const only = flag('--only');
  const runs = Number(flag('--runs') ?? 7);
  const jsonOut = flag('--json');
  if (!process.argv.includes('--no-build')) buildExtension('chrome');
  const dir = resolve(import.meta.dirname, 'bench');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const all: BenchResult[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: BenchModule };
    if (only && !mod.default.name.includes(only)) continue;
    console.log(`\n## ${mod.default.name}\n`);
    const results = await mod.default.run({ runs });
    for (const r of results) {
      const extra = r.note ? `  (${r.note})` : '';
      console.log(`${r.metric.padEnd(64)} ${String(r.value).padStart(12)} ${r.unit}${extra}`);
    }
    all.push(...results.map((r) => ({ ...r, module: mod.default.name })));
  }
  if (jsonOut) {
    writeFileSync(
      jsonOut,
      `${JSON.stringify({ date: new Date().toISOString(), runs, results: all }, null, 2)}\n`,
    );
    console.log(`\nWrote ${jsonOut}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
