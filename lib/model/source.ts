import { z } from 'zod';
import { HttpUrl, Id, IsoDateTime, Line } from './ids';
import { PartialDate } from './partial-date';
import { ProvenanceList } from './provenance';

/** A published item a statement or event was read in: an article, a post, a fact-check. */
export const Source = z.object({
  id: Id,
  /** Canonical URL, only where it is known (a pack may name an article without one). */
  url: HttpUrl.optional(),
  /** Absent when the source does not say who published it. */
  outlet: Line(200).optional(),
  title: Line(500).optional(),
  author: Line(300).optional(),
  published: PartialDate.optional(),
  /** When the browser read it (pages) or the pack author retrieved it. */
  retrievedAt: IsoDateTime.optional(),
  provenance: ProvenanceList,
});
export type Source = z.infer<typeof Source>;
