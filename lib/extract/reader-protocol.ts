import { z } from 'zod';
import type { LearnResult } from '../learn/store';
import { ArticleCopy } from './article-copy';
import { MAX_CAPTURE_HTML } from './capture-limits';

/**
 * The background's requests to the offscreen document (Chrome) that reads reading copies and
 * learns from them: a channel of its own, so no other extension page answers it.
 */
export const READER_CHANNEL = 'backstory-reader';

/** Read a page's reading copy from its HTML (Readability needs a DOM). */
export const ReadCopyRequest = z.object({
  channel: z.literal(READER_CHANNEL),
  html: z.string().max(MAX_CAPTURE_HTML),
  url: z.string().max(8192),
});
export type ReadCopyRequest = z.infer<typeof ReadCopyRequest>;

export const ReadCopyReply = z.object({
  copy: ArticleCopy.nullable(),
  error: z.string().max(2000).optional(),
});
export type ReadCopyReply = z.infer<typeof ReadCopyReply>;

/**
 * Learn from a stored reading copy: extract and store what it says. Extraction holds its thread
 * for about 5 ms per 1,000 characters; in the offscreen document that thread is not the one that
 * answers every tab's page/config and page/match.
 */
export const LearnRequest = z.object({
  channel: z.literal(READER_CHANNEL),
  learn: z.object({ pageId: z.string().min(1).max(200), copy: ArticleCopy }),
});
export type LearnRequest = z.infer<typeof LearnRequest>;

const count = z.number().int().nonnegative();
/**
 * What learning from one page added. Typed as lib/learn/store.ts's LearnResult, so a field added
 * there and not here fails the type check instead of being dropped from replies.
 */
export const LearnResultSchema: z.ZodType<LearnResult> = z.object({
  sourceId: z.string().max(200),
  statements: z.object({ added: count, cited: count }),
  links: count,
  events: z.object({ added: count, cited: count }),
  candidates: z.object({ added: count, seen: count }),
});

export const LearnReply = z.object({
  result: LearnResultSchema.nullable(),
  error: z.string().max(2000).optional(),
});
export type LearnReply = z.infer<typeof LearnReply>;

/** Everything the reader answers. */
export const ReaderRequest = z.union([ReadCopyRequest, LearnRequest]);
