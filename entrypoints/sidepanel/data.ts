import { textFragmentUrl } from '@/lib/citation/text-fragment';
import {
  type ActorOverview,
  type ActorRow,
  actorOverview,
  type BackstoryDB,
  type ClaimRow,
  type SourceRow,
  type StatementRow,
  statementsByClaim,
} from '@/lib/db';
import type { Stance } from '@/lib/model';

export type SourceLabeller = (s: StatementRow) => { label: string; href?: string }[];

async function sourceLabeller(
  db: BackstoryDB,
  statements: StatementRow[],
): Promise<SourceLabeller> {
  const ids = [...new Set(statements.flatMap((s) => s.citations.map((c) => c.sourceId)))];
  const rows = await db.sources.bulkGet(ids);
  const byId = new Map<string, SourceRow>();
  for (const r of rows) if (r) byId.set(r.id, r);
  return (s) =>
    s.citations.map((c) => {
      const source = byId.get(c.sourceId);
      const label = source?.outlet ?? source?.title ?? 'an unnamed source';
      if (!source?.url) return { label };
      return { label, href: c.selector ? textFragmentUrl(source.url, c.selector) : source.url };
    });
}

async function actorNames(db: BackstoryDB, ids: (string | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== undefined))];
  const rows = await db.actors.bulkGet(unique);
  const names = new Map<string, string>();
  for (const r of rows) if (r) names.set(r.id, r.name);
  return names;
}

const speakerName = (names: Map<string, string>, s: StatementRow) =>
  (s.speakerId && names.get(s.speakerId)) || s.speakerLabel || 'unknown speaker';

export interface ActorData extends Omit<ActorOverview, 'deniedBy' | 'stances'> {
  stances: { stance: Exclude<Stance, 'states'>; claim: ClaimRow; statement: StatementRow }[];
  deniedBy: { claim: ClaimRow; statement: StatementRow; speakerName: string }[];
  sourceLabel: SourceLabeller;
}

export async function loadActor(db: BackstoryDB, id: string): Promise<ActorData | null> {
  const overview = await actorOverview(db, id);
  if (!overview) return null;
  const all = [
    ...overview.statements,
    ...overview.deniedBy.map((d) => d.statement),
    ...overview.stances.map((s) => s.statement),
  ];
  const sourceLabel = await sourceLabeller(db, all);
  return {
    ...overview,
    deniedBy: overview.deniedBy.map((d) => ({
      claim: d.claim,
      statement: d.statement,
      speakerName: d.speaker?.name ?? d.statement.speakerLabel ?? 'unknown speaker',
    })),
    sourceLabel,
  };
}

export interface ClaimData {
  claim: ClaimRow;
  claimantName: string;
  linked: { stance: Stance; statement: StatementRow; speakerName: string }[];
  sourceLabel: SourceLabeller;
}

export async function loadClaim(db: BackstoryDB, id: string): Promise<ClaimData | null> {
  const claim = await db.claims.get(id);
  if (!claim) return null;
  const linked = await statementsByClaim(db, id);
  const names = await actorNames(db, [
    claim.claimantId,
    ...linked.map((l) => l.statement.speakerId),
  ]);
  return {
    claim,
    claimantName: names.get(claim.claimantId) ?? 'unknown',
    linked: linked.map(({ link, statement }) => ({
      stance: link.stance,
      statement,
      speakerName: speakerName(names, statement),
    })),
    sourceLabel: await sourceLabeller(
      db,
      linked.map((l) => l.statement),
    ),
  };
}

export type { ActorRow };
