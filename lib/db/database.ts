import Dexie, { type EntityTable } from 'dexie';
import type {
  Actor,
  Claim,
  ClaimLink,
  Contribution,
  Event,
  ImportJournal,
  Note,
  PackRecord,
  Page,
  Source,
  Statement,
  Subscription,
} from '../model';
import { addSearchFields, searchFieldsMiddleware } from './search-fields';

/**
 * Stored rows are the model's types plus index fields derived from them on write
 * (lib/db/rows.ts). The derived fields start with an underscore so they are never confused with
 * the model's own fields and are dropped on export.
 */
/** Set on every write by the search-fields middleware (lib/db/search-fields.ts), from version 2. */
export interface SearchFields {
  _words?: string[];
}
export type ActorRow = Actor & { _aliasKeys: string[] } & SearchFields;
export type StatementRow = Statement & { _sourceIds: string[]; _saidKey: string } & SearchFields;
export type EventRow = Event & { _dateKey: string; _actorDates?: string[] } & SearchFields;
export type NoteRow = Note & { _pageUrl: string };
export type SourceRow = Source;
export type ClaimRow = Claim & SearchFields;
export type LinkRow = ClaimLink;
export type PageRow = Page;
export type PackRow = PackRecord;
export type ContributionRow = Contribution;
export type SubscriptionRow = Subscription;
export type ImportRow = ImportJournal;
export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'backstory';

/**
 * The schema, every version kept (Dexie needs the history to upgrade old databases).
 * Each index serves a named query in lib/db/queries.ts; nothing is indexed "just in case".
 */
export const SCHEMA_V1 = {
  actors: 'id, *_aliasKeys, wikidata, status, *provenance',
  sources: 'id, url, *provenance',
  statements: 'id, [speakerId+_saidKey], *_sourceIds, _saidKey, *provenance',
  claims: 'id, claimantId, *provenance',
  links: 'id, [claimId+stance], statementId, *provenance',
  events: 'id, _dateKey, *actorIds, *sourceIds, *provenance',
  notes: 'id, _pageUrl, updatedAt, *tags',
  pages: 'id, &url, visitedAt, sourceId',
  packs: 'id',
  settings: 'key',
} as const;

/**
 * Version 2: the side panel's search (a folded-word index, `*_words`) and actor timelines in
 * date order (`*_actorDates`). The fields are derived on write by lib/db/search-fields.ts.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  actors: `${SCHEMA_V1.actors}, *_words`,
  claims: `${SCHEMA_V1.claims}, *_words`,
  statements: `${SCHEMA_V1.statements}, *_words`,
  events: `${SCHEMA_V1.events}, *_words, *_actorDates`,
} as const;

/**
 * Version 3 adds what packs need beyond their rows: the contributions of rows that several packs
 * describe (by owner, to remove a pack; by row, to recompute it), subscriptions by URL, and the
 * journal of imports in progress (one per owner). New tables only: nothing to upgrade.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  contributions: 'id, owner, [table+rowId]',
  subscriptions: 'id, &url',
  imports: 'owner',
} as const;

/**
 * Version 4 drops the statements' index on `_saidKey` alone: every query of statements by date
 * goes through `[speakerId+_saidKey]`, and each index costs every write of a statement an entry
 * (measured: a large pack's import is mostly index writes).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  statements: 'id, [speakerId+_saidKey], *_sourceIds, *provenance, *_words',
} as const;

export class BackstoryDB extends Dexie {
  actors!: EntityTable<ActorRow, 'id'>;
  sources!: EntityTable<SourceRow, 'id'>;
  statements!: EntityTable<StatementRow, 'id'>;
  claims!: EntityTable<ClaimRow, 'id'>;
  links!: EntityTable<LinkRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  pages!: EntityTable<PageRow, 'id'>;
  packs!: EntityTable<PackRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  contributions!: EntityTable<ContributionRow, 'id'>;
  subscriptions!: EntityTable<SubscriptionRow, 'id'>;
  imports!: EntityTable<ImportRow, 'owner'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(addSearchFields);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.use(searchFieldsMiddleware);
  }

  /** The tables that hold knowledge (as opposed to the user's notes, pages and settings). */
  get knowledgeTables() {
    return [this.sources, this.actors, this.claims, this.statements, this.links, this.events];
  }
}

let shared: BackstoryDB | undefined;

/** The extension's one database, opened lazily (never at module top level). */
export function getDb(): BackstoryDB {
  shared ??= new BackstoryDB();
  return shared;
}
