import { z } from 'zod';
import { Id, Line } from './ids';
import { PartialDate } from './partial-date';
import { ProvenanceList } from './provenance';

/**
 * A proposition someone put forward, in neutral words ("The United States is in high-level talks
 * with Cuba's government."). Backstory records who stated, supported, denied or qualified it; it
 * never records whether it is true.
 */
export const Claim = z.object({
  id: Id,
  claimantId: Id,
  gist: Line(500),
  /** The earliest date it is known to have been stated. */
  firstStated: z.optional(PartialDate),
  /** Phrases that signal the claim in running text ("talks with Cuba", "highest people in Cuba"). */
  keyPhrases: z.array(Line(200)).max(100).optional(),
  /** Topic words; synonyms of one topic count as one ("talks", "negotiations", "dialogue"). */
  topics: z.array(Line(100)).max(50).optional(),
  provenance: ProvenanceList,
});
export type Claim = z.infer<typeof Claim>;

/**
 * - `states`: the statement is (evidence of) the claim being made;
 * - `supports`, `denies`, `qualifies`: another statement's stance towards it.
 */
export const Stance = z.enum(['states', 'supports', 'denies', 'qualifies']);
export type Stance = z.infer<typeof Stance>;

/** A link from a statement to a claim, with who made the link and how sure it is. */
export const ClaimLink = z.object({
  id: Id,
  claimId: Id,
  statementId: Id,
  stance: Stance,
  /** `pack`: the pack author set it; `extracted`: found automatically; `user`: set by the user. */
  origin: z.enum(['pack', 'extracted', 'user']),
  confidence: z.number().min(0).max(1),
  provenance: ProvenanceList,
});
export type ClaimLink = z.infer<typeof ClaimLink>;

export const linkId = (claimId: string, statementId: string) => `${claimId}+${statementId}`;
