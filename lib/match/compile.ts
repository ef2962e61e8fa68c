import type { Dictionary } from '../messaging/schemas';
import type { Actor, Claim, ClaimLink, Statement } from '../model';
import { classifyAlias } from './alias-rule';

/** What the compiler reads from the knowledge base. */
export interface KnowledgeRows {
  actors: Iterable<Pick<Actor, 'id' | 'name' | 'kind' | 'aliases' | 'status' | 'mergedInto'>>;
  claims: Iterable<Pick<Claim, 'id' | 'claimantId' | 'gist' | 'keyPhrases' | 'topics'>>;
  links: Iterable<Pick<ClaimLink, 'claimId' | 'statementId' | 'stance'>>;
  /** The statements the links point to. */
  statements: Iterable<Pick<Statement, 'id' | 'speakerId' | 'words'>>;
}

/** Statement words kept for similarity: enough for a few shingles, bounded per statement. */
const QUOTE_CHARS = 600;

/**
 * Compiles the knowledge base into the compact page dictionary: highlightable actors with their
 * aliases after the common-word rule, and claims with their signals (key phrases, topics, the
 * actors who spoke about them, their statements' words). Pure: the background feeds it rows.
 */
export function compileDictionary(version: number, rows: KnowledgeRows): Dictionary {
  const claimRows = [...rows.claims];
  const linkRows = [...rows.links];
  const statementRows = [...rows.statements];
  // Only claimants and the speakers of linked statements are looked up by id: with 100,000
  // aliases, indexing every actor's id was an eighth of the compile.
  const wanted = new Set<string>();
  for (const claim of claimRows) wanted.add(claim.claimantId);
  for (const s of statementRows) if (s.speakerId) wanted.add(s.speakerId);
  const actors: Dictionary['actors'] = [];
  const keys: string[] = [];
  const aliasActors: number[] = [];
  const casedKeys: string[] = [];
  const actorIndex = new Map<string, number>();
  for (const actor of rows.actors) {
    if (actor.status === 'rejected' || actor.status === 'candidate' || actor.mergedInto) continue;
    const index = actors.push([actor.id, actor.name, actor.kind]) - 1;
    if (wanted.size > 0 && wanted.has(actor.id)) actorIndex.set(actor.id, index);
    const first = keys.length;
    for (let k = -1; k < actor.aliases.length; k++) {
      const alias = k < 0 ? undefined : actor.aliases[k];
      const { mode, folded, cased } = classifyAlias(
        alias ? alias.text : actor.name,
        alias?.caseSensitive === true,
      );
      if (mode === 'skip') continue;
      // Stored normalised, so building the matcher needs no normalising: the key, the actor, and
      // the cased key when capitals are required, else ''.
      const casedKey = mode === 'capitals' ? cased : '';
      let seen = false;
      // An actor has a handful of aliases: a scan of its own entries finds a repeat.
      for (let e = first; e < keys.length && !seen; e++) {
        seen = keys[e] === folded && casedKeys[e] === casedKey;
      }
      if (!seen) {
        keys.push(folded);
        aliasActors.push(index);
        casedKeys.push(casedKey);
      }
    }
  }

  const claims: Dictionary['claims'] = [];
  const claimPhrases: Dictionary['claimPhrases'] = [];
  const claimTopics: Dictionary['claimTopics'] = [];
  const claimIndex = new Map<string, number>();
  for (const claim of claimRows) {
    const index =
      claims.push([claim.id, claim.gist, actorIndex.get(claim.claimantId) ?? -1, 0]) - 1;
    claimIndex.set(claim.id, index);
    for (const phrase of claim.keyPhrases ?? []) claimPhrases.push([phrase, index]);
    for (const topic of claim.topics ?? []) claimTopics.push([topic, index]);
  }

  const statements = new Map<string, Pick<Statement, 'id' | 'speakerId' | 'words'>>();
  for (const s of statementRows) statements.set(s.id, s);
  const claimActors = new Set<string>();
  const claimQuotes: Dictionary['claimQuotes'] = [];
  claims.forEach(([, , claimant], index) => {
    if (claimant >= 0) claimActors.add(`${index}:${claimant}`);
  });
  for (const link of linkRows) {
    const index = claimIndex.get(link.claimId);
    const claim = index === undefined ? undefined : claims[index];
    if (index === undefined || !claim) continue;
    if (link.stance === 'denies') claim[3]++;
    const statement = statements.get(link.statementId);
    if (!statement) continue;
    const speaker = statement.speakerId ? actorIndex.get(statement.speakerId) : undefined;
    if (speaker !== undefined) claimActors.add(`${index}:${speaker}`);
    claimQuotes.push([statement.words.slice(0, QUOTE_CHARS), index]);
  }

  return {
    version,
    actors,
    aliases: { keys, actors: aliasActors, cased: casedKeys },
    claims,
    claimPhrases,
    claimTopics,
    claimActors: [...claimActors].map((pair) => {
      const [c, a] = pair.split(':').map(Number);
      return [c ?? 0, a ?? 0] as [number, number];
    }),
    claimQuotes,
  };
}
