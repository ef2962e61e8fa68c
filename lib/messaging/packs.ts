import { z } from 'zod';
import { Subscription } from '../model';

/**
 * Messages about packs: a page offering one (`<link rel="alternate"
 * type="application/vnd.backstory.pack+json">`), fact-check markup found on a page, and the
 * subscriptions the review page manages. The link type is in ./content-protocol.ts.
 */
export const PackOfferLink = z.object({
  url: z.string().max(4096),
  title: z.string().max(300).optional(),
});

/** An offer as the extension pages see it. */
export const PackOffer = z.object({
  tabId: z.number().int(),
  pageUrl: z.string().max(8192),
  pageTitle: z.string().max(2000).optional(),
  url: z.string().max(4096),
  title: z.string().max(300).optional(),
  /** Already subscribed to this address. */
  subscribed: z.boolean(),
});
export type PackOffer = z.infer<typeof PackOffer>;

/** The raw text of JSON-LD blocks that mention ClaimReview, for the background to read. */
export const ClaimReviewReport = z.object({
  title: z.string().max(2000),
  blocks: z.array(z.string().max(2_000_000)).max(20),
});

export const SubscribeRequest = z.object({
  url: z.string().max(4096),
  integrity: z.string().max(200).optional(),
  maxBytes: z.number().int().optional(),
  intervalMinutes: z.number().int().optional(),
  offeredBy: z.string().max(4096).optional(),
});

export const SubscriptionChange = z.object({
  id: z.string().max(100),
  integrity: z.string().max(200).optional(),
  maxBytes: z.number().int().optional(),
  intervalMinutes: z.number().int().optional(),
});

export { Subscription };
