import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `npm run reliability`: runs the reliability suite (the fuzzing, fault-injection, boundary and
 * sink unit tests; the hostile-page and injection e2e tests) and prints its figures: hostile pages
 * survived, fuzz cases run, faults injected, rows checked after each, rows lost, page errors the
 * extension caused. Exits non-zero when a row was lost, the extension caused a page error, or a
 * test failed. The tests are also part of `npm test`; this re-runs only them, with a report.
 *
 * Figures come from what the tests write to test-results/reliability/*.json (fuzz-*.json from
 * the fast-check plugin in tests/unit/setup/fuzz-counter.ts, unit-*.json from the data-safety
 * tests, e2e-*.json from tests/e2e/reliability.e2e.ts), never from constants here.
 */
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results/reliability');
const skipBuild = process.argv.includes('--no-build');

const UNIT = [
  'tests/unit/reliability',
  'tests/unit/security',
  'tests/unit/messaging',
  'tests/unit/db/migrations.test.ts',
  'tests/unit/model/partial-date.property.test.ts',
  'tests/unit/anchor/anchor.property.test.ts',
  'tests/unit/packs/validation.property.test.ts',
  'tests/unit/packs/import.test.ts',
  'tests/unit/match/matcher.test.ts',
  'tests/unit/match/normalize.test.ts',
];
/** Substrings of "file test name" selecting the e2e tests of hostile pages and input. */
const E2E_GREPS = ['reliability.e2e.ts', 'hostile page', 'half-way'];

function run(command: string, args: string[]): { status: number; stdout: string } {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

function readRecords<T>(prefix: string): T[] {
  if (!existsSync(OUT)) return [];
  return readdirSync(OUT)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(OUT, f), 'utf8')) as T);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// 1. Unit tests, with Vitest's JSON report.
const vitestJson = join(OUT, 'vitest.json');
const unit = run('npx', [
  'vitest',
  'run',
  ...UNIT,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = existsSync(vitestJson)
  ? (JSON.parse(readFileSync(vitestJson, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    })
  : { numPassedTests: 0, numFailedTests: 1 };

// 2. End-to-end tests in Chromium with the built extension.
if (!skipBuild) {
  const build = run('npm', ['run', 'build', '--silent']);
  if (build.status !== 0) {
    console.error('The build failed: no end-to-end figures.');
    process.exit(1);
  }
}
const e2e = { passed: 0, failed: 0, hostilePassed: 0, hostileTotal: 0 };
for (const grep of E2E_GREPS) {
  const { stdout } = run('npx', ['tsx', 'tests/e2e/run.ts', '--grep', grep]);
  for (const line of stdout.split('\n')) {
    const m = /^\s*([✓✗]) (.+) \(\d+ ms\)$/.exec(line);
    if (!m) continue;
    const ok = m[1] === '✓';
    if (ok) e2e.passed++;
    else e2e.failed++;
    // Each of these tests is one hostile page or hostile input (the payload pack).
    e2e.hostileTotal++;
    if (ok) e2e.hostilePassed++;
  }
}

// 3. The figures.
interface Fuzz {
  file: string;
  properties: number;
  runs: number;
}
interface Faults {
  scenario: string;
  faultsInjected: number;
  rowsChecked: number;
  rowsLost: number;
}
interface Hostile {
  page: string;
  survived: boolean;
  extensionErrors: number;
  rowsChecked?: number;
  rowsChanged?: number;
}
const fuzz = readRecords<Fuzz>('fuzz-');
const faults = readRecords<Faults>('unit-');
const hostile = readRecords<Hostile>('e2e-');
const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((n, x) => n + f(x), 0);

const fuzzRuns = sum(fuzz, (f) => f.runs);
const properties = sum(fuzz, (f) => f.properties);
const faultsInjected = sum(faults, (f) => f.faultsInjected);
const rowsChecked = sum(faults, (f) => f.rowsChecked) + sum(hostile, (h) => h.rowsChecked ?? 0);
const rowsLost = sum(faults, (f) => f.rowsLost) + sum(hostile, (h) => h.rowsChanged ?? 0);
const extensionErrors = sum(hostile, (h) => h.extensionErrors);

const lines = [
  '',
  'Backstory reliability report',
  '============================',
  `hostile pages survived         ${e2e.hostilePassed}/${e2e.hostileTotal}`,
  `fuzz cases run                 ${fuzzRuns} (${properties} properties in ${fuzz.length} files)`,
  ...fuzz.map((f) => `  ${f.file.padEnd(32)} ${String(f.runs).padStart(6)} cases`),
  `faults injected                ${faultsInjected}`,
  ...faults.map(
    (f) =>
      `  ${f.scenario.padEnd(52)} ${f.faultsInjected} faults, ${f.rowsChecked} rows checked, ${f.rowsLost} lost`,
  ),
  `rows checked after each        ${rowsChecked}`,
  `rows lost                      ${rowsLost}`,
  `page errors by the extension   ${extensionErrors}`,
  `unit tests                     ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`,
  `e2e tests                      ${e2e.passed} passed, ${e2e.failed} failed`,
  '',
];
console.log(lines.join('\n'));

const problems: string[] = [];
if (rowsLost > 0) problems.push(`${rowsLost} rows lost`);
if (extensionErrors > 0) problems.push(`${extensionErrors} page errors caused by the extension`);
if (vitest.numFailedTests > 0 || unit.status !== 0) problems.push('unit tests failed');
if (e2e.failed > 0 || e2e.hostileTotal === 0) problems.push('end-to-end tests failed');
if (fuzzRuns === 0) problems.push('no fuzz case ran');
if (problems.length > 0) {
  console.error(`Reliability check failed: ${problems.join('; ')}.`);
  process.exit(1);
}
