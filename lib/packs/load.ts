import type { BackstoryDB } from '../db/database';
import type { PackCounts, PackRecord } from '../model';
import type { PackIssue } from './errors';
import { importPack } from './import';
import { valueSource } from './source';

export type LoadOutcome =
  | {
      ok: true;
      packId: string;
      version: string;
      /** Rows added and changed, per table. */
      added: PackCounts;
      changed: PackCounts;
      /** Rows left as they were, in all tables. */
      unchanged: number;
      /** Rows the pack also describes but the user has edited: their content was kept. */
      keptUserRows: number;
      /** Rows of an earlier version of this pack that the new version no longer has. */
      removed: number;
      /** Actors merged with another pack's actor. */
      merged: number;
    }
  | { ok: false; error: string; issues: PackIssue[] };

const sum = (counts: PackCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Loads a pack that is already in memory (the bundled starter pack, a pack made from fact-check
 * markup). Files and subscriptions go through importPack, which streams. The rules are the same:
 * docs/pack-format.md, "Merge rules".
 */
export async function loadPack(
  db: BackstoryDB,
  input: unknown,
  origin: PackRecord['origin'] = 'file',
  now: () => Date = () => new Date(),
): Promise<LoadOutcome> {
  const outcome = await importPack(db, valueSource(input), { origin, now, preview: false });
  if (!outcome.ok) return { ok: false, error: outcome.error, issues: outcome.issues };
  const { summary } = outcome;
  return {
    ok: true,
    packId: outcome.packId,
    version: outcome.version,
    added: summary.added,
    changed: summary.changed,
    unchanged: sum(summary.unchanged),
    keptUserRows: summary.keptUserRows,
    removed: sum(summary.removed),
    merged: summary.merged,
  };
}
