import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';

/**
 * Counts the cases every fast-check property of a test file ran (a fast-check plugin, set
 * globally, so the property tests need no change) and writes the count for the reliability
 * report: test-results/reliability/fuzz-<file>.json. Files without properties write nothing.
 */
const DIR = resolve(import.meta.dirname, '../../../test-results/reliability');
let properties = 0;
let runs = 0;

// `plugins` is read from the global parameters at run time (fast-check 4.10), though the
// GlobalParameters type does not list it yet.
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  plugins: [
    () => ({
      onAllRunsComplete: (details: fc.RunDetails<unknown>) => {
        properties += 1;
        runs += details.numRuns;
      },
    }),
  ],
} as fc.GlobalParameters);

afterAll(() => {
  if (properties === 0) return;
  const file = expect.getState().testPath ?? 'unknown';
  mkdirSync(DIR, { recursive: true });
  writeFileSync(
    resolve(
      DIR,
      `fuzz-${basename(file)
        .replace(/\.[^.]+$/, '')
        .replace(/\W+/g, '-')}.json`,
    ),
    `${JSON.stringify({ file: basename(file), properties, runs }, null, 2)}\n`,
  );
});
