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
import { type QueryTerm, queryTerms } from './tokens';

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

/**
 * Primary keys read per query term. A term with more rows than this is too common to narrow
 * the search by itself; the rarest term's rows are the candidates.
 */
const PROBE = 200;
/** Candidate rows read per kind, to check and rank. */
const READ_CAP = 40;

type Searchable = SearchFields & { id: string };

const termRange = (table: EntityTable<Searchable, 'id'>, term: QueryTerm) => {
  const index = table.where('_words');
  return term.prefix ? index.startsWith(term.text) : index.equals(term.text);
};

async function keysForTerm(table: EntityTable<Searchable, 'id'>, term: QueryTerm) {
  const keys = await termRange(table, term)
    .limit(PROBE + 1)
    .primaryKeys();
  // A row with two words sharing the prefix ("cuba", "cuban") appears once per word.
  return { term, keys: new Set(keys.slice(0, PROBE)), complete: keys.length <= PROBE };
}

/** The ids of rows matching every term: the rarest term's rows, less those others rule out. */
async function candidateIds(table: EntityTable<Searchable, 'id'>, terms: QueryTerm[]) {
  const sets = await Promise.all(terms.map((t) => keysForTerm(table, t)));
  sets.sort((a, b) => Number(b.complete) - Number(a.complete) || a.keys.size - b.keys.size);
  const [first, ...rest] = sets;
  if (!first) {
    return {
      ids: [] as string[],
      exact: true,
      allComplete: true,
      rarest: undefined,
      rarestSize: 0,
      filtered: false,
    };
  }
  let ids = [...first.keys];
  const filtering = rest.filter((s) => s.complete);
  for (const s of filtering) ids = ids.filter((id) => s.keys.has(id));
  return {
    ids,
    // Every match is among the candidates when the rarest term's rows were all read…
    exact: first.complete,
    // …and every candidate is a match when every term's rows were.
    allComplete: sets.every((s) => s.complete),
    rarest: first.term,
    rarestSize: first.keys.size,
    /** Other terms removed candidates: `ids` is no longer a prefix of the rarest term's range. */
    filtered: filtering.length > 0,
  };
}

function wordScore(words: readonly string[] | undefined, terms: QueryTerm[]): number {
  if (!words) return 0;
  let score = 0;
  for (const term of terms) {
    if (words.includes(term.text)) score += 2;
    else if (term.prefix && words.some((w) => w.startsWith(term.text))) score += 1;
    else return 0;
  }
  return score;
}

async function searchTable<T extends Searchable>(
  table: EntityTable<T, 'id'>,
  terms: QueryTerm[],
  rank: {
    bonus?: (row: T) => number;
    keep?: (row: T) => boolean;
    tieBreak: (a: T, b: T) => number;
  },
  limit: number,
) {
  const generic = table as unknown as EntityTable<Searchable, 'id'>;
  const { ids, exact, allComplete, rarest, rarestSize, filtered } = await candidateIds(
    generic,
    terms,
  );
  const first = ids.slice(0, READ_CAP);
  let rows: T[];
  if (rarest && first.length > 0 && (rarestSize <= READ_CAP * 2 || !filtered)) {
    // The candidates' rows read through the rarest term's range in one request (all of it when
    // it is short, else its start, where the candidates are): much cheaper than a read per row.
    // Twice as many entries as rows wanted, as a row appears once per word sharing a prefix.
    const wanted = new Set(first);
    const seen = new Set<string>();
    const all = await termRange(generic, rarest)
      .limit((filtered ? rarestSize : Math.min(rarestSize, READ_CAP)) * 2)
      .toArray();
    rows = all.filter((r) => wanted.has(r.id) && !seen.has(r.id) && seen.add(r.id)) as T[];
  } else {
    rows = ((await generic.bulkGet(first)) as (T | undefined)[]).filter((r): r is T => !!r);
  }
  const hits: Hit<T>[] = [];
  for (const row of rows) {
    if (!row || (rank.keep && !rank.keep(row))) continue;
    const score = wordScore(row._words, terms);
    if (score > 0) hits.push({ row, score: score + (rank.bonus?.(row) ?? 0) });
  }
  hits.sort((a, b) => b.score - a.score || rank.tieBreak(a.row, b.row));
  const readAll = ids.length <= READ_CAP;
  return {
    hits: hits.slice(0, limit),
    total: allComplete
      ? { count: readAll ? hits.length : ids.length, more: false }
      : { count: readAll ? hits.length : ids.length, more: !exact || !readAll },
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
  const limit = options.limit ?? 10;
  const { terms, onlyStopWords } = queryTerms(query);
  const tokens = terms.map((t) => t.text);
  const empty = { count: 0, more: false };
  if (terms.length === 0) {
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
        terms,
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
      searchTable(db.claims, terms, { tieBreak: byGist }, limit),
      searchTable(db.statements, terms, { tieBreak: newestFirst }, limit),
      searchTable(db.events, terms, { tieBreak: oldestFirst }, limit),
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
