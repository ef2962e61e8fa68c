/**
 * Evaluated in an extension page by the e2e tests (scripts/lib/page-bundle.ts): writes to the
 * extension's database the way another context of the extension would (learning in the
 * background, an import in the review page).
 */
// First: the pack loader validates with zod, whose compiled parsers the extension page's CSP
// refuses when the bundle is evaluated through DevTools.
import '../../../scripts/bench/zod-jitless';
import { BackstoryDB, noteRow, statementRow } from '../../../lib/db';
import type { Note, Statement } from '../../../lib/model';
import { loadPack } from '../../../lib/packs/load';

const db = new BackstoryDB();

const api = {
  async addStatement(statement: Statement) {
    await db.statements.put(statementRow(statement));
  },
  async loadPack(pack: unknown) {
    const outcome = await loadPack(db, pack);
    if (!outcome.ok) throw new Error(outcome.error);
  },
  async addNote(note: Note) {
    await db.notes.put(noteRow(note));
  },
  /** Changes a stored row without validation: a damaged or hand-edited database. */
  async patchRow(table: string, id: string, changes: Record<string, unknown>) {
    await db.table(table).update(id, changes);
  },
  async renameActor(id: string, name: string) {
    await db.actors.update(id, { name });
  },
};

(globalThis as unknown as { __backstoryWrite: typeof api }).__backstoryWrite = api;
