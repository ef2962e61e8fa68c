import {
  JsonSyntaxError,
  NotAnObjectError,
  PackScanner,
  type ScanEvent,
  utf8Chunks,
} from './json-scan';
import { HEADER_FIELDS, STREAMED_TABLES } from './validate';

/**
 * Where a pack is read from. A `bytes` source can be opened more than once: an import reads it
 * twice (check, then write) instead of keeping the parsed pack in memory.
 */
export type PackSource =
  | { kind: 'value'; value: unknown; name?: string | undefined }
  | {
      kind: 'bytes';
      open: () => ReadableStream<Uint8Array>;
      size: number;
      name?: string | undefined;
    };

const PIECE = 256 * 1024;

/** A source over bytes already in memory, handed out in pieces without copying. */
export function bytesSource(bytes: Uint8Array, name?: string): PackSource {
  return {
    kind: 'bytes',
    size: bytes.byteLength,
    name,
    open: () => {
      let at = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.byteLength) {
            controller.close();
            return;
          }
          controller.enqueue(bytes.subarray(at, Math.min(at + PIECE, bytes.byteLength)));
          at += PIECE;
        },
      });
    },
  };
}

export const textSource = (text: string, name?: string) =>
  bytesSource(new TextEncoder().encode(text), name);

/** A file the user chose or dropped: read straight from disk, twice if need be. */
export function fileSource(file: Blob & { name?: string }): PackSource {
  return { kind: 'bytes', size: file.size, name: file.name, open: () => file.stream() };
}

export const valueSource = (value: unknown, name?: string): PackSource => ({
  kind: 'value',
  value,
  name,
});

const BATCH = 1000;

/** Reads a source as scanner events, in batches; remembers the document's top-level keys. */
export class PackReader {
  readonly keys = new Set<string>();

  constructor(private readonly source: PackSource) {}

  async *batches(onBytes?: (n: number) => void, signal?: AbortSignal): AsyncGenerator<ScanEvent[]> {
    if (this.source.kind === 'value') {
      yield* this.valueBatches(this.source.value, signal);
      return;
    }
    const scanner = new PackScanner({ tables: STREAMED_TABLES, fields: HEADER_FIELDS });
    for await (const text of utf8Chunks(this.source.open(), onBytes, signal)) {
      const events = scanner.push(text);
      for (const k of scanner.topLevelKeys()) this.keys.add(k);
      if (events.length > 0) yield events;
    }
    scanner.end();
    for (const k of scanner.topLevelKeys()) this.keys.add(k);
  }

  private async *valueBatches(value: unknown, signal?: AbortSignal): AsyncGenerator<ScanEvent[]> {
    if (Array.isArray(value)) throw new NotAnObjectError('[');
    if (!value || typeof value !== 'object') {
      throw new JsonSyntaxError('Expected a JSON object', 1, 1);
    }
    const doc = value as Record<string, unknown>;
    for (const k of Object.keys(doc)) this.keys.add(k);
    const fields: ScanEvent[] = [];
    for (const key of Object.keys(doc)) {
      if (HEADER_FIELDS.has(key)) fields.push({ kind: 'field', key, value: doc[key] });
    }
    if (fields.length > 0) yield fields;
    for (const table of Object.keys(doc)) {
      if (!STREAMED_TABLES.has(table)) continue;
      const rows = doc[table];
      if (rows === undefined) continue;
      if (!Array.isArray(rows)) throw new JsonSyntaxError(`"${table}" must be an array`, 1, 1);
      for (let at = 0; at < rows.length; at += BATCH) {
        signal?.throwIfAborted();
        yield rows.slice(at, at + BATCH).map((row, i) => ({
          kind: 'row' as const,
          table,
          index: at + i,
          value: row,
          text: JSON.stringify(row) ?? '',
          line: 0,
        }));
      }
    }
  }
}

/** JSON-LD is read whole (it is a graph, not a list of rows); this bounds how big it may be. */
export const MAX_JSONLD_BYTES = 64 * 1024 * 1024;

/** Reads a whole source as one JSON value (for JSON-LD). */
export async function readWholeJson(source: PackSource, signal?: AbortSignal): Promise<unknown> {
  if (source.kind === 'value') return source.value;
  if (source.size > MAX_JSONLD_BYTES) {
    throw new JsonSyntaxError(
      `JSON-LD files are read whole and may be at most ${MAX_JSONLD_BYTES / 1024 / 1024} MB`,
      1,
      1,
    );
  }
  let text = '';
  for await (const piece of utf8Chunks(source.open(), undefined, signal)) text += piece;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonSyntaxError(
      `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
      1,
      1,
    );
  }
}

/** Keys that say a document is JSON-LD rather than a Backstory pack. */
export function looksLikeJsonLd(keys: ReadonlySet<string>): boolean {
  return ['@context', '@type', '@graph', 'dataFeedElement'].some((k) => keys.has(k));
}

/** A run of consecutive rows of one table, the unit of a transaction. */
export interface RowChunk {
  table: string;
  events: Extract<ScanEvent, { kind: 'row' }>[];
}

/**
 * Groups a reader's rows into chunks: a chunk ends at `size` rows or where the table changes, so
 * two reads of the same document cut it at the same places. Header fields go to `onField`.
 */
export async function* readChunks(
  reader: PackReader,
  size: number,
  onField: (key: string, value: unknown) => void | Promise<void>,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<RowChunk> {
  let chunk: RowChunk | undefined;
  for await (const batch of reader.batches(onBytes, signal)) {
    for (const event of batch) {
      if (event.kind === 'field') {
        await onField(event.key, event.value);
        continue;
      }
      if (chunk && (chunk.table !== event.table || chunk.events.length >= size)) {
        yield chunk;
        chunk = undefined;
      }
      chunk ??= { table: event.table, events: [] };
      chunk.events.push(event);
    }
  }
  if (chunk) yield chunk;
}
