import * as z from 'zod/mini';
import { noteSchema } from '../model/note';
import { once } from '../model/once';
import {
  actorCardSchema,
  claimCardSchema,
  emptySchema,
  entityRefSchema,
  isEmpty,
  isMatchReply,
  isPageConfig,
  isRecord,
  matchReplySchema,
  pageConfigSchema,
} from './schemas';

/**
 * The part of the protocol a content script needs at run time: the replies to what it asks the
 * background, the requests it answers, and the envelope. The requests it sends are checked by
 * the background (lib/messaging/protocol.ts, which takes its replies from here).
 *
 * The content script is loaded into every page, so it builds no schema at load: each schema is
 * a builder (lib/model/once.ts), called when the first message that needs it arrives, and the
 * messages every page receives are checked first by hand (`replyGuards`, `requestGuards`,
 * `isEnvelope`), so most pages never build one. Written with
 * zod/mini, as is every schema module the content script reaches (lib/model/ids.ts, note.ts,
 * …): classic zod's first schemas on a page cost about three times as much to build.
 */
export const contentReplies = {
  'page/match': matchReplySchema,
  'page/config': pageConfigSchema,
  'panel/open': once(() => z.object({ opened: z.boolean() })),
  'page/report': emptySchema,
  'page/capture': once(() => z.object({ saved: z.boolean(), pageId: z.optional(z.string()) })),
  'entity/card': once(() => z.nullable(z.union([actorCardSchema(), claimCardSchema()]))),
  'notes/for-page': once(() =>
    z.object({
      show: z.boolean(),
      canCreate: z.boolean(),
      notes: z.array(noteSchema()).check(z.maxLength(10_000)),
    }),
  ),
  /** `warning`: the note was saved, its reading copy was not (say so, do not fail the note). */
  'notes/create': once(() => z.object({ note: noteSchema(), warning: z.optional(z.string()) })),
  'review/open': emptySchema,
  'packs/offer': once(() => z.object({ shown: z.int() })),
  'claimreview/report': once(() => z.object({ reviews: z.int() })),
} as const;

/**
 * A check written by hand for a message every page receives. It accepts only values its schema
 * accepts as they are; what it does not accept goes to the schema, which is then built and
 * decides. zod's first schema on a page, and its first parse, cost several milliseconds of code
 * that has not run yet (tests/unit/messaging/ check each guard against its schema).
 */
export type Guard = (value: unknown) => boolean;

/**
 * `{ show, canCreate, notes: [] }`: every page asks for its notes, and most have none. A reply
 * with notes goes to the schema, which checks each note.
 */
export function isNoNotes(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { show, canCreate, notes } = value;
  return (
    typeof show === 'boolean' &&
    typeof canCreate === 'boolean' &&
    Array.isArray(notes) &&
    notes.length === 0
  );
}

/** The page/capture reply, `{ saved, pageId? }`, written out by hand. */
export function isCaptureReply(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { saved, pageId } = value;
  return typeof saved === 'boolean' && (pageId === undefined || typeof pageId === 'string');
}

/**
 * The replies every page receives: the three that stand between its text and its highlights
 * and the one to its reading copy, which the guards check exactly as their schemas do, and its
 * notes when it has none.
 */
export const replyGuards: { readonly [T in ContentSentType]?: Guard } = {
  'page/match': isMatchReply,
  'page/config': isPageConfig,
  'page/report': isEmpty,
  'page/capture': isCaptureReply,
  'notes/for-page': isNoNotes,
};

/** The `type` of a page's `<link rel="alternate">` that offers a pack to subscribe to. */
export const PACK_LINK_TYPE = 'application/vnd.backstory.pack+json';

/** Requests a content script may send (the background also accepts them from extension pages). */
export type ContentSentType = keyof typeof contentReplies;

/**
 * Messages the background (or an extension page) sends to a tab's content script: each request's
 * and response's schema built when first needed (the content script checks requests, the
 * sender checks responses).
 */
export const toContent = {
  'highlights/reveal': {
    request: once(() => z.object({ target: entityRefSchema(), index: z.int() })),
    response: once(() => z.object({ found: z.boolean(), total: z.int() })),
  },
  /** Settings or knowledge changed: check the page's policy again, then re-scan or clear. */
  'highlights/refresh': {
    request: emptySchema,
    response: emptySchema,
  },
  /** Open the note editor on the page's current selection (context menu, keyboard command). */
  'notes/compose': {
    request: emptySchema,
    response: once(() => z.object({ opened: z.boolean() })),
  },
  /** The keyboard command: move to the next (or previous) highlight and show its card. */
  'highlights/step': {
    request: once(() => z.object({ direction: z.enum(['next', 'previous']) })),
    response: once(() => z.object({ found: z.boolean() })),
  },
  /** What the content script found and what it cost (tests, benchmarks, diagnostics). */
  'highlights/stats': {
    request: emptySchema,
    response: once(() =>
      z.object({
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
        /** From the script's first module to `main()` (loading its code), ms. */
        loadMs: z.optional(z.number().check(z.nonnegative())),
        /** How many full scans of the page ran (the first, navigations, refreshes). */
        scans: z.optional(z.int().check(z.nonnegative())),
        /** How many of those have painted all they found. */
        scansDone: z.optional(z.int().check(z.nonnegative())),
      }),
    ),
  },
} as const;

/** The requests a page receives with no payload, checked by hand (see `Guard`). */
export const requestGuards: { readonly [T in ContentRequestType]?: Guard } = {
  'highlights/refresh': isEmpty,
  'notes/compose': isEmpty,
  'highlights/stats': isEmpty,
};

type Schemas<T extends ContentRequestType> = (typeof toContent)[T];
export type ContentRequestType = keyof typeof toContent;
export type ContentRequest<T extends ContentRequestType> = z.input<
  ReturnType<Schemas<T>['request']>
>;
export type ContentResponse<T extends ContentRequestType> = z.infer<
  ReturnType<Schemas<T>['response']>
>;

export type ContentHandlers = {
  [T in ContentRequestType]: (
    payload: z.infer<ReturnType<Schemas<T>['request']>>,
  ) => ContentResponse<T> | Promise<ContentResponse<T>>;
};

/** Replies cross contexts as values: errors do not survive structured cloning intact. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const envelopeSchema = once(() =>
  z.object({
    channel: z.literal('backstory'),
    type: z.string().check(z.maxLength(100)),
    payload: z.unknown(),
  }),
);
export const Envelope = /* @__PURE__ */ envelopeSchema();
export type Envelope = z.infer<typeof Envelope>;

/**
 * `Envelope` written out by hand, as every message a content script receives goes through it
 * first (tests/unit/messaging/ check that both accept the same values).
 */
export function isEnvelope(value: unknown): value is Envelope {
  if (!isRecord(value)) return false;
  const { channel, type } = value;
  // The payload may be anything, undefined included, but must be there.
  return (
    channel === 'backstory' && typeof type === 'string' && type.length <= 100 && 'payload' in value
  );
}

/**
 * Whether a reply is a Result: `z.discriminatedUnion('ok', [z.object({ ok: z.literal(true),
 * value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })])` written out by
 * hand, since every reply a page receives goes through it first (tests/unit/messaging/ check that
 * both accept the same values).
 */
export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  const { ok, error } = value;
  return (ok === true && 'value' in value) || (ok === false && typeof error === 'string');
}
