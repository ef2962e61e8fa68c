import * as z from 'zod/mini';
import { Note } from '../model/note';
import { ActorCard, ClaimCard, Empty, EntityRef, MatchReply, PageConfig } from './schemas';

/**
 * The part of the protocol a content script needs at run time: the replies to what it asks the
 * background, the requests it answers, and the envelope. The requests it sends are checked by
 * the background (lib/messaging/protocol.ts, which takes its replies from here).
 *
 * Kept apart so the content script, loaded into every page, builds only these schemas: with the
 * schema modules marked pure, the bundler leaves out every schema nothing here reaches (packs,
 * settings, subscriptions…), which would otherwise be built on each page load. Written with
 * zod/mini, as is every schema module the content script reaches (lib/model/ids.ts, note.ts,
 * actor.ts, …): classic zod's first schemas on a page cost about three times as much to build.
 */
export const contentReplies = {
  'page/match': MatchReply,
  'page/config': PageConfig,
  'panel/open': z.object({ opened: z.boolean() }),
  'page/report': Empty,
  'page/capture': z.object({ saved: z.boolean(), pageId: z.optional(z.string()) }),
  'entity/card': z.nullable(z.union([ActorCard, ClaimCard])),
  'notes/for-page': z.object({
    show: z.boolean(),
    canCreate: z.boolean(),
    notes: z.array(Note).check(z.maxLength(10_000)),
  }),
  /** `warning`: the note was saved, its reading copy was not (say so, do not fail the note). */
  'notes/create': z.object({ note: Note, warning: z.optional(z.string()) }),
  'review/open': Empty,
  'packs/offer': z.object({ shown: z.int() }),
  'claimreview/report': z.object({ reviews: z.int() }),
} as const;

/** The `type` of a page's `<link rel="alternate">` that offers a pack to subscribe to. */
export const PACK_LINK_TYPE = 'application/vnd.backstory.pack+json';

/** Requests a content script may send (the background also accepts them from extension pages). */
export type ContentSentType = keyof typeof contentReplies;

/** Messages the background (or an extension page) sends to a tab's content script. */
export const toContent = {
  'highlights/reveal': {
    request: z.object({ target: EntityRef, index: z.int() }),
    response: z.object({ found: z.boolean(), total: z.int() }),
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
      url: z.string().check(z.maxLength(8192)),
      actors: z.int().check(z.nonnegative()),
      claims: z.int().check(z.nonnegative()),
      ambiguous: z.int().check(z.nonnegative()),
      blocks: z.int().check(z.nonnegative()),
      /** Main-thread time of the content script's own work, ms. */
      mainThreadMs: z.number().check(z.nonnegative()),
      /** The longest single slice of that work, ms. */
      longestSliceMs: z.number().check(z.nonnegative()),
      /** From the script's start to highlights set, ms. */
      toHighlightsMs: z.number().check(z.nonnegative()),
      /** From the script's start to the first frame painted with them, ms. */
      toPaintMs: z.number().check(z.nonnegative()),
      /** From the script's start to the first frame painted with the visible blocks' ones, ms. */
      toVisiblePaintMs: z.optional(z.number().check(z.nonnegative())),
      /** When the script started, ms after the page's navigation began (performance.now()). */
      startedAtMs: z.optional(z.number().check(z.nonnegative())),
      /** How many full scans of the page ran (the first, navigations, refreshes). */
      scans: z.optional(z.int().check(z.nonnegative())),
    }),
  },
} as const;

export type ContentRequestType = keyof typeof toContent;
export type ContentRequest<T extends ContentRequestType> = z.input<
  (typeof toContent)[T]['request']
>;
export type ContentResponse<T extends ContentRequestType> = z.infer<
  (typeof toContent)[T]['response']
>;

export type ContentHandlers = {
  [T in ContentRequestType]: (
    payload: z.infer<(typeof toContent)[T]['request']>,
  ) => ContentResponse<T> | Promise<ContentResponse<T>>;
};

/** Replies cross contexts as values: errors do not survive structured cloning intact. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const Envelope = z.object({
  channel: z.literal('backstory'),
  type: z.string().check(z.maxLength(100)),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

/**
 * Whether a reply is a Result: `z.discriminatedUnion('ok', [z.object({ ok: z.literal(true),
 * value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })])` written out by
 * hand, since every reply a page receives goes through it first (tests/unit/messaging/ check that
 * both accept the same values).
 */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { ok, error } = value as { ok?: unknown; error?: unknown };
  return (ok === true && 'value' in value) || (ok === false && typeof error === 'string');
}
