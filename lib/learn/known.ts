import type { BackstoryDB } from '../db/database';
import { getKnowledgeVersion } from '../db/knowledge-version';
import { type ActorLookup, createAliasLookup, knownActorsOf } from '../extract/known-actors';
import type { KnownClaim } from '../extract/stance';

/**
 * What extraction treats as known when the extension reads a page: the database's actors
 * (confirmed ones and candidates waiting for review; rejected and merged ones left out) and its
 * claims. Built behind the ActorLookup interface, so it can move to the lib/match engine.
 * Rebuilt only when the knowledge version or the number of actors and claims has moved.
 */
export interface KnownContext {
  lookup: ActorLookup;
  claims: KnownClaim[];
}

let cache: { key: string; value: KnownContext } | undefined;

export async function knownContext(db: BackstoryDB): Promise<KnownContext> {
  const [version, actors, claims] = await Promise.all([
    getKnowledgeVersion(db),
    db.actors.count(),
    db.claims.count(),
  ]);
  const key = `${db.name}:${version}:${actors}:${claims}`;
  if (cache?.key === key) return cache.value;
  const rows = await db.actors.toArray();
  const claimRows = await db.claims.toArray();
  const value: KnownContext = {
    lookup: createAliasLookup(knownActorsOf(rows)),
    claims: claimRows.map((c) => ({
      id: c.id,
      gist: c.gist,
      claimantId: c.claimantId,
      ...(c.keyPhrases ? { keyPhrases: c.keyPhrases } : {}),
      ...(c.topics ? { topics: c.topics } : {}),
    })),
  };
  cache = { key, value };
  return value;
}
