import type { BackstoryDB } from '../db/database';
import { bumpKnowledgeVersion } from '../db/knowledge-version';
import { actorRow, eventRow, statementRow, stripDerived } from '../db/rows';
import { fromPage } from '../model';

/**
 * Forgetting a page removes exactly what came from it: rows only it taught are deleted, rows it
 * shared with a pack, another page or the user lose its provenance (and its citation, its event
 * source), and stay otherwise as they were.
 */
export interface ForgetResult {
  deleted: number;
  updated: number;
}

/** Call inside a read-write transaction over the knowledge tables (and settings). */
export async function removeSourceKnowledge(
  db: BackstoryDB,
  sourceId: string,
): Promise<ForgetResult> {
  const mine = fromPage(sourceId);
  const result: ForgetResult = { deleted: 0, updated: 0 };
  const without = (list: readonly string[]) => list.filter((p) => p !== mine);
  let highlightable = false;

  const deletedStatements: string[] = [];
  for (const s of await db.statements.where('provenance').equals(mine).toArray()) {
    const provenance = without(s.provenance);
    const citations = s.citations.filter((c) => c.sourceId !== sourceId);
    if (provenance.length === 0 || citations.length === 0) {
      await db.statements.delete(s.id);
      deletedStatements.push(s.id);
      result.deleted++;
    } else {
      await db.statements.put(statementRow({ ...stripDerived(s), citations, provenance }));
      result.updated++;
    }
  }
  // Links to statements that are gone go with them; links the page confirmed lose its mark.
  if (deletedStatements.length > 0) {
    const orphans = await db.links.where('statementId').anyOf(deletedStatements).primaryKeys();
    await db.links.bulkDelete(orphans);
    result.deleted += orphans.length;
  }
  for (const l of await db.links.where('provenance').equals(mine).toArray()) {
    const provenance = without(l.provenance);
    if (provenance.length === 0) {
      await db.links.delete(l.id);
      result.deleted++;
    } else {
      await db.links.put({ ...l, provenance });
      result.updated++;
    }
  }
  for (const e of await db.events.where('provenance').equals(mine).toArray()) {
    const provenance = without(e.provenance);
    if (provenance.length === 0) {
      await db.events.delete(e.id);
      result.deleted++;
    } else {
      const sourceIds = e.sourceIds.filter((id) => id !== sourceId);
      await db.events.put(eventRow({ ...stripDerived(e), sourceIds, provenance }));
      result.updated++;
    }
  }
  for (const a of await db.actors.where('provenance').equals(mine).toArray()) {
    const provenance = without(a.provenance);
    const shown = a.status !== 'candidate' && a.status !== 'rejected' && !a.mergedInto;
    if (provenance.length === 0) {
      await db.actors.delete(a.id);
      result.deleted++;
      if (shown) highlightable = true;
    } else {
      await db.actors.put(actorRow({ ...stripDerived(a), provenance }));
      result.updated++;
    }
  }
  for (const s of await db.sources.where('provenance').equals(mine).toArray()) {
    const provenance = without(s.provenance);
    if (provenance.length === 0) {
      await db.sources.delete(s.id);
      result.deleted++;
    } else {
      await db.sources.put({ ...s, provenance });
      result.updated++;
    }
  }
  if (highlightable) await bumpKnowledgeVersion(db);
  return result;
}

/**
 * "Forget this page": what it taught, and its cached reading copy — unless the user has notes on
 * the page: the copy is then theirs too (notes are read in context offline) and stays, without its
 * link to the forgotten source.
 */
export async function forgetPage(db: BackstoryDB, pageId: string): Promise<ForgetResult | null> {
  return db.transaction(
    'rw',
    [db.sources, db.actors, db.statements, db.links, db.events, db.pages, db.notes, db.settings],
    async () => {
      const page = await db.pages.get(pageId);
      if (!page) return null;
      const result = page.sourceId
        ? await removeSourceKnowledge(db, page.sourceId)
        : { deleted: 0, updated: 0 };
      const notes = await db.notes.where('_pageUrl').equals(page.url).count();
      if (notes > 0) {
        const { sourceId: _source, ...kept } = page;
        await db.pages.put(kept);
        result.updated++;
      } else {
        await db.pages.delete(pageId);
        result.deleted++;
      }
      return result;
    },
  );
}
