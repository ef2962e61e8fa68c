import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath, requireBuild } from '../../scripts/lib/chromium';
import { registry, runOne, setCurrentFile } from './harness';

/**
 * The end-to-end runner: imports every tests/e2e/**\/*.e2e.ts, runs the tests one after another
 * in real headless Chromium with the built extension, and prints "N passed, N failed".
 * Filter with --grep <text> (or E2E_GREP).
 */
function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.e2e.ts') ? [path] : [];
  });
}

async function main() {
  chromiumPath();
  requireBuild();
  const here = resolve(import.meta.dirname);
  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt >= 0 ? process.argv[grepAt + 1] : process.env.E2E_GREP;
  for (const file of findTests(here).sort()) {
    setCurrentFile(relative(here, file));
    await import(pathToFileURL(file).href);
  }
  const selected = registry.filter((t) => !grep || `${t.file} ${t.name}`.includes(grep));
  let passed = 0;
  const failures: string[] = [];
  const started = Date.now();
  for (const entry of selected) {
    const t0 = Date.now();
    try {
      await runOne(entry);
      passed++;
      console.log(`  ✓ ${entry.file} › ${entry.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${entry.file} › ${entry.name}\n${message}`);
      console.log(`  ✗ ${entry.file} › ${entry.name} (${Date.now() - t0} ms)`);
    }
  }
  if (failures.length > 0) {
    console.log('\nFailures:\n');
    for (const f of failures) console.log(`${f}\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${passed} passed, ${failures.length} failed (${seconds} s)`);
  process.exitCode = failures.length > 0 || selected.length === 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
