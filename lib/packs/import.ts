import type { BackstoryDB } from '../db/database';
import { bumpKnowledgeVersion, getKnowledgeVersion } from '../db/knowledge-version';
import { isQuotaError, STORAGE_FULL_IMPORT } from '../db/storage';
import type { Contribution, ImportJournal, PackRecord, PackTable } from '../model';
import {
  addToPreview,
  CHUNK_DEFAULT,
  type CheckedPack,
  type CheckOptions,
  checkPack,
  emptySummary,
  failure,
  type ImportFailure,
  type ImportSummary,
  keepSet,
  makeContext,
} from './check';
import {
  applyChunk,
  assertInTransaction,
  type ChunkContext,
  planChunk,
  sharedKey,
  tableOf,
} from './chunk';
import { RunningHash } from './hash';
import { hasImportLocks, withImportLock } from './import-lock';
import { JsonSyntaxError } from './json-scan';
import { type IncomingRow, sameContent } from './merge';
import { dropOwner } from './remove';
import { PackReader, type PackSource, readChunks } from './source';
import { type StreamedTable, validateRow } from './validate';

export type {
  CheckedPack,
  CheckOptions,
  ImportFailure,
  ImportProgress,
  ImportSummary,
} from './check';
export { checkPack } from './check';

export interface ImportOptions extends CheckOptions {
  /** A check made a moment ago (the preview the user saw); redone if the database moved since. */
  checked?: CheckedPack;
  sourceUrl?: string;
}

export type ImportOutcome =
  | {
      ok: true;
      packId: string;
      version: string;
      name: string;
      format: CheckedPack['format'];
      summary: ImportSummary;
      /** True when this run finished an import an earlier run had started. */
      resumed: boolean;
      warnings: string[];
    }
  | ImportFailure;

const LEASE_MS = 120_000;

class FileChangedError extends Error {}

