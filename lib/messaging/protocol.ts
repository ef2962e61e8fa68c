import { z } from 'zod';
import { ArticleCopy } from '../extract/article-copy';
import { ForgetReply, LearningStatus, ReviewRequest } from '../learn/messages';
import { Id, Line, Note, SelectionTarget } from '../model';
import { Settings } from '../settings/settings';
import {
  ClaimReviewReport,
  PackOffer,
  PackOfferLink,
  SubscribeRequest,
  Subscription,
  SubscriptionChange,
} from './packs';
import {
  ActorCard,
  BlockMatches,
  ClaimCard,
  Dictionary,
  Empty,
  EntityRef,
  MatchedEntities,
  MatchText,
  PageConfig,
  PageReport,
  TabState,
} from './schemas';

/**
 * The one protocol between the extension's contexts. Each request names who may send it:
 * - `content`: content scripts (and extension pages) may look things up and report;
 * - `extension`: only the extension's own pages (side panel, review) may change or delete.
 * The background checks both the payload (zod) and the sender before any handler runs.
 */
export const toBackground = {
  /** content → background: the compiled dictionary, unless the caller already has `version`. */
  'dictionary/get': {
    from: 'content',
    request: z.object({ have: z.number().int().optional() }),
    response: z.object({ version: z.number().int(), dictionary: Dictionary.optional() }),
  },
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
    response: z.object({
      version: z.number().int(),
      blocks: z.array(BlockMatches),
      entities: MatchedEntities,
    }),
  },
  /** content → background: what Backstory may do on the sender's page (settings, private window). */
  'page/config': {
    from: 'content',
    request: z.object({ url: z.string().max(8192) }),
    response: PageConfig,
  },
  /** content → background: a highlight was clicked; open the panel on it (a user gesture). */
  'panel/open': {
    from: 'content',
    request: z.object({ target: EntityRef }),
    response: z.object({ opened: z.boolean() }),
  },
  /** content → background: what was found on the sender's page. */
  'page/report': {
    from: 'content',
    request: PageReport,
    response: Empty,
  },
  /** content → background: the reading copy of the sender's article page, to cache it. */
  'page/capture': {
    from: 'content',
    request: z.object({
      copy: ArticleCopy,
      foundActorIds: z.array(Id).max(10_000),
      foundClaimIds: z.array(Id).max(10_000),
    }),
    response: z.object({ saved: z.boolean(), pageId: z.string().optional() }),
  },
  /** content → background: the small hover card for an entity. */
  'entity/card': {
    from: 'content',
    request: z.object({ target: EntityRef }),
    response: z.union([ActorCard, ClaimCard]).nullable(),
  },
  /** content → background: the notes on the sender's page, and whether notes may be taken. */
  'notes/for-page': {
    from: 'content',
    request: z.object({ url: z.string().max(8192) }),
    response: z.object({
      show: z.boolean(),
      canCreate: z.boolean(),
      notes: z.array(Note).max(10_000),
    }),
  },
  /** content → background: the user took a note on a passage of the sender's page. */
  'notes/create': {
    from: 'content',
    request: z.object({
      body: z.string().max(100_000),
      tags: z.array(Line(100)).max(100),
      target: SelectionTarget,
      /** The page's reading copy, cached with the note when the page has none yet. */
      copy: ArticleCopy.optional(),
    }),
    /** `warning`: the note was saved, its reading copy was not (say so, do not fail the note). */
    response: z.object({ note: Note, warning: z.string().optional() }),
  },
  /** content → background: open the review page on a note (from a note's card on the page). */
  'review/open': {
    from: 'content',
    request: z.object({ noteId: Id.optional() }),
    response: Empty,
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
    response: TabState.nullable(),
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
    response: z.object({ shown: z.number().int() }),
  },
  /** content → background: JSON-LD of the sender's page that mentions ClaimReview. */
  'claimreview/report': {
    from: 'content',
    request: ClaimReviewReport,
    response: z.object({ reviews: z.number().int() }),
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

/** Messages the background (or an extension page) sends to a tab's content script. */
export const toContent = {
  'highlights/reveal': {
    request: z.object({ target: EntityRef, index: z.number().int() }),
    response: z.object({ found: z.boolean(), total: z.number().int() }),
  },
  /** Settings or knowledge changed: check the page's policy again, then re-scan or clear. */
  'highlights/refresh': {
    request: Empty,
    response: Empty,
  },
  /** Open the note editor on the page's current selection (context menu, keyboard command). */
  'notes/compose': {
    request: Empty,
    response: z.object({ opened: z.boolean() }),
  },
  /** The keyboard command: move to the next (or previous) highlight and show its card. */
  'highlights/step': {
    request: z.object({ direction: z.enum(['next', 'previous']) }),
    response: z.object({ found: z.boolean() }),
  },
  /** What the content script found and what it cost (tests, benchmarks, diagnostics). */
  'highlights/stats': {
    request: Empty,
    response: z.object({
      url: z.string().max(8192),
      actors: z.number().int().nonnegative(),
      claims: z.number().int().nonnegative(),
      ambiguous: z.number().int().nonnegative(),
      blocks: z.number().int().nonnegative(),
      /** Main-thread time of the content script's own work, ms. */
      mainThreadMs: z.number().nonnegative(),
      /** The longest single slice of that work, ms. */
      longestSliceMs: z.number().nonnegative(),
      /** From the script's start to highlights set, ms. */
      toHighlightsMs: z.number().nonnegative(),
      /** From the script's start to the first frame painted with them, ms. */
      toPaintMs: z.number().nonnegative(),
      /** How many full scans of the page ran (the first, navigations, refreshes). */
      scans: z.number().int().nonnegative().optional(),
    }),
  },
} as const;

export type BackgroundRequestType = keyof typeof toBackground;
export type BackgroundRequest<T extends BackgroundRequestType> = z.input<
  (typeof toBackground)[T]['request']
>;
export type BackgroundResponse<T extends BackgroundRequestType> = z.infer<
  (typeof toBackground)[T]['response']
>;
export type ContentRequestType = keyof typeof toContent;
export type ContentRequest<T extends ContentRequestType> = z.input<
  (typeof toContent)[T]['request']
>;
export type ContentResponse<T extends ContentRequestType> = z.infer<
  (typeof toContent)[T]['response']
>;

/** Replies cross contexts as values: errors do not survive structured cloning intact. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const Envelope = z.object({
  channel: z.literal('backstory'),
  type: z.string().max(100),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
