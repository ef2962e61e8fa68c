import { z } from 'zod';
import { HttpUrl, Id, IsoDateTime, Line } from './ids';
import { PartialDate } from './partial-date';

/** A visited article: its reading copy for offline review, and what was found on it. */
export const Page = z.object({
  id: Id,
  /** Canonical URL when the page declares one. */
  url: HttpUrl,
  title: Line(500),
  outlet: Line(200).optional(),
  author: Line(300).optional(),
  published: PartialDate.optional(),
  /** The article text, paragraphs separated by blank lines. */
  text: z.string().max(2_000_000),
  /** The Source row extraction created for it, if knowledge was learned from it. */
  sourceId: Id.optional(),
  foundActorIds: z.array(Id),
  foundClaimIds: z.array(Id),
  visitedAt: IsoDateTime,
});
export type Page = z.infer<typeof Page>;
