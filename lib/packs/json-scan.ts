/**
 * A streaming reader for one JSON document shaped like a pack: a top-level object whose table
 * keys hold arrays of rows. It walks the text once, character by character, keeps no more than
 * the row being read, and hands each row to JSON.parse on its own (fast and exact), so a pack of
 * any size is read in memory bounded by its largest row.
 *
 * Structure is checked here (braces, commas, strings); everything inside a row or a header value
 * is checked by JSON.parse. Values of keys that are neither tables nor wanted header fields are
 * walked over without being kept.
 */

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'JsonSyntaxError';
  }
}

/** The document is valid JSON so far but not an object at the top (a JSON-LD array, say). */
export class NotAnObjectError extends Error {
  constructor(readonly first: string) {
    super('The document is not a JSON object');
    this.name = 'NotAnObjectError';
  }
}

export type ScanEvent =
  | { kind: 'field'; key: string; value: unknown }
  | { kind: 'row'; table: string; index: number; value: unknown; text: string; line: number };

export interface ScanOptions {
  /** Top-level keys whose arrays are streamed row by row. */
  tables: ReadonlySet<string>;
  /** Top-level keys whose values are parsed and reported (everything else is skipped). */
  fields: ReadonlySet<string>;
  /** Largest row, in characters (default 4 MB). */
  maxRowChars?: number;
  /** Largest header value, in characters (default 256 kB). */
  maxFieldChars?: number;
}

enum S {
  Start,
  KeyOrEnd,
  Key,
  KeyString,
  Colon,
  ValueStart,
  Value,
  AfterValue,
  ElementOrEnd,
  Element,
  ElementValue,
  AfterElement,
  Done,
}

const WS_SPACE = 32;
const WS_TAB = 9;
const WS_LF = 10;
const WS_CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;

const isWs = (c: number) => c === WS_SPACE || c === WS_LF || c === WS_CR || c === WS_TAB;

/** What a capture is for: a row of a table, a header field, or nothing (skipped). */
type Purpose = 'row' | 'field' | 'skip';

export class PackScanner {
  private state = S.Start;
  private line = 1;
  private lineStart = 0;
  private offset = 0;
  private key = '';
  private keyRaw = '';
  private seenKeys = new Set<string>();
  private table = '';
  private index = 0;
  // The value being captured.
  private purpose: Purpose = 'skip';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  private partial = '';
  private partialLength = 0;
  private captureLine = 0;
  private readonly maxRow: number;
  private readonly maxField: number;

  constructor(private readonly options: ScanOptions) {
    this.maxRow = options.maxRowChars ?? 4_000_000;
    this.maxField = options.maxFieldChars ?? 256_000;
  }

  private fail(message: string, at: number): never {
    throw new JsonSyntaxError(message, this.line, this.offset + at - this.lineStart + 1);
  }

  private describe(c: number) {
    return `“${String.fromCharCode(c)}”`;
  }

