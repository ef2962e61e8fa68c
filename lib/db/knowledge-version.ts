import type { BackstoryDB } from './database';

/**
 * A counter bumped by every write that changes what can be highlighted (actors, claims). The
 * background recompiles the page dictionary when it moves, and pages re-fetch it.
 */
const KEY = 'knowledgeVersion';

export async function getKnowledgeVersion(db: BackstoryDB): Promise<number> {
  const row = await db.settings.get(KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside a transaction that includes `db.settings`. */
export async function bumpKnowledgeVersion(db: BackstoryDB): Promise<number> {
  const next = (await getKnowledgeVersion(db)) + 1;
  await db.settings.put({ key: KEY, value: next });
  return next;
}
