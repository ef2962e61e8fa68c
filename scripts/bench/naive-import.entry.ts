/**
 * The common alternative, for the import benchmark: read the whole file, JSON.parse it,
 * validate the whole pack with zod, and write every row in one transaction (what most extensions
 * do, and what Backstory's first loader did). Bundled by import.bench.ts and evaluated in an
 * extension page, so it uses the same browser, IndexedDB and Dexie as Backstory.
 */
import './zod-jitless';
import { actorRow, BackstoryDB, eventRow, statementRow } from '../../lib/db';
import { fromPack, Pack } from '../../lib/model';

async function naiveImport(url: string, dbName: string): Promise<number> {
  const started = performance.now();
  const text = await (await fetch(url)).text();
  const pack = Pack.parse(JSON.parse(text));
  const provenance = [fromPack(pack.id)];
  const db = new BackstoryDB(dbName);
  await db.transaction('rw', [...db.knowledgeTables, db.packs], async () => {
    const with_ = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, provenance }));
    await db.sources.bulkPut(with_(pack.sources));
    await db.actors.bulkPut(with_(pack.actors).map(actorRow));
    await db.claims.bulkPut(with_(pack.claims));
    await db.statements.bulkPut(with_(pack.statements).map(statementRow));
    await db.links.bulkPut(with_(pack.links));
    await db.events.bulkPut(with_(pack.events).map(eventRow));
  });
  db.close();
  return performance.now() - started;
}

(globalThis as { __backstoryNaiveImport?: typeof naiveImport }).__backstoryNaiveImport =
  naiveImport;