  /** Feeds the next piece of text; returns the events it completed. */
  push(chunk: string): ScanEvent[] {
    const out: ScanEvent[] = [];
    const n = chunk.length;
    let i = 0;
    let captureStart = -1;
    if (this.state === S.Value || this.state === S.ElementValue || this.state === S.KeyString) {
      captureStart = 0;
    }
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case S.Start: {
          if (c === 0xfeff && this.offset + i === 0) break;
          if (isWs(c)) break;
          if (c === LBRACE) this.state = S.KeyOrEnd;
          else if (c === LBRACKET) throw new NotAnObjectError('[');
          else this.fail(`Expected a JSON object but found ${this.describe(c)}`, i);
          break;
        }
        case S.KeyOrEnd:
        case S.Key: {
          if (isWs(c)) break;
          if (c === QUOTE) {
            this.state = S.KeyString;
            this.keyRaw = '';
            this.escaped = false;
            captureStart = i + 1;
          } else if (c === RBRACE && this.state === S.KeyOrEnd) {
            this.state = S.Done;
          } else {
            this.fail(`Expected a property name in quotes but found ${this.describe(c)}`, i);
          }
          break;
        }
        case S.KeyString: {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.keyRaw += chunk.slice(captureStart, i);
            captureStart = -1;
            try {
              this.key = JSON.parse(`"${this.keyRaw}"`) as string;
            } catch {
              this.fail('Invalid property name', i);
            }
            if (this.seenKeys.has(this.key)) this.fail(`"${this.key}" appears twice`, i);
            this.seenKeys.add(this.key);
            this.state = S.Colon;
          } else if (c === WS_LF) this.fail('Unterminated property name', i);
          break;
        }
        case S.Colon: {
          if (isWs(c)) break;
          if (c !== COLON) this.fail(`Expected “:” but found ${this.describe(c)}`, i);
          this.state = S.ValueStart;
          break;
        }
        case S.ValueStart: {
          if (isWs(c)) break;
          if (this.options.tables.has(this.key)) {
            if (c !== LBRACKET) this.fail(`"${this.key}" must be an array`, i);
            this.table = this.key;
            this.index = 0;
            this.state = S.ElementOrEnd;
            break;
          }
          this.purpose = this.options.fields.has(this.key) ? 'field' : 'skip';
          this.beginValue(c, i);
          captureStart = i;
          this.state = S.Value;
          break;
        }
        case S.ElementOrEnd:
        case S.Element: {
          if (isWs(c)) break;
          if (c === RBRACKET && this.state === S.ElementOrEnd) {
            this.state = S.AfterValue;
            break;
          }
          this.purpose = 'row';
          this.beginValue(c, i);
          captureStart = i;
          this.state = S.ElementValue;
          break;
        }
        case S.Value:
        case S.ElementValue: {
          // The hot loop: most characters of a pack are read here.
          const end = this.scanValue(chunk, i);
          if (end < 0) {
            i = n;
            continue;
          }
          const text = this.partial + chunk.slice(captureStart, end);
          this.partial = '';
          this.partialLength = 0;
          captureStart = -1;
          if (this.state === S.ElementValue) {
            out.push(this.rowEvent(text));
            this.state = S.AfterElement;
          } else {
            if (this.purpose === 'field') {
              out.push({ kind: 'field', key: this.key, value: this.parse(text, this.key) });
            }
            this.state = S.AfterValue;
          }
          // A primitive ends on the character after it, which the next state must read.
          i = end;
          continue;
        }
        case S.AfterElement: {
          if (isWs(c)) break;
          if (c === COMMA) this.state = S.Element;
          else if (c === RBRACKET) this.state = S.AfterValue;
          else this.fail(`Expected “,” or “]” after ${this.table}[${this.index - 1}]`, i);
          break;
        }
        case S.AfterValue: {
          if (isWs(c)) break;
          if (c === COMMA) this.state = S.Key;
          else if (c === RBRACE) this.state = S.Done;
          else this.fail(`Expected “,” or “}” after "${this.key}"`, i);
          break;
        }
        case S.Done: {
          if (!isWs(c)) this.fail('Unexpected content after the end of the document', i);
          break;
        }
      }
      if (c === WS_LF && !this.inString) {
        this.line++;
        this.lineStart = this.offset + i + 1;
      }
      i++;
    }
    if (captureStart >= 0) {
      if (this.state === S.KeyString) this.keyRaw += chunk.slice(captureStart);
      else this.keep(chunk.slice(captureStart));
    }
    this.offset += n;
    return out;
  }

  /** The top-level keys read so far. */
  topLevelKeys(): ReadonlySet<string> {
    return this.seenKeys;
  }

  /** Checks the document ended where it should. */
  end(): void {
    if (this.state === S.Start) throw new JsonSyntaxError('The document is empty', 1, 1);
    if (this.state !== S.Done) {
      throw new JsonSyntaxError(
        'The document ends before it is complete',
        this.line,
        this.offset - this.lineStart + 1,
      );
    }
  }

  /** Starts capturing a value at its first character (which this consumes). */
  private beginValue(c: number, at: number) {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.primitive = false;
    this.captureLine = this.line;
    if (c === LBRACE || c === LBRACKET) this.depth = 1;
    else if (c === QUOTE) this.inString = true;
    else if (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) {
      // -, a digit, or the first letter of true, false, null
      this.primitive = true;
    } else this.fail(`Unexpected ${this.describe(c)}`, at);
  }

  /**
   * Advances through a value from `from`; returns the index just past its end, or -1 when the
   * chunk ends first (the caller keeps what was read).
   */
  private scanValue(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    if (this.primitive) {
      while (i < n) {
        const c = chunk.charCodeAt(i);
        if (c === COMMA || c === RBRACE || c === RBRACKET || isWs(c)) return i;
        i++;
      }
      return -1;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            this.depth = 0;
            this.inString = false;
            return i + 1;
          }
        }
      } else if (c === QUOTE) inString = true;
      else if (c === LBRACE || c === LBRACKET) depth++;
      else if (c === RBRACE || c === RBRACKET) {
        depth--;
        if (depth === 0) {
          this.depth = 0;
          this.inString = false;
          return i + 1;
        }
        if (depth < 0) this.fail(`Unexpected ${this.describe(c)}`, i);
      } else if (c === WS_LF) {
        this.line++;
        this.lineStart = this.offset + i + 1;
      }
      i++;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  private keep(text: string) {
    this.partialLength += text.length;
    const limit = this.purpose === 'row' ? this.maxRow : this.maxField;
    if (this.purpose === 'skip') return;
    if (this.partialLength > limit) {
      const what =
        this.purpose === 'row' ? `${this.table}[${this.index}]` : `the value of "${this.key}"`;
      throw new JsonSyntaxError(
        `${what} is larger than ${Math.round(limit / 1000)} kB`,
        this.captureLine,
        1,
      );
    }
    this.partial += text;
  }

  private parse(text: string, what: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new JsonSyntaxError(`Invalid JSON in ${what}: ${detail}`, this.captureLine, 1);
    }
  }

  private rowEvent(text: string): ScanEvent {
    const index = this.index++;
    if (text.length > this.maxRow) {
      throw new JsonSyntaxError(
        `${this.table}[${index}] is larger than ${Math.round(this.maxRow / 1000)} kB`,
        this.captureLine,
        1,
      );
    }
    const value = this.parse(text, `${this.table}[${index}]`);
    return { kind: 'row', table: this.table, index, value, text, line: this.captureLine };
  }
}

/** Decodes a byte stream as UTF-8 text, refusing anything that is not. */
export async function* utf8Chunks(
  stream: ReadableStream<Uint8Array>,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = stream.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      onBytes?.(value.byteLength);
      let text: string;
      try {
        text = decoder.decode(value, { stream: true });
      } catch {
        throw new JsonSyntaxError('The file is not UTF-8 text', 1, 1);
      }
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
    await stream.cancel().catch(() => undefined);
  }
}
