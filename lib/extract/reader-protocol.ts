import { z } from 'zod';
import { ArticleCopy } from './article-copy';
import { MAX_CAPTURE_HTML } from './capture-limits';

/**
 * The background's request to the offscreen document (Chrome) that reads reading copies: a
 * channel of its own, so no other extension page answers it.
 */
export const READER_CHANNEL = 'backstory-reader';

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
