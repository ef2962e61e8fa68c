import type { BackstoryDB } from '../db/database';
import { getKnowledgeVersion } from '../db/knowledge-version';
import {
  comparePackVersions,
  fromPack,
  PACK_TABLES,
  type PackCounts,
  PackId,
  type PackRecord,
  type PackTable,
  type Provenance,
} from '../model';
import { type ChunkContext, planChunk, sharedKey, tableOf } from './chunk';
import { claimReviewToPack } from './claimreview';
import type { PackIssue } from './errors';
import { RunningHash } from './hash';
import { JsonSyntaxError, NotAnObjectError } from './json-scan';
import { type IncomingRow, matchActors } from './merge';
import { zeroCounts } from './remove';
import {
  looksLikeJsonLd,
  PackReader,
  type PackSource,
  type PackReader as Reader,
  type RowChunk,
  readChunks,
  readWholeJson,
  valueSource,
} from './source';
import {
  MAX_ISSUES,
  type PackHeader,
  ReferenceTracker,
  type StreamedTable,
  validateHeader,
  validateRow,
} from './validate';

export type ImportFailureKind =
  | 'not-json'
  | 'invalid'
  | 'references'
  | 'older-version'
  | 'other-pack'
  | 'busy'
  | 'changed'
  | 'aborted'
  | 'storage';

export interface ImportFailure {
  ok: false;
  kind: ImportFailureKind;
  error: string;
  issues: PackIssue[];
}

/** What an import did, or (in a check) would do, per table. */
export interface ImportSummary {
  added: PackCounts;
  changed: PackCounts;
  unchanged: PackCounts;
  /** Rows to be removed: an earlier version of the pack had them, this one does not. */
  removed: PackCounts;
  /** Rows the user edited that keep their content. */
  keptUserRows: number;
  /** Actors merged with another pack's actor (same Wikidata id, or same name and kind). */
  merged: number;
}

export const emptySummary = (): ImportSummary => ({
  added: zeroCounts(),
  changed: zeroCounts(),
  unchanged: zeroCounts(),
  removed: zeroCounts(),
  keptUserRows: 0,
  merged: 0,
});

export interface ImportProgress {
  phase: 'checking' | 'writing' | 'cleaning';
  done: number;
  total: number;
}

export interface CheckOptions {
  origin: PackRecord['origin'];
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Rows per transaction (default 2500). */
  chunkRows?: number;
  /** Accept a version older than the one loaded (default: refuse it). */
  allowOlder?: boolean;
  /** Refuse any other pack id (a subscription serves one pack). */
  expectPackId?: string;
  /** How to name the pack made from a ClaimReview document. */
  claimReview?: { id: string; name: string };
  /** Write under this provenance instead of `pack:<id>`, without a pack record (pages). */
  owner?: Provenance;
  /** Work out what loading would change (default true); callers that show nothing skip it. */
  preview?: boolean;
}

/** A pack that passed every check, with what loading it would change. */
export interface CheckedPack {
  format: 'pack' | 'claimreview';
  header: PackHeader;
  owner: Provenance;
  /** Rows per table in the file. */
  counts: PackCounts;
  contributions: number;
  /** Rows without their own provenance: the pack's own rows. */
  ownedRows: number;
  total: number;
  previous: PackRecord | undefined;
  preview: ImportSummary;
  warnings: string[];
  /** What to read when writing (a ClaimReview document is read as the pack made from it). */
  source: PackSource;
  fileName: string | undefined;
  ids: Record<PackTable, Set<string>>;
  actorMap: Map<string, string>;
  externalRefs: Map<string, Set<string>>;
  chunkHashes: string[];
  fingerprint: string;
  knowledgeVersion: number;
}

export const CHUNK_DEFAULT = 2500;

export function failure(kind: ImportFailureKind, error: string, issues: PackIssue[] = []) {
  return { ok: false as const, kind, error, issues };
}

