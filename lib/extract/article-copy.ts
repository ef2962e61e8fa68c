import { z } from 'zod';
import { HttpUrl, PartialDate } from '../model';

/** What a content script captures of an article page: its reading copy and metadata. */
export const ArticleCopy = z.object({
  /** Canonical URL when the page declares one (same site), else its address without the hash. */
  url: HttpUrl,
  title: z.string().trim().min(1).max(500),
  outlet: z.string().trim().min(1).max(200).optional(),
  author: z.string().trim().min(1).max(300).optional(),
  published: z.optional(PartialDate),
  modified: z.optional(PartialDate),
  /** The article text, paragraphs separated by blank lines. */
  text: z.string().max(2_000_000),
  /** Why the page was taken for an article. */
  detectedBy: z.enum(['json-ld', 'og-type', 'readability']),
});
export type ArticleCopy = z.infer<typeof ArticleCopy>;
