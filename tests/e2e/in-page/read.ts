/**
 * Evaluated in an extension page by the e2e tests (scripts/lib/page-bundle.ts): reads the
 * extension's database the way the panel does, so a test can check what a page could or could
 * not change. `snapshot()` is every row of every table, derived index fields dropped, in a
 * canonical order: two snapshots are equal exactly when nothing was written.
 */
import { BackstoryDB, stripDerived } from '../../../lib/db';
import { canonicalJson } from '../../../lib/db/canonical';

const db = new BackstoryDB();

const api = {
  async snapshot(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const table of db.tables) {
      const rows = (await table.toArray()) as object[];
      out[table.name] = rows.map((r) => canonicalJson(stripDerived(r))).sort();
    }
    return out;
  },
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of db.tables) out[table.name] = await table.count();
    return out;
  },
  async settings(): Promise<unknown> {
    return (await db.settings.get('settings'))?.value ?? null;
  },
  async notes(): Promise<unknown[]> {
    return db.notes.toArray();
  },
};

(globalThis as unknown as { __backstoryRead: typeof api }).__backstoryRead = api;
