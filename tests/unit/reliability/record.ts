import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the reliability suite leaves its figures for `npm run reliability`. */
export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results/reliability');

export interface FaultRecord {
  /** What was tested: "quota during learning", "concurrent writes"… */
  scenario: string;
  faultsInjected: number;
  /** Rows compared after the faults (the whole database, each time). */
  rowsChecked: number;
  /** Rows missing or changed where nothing should have changed, or missing after concurrency. */
  rowsLost: number;
}

export function recordFaults(slug: string, record: FaultRecord): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resolve(RESULTS_DIR, `unit-${slug}.json`), `${JSON.stringify(record, null, 2)}\n`);
}
