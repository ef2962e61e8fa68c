import * as z from 'zod/mini';
import { HttpUrl, Id, IsoDateTime, Line } from './ids';
import { ProvenanceList } from './provenance';
import { TextPositionSelector, TextQuoteSelector } from './selectors';

/** A note on a passage of a page. */
export const SelectionTarget = z.object({
  kind: z.literal('selection'),
  /** The page's canonical URL when it declares one, otherwise its address without the hash. */
  url: HttpUrl,
  title: z.optional(Line(500)),
  quote: TextQuoteSelector,
  position: z.optional(TextPositionSelector),
});

/** A note on something Backstory knows. */
export const EntityTarget = z.object({
  kind: z.literal('entity'),
  entityType: z.enum(['actor', 'claim', 'statement', 'event']),
  entityId: Id,
});

export const NoteTarget = z.discriminatedUnion('kind', [SelectionTarget, EntityTarget]);

export const Note = z.object({
  id: Id,
  body: z.string().check(z.maxLength(100_000)),
  tags: z.array(Line(100)).check(z.maxLength(100)),
  target: NoteTarget,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  provenance: ProvenanceList,
});
export type Note = z.infer<typeof Note>;
export type SelectionTarget = z.infer<typeof SelectionTarget>;
export type EntityTarget = z.infer<typeof EntityTarget>;
