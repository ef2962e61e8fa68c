import * as z from 'zod/mini';
import { once } from './once';

/** W3C Web Annotation TextQuoteSelector: the passage and a little context on each side. */
export const textQuoteSelectorSchema = once(() =>
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().check(z.minLength(1), z.maxLength(10_000)),
    prefix: z.optional(z.string().check(z.maxLength(500))),
    suffix: z.optional(z.string().check(z.maxLength(500))),
  }),
);
export const TextQuoteSelector = /* @__PURE__ */ textQuoteSelectorSchema();
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** W3C Web Annotation TextPositionSelector: UTF-16 offsets into the page's text. */
export const textPositionSelectorSchema = once(() =>
  z
    .object({
      type: z.literal('TextPositionSelector'),
      start: z.int().check(z.nonnegative()),
      end: z.int().check(z.nonnegative()),
    })
    .check(
      z.refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] }),
    ),
);
export const TextPositionSelector = /* @__PURE__ */ textPositionSelectorSchema();
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