/** The state an import keeps while it reads rows: merges found, contributions, ordering. */
export async function makeContext(
  db: BackstoryDB,
  owner: Provenance,
  now: () => Date,
): Promise<ChunkContext> {
  const actorMap = new Map<string, string>();
  // Few rows are shared, so all contributions are read at once.
  const all = await db.contributions.toArray();
  const own = all.filter((c) => c.owner === owner);
  for (const c of own) {
    if (c.table === 'actors' && c.incomingId !== c.rowId) actorMap.set(c.incomingId, c.rowId);
  }
  const shared = new Set(all.map((c) => sharedKey(c.table, c.rowId)));
  const base = now().getTime() * 1000;
  let n = 0;
  return { db, owner, actorMap, shared, own, nextSeq: () => base + n++ };
}

/** Finds, among a chunk of actors, the ones to merge with actors other sources brought. */
export async function extendActorMap(
  ctx: ChunkContext,
  rows: readonly IncomingRow[],
  packIds: ReadonlySet<string>,
) {
  const ids = rows.map((r) => r.id);
  const stored = new Set((await ctx.db.actors.where(':id').anyOf(ids).primaryKeys()) as string[]);
  const fresh = rows.filter(
    (r) => !stored.has(r.id) && !ctx.actorMap.has(r.id) && r.provenance === undefined,
  );
  const found = await matchActors(
    ctx.db,
    fresh.map((r) => ({
      id: r.id,
      name: String(r.name),
      kind: String(r.kind),
      wikidata: r.wikidata as string | undefined,
    })),
    ctx.owner,
    packIds,
  );
  for (const [from, to] of found) ctx.actorMap.set(from, to);
}

