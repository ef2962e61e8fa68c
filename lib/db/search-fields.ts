import type { DBCore, DBCoreMutateRequest, Middleware, Transaction } from 'dexie';
import { partialDateKey } from '../model/partial-date';
import { searchTokens } from '../search/tokens';

/**
 * Index fields for the side panel's search and timelines, derived from a row on every write.
 *
 * - `_words` (actors, claims, statements, events): the row's folded words, a multi-entry index
 *   that search reads by prefix (lib/search/search.ts).
 * - `_actorDates` (events): one `<actorId> <dateKey>` key per actor, so "an actor's events in
 *   date order, the first N" is one index range instead of loading all of the actor's events.
 *
 * They are computed by a Dexie middleware rather than by each writer: packs, learning, notes
 * and user edits all write these tables, and every one of them keeps the index current without
 * knowing it exists.
 */
type Row = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function aliasTexts(row: Row): string[] {
  const aliases = Array.isArray(row.aliases) ? row.aliases : [];
  return aliases.map((a) => (a && typeof a === 'object' ? str((a as Row).text) : undefined) ?? '');
}

function roleTitles(row: Row): string[] {
  const roles = Array.isArray(row.roles) ? row.roles : [];
  return roles.map((r) => (r && typeof r === 'object' ? str((r as Row).title) : undefined) ?? '');
}

/** The character that separates an actor id from a date key; below every character of an id. */
export const ACTOR_DATE_SEPARATOR = ' ';

export const actorDateKey = (actorId: string, dateKey: string) =>
  `${actorId}${ACTOR_DATE_SEPARATOR}${dateKey}`;

const DERIVE: Record<string, (row: Row) => Row> = {
  actors: (row) => ({
    ...row,
    _words: searchTokens(str(row.name), ...aliasTexts(row), ...roleTitles(row)),
  }),
  claims: (row) => ({
    ...row,
    _words: searchTokens(str(row.gist), ...strings(row.keyPhrases), ...strings(row.topics)),
  }),
  statements: (row) => ({
    ...row,
    _words: searchTokens(str(row.words), str(row.speakerLabel), str(row.medium)),
  }),
  events: (row) => {
    const dateKey = partialDateKey(str(row.date));
    return {
      ...row,
      _words: searchTokens(str(row.text)),
      _actorDates: [...new Set(strings(row.actorIds))].map((id) => actorDateKey(id, dateKey)),
    };
  },
};

export const SEARCH_FIELD_TABLES = Object.keys(DERIVE);

/** The row with its search fields (re)computed; rows of other tables come back unchanged. */
export function withSearchFields<T extends object>(table: string, row: T): T {
  const derive = DERIVE[table];
  return derive ? (derive(row as Row) as T) : row;
}

export const searchFieldsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BackstorySearchFields',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      const derive = DERIVE[name];
      if (!derive) return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          req.type === 'add' || req.type === 'put'
            ? table.mutate({ ...req, values: req.values.map((v: Row) => derive(v)) })
            : table.mutate(req),
      };
    },
  }),
};

/** The version 2 upgrade: adds the search fields to every row written by version 1. */
export async function addSearchFields(tx: Transaction): Promise<void> {
  for (const name of SEARCH_FIELD_TABLES) {
    await tx
      .table(name)
      .toCollection()
      .modify((row: Row) => {
        Object.assign(row, withSearchFields(name, row));
      });
  }
}
