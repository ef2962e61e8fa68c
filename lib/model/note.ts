import * as z from 'zod/mini';
import { httpUrlSchema, idSchema, isoDateTimeSchema, Line } from './ids';
import { once } from './once';
import { provenanceListSchema } from './provenance';
import { textPositionSelectorSchema, textQuoteSelectorSchema } from './selectors';

// Builders and schemas: the content script builds a note's schema only when a reply carries
// notes (see ./once.ts).

/** A note on a passage of a page. */
export const selectionTargetSchema = once(() =>
  z.object({
    kind: z.literal('selection'),
    /** The page's canonical URL when it declares one, otherwise its address without the hash. */
    url: httpUrlSchema(),
    title: z.optional(Line(500)),
    quote: textQuoteSelectorSchema(),
    position: z.optional(textPositionSelectorSchema()),
  }),
);
export const SelectionTarget = /* @__PURE__ */ selectionTargetSchema();

/** A note on something Backstory knows. */
export const entityTargetSchema = once(() =>
  z.object({
    kind: z.literal('entity'),
    entityType: z.enum(['actor', 'claim', 'statement', 'event']),
    entityId: idSchema(),
  }),
);

export const noteTargetSchema = once(() =>
  z.discriminatedUnion('kind', [selectionTargetSchema(), entityTargetSchema()]),
);

export const noteSchema = once(() =>
  z.object({
    id: idSchema(),
    body: z.string().check(z.maxLength(100_000)),
    tags: z.array(Line(100)).check(z.maxLength(100)),
    target: noteTargetSchema(),
    createdAt: isoDateTimeSchema(),
    updatedAt: isoDateTimeSchema(),
    provenance: provenanceListSchema(),
  }),
);
export const Note = /* @__PURE__ */ noteSchema();
export type Note = z.infer<typeof Note>;
export type SelectionTarget = z.infer<typeof SelectionTarget>;
export type EntityTarget = z.infer<ReturnType<typeof entityTargetSchema>>;
