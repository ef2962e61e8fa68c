import type { BackstoryDB } from '@/lib/db';
import { linksByClaim } from '@/lib/db';
import type { ClaimCard } from '@/lib/messaging';

/** The hover card of a claim: gist, claimant, and how many statements take each stance. */
export async function claimCard(db: BackstoryDB, id: string): Promise<ClaimCard | null> {
  const claim = await db.claims.get(id);
  if (!claim) return null;
  const [links, claimant] = await Promise.all([
    linksByClaim(db, claim.id),
    db.actors.get(claim.claimantId),
  ]);
  const count = (stance: string) => links.filter((l) => l.stance === stance).length;
  return {
    id: claim.id,
    kind: 'claim',
    gist: claim.gist,
    ...(claimant ? { claimant: claimant.name } : {}),
    statements: links.length,
    supports: count('supports'),
    denials: count('denies'),
    qualifies: count('qualifies'),
  };
}