const isAbort = (error: unknown) =>
  (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';

/**
 * Reads a pack (or a ClaimReview document) once, without writing anything: validates the header
 * and every row, follows references, and works out what loading it would change. Memory grows
 * with the number of ids, not with the size of the rows.
 */
export async function checkPack(
  db: BackstoryDB,
  source: PackSource,
  options: CheckOptions,
): Promise<{ ok: true; checked: CheckedPack } | ImportFailure> {
  try {
    return await scan(db, source, options, 'pack');
  } catch (error) {
    if (error instanceof NotAnObjectError) return checkJsonLd(db, source, options);
    if (error instanceof JsonSyntaxError) {
      return failure('not-json', `This file is not valid JSON: ${error.message}.`);
    }
    if (isAbort(error)) return failure('aborted', 'The import was stopped.');
    const message = error instanceof Error ? error.message : String(error);
    return failure('storage', `The pack could not be read: ${message}`);
  }
}

async function checkJsonLd(
  db: BackstoryDB,
  source: PackSource,
  options: CheckOptions,
): Promise<{ ok: true; checked: CheckedPack } | ImportFailure> {
  let doc: unknown;
  try {
    doc = await readWholeJson(source, options.signal);
  } catch (error) {
    if (isAbort(error)) return failure('aborted', 'The import was stopped.');
    const message = error instanceof Error ? error.message : String(error);
    return failure('not-json', `This file is not valid JSON: ${message}.`);
  }
  const converted = claimReviewToPack(doc, {
    ...(options.claimReview ?? defaultClaimReviewName(source.name)),
    linkOrigin: options.owner?.startsWith('page:') ? 'extracted' : 'pack',
  });
  if (converted.reviews === 0) {
    const why = converted.warnings.length > 0 ? ` ${converted.warnings.join(' ')}` : '';
    return failure(
      'invalid',
      `This is neither a Backstory pack nor fact-check markup: no ClaimReview was found.${why}`,
    );
  }
  try {
    const result = await scan(
      db,
      valueSource(converted.pack, source.name),
      { ...options, allowOlder: true },
      'claimreview',
    );
    if (result.ok) result.checked.warnings.unshift(...converted.warnings);
    return result;
  } catch (error) {
    if (isAbort(error)) return failure('aborted', 'The import was stopped.');
    const message = error instanceof Error ? error.message : String(error);
    return failure('storage', `The fact-check markup could not be read: ${message}`);
  }
}

function defaultClaimReviewName(fileName: string | undefined) {
  const base = (fileName ?? 'fact-checks').replace(/\.[a-z]+$/i, '');
  const slug =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'fact-checks';
  return { id: `claimreview-${slug}`, name: `Fact checks (${base.slice(0, 150)})` };
}

async function scan(
  db: BackstoryDB,
  source: PackSource,
  options: CheckOptions,
  format: CheckedPack['format'],
): Promise<{ ok: true; checked: CheckedPack } | ImportFailure> {
  const reader: Reader = new PackReader(source);
  const now = options.now ?? (() => new Date());
  const chunkRows = options.chunkRows ?? CHUNK_DEFAULT;
  const knowledgeVersion = await getKnowledgeVersion(db);
  const fields: Record<string, unknown> = {};
  const refs = new ReferenceTracker();
  const issues: PackIssue[] = [];
  let moreIssues = 0;
  const counts = zeroCounts();
  const preview = emptySummary();
  const chunkHashes: string[] = [];
  const fingerprint = new RunningHash();
  let contributions = 0;
  let ownedRows = 0;
  let total = 0;
  let ctx: ChunkContext | undefined;
  let previewComplete = true;
  let owner: Provenance | undefined = options.owner;

  const onField = async (key: string, value: unknown) => {
    fields[key] = value;
    if (key === 'id' && !ctx && PackId.safeParse(value).success) {
      owner ??= fromPack(value as string);
      ctx = await makeContext(db, owner, now);
    }
  };
  let bytes = 0;
  const size = source.kind === 'bytes' ? source.size : 0;
  const onBytes = (n: number) => {
    bytes += n;
    options.onProgress?.({ phase: 'checking', done: bytes, total: size });
  };

  const addIssues = (found: PackIssue[]) => {
    for (const issue of found) {
      if (issues.length < MAX_ISSUES) issues.push(issue);
      else moreIssues++;
    }
  };

  /** Checks one chunk; false when there are enough problems to stop reading. */
  const check = async (chunk: RowChunk): Promise<boolean> => {
    const table = chunk.table as StreamedTable;
    const hash = new RunningHash();
    const rows: IncomingRow[] = [];
    for (const event of chunk.events) {
      hash.add(event.text);
      const checked = validateRow(table, event.index, event.value);
      if (!checked.ok) {
        addIssues(checked.issues);
        continue;
      }
      const row = checked.row as IncomingRow;
      if (table === 'contributions') {
        contributions++;
        continue;
      }
      if (!refs.define(table, row.id)) {
        addIssues([
          { where: `${table}[${event.index}] (id "${row.id}")`, message: 'this id is used twice' },
        ]);
        continue;
      }
      refs.follow(table, event.index, row);
      counts[table]++;
      if (row.provenance === undefined || (owner && row.provenance.includes(owner))) ownedRows++;
      rows.push(row);
    }
    total += chunk.events.length;
    chunkHashes.push(hash.digest());
    fingerprint.add(hash.digest());
    if (issues.length >= MAX_ISSUES) return false;
    if (table === 'contributions' || issues.length > 0) return true;
    if (!ctx) {
      previewComplete = false;
      return true;
    }
    if (table === 'actors') await extendActorMap(ctx, rows, refs.ids.actors);
    if (options.preview !== false) addToPreview(preview, table, await planChunk(ctx, table, rows));
    if (source.kind === 'value') {
      options.onProgress?.({ phase: 'checking', done: total, total: 0 });
    }
    return true;
  };

  for await (const chunk of readChunks(reader, chunkRows, onField, onBytes, options.signal)) {
    if (!(await check(chunk))) break;
  }
  const keys = reader.keys;

  const header = validateHeader(fields);
  if (!header.ok) {
    if (header.notAPack && total === 0 && looksLikeJsonLd(keys) && format === 'pack') {
      return checkJsonLd(db, source, options);
    }
    if (header.notAPack && fields.format === undefined) {
      return failure(
        'invalid',
        'This file is not a Backstory pack: it has no "format": "backstory-pack" and no fact-check markup (ClaimReview).',
      );
    }
    addIssues(header.issues);
  }
  if (issues.length > 0 || !header.ok || !ctx || !owner) {
    const more = moreIssues > 0 ? `\n…and ${moreIssues} more.` : '';
    const stopped = moreIssues > 0 ? ' (the check stopped there)' : '';
    return failure(
      'invalid',
      `This pack is not valid${stopped}:\n${issues.map((i) => `${i.where}: ${i.message}`).join('\n')}${more}`,
      issues,
    );
  }

  // References to ids the pack does not define must be in the database.
  const externalRefs = new Map<string, Set<string>>();
  const missing: PackIssue[] = [];
  const external = refs.external();
  for (const table of ['actors', 'sources', 'claims', 'statements'] as const) {
    const wanted = [...new Set(external.filter((r) => r.table === table).map((r) => r.id))];
    if (wanted.length === 0) continue;
    const found = new Set(
      (await tableOf(db, table).where(':id').anyOf(wanted).primaryKeys()) as string[],
    );
    externalRefs.set(table, found);
    for (const r of external) {
      if (r.table === table && !found.has(r.id) && missing.length < MAX_ISSUES) {
        missing.push({ where: r.where, message: `no ${table.slice(0, -1)} with id "${r.id}"` });
      }
    }
  }
  if (missing.length > 0) {
    return failure(
      'references',
      `This pack points to records that do not exist:\n${missing.map((i) => `${i.where}: ${i.message}`).join('\n')}`,
      missing,
    );
  }

  const pack = header.header;
  if (options.expectPackId && pack.id !== options.expectPackId) {
    return failure(
      'other-pack',
      `This address now serves the pack "${pack.id}", not "${options.expectPackId}" as before. Nothing was changed.`,
    );
  }
  const previous = options.owner ? undefined : await db.packs.get(pack.id);
  if (previous && !options.allowOlder && comparePackVersions(pack.version, previous.version) < 0) {
    return failure(
      'older-version',
      `This is version ${pack.version} of “${pack.name}”, older than the version ${previous.version} already loaded. Nothing was changed; remove the pack first to go back to an older version.`,
    );
  }

  if (!previewComplete) {
    // The rows came before the pack's id: read again now that the owner is known.
    await replayPreview(
      source,
      chunkRows,
      ctx,
      refs,
      options.preview === false ? null : preview,
      options.signal,
    );
  }
  const keep = keepSet(refs.ids, ctx.actorMap);
  for (const table of options.preview === false ? [] : PACK_TABLES) {
    const stored = (await tableOf(db, table)
      .where('provenance')
      .equals(owner)
      .primaryKeys()) as string[];
    preview.removed[table] = stored.filter((id) => !keep.targets[table].has(id)).length;
  }

  return {
    ok: true,
    checked: {
      format,
      header: pack,
      owner,
      counts,
      contributions,
      ownedRows,
      total,
      previous,
      preview,
      warnings: [],
      source,
      fileName: source.name,
      ids: refs.ids,
      actorMap: ctx.actorMap,
      externalRefs,
      chunkHashes,
      fingerprint: fingerprint.digest(),
      knowledgeVersion,
    },
  };
}

async function replayPreview(
  source: PackSource,
  chunkRows: number,
  ctx: ChunkContext,
  refs: ReferenceTracker,
  preview: ImportSummary | null,
  signal?: AbortSignal,
) {
  const reader = new PackReader(source);
  for await (const chunk of readChunks(reader, chunkRows, () => undefined, undefined, signal)) {
    const table = chunk.table as StreamedTable;
    if (table === 'contributions') continue;
    const rows = chunk.events.map((e) => {
      const checked = validateRow(table, e.index, e.value);
      return (checked.ok ? checked.row : {}) as IncomingRow;
    });
    if (table === 'actors') await extendActorMap(ctx, rows, refs.ids.actors);
    if (preview) addToPreview(preview, table, await planChunk(ctx, table, rows));
  }
}

export function addToPreview(
  summary: ImportSummary,
  table: PackTable,
  result: {
    added: number;
    changed: number;
    unchanged: number;
    keptUserRows: number;
    merged: number;
  },
) {
  summary.added[table] += result.added;
  summary.changed[table] += result.changed;
  summary.unchanged[table] += result.unchanged;
  summary.keptUserRows += result.keptUserRows;
  summary.merged += result.merged;
}

/** The stored ids a pack's rows land on, and the ids it gives them, by table. */
export function keepSet(
  ids: Record<PackTable, Set<string>>,
  actorMap: ReadonlyMap<string, string>,
) {
  const targets = { ...ids } as Record<PackTable, Set<string>>;
  if (actorMap.size > 0) {
    targets.actors = new Set([...ids.actors].map((id) => actorMap.get(id) ?? id));
  }
  return { targets, incoming: ids };
}
