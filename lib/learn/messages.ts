import { z } from 'zod';
import { Id } from '../model';

/** Payloads of the learning requests (registered in lib/messaging/protocol.ts). */

/** What the side panel shows about learning on a tab's page. */
export const LearningStatus = z.object({
  /** The page's site as the settings store it ("news.example"), null for other pages. */
  site: z.string().nullable(),
  /** Learning is on in the settings (globally). */
  learning: z.boolean(),
  /** Learning is on for this site. */
  siteLearning: z.boolean(),
  /** Backstory is paused, or switched off on this site: nothing is learned either. */
  blocked: z.enum(['paused', 'disabled', 'unsupported']).nullable(),
  /** A private window: nothing is ever learned there. */
  incognito: z.boolean(),
  /** The cached article of this tab, when Backstory read one. */
  page: z
    .object({
      id: Id,
      title: z.string(),
      sourceId: z.optional(Id),
      /** The article is longer than learning reads (LEARN_MAX_CHARS): only its start was read. */
      partial: z.boolean().optional(),
    })
    .nullable(),
});
export type LearningStatus = z.infer<typeof LearningStatus>;

export const ForgetReply = z.object({
  forgotten: z.boolean(),
  deleted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
});

export const ReviewRequest = z.discriminatedUnion('action', [
  z.object({ id: Id, action: z.literal('confirm') }),
  z.object({ id: Id, action: z.literal('reject') }),
  z.object({ id: Id, action: z.literal('merge'), into: Id }),
]);
export type ReviewRequest = z.infer<typeof ReviewRequest>;
