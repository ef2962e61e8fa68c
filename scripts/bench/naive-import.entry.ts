/**
 * The common alternative, for the import benchmark: read the whole file, JSON.parse it,
 * validate the whole pack with zod, and write every row in one transaction (what most extensions
 * do, and what Backstory's first loader did). Bundled by import.bench.ts and evaluated in an
 * extension page, so it uses the same browser, IndexedDB and Dexie as Backstory. The bundle also
 * carries Backstory's own importer without its UI, for a same-harness comparison.
 */
import './zod-jitless';
import { actorRow, BackstoryDB, eventRow, statementRow } from '../../lib/db';
import { fromPack, Pack } from '../../lib/model';
import { CHUNK_DEFAULT } from '../../lib/packs/check';
import { importPack } from '../../lib/packs/import';
import { fileSource } from '../../lib/packs/source';

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

/**
 * Backstory's own importer on the same harness (fetch the file, then check and write it,
 * streamed, one transaction per chunk) without the review page's UI, so the difference with the
 * alternative is the importer's and not the harness's.
 */
async function streamedImport(url: string, dbName: string): Promise<number> {
  const started = performance.now();
  const blob = await (await fetch(url)).blob();
  const db = new BackstoryDB(dbName);
  try {
    const outcome = await importPack(db, fileSource(blob), { origin: 'file', preview: false });
    if (!outcome.ok) throw new Error(`import failed: ${outcome.error}`);
  } finally {
    db.close();
  }
  return performance.now() - started;
}

/**
 * The floor under any importer on this machine: `rows` bare records (`{ id }`, no index, no
 * Dexie) put in transactions of an import's chunk size, straight through IndexedDB. Each row of a pack is at
 * least one such record, so no importer that stores a row per record can write faster.
 */
async function putFloor(rows: number, dbName: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  for (let from = 0; from < rows; from += CHUNK_DEFAULT) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('rows', 'readwrite');
      const store = tx.objectStore('rows');
      const to = Math.min(rows, from + CHUNK_DEFAULT);
      for (let i = from; i < to; i++) store.put({ id: `row/${i}` });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

const g = globalThis as {
  __backstoryNaiveImport?: typeof naiveImport;
  __backstoryStreamedImport?: typeof streamedImport;
  __backstoryPutFloor?: typeof putFloor;
};
g.__backstoryNaiveImport = naiveImport;
g.__backstoryStreamedImport = streamedImport;
g.__backstoryPutFloor = putFloor;