const isAbort = (error: unknown) =>
  (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';

/** Is a check still good: same knowledge, and what it relies on still there? */
async function stillValid(db: BackstoryDB, checked: CheckedPack): Promise<boolean> {
  if ((await getKnowledgeVersion(db)) !== checked.knowledgeVersion) return false;
  const previous = checked.owner.startsWith('page:')
    ? undefined
    : await db.packs.get(checked.header.id);
  if (checked.previous?.version !== previous?.version) return false;
  for (const [table, ids] of checked.externalRefs) {
    const found = await tableOf(db, table as PackTable)
      .where(':id')
      .anyOf([...ids])
      .count();
    if (found !== ids.size) return false;
  }
  const targets = [...new Set(checked.actorMap.values())];
  return (await db.actors.where(':id').anyOf(targets).count()) === targets.length;
}

/**
 * Imports a pack: checks it (or takes a fresh check), then writes it in chunks, one transaction
 * per chunk, with a journal in each transaction. An import that stops (the page closed, the
 * worker stopped, the disk filled) is resumed by importing the same content again; the first
 * load of a pack can instead be discarded (discardImport). The pack's record and the knowledge
 * version only change at the very end, so nothing is highlighted from a half-written pack.
 */
export async function importPack(
  db: BackstoryDB,
  source: PackSource,
  options: ImportOptions,
): Promise<ImportOutcome> {
  let checked = options.checked;
  if (!checked || !(await stillValid(db, checked))) {
    const result = await checkPack(db, source, options);
    if (!result.ok) return result;
    checked = result.checked;
  }
  try {
    return await write(db, checked, options);
  } catch (error) {
    if (error instanceof FileChangedError) {
      return failure(
        'changed',
        'The file changed while it was being imported. What was written so far is kept; import the file again to finish.',
      );
    }
    if (isAbort(error)) {
      return failure(
        'aborted',
        'The import was stopped. What was written so far is kept: import the same file again to finish it, or discard it.',
      );
    }
    if (error instanceof JsonSyntaxError) {
      return failure('changed', `The file could not be read again: ${error.message}`);
    }
    if (isQuotaError(error)) {
      return failure('storage', STORAGE_FULL_IMPORT);
    }
    const message = error instanceof Error ? error.message : String(error);
    return failure(
      'storage',
      `The import stopped: ${message}. What was written so far is kept; import the same file again to finish it.`,
    );
  }
}

const busy = (name: string) =>
  failure('busy', `Another import of “${name}” is in progress. Try again when it has finished.`);

/** Writes holding the import's lock: one writer per pack, across every context. */
function write(db: BackstoryDB, checked: CheckedPack, options: ImportOptions) {
  return withImportLock(
    checked.owner,
    () => writeHeld(db, checked, options),
    async () => busy((await db.imports.get(checked.owner))?.name ?? checked.header.name),
  );
}

async function writeHeld(
  db: BackstoryDB,
  checked: CheckedPack,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const now = options.now ?? (() => new Date());
  const owner = checked.owner;
  const runId = `${now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const summary = emptySummary();
  const existing = await db.imports.get(owner);
  // With Web Locks the lock says whether another context is writing; the lease is the fallback.
  if (existing && !hasImportLocks() && existing.leaseUntil > Date.now()) {
    return busy(existing.name);
  }
  if (checked.total <= (options.chunkRows ?? CHUNK_DEFAULT)) {
    return writeAtOnce(db, checked, options, existing !== undefined);
  }
  const resumeAt = existing?.fingerprint === checked.fingerprint ? existing.done : 0;
  const stamp = now().toISOString();
  const journal: ImportJournal = {
    owner,
    packId: checked.header.id,
    name: checked.header.name,
    version: checked.header.version,
    fingerprint: checked.fingerprint,
    fresh: existing ? existing.fresh : checked.previous === undefined,
    origin: options.origin,
    done: resumeAt,
    total: checked.total,
    added: resumeAt > 0 && existing ? existing.added : summary.added,
    changed: resumeAt > 0 && existing ? existing.changed : summary.changed,
    unchanged: resumeAt > 0 && existing ? existing.unchanged : summary.unchanged,
    keptUserRows: resumeAt > 0 && existing ? existing.keptUserRows : 0,
    merged: resumeAt > 0 && existing ? existing.merged : 0,
    startedAt: resumeAt > 0 && existing ? existing.startedAt : stamp,
    updatedAt: stamp,
    leaseUntil: Date.now() + LEASE_MS,
    runId,
    ...(checked.fileName ? { fileName: checked.fileName.slice(0, 500) } : {}),
    ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
  };
  summary.added = { ...journal.added };
  summary.changed = { ...journal.changed };
  summary.unchanged = { ...journal.unchanged };
  summary.keptUserRows = journal.keptUserRows;
  summary.merged = journal.merged;
  await db.imports.put(journal);

  const ctx = await makeContext(db, owner, now);
  for (const [from, to] of checked.actorMap) ctx.actorMap.set(from, to);
  const progress = (done: number) =>
    options.onProgress?.({ phase: 'writing', done, total: checked.total });
  progress(resumeAt);

  let contributionsWritten = 0;
  try {
    contributionsWritten = await writeRows(db, checked, options, ctx, journal, resumeAt, progress);
  } catch (error) {
    // Let the next attempt take over at once instead of waiting for the lease to run out.
    await db.imports.update(owner, { leaseUntil: 0 }).catch(() => undefined);
    throw error;
  }
  summary.added = journal.added;
  summary.changed = journal.changed;
  summary.unchanged = journal.unchanged;
  summary.keptUserRows = journal.keptUserRows;
  summary.merged = journal.merged;

  await finish(db, checked, options, ctx, summary, contributionsWritten, existing !== undefined);
  return success(checked, summary, resumeAt > 0);
}

function success(checked: CheckedPack, summary: ImportSummary, resumed: boolean): ImportOutcome {
  return {
    ok: true,
    packId: checked.header.id,
    version: checked.header.version,
    name: checked.header.name,
    format: checked.format,
    summary,
    resumed,
    warnings: checked.warnings,
  };
}

/** Drops what the previous version had and this one has not, then announces the pack. */
async function finish(
  db: BackstoryDB,
  checked: CheckedPack,
  options: ImportOptions,
  ctx: ChunkContext,
  summary: ImportSummary,
  contributionsWritten: number,
  resumedOrStale: boolean,
) {
  const now = options.now ?? (() => new Date());
  const owner = checked.owner;
  const ownsRows = checked.ownedRows > 0 || checked.previous !== undefined;
  // A pack never loaded before, with no unfinished import, has no earlier rows to drop: rows
  // carry `pack:<id>` only while its record or its journal exists. Pages have neither.
  const earlier = checked.previous !== undefined || resumedOrStale || owner.startsWith('page:');
  if (ownsRows && earlier) {
    summary.removed = await dropOwner(db, owner, keepSet(checked.ids, ctx.actorMap), {
      known: { shared: ctx.shared, own: ctx.own },
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (done, total) => options.onProgress?.({ phase: 'cleaning', done, total }),
    });
  }
  const changedAnything =
    Object.values(summary.added).some((n) => n > 0) ||
    Object.values(summary.changed).some((n) => n > 0) ||
    Object.values(summary.removed).some((n) => n > 0) ||
    contributionsWritten > 0;
  await db.transaction('rw', [db.packs, db.imports, db.settings], async () => {
    for (const record of checked.header.packs ?? []) {
      if (!(await db.packs.get(record.id))) await db.packs.put(record);
    }
    if (ownsRows && !owner.startsWith('page:')) {
      const previous = await db.packs.get(checked.header.id);
      if (changedAnything || previous?.version !== checked.header.version) {
        await db.packs.put(packRecord(checked, options.origin, now));
      }
    }
    if (changedAnything) await bumpKnowledgeVersion(db);
    await db.imports.delete(owner);
  });
}

/**
 * A pack that fits in one chunk is written in one transaction, with no journal: it all lands or
 * none of it does.
 */
async function writeAtOnce(
  db: BackstoryDB,
  checked: CheckedPack,
  options: ImportOptions,
  hadJournal: boolean,
): Promise<ImportOutcome> {
  const now = options.now ?? (() => new Date());
  const chunks: { table: StreamedTable; rows: Record<string, unknown>[] }[] = [];
  let index = 0;
  const reader = new PackReader(checked.source);
  const size = options.chunkRows ?? CHUNK_DEFAULT;
  for await (const chunk of readChunks(reader, size, () => undefined, undefined, options.signal)) {
    const hash = new RunningHash();
    for (const event of chunk.events) hash.add(event.text);
    if (hash.digest() !== checked.chunkHashes[index++]) throw new FileChangedError();
    const table = chunk.table as StreamedTable;
    const rows = chunk.events.map((event) => {
      const valid = validateRow(table, event.index, event.value);
      if (!valid.ok) throw new FileChangedError();
      return valid.row;
    });
    chunks.push({ table, rows });
  }
  const summary = emptySummary();
  const tables = [...db.knowledgeTables, db.contributions, db.packs, db.settings, db.imports];
  await db.transaction('rw', tables, async () => {
    const ctx = await makeContext(db, checked.owner, now);
    for (const [from, to] of checked.actorMap) ctx.actorMap.set(from, to);
    let contributionsWritten = 0;
    let done = 0;
    for (const { table, rows } of chunks) {
      if (table === 'contributions') {
        contributionsWritten += await restoreContributions(db, rows as Contribution[]);
        for (const c of rows as Contribution[]) ctx.shared.add(sharedKey(c.table, c.rowId));
      } else {
        const result = await planChunk(ctx, table, rows as IncomingRow[]);
        await applyChunk(db, table, result);
        addToPreview(summary, table, result);
      }
      done += rows.length;
      options.onProgress?.({ phase: 'writing', done, total: checked.total });
    }
    await finish(db, checked, options, ctx, summary, contributionsWritten, hadJournal);
    assertInTransaction('a one-transaction import');
  });
  return success(checked, summary, false);
}

async function writeRows(
  db: BackstoryDB,
  checked: CheckedPack,
  options: ImportOptions,
  ctx: ChunkContext,
  journal: ImportJournal,
  resumeAt: number,
  progress: (done: number) => void,
): Promise<number> {
  const now = options.now ?? (() => new Date());
  const chunkRows = options.chunkRows ?? CHUNK_DEFAULT;
  let position = 0;
  let index = 0;
  let contributionsWritten = 0;
  const reader = new PackReader(checked.source);
  for await (const chunk of readChunks(
    reader,
    chunkRows,
    () => undefined,
    undefined,
    options.signal,
  )) {
    const hash = new RunningHash();
    for (const event of chunk.events) hash.add(event.text);
    if (hash.digest() !== checked.chunkHashes[index]) throw new FileChangedError();
    index++;
    const size = chunk.events.length;
    if (position + size <= resumeAt) {
      position += size;
      continue;
    }
    options.signal?.throwIfAborted();
    const table = chunk.table as StreamedTable;
    const rows = chunk.events.map((event) => {
      const valid = validateRow(table, event.index, event.value);
      if (!valid.ok) throw new FileChangedError();
      return valid.row;
    });
    position += size;
    journal.done = position;
    journal.updatedAt = now().toISOString();
    journal.leaseUntil = Date.now() + LEASE_MS;
    if (table === 'contributions') {
      await db.transaction('rw', [db.contributions, db.imports], async () => {
        contributionsWritten += await restoreContributions(db, rows as Contribution[]);
        await db.imports.put(journal);
      });
      for (const c of rows as Contribution[]) ctx.shared.add(sharedKey(c.table, c.rowId));
    } else {
      await db.transaction('rw', [tableOf(db, table), db.contributions, db.imports], async () => {
        const result = await planChunk(ctx, table, rows as IncomingRow[]);
        await applyChunk(db, table, result);
        const counted = emptySummary();
        addToPreview(counted, table, result);
        journal.added[table] += counted.added[table];
        journal.changed[table] += counted.changed[table];
        journal.unchanged[table] += counted.unchanged[table];
        journal.keptUserRows += result.keptUserRows;
        journal.merged += result.merged;
        await db.imports.put(journal);
        assertInTransaction('the journal of a chunk');
      });
    }
    progress(position);
  }
  return contributionsWritten;
}

function packRecord(
  checked: CheckedPack,
  origin: PackRecord['origin'],
  now: () => Date,
): PackRecord {
  const h = checked.header;
  return {
    id: h.id,
    name: h.name,
    version: h.version,
    loadedAt: now().toISOString(),
    counts: checked.counts,
    origin,
    ...(h.description ? { description: h.description } : {}),
    ...(h.publisher ? { publisher: h.publisher } : {}),
    ...(h.homepage ? { homepage: h.homepage } : {}),
    ...(h.license ? { license: h.license } : {}),
  };
}

/** Puts the contributions of a full export back as they were; returns how many it wrote. */
async function restoreContributions(db: BackstoryDB, rows: Contribution[]): Promise<number> {
  const before = await db.contributions.bulkGet(rows.map((r) => r.id));
  const writes = rows.filter((r, i) => {
    const b = before[i];
    return !b || !sameContent(b, r);
  });
  if (writes.length > 0) await db.contributions.bulkPut(writes);
  return writes.length;
}

/**
 * Gives up an import that stopped half-way. The first load of a pack is rolled back (what it
 * wrote is removed); an update cannot be rolled back (the earlier version's rows were replaced),
 * so it stays as written and the pack should be imported again or removed.
 */
export function discardImport(db: BackstoryDB, owner: string): Promise<boolean> {
  return withImportLock(
    owner,
    async () => {
      const journal = await db.imports.get(owner);
      if (!journal) return false;
      if (journal.fresh) {
        await dropOwner(db, journal.owner, null);
        await db.contributions.where('owner').equals(journal.owner).delete();
      }
      await db.imports.delete(owner);
      return journal.fresh;
    },
    () => {
      throw new Error('This import is still running; it can be discarded once it stops.');
    },
  );
}
