import type { ActorRow, BackstoryDB, ClaimRow } from '../db/database';
import {
  type EventInfo,
  resolveEvents,
  resolveStatements,
  type StatementInfo,
} from '../db/panel-queries';
import { type SearchResult, search } from './search';

/** A search as the panel shows it: hits with their speakers, claimants and sources resolved. */
export interface PanelSearchResult {
  query: string;
  onlyStopWords: boolean;
  totals: SearchResult['totals'];
  actors: ActorRow[];
  claims: { claim: ClaimRow; claimant: string | undefined }[];
  statements: StatementInfo[];
  events: EventInfo[];
}

export async function searchForPanel(
  db: BackstoryDB,
  query: string,
  limit = 10,
): Promise<PanelSearchResult> {
  const result = await search(db, query, { limit });
  const { hits } = result;
  const [statements, events, claimants] = await Promise.all([
    resolveStatements(
      db,
      hits.statements.map((h) => h.row),
    ),
    resolveEvents(
      db,
      hits.events.map((h) => h.row),
    ),
    db.actors.bulkGet([...new Set(hits.claims.map((h) => h.row.claimantId))]),
  ]);
  const claimantName = new Map(
    claimants.filter((a): a is ActorRow => a !== undefined).map((a) => [a.id, a.name]),
  );
  return {
    query,
    onlyStopWords: result.onlyStopWords,
    totals: result.totals,
    actors: hits.actors.map((h) => h.row),
    claims: hits.claims.map((h) => ({
      claim: h.row,
      claimant: claimantName.get(h.row.claimantId),
    })),
    statements,
    events,
  };
}
