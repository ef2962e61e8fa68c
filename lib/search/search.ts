import type { EntityTable } from 'dexie';
import type {
  ActorRow,
  BackstoryDB,
  ClaimRow,
  EventRow,
  SearchFields,
  StatementRow,
} from '../db/database';
import { foldKey } from '../match/fold';
import { queryTokens } from './tokens';

/**
 * Search over the cache: actors, claims, statements and events, accent-, case- and
 * punctuation-insensitive, by word prefix ("diaz can" finds "Díaz-Canel").
 *
 * Every table has a multi-entry index of its rows' folded words (`_words`, see
 * lib/db/search-fields.ts). For each query word, the primary keys of the rows with a word that
 * starts with it are read from the index, up to a cap; the rarest word's set, intersected with
 * every other complete set, gives the candidates; the first candidates are read and checked
 * word by word, then ranked. The cost follows the rarest word, not the size of the cache.
 * Chosen over a full scan and over an in-memory index by measurement: scripts/bench/panel.bench.ts.
 */
export interface SearchHits {
  actors: Hit<ActorRow>[];
  claims: Hit<ClaimRow>[];
  statements: Hit<StatementRow>[];
  events: Hit<EventRow>[];
}

export interface Hit<T> {
  row: T;
  score: number;
}

export interface SearchResult {
  query: string;
  tokens: string[];
  /** The query had only words too common to search for ("the", "of"). */
  onlyStopWords: boolean;
  hits: SearchHits;
  /** Matches per kind; `more` when there are more than were counted. */
  totals: Record<keyof SearchHits, { count: number; more: boolean }>;
}

export interface SearchOptions {
  /** Hits returned per kind. */
  limit?: number;
}

/** Primary keys read per query word: beyond this, a word is too common to narrow anything. */
const KEY_CAP = 3000;
/** Candidates read and checked per kind. */
const CHECK_CAP = 150;

type Searchable = SearchFields & { id: string };

async function keysForToken(table: EntityTable<Searchable, 'id'>, token: string) {
  const keys = await table.where('_words').startsWith(token).limit(KEY_CAP).primaryKeys();
  // A row with two words sharing the prefix ("cuba", "cuban") appears once per word.
  return { keys: new Set(keys), complete: keys.length < KEY_CAP };
}

/** The ids of rows having every token as a word prefix, rarest token first. */
async function candidateIds(table: EntityTable<Searchable, 'id'>, tokens: string[]) {
  const sets = await Promise.all(tokens.map((t) => keysForToken(table, t)));
  sets.sort((a, b) => a.keys.size - b.keys.size);
  const [first, ...rest] = sets;
  if (!first) return { ids: [] as string[], exact: true };
  let ids = [...first.keys];
  for (const s of rest) if (s.complete) ids = ids.filter((id) => s.keys.has(id));
  // Every match is among the candidates when the rarest word's rows were all read.
  return { ids, exact: first.complete };
}

function wordScore(words: readonly string[] | undefined, tokens: string[]): number {
  if (!words) return 0;
  let score = 0;
  for (const token of tokens) {
    if (words.includes(token)) score += 2;
    else if (words.some((w) => w.startsWith(token))) score += 1;
    else return 0;
  }
  return score;
}

async function searchTable<T extends Searchable>(
  table: EntityTable<T, 'id'>,
  tokens: string[],
  rank: {
    bonus?: (row: T) => number;
    keep?: (row: T) => boolean;
    tieBreak: (a: T, b: T) => number;
  },
  limit: number,
) {
  const generic = table as unknown as EntityTable<Searchable, 'id'>;
  const { ids, exact } = await candidateIds(generic, tokens);
  const rows = (await generic.bulkGet(ids.slice(0, CHECK_CAP))) as (T | undefined)[];
  const hits: Hit<T>[] = [];
  for (const row of rows) {
    if (!row || (rank.keep && !rank.keep(row))) continue;
    const score = wordScore(row._words, tokens);
    if (score > 0) hits.push({ row, score: score + (rank.bonus?.(row) ?? 0) });
  }
  hits.sort((a, b) => b.score - a.score || rank.tieBreak(a.row, b.row));
  const checkedAll = ids.length <= CHECK_CAP;
  return {
    hits: hits.slice(0, limit),
    // Counted exactly when the rarest word's rows were all read and every candidate checked.
    total: { count: checkedAll ? hits.length : ids.length, more: !exact || !checkedAll },
  };
}

const newestFirst = (a: StatementRow, b: StatementRow) =>
  a._saidKey < b._saidKey ? 1 : a._saidKey > b._saidKey ? -1 : 0;
const oldestFirst = (a: EventRow, b: EventRow) =>
  a._dateKey < b._dateKey ? -1 : a._dateKey > b._dateKey ? 1 : 0;
const byName = (a: ActorRow, b: ActorRow) => a.name.localeCompare(b.name);
const byGist = (a: ClaimRow, b: ClaimRow) => a.gist.localeCompare(b.gist);

export async function search(
  db: BackstoryDB,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const limit = options.limit ?? 20;
  const { tokens, onlyStopWords } = queryTokens(query);
  const empty = { count: 0, more: false };
  if (tokens.length === 0) {
    return {
      query,
      tokens,
      onlyStopWords,
      hits: { actors: [], claims: [], statements: [], events: [] },
      totals: { actors: empty, claims: empty, statements: empty, events: empty },
    };
  }
  const whole = foldKey(query);
  return db.transaction('r', [db.actors, db.claims, db.statements, db.events], async () => {
    const [actors, claims, statements, events] = await Promise.all([
      // A name or alias typed in full ranks first; a known (not candidate) actor before others.
      searchTable(
        db.actors,
        tokens,
        {
          bonus: (a) =>
            (a._aliasKeys.includes(whole) ? 10 : 0) +
            (foldKey(a.name).startsWith(whole) ? 4 : 0) +
            (a.status === 'candidate' ? -3 : 0),
          keep: (a) => a.status !== 'rejected' && !a.mergedInto,
          tieBreak: byName,
        },
        limit,
      ),
      searchTable(db.claims, tokens, { tieBreak: byGist }, limit),
      searchTable(db.statements, tokens, { tieBreak: newestFirst }, limit),
      searchTable(db.events, tokens, { tieBreak: oldestFirst }, limit),
    ]);
    return {
      query,
      tokens,
      onlyStopWords,
      hits: {
        actors: actors.hits,
        claims: claims.hits,
        statements: statements.hits,
        events: events.hits,
      },
      totals: {
        actors: actors.total,
        claims: claims.total,
        statements: statements.total,
        events: events.total,
      },
    };
  });
}
