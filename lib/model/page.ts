import { z } from 'zod';
import { HttpUrl, Id, IsoDateTime, Line } from './ids';
import { PartialDate } from './partial-date';

/** A visited article: its reading copy for offline review, and what was found on it. */
export const Page = z.object({
  id: Id,
  /** Canonical URL when the page declares one. */
  url: HttpUrl,
  title: Line(500),
  outlet: z.optional(Line(200)),
  author: z.optional(Line(300)),
  published: z.optional(PartialDate),
  /** The article text, paragraphs separated by blank lines. */
  text: z.string().max(2_000_000),
  /** The Source row extraction created for it, if knowledge was learned from it. */
  sourceId: z.optional(Id),
  foundActorIds: z.array(Id),
  foundClaimIds: z.array(Id),
  visitedAt: IsoDateTime,
});
export type Page = z.infer<typeof Page>;
