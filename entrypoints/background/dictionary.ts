import type { BackstoryDB } from '@/lib/db';
import { getKnowledgeVersion } from '@/lib/db';
import { loadCommonWords } from '@/lib/match/common-words';
import { compileDictionary } from '@/lib/match/compile';
import { PageEngine } from '@/lib/match/engine';
import type { BlockMatches, Dictionary } from '@/lib/messaging';
import { aliasColumnsAligned } from '@/lib/messaging/schemas';
import { Remembered } from './remembered';

/**
 * The compiled page dictionary and its matching engine, rebuilt only when the knowledge version
 * moves. The compact form is also kept in the database, so a service worker that was stopped
 * and restarted rebuilds the engine from one row instead of reading every actor and claim.
 * Pages never receive it: they send their text and get back what it contains (page/match).
 */
const COMPILED_KEY = 'dictionary:compiled';

let cached: PageEngine | undefined;
let building: Promise<PageEngine> | undefined;

/**
 * The knowledge version, which every page/match asks for: read again at most once a second, and
 * never waited for when a value is remembered (see Remembered). A pack imported in another
 * context reaches pages as soon as the knowledge watcher sees the version move.
 */
const rememberedVersion = new Remembered<number>(1000);
const knowledgeVersion = (db: BackstoryDB) => rememberedVersion.get(() => getKnowledgeVersion(db));

/**
 * Drops the remembered knowledge version, so the next request reads it again. Called when the
 * version is seen to move (knowledge-watch.ts): the tabs it then refreshes must not be answered
 * from the dictionary of the version before.
 */
export function forgetKnowledgeVersion(): void {
  rememberedVersion.forget();
}

export async function currentEngine(db: BackstoryDB): Promise<PageEngine> {
  const version = await knowledgeVersion(db);
  if (cached?.version === version) return cached;
  if (!building) {
    building = buildEngine(db, version).finally(() => {
      building = undefined;
    });
  }
  const engine = await building;
  cached = engine;
  return engine.version === version ? engine : currentEngine(db);
}

/**
 * Builds the engine ahead of the first page that will ask for it. The browser starts a stopped
 * worker for a tab that begins loading (the worker listens to `tabs.onUpdated`), a few hundred
 * milliseconds before that page's content script sends its text: reading the compact form and
 * building the matcher then overlap the page's own loading instead of standing between its text
 * and its highlights. Nothing is built while highlighting is paused everywhere. Never throws:
 * the page's own request reports any failure.
 */
export async function warmEngine(db: BackstoryDB, paused: () => Promise<boolean>): Promise<void> {
  try {
    if (await paused()) return;
    await currentEngine(db);
  } catch {
    // The page's page/match builds it again, and answers with the error if there is one.
  }
}

/**
 * Matches page texts with the engine of the current knowledge version. With an engine already
 * built, the texts are scanned while the version is being read (the read is I/O, the scan CPU),
 * and scanned again only if the version turns out to have moved.
 */
export async function matchTexts(
  db: BackstoryDB,
  texts: readonly string[],
): Promise<{ engine: PageEngine; blocks: BlockMatches[] }> {
  const version = knowledgeVersion(db);
  const engine = cached;
  if (engine) {
    const blocks = texts.map((text) => engine.scan(text));
    if ((await version) === engine.version) return { engine, blocks };
  }
  const current = await currentEngine(db);
  return { engine: current, blocks: texts.map((text) => current.scan(text)) };
}

async function buildEngine(db: BackstoryDB, version: number): Promise<PageEngine> {
  const stored = (await db.settings.get(COMPILED_KEY))?.value as Dictionary | undefined;
  if (stored?.version === version && isCurrentFormat(stored)) return new PageEngine(stored);
  const dictionary = await compileFromDb(db, version);
  try {
    await db.settings.put({ key: COMPILED_KEY, value: dictionary });
  } catch (error) {
    // A full disk costs only the restart shortcut; the engine is still built.
    console.warn('[Backstory] Could not keep the compiled dictionary:', error);
  }
  return new PageEngine(dictionary);
}

/**
 * Whether a stored dictionary has the shape this version builds from: alias columns of equal
 * length (an older format, one array per alias, is compiled again). A structural check, not a
 * full parse: the row is the background's own, and a parse of 100,000 aliases would cost more
 * than the build it guards.
 */
function isCurrentFormat(stored: Dictionary): boolean {
  const aliases = stored.aliases as Partial<Dictionary['aliases']> | undefined;
  return (
    Array.isArray(aliases?.keys) &&
    Array.isArray(aliases.actors) &&
    Array.isArray(aliases.cased) &&
    aliasColumnsAligned(aliases as Dictionary['aliases']) &&
    Array.isArray(stored.actors) &&
    Array.isArray(stored.claims)
  );
}

export async function compileFromDb(db: BackstoryDB, version: number): Promise<Dictionary> {
  // Outside the transaction: a fetch inside it would let IndexedDB commit it.
  await loadCommonWords();
  return db.transaction('r', [db.actors, db.claims, db.links, db.statements], async () => {
    const [actors, claims, links] = await Promise.all([
      db.actors.toArray(),
      db.claims.toArray(),
      db.links.toArray(),
    ]);
    const ids = [...new Set(links.map((l) => l.statementId))];
    const statements = (await db.statements.bulkGet(ids)).filter((s) => s !== undefined);
    return compileDictionary(version, { actors, claims, links, statements });
  });
}
