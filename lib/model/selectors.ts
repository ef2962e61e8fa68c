import { z } from 'zod';

/** W3C Web Annotation TextQuoteSelector: the passage and a little context on each side. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(10_000),
  prefix: z.string().max(500).optional(),
  suffix: z.string().max(500).optional(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the page's text. */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
