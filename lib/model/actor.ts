import * as z from 'zod/mini';
import { ActorKind } from './actor-kind';
import { Id, Line } from './ids';
import { PartialDate } from './partial-date';
import { ProvenanceList } from './provenance';

export { ActorKind } from './actor-kind';

/**
 * A surface form under which an actor appears in text.
 * - `name`: a full name ("Miguel Díaz-Canel"); `short`: a surname or short form ("Díaz-Canel");
 * - `variant`: a spelling variant ("Diaz Canel"); `title`: a title that names one person in the
 *   story ("Cuba's deputy foreign minister"); `metonym`: a place standing for a government
 *   ("Havana", "White House").
 * `caseSensitive` marks aliases that are also common words or abbreviations ("US"): they are
 * matched only with the case written here.
 */
export const Alias = z.object({
  text: Line(200),
  kind: z.optional(z.enum(['name', 'short', 'variant', 'title', 'metonym'])),
  caseSensitive: z.optional(z.boolean()),
});
export type Alias = z.infer<typeof Alias>;

export const Role = z.object({
  title: Line(300),
  /** What the role is of, where the title does not say ("Cuba"). */
  of: z.optional(Line(200)),
  from: z.optional(PartialDate),
  to: z.optional(PartialDate),
});
export type Role = z.infer<typeof Role>;

export const Actor = z.object({
  id: Id,
  name: Line(200),
  kind: ActorKind,
  aliases: z.array(Alias).check(z.maxLength(500)),
  roles: z.optional(z.array(Role).check(z.maxLength(100))),
  /** One neutral line of who this is, in the pack author's words. */
  description: z.optional(Line(500)),
  wikidata: z.optional(
    z.string().check(z.regex(/^Q[1-9]\d*$/, { message: 'expected a Wikidata id like Q22686' })),
  ),
  /**
   * `candidate`: proposed by extraction, waiting for the user to confirm, merge or reject.
   * `rejected`: kept so it is not proposed again; never highlighted. Absent means known.
   */
  status: z.optional(z.enum(['known', 'candidate', 'rejected'])),
  /** Set when the user merged this actor into another; lookups follow it. */
  mergedInto: z.optional(Id),
  provenance: ProvenanceList,
});
export type Actor = z.infer<typeof Actor>;
