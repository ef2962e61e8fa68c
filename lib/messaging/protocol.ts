import { z } from 'zod';
import { MAX_CAPTURE_HTML } from '../extract/capture-limits';
import { ForgetReply, LearningStatus, ReviewRequest } from '../learn/messages';
import { Id, Line, SelectionTarget } from '../model';
import { Settings } from '../settings/settings';
import { contentReplies } from './content-protocol';
import {
  ClaimReviewReport,
  PackOffer,
  PackOfferLink,
  SubscribeRequest,
  Subscription,
  SubscriptionChange,
} from './packs';
import { MatchText, PageReport, TabState } from './page-schemas';
import { Empty, EntityRef } from './schemas';

/**
 * The one protocol between the extension's contexts. Each request names who may send it:
 * - `content`: content scripts (and extension pages) may look things up and report;
 * - `extension`: only the extension's own pages (side panel, review) may change or delete.
 * The background checks both the payload (zod) and the sender before any handler runs. Replies
 * to what content scripts send are in ./content-protocol.ts, with what else they need.
 */
export const toBackground = {
  /**
   * content → background: find known actors and claim sentences in blocks of page text. The
   * compiled dictionary stays in the background (lib/match/engine.ts); the page gets its matches
   * and the names of what they refer to.
   */
  'page/match': {
    from: 'content',
    request: z.object({
      texts: z
        .array(MatchText)
        .max(2000)
        .refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= 2_000_000, {
          message: 'at most 2,000,000 characters per request',
        }),
    }),
    response: contentReplies['page/match'](),
  },
  /** content → background: what Backstory may do on the sender's page (settings, private window). */
  'page/config': {
    from: 'content',
    request: z.object({ url: z.string().max(8192) }),
    response: contentReplies['page/config'](),
  },
  /** content → background: a highlight was clicked; open the panel on it (a user gesture). */
  'panel/open': {
    from: 'content',
    request: z.object({ target: EntityRef }),
    response: contentReplies['panel/open'](),
  },
  /** content → background: what was found on the sender's page. */
  'page/report': {
    from: 'content',
    request: PageReport,
    response: contentReplies['page/report'](),
  },
  /**
   * content → background: the HTML of the sender's article page, for the background to read its
   * reading copy (off the page's main thread) and cache it.
   */
  'page/capture': {
    from: 'content',
    request: z.object({
      html: z.string().max(MAX_CAPTURE_HTML),
      foundActorIds: z.array(Id).max(10_000),
      foundClaimIds: z.array(Id).max(10_000),
    }),
    response: contentReplies['page/capture'](),
  },
  /** content → background: the small hover card for an entity. */
  'entity/card': {
    from: 'content',
    request: z.object({ target: EntityRef }),
    response: contentReplies['entity/card'](),
  },
  /** content → background: the notes on the sender's page, and whether notes may be taken. */
  'notes/for-page': {
    from: 'content',
    request: z.object({ url: z.string().max(8192) }),
    response: contentReplies['notes/for-page'](),
  },
  /** content → background: the user took a note on a passage of the sender's page. */
  'notes/create': {
    from: 'content',
    request: z.object({
      body: z.string().max(100_000),
      tags: z.array(Line(100)).max(100),
      target: SelectionTarget,
      /**
       * The page's HTML when the page is an article: the background reads its reading copy and
       * keeps it with the note when the page has none yet.
       */
      html: z.string().max(MAX_CAPTURE_HTML).optional(),
    }),
    response: contentReplies['notes/create'](),
  },
  /** content → background: open the review page on a note (from a note's card on the page). */
  'review/open': {
    from: 'content',
    request: z.object({ noteId: z.optional(Id) }),
    response: contentReplies['review/open'](),
  },
  /** extension → background: the settings. */
  'settings/get': {
    from: 'extension',
    request: Empty,
    response: Settings,
  },
  /** extension → background: change some settings; replies with all of them. */
  'settings/update': {
    from: 'extension',
    request: Settings.partial(),
    response: Settings,
  },
  /** extension → background: what was found on a tab. */
  'tab/state': {
    from: 'extension',
    request: z.object({ tabId: z.number().int() }),
    response: z.nullable(TabState),
  },
  /** extension → background: learning on a tab's page (settings, private window, cached copy). */
  'learning/status': {
    from: 'extension',
    request: z.object({ tabId: z.number().int() }),
    response: LearningStatus,
  },
  /** extension → background: forget a cached page and everything learned from it. */
  'page/forget': {
    from: 'extension',
    request: z.object({ pageId: Id }),
    response: ForgetReply,
  },
  /** extension → background: confirm, merge or reject an actor learned from pages. */
  'actors/review': {
    from: 'extension',
    request: ReviewRequest,
    response: Empty,
  },
  /** extension → background → content: scroll to the n-th highlight of an entity on a tab. */
  'tab/reveal': {
    from: 'extension',
    request: z.object({ tabId: z.number().int(), target: EntityRef, index: z.number().int() }),
    response: z.object({ found: z.boolean(), total: z.number().int() }),
  },
  /** content → background: the sender's page offers packs to subscribe to (never silently). */
  'packs/offer': {
    from: 'content',
    request: z.object({ offers: z.array(PackOfferLink).max(5) }),
    response: contentReplies['packs/offer'](),
  },
  /** content → background: JSON-LD of the sender's page that mentions ClaimReview. */
  'claimreview/report': {
    from: 'content',
    request: ClaimReviewReport,
    response: contentReplies['claimreview/report'](),
  },
  /** extension → background: packs offered by open pages (one tab, or all). */
  'packs/offers': {
    from: 'extension',
    request: z.object({ tabId: z.number().int().optional() }),
    response: z.array(PackOffer),
  },
  /** extension → background: "not now" for an offer on a tab (and for this session). */
  'packs/offer/dismiss': {
    from: 'extension',
    request: z.object({ tabId: z.number().int(), url: z.string().max(4096) }),
    response: Empty,
  },
  /** extension → background: subscribe to a pack by URL; replies after the first fetch. */
  'subscriptions/add': {
    from: 'extension',
    request: SubscribeRequest,
    response: Subscription,
  },
  /** extension → background: refresh a subscription now. */
  'subscriptions/refresh': {
    from: 'extension',
    request: z.object({ id: z.string().max(100) }),
    response: Subscription,
  },
  /** extension → background: change a subscription's integrity value, size limit, interval. */
  'subscriptions/update': {
    from: 'extension',
    request: SubscriptionChange,
    response: Subscription,
  },
  /** extension → background: stop following an address (and remove its pack, if asked). */
  'subscriptions/remove': {
    from: 'extension',
    request: z.object({ id: z.string().max(100), removePack: z.boolean() }),
    response: Empty,
  },
} as const;

export type BackgroundRequestType = keyof typeof toBackground;
export type BackgroundRequest<T extends BackgroundRequestType> = z.input<
  (typeof toBackground)[T]['request']
>;
export type BackgroundResponse<T extends BackgroundRequestType> = z.infer<
  (typeof toBackground)[T]['response']
>;
