import { z } from 'zod';
import { HttpUrl, Id, IsoDateTime, Line } from './ids';
import { PartialDate } from './partial-date';
import { ProvenanceList } from './provenance';

/** A published item a statement or event was read in: an article, a post, a fact-check. */
export const Source = z.object({
  id: Id,
  /** Canonical URL, only where it is known (a pack may name an article without one). */
  url: z.optional(HttpUrl),
  /** Absent when the source does not say who published it. */
  outlet: z.optional(Line(200)),
  title: z.optional(Line(500)),
  author: z.optional(Line(300)),
  published: z.optional(PartialDate),
  /** When the browser read it (pages) or the pack author retrieved it. */
  retrievedAt: z.optional(IsoDateTime),
  provenance: ProvenanceList,
});
export type Source = z.infer<typeof Source>;
