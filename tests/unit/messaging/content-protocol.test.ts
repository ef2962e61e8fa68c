import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseReply } from '@/lib/messaging/content-client';
import {
  contentReplies,
  Envelope,
  isCaptureReply,
  isEnvelope,
  isNoNotes,
  isResult,
  replyGuards,
  requestGuards,
  toContent,
} from '@/lib/messaging/content-protocol';
import { BlockMatches, MatchedEntities } from '@/lib/messaging/page-schemas';
import {
  isBlockMatchesList,
  isEmpty,
  isMatchedEntities,
  isMatchReply,
  isPageConfig,
} from '@/lib/messaging/schemas';

/**
 * A check written by hand and the schema it stands for give the same verdict on every value
 * `values` generates (and `numRuns` of them).
 */
function expectSameVerdicts(
  guard: (value: unknown) => boolean,
  schema: { safeParse(value: unknown): { success: boolean } },
  values: fc.Arbitrary<unknown>,
  numRuns = 4000,
) {
  fc.assert(
    fc.property(values, (value) => {
      expect(guard(value)).toBe(schema.safeParse(value).success);
    }),
    { numRuns },
  );
}

/** The content script's side of the protocol (written with zod/mini): what it accepts and refuses. */
const actorCard = {
  id: 'starter/actor/miguel-diaz-canel',
  name: 'Miguel Díaz-Canel',
  kind: 'person',
  role: 'President of Cuba',
  statements: 3,
  claims: 1,
  deniedBy: 0,
};
const claimCard = {
  id: 'starter/claim/talks',
  kind: 'claim',
  gist: 'The United States and Cuba are holding talks.',
  statements: 4,
  supports: 0,
  denials: 2,
  qualifies: 1,
};

describe('replies a content script checks', () => {
  it('accepts an actor card, a claim card or no card', () => {
    const card = contentReplies['entity/card']();
    expect(card.safeParse(actorCard).success).toBe(true);
    expect(card.safeParse(claimCard).success).toBe(true);
    expect(card.safeParse(null).success).toBe(true);
  });

  it('refuses a card with a negative count, a multi-line name or a bad id', () => {
    const card = contentReplies['entity/card']();
    expect(card.safeParse({ ...actorCard, statements: -1 }).success).toBe(false);
    expect(card.safeParse({ ...actorCard, name: 'two\nlines' }).success).toBe(false);
    expect(card.safeParse({ ...claimCard, id: '../etc' }).success).toBe(false);
    expect(card.safeParse({ ...actorCard, kind: 'planet' }).success).toBe(false);
  });

  it('parseReply separates a malformed reply from a missing one and passes errors through', () => {
    expect(
      parseReply(
        { ok: true, value: actorCard },
        { schema: contentReplies['entity/card'] },
        'entity/card',
      ),
    ).toEqual({ ok: true, value: actorCard });
    expect(
      parseReply(
        { ok: true, value: { ...actorCard, claims: 1.5 } },
        { schema: contentReplies['entity/card'] },
        'entity/card',
      ),
    ).toEqual({ ok: false, error: 'Malformed reply to entity/card' });
    expect(
      parseReply('nonsense', { schema: contentReplies['page/config'] }, 'page/config'),
    ).toEqual({
      ok: false,
      error: 'No valid reply to page/config',
    });
    expect(
      parseReply(
        { ok: false, error: 'database closed' },
        { schema: contentReplies['page/config'] },
        'x',
      ),
    ).toEqual({ ok: false, error: 'database closed' });
  });

  it('checks match replies: spans of at most 50 candidates, entities by dictionary index', () => {
    const reply = contentReplies['page/match']();
    const good = {
      version: 2,
      blocks: [{ actors: [[0, 5, [1]]], claims: [] }],
      entities: { actors: [[1, 'starter/actor/cuba', 'Cuba', 'country']], claims: [] },
    };
    expect(reply.safeParse(good).success).toBe(true);
    const tooMany = Array.from({ length: 51 }, (_, i) => i);
    expect(
      reply.safeParse({ ...good, blocks: [{ actors: [[0, 5, tooMany]], claims: [] }] }).success,
    ).toBe(false);
    expect(
      reply.safeParse({ ...good, blocks: [{ actors: [[0, 5, []]], claims: [] }] }).success,
    ).toBe(false);
  });
});

describe('the hand-written check of match blocks', () => {
  const schema = z.array(BlockMatches);
  const agree = (value: unknown) => {
    expect(isBlockMatchesList(value)).toBe(z.safeParse(schema, value).success);
  };

  it('accepts and refuses exactly what z.array(BlockMatches) does', () => {
    // Numbers near the edges, and values of the wrong kind where numbers and arrays go.
    const odd = fc.oneof(
      fc.constantFrom(0, 1, 7, -1, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
      fc.constantFrom('1', null, undefined, true, [], {}),
    );
    const index = fc.oneof({ weight: 6, arbitrary: fc.nat(1000) }, { weight: 1, arbitrary: odd });
    const values = fc.oneof(
      { weight: 6, arbitrary: fc.array(index, { minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.nat(9), { minLength: 0, maxLength: 55 }) },
      { weight: 1, arbitrary: odd },
    );
    const span = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(index, index, values) },
      { weight: 1, arbitrary: fc.array(index, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.tuple(index, index, values, index) },
      { weight: 1, arbitrary: odd },
    );
    const spans = fc.oneof(
      { weight: 8, arbitrary: fc.array(span, { maxLength: 4 }) },
      { weight: 1, arbitrary: odd },
    );
    const block = fc.oneof(
      { weight: 8, arbitrary: fc.record({ actors: spans, claims: spans }) },
      { weight: 1, arbitrary: fc.record({ actors: spans }) },
      { weight: 1, arbitrary: fc.record({ actors: spans, claims: spans, extra: odd }) },
      { weight: 1, arbitrary: odd },
    );
    expectSameVerdicts(
      isBlockMatchesList,
      schema,
      fc.oneof(fc.array(block, { maxLength: 4 }), fc.anything()),
    );
  });

  it('accepts a page of blocks and refuses a hole or a negative offset', () => {
    const good = [
      {
        actors: [
          [0, 5, [1]],
          [9, 20, [2, 3]],
        ],
        claims: [[0, 40, [0]]],
      },
      { actors: [], claims: [] },
    ];
    expect(isBlockMatchesList(good)).toBe(true);
    const holed = [1, 2];
    delete holed[0]; // a hole where an index should be
    const withHole = [{ actors: [[0, 5, holed]], claims: [] }];
    const negative = [{ actors: [[-3, 5, [1]]], claims: [] }];
    expect(isBlockMatchesList(withHole)).toBe(false);
    expect(isBlockMatchesList(negative)).toBe(false);
    for (const value of [good, withHole, negative, null]) agree(value);
  });
});

describe('the hand-written check of matched entities', () => {
  it('accepts and refuses exactly what MatchedEntities does', () => {
    const odd = fc.constantFrom(-1, 1.5, Number.NaN, '1', null, undefined, [], {});
    const index = fc.oneof({ weight: 6, arbitrary: fc.nat(99) }, { weight: 1, arbitrary: odd });
    const id = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('starter/actor/cuba', 'a', 'x:1.b_c@d+e-f') },
      { weight: 1, arbitrary: fc.constantFrom('', '../etc', '-a', 'a b', 'a'.repeat(201)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: odd },
    );
    const text = fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 8 }) }, odd);
    const kind = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('person', 'country', 'outlet', 'government') },
      { weight: 1, arbitrary: fc.constantFrom('planet', 'Person', '') },
      { weight: 1, arbitrary: odd },
    );
    const row = (last: fc.Arbitrary<unknown>) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(index, id, text, last) },
        { weight: 1, arbitrary: fc.tuple(index, id, text) },
        { weight: 1, arbitrary: fc.tuple(index, id, text, last, index) },
        { weight: 1, arbitrary: odd },
      );
    const list = (last: fc.Arbitrary<unknown>) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.array(row(last), { maxLength: 4 }) },
        { weight: 1, arbitrary: odd },
      );
    const entities = fc.oneof(
      { weight: 8, arbitrary: fc.record({ actors: list(kind), claims: list(index) }) },
      { weight: 1, arbitrary: fc.record({ actors: list(kind) }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    expectSameVerdicts(isMatchedEntities, MatchedEntities, entities);
  });
});

describe('the hand-written checks of the reply envelope and the page/match reply', () => {
  const odd = fc.constantFrom(-1, 1.5, 2 ** 53, Number.NaN, '1', null, undefined, true, [], {});

  it('isResult accepts and refuses exactly what the zod union does', () => {
    const union = z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]);
    const okValue = fc.oneof(fc.constantFrom(true, false), odd);
    const reply = fc.oneof(
      { weight: 4, arbitrary: fc.record({ ok: okValue, value: fc.anything() }) },
      { weight: 4, arbitrary: fc.record({ ok: okValue, error: fc.oneof(fc.string(), odd) }) },
      { weight: 1, arbitrary: fc.record({ ok: okValue }) },
      { weight: 1, arbitrary: fc.record({ ok: okValue, value: odd, error: odd }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    expectSameVerdicts(isResult, union, reply);
  });

  it('isMatchReply accepts and refuses exactly what its zod object does', () => {
    const schema = z.object({
      version: z.int(),
      blocks: z.array(BlockMatches),
      entities: MatchedEntities,
    });
    const good = {
      version: 3,
      blocks: [{ actors: [[0, 5, [1]]], claims: [[0, 20, [0]]] }],
      entities: { actors: [[1, 'starter/actor/cuba', 'Cuba', 'country']], claims: [] },
    };
    const reply = fc.oneof(
      { weight: 4, arbitrary: fc.constant(good) },
      {
        weight: 4,
        arbitrary: fc.record({
          version: fc.oneof(fc.integer(), odd),
          blocks: fc.oneof(fc.constant(good.blocks), fc.constant([{ actors: [] }]), odd),
          entities: fc.oneof(fc.constant(good.entities), fc.constant({ actors: [] }), odd),
        }),
      },
      { weight: 1, arbitrary: fc.record({ version: fc.integer(), blocks: fc.constant([]) }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    expectSameVerdicts(isMatchReply, schema, reply);
    // The page/match reply schema is this check.
    expect(contentReplies['page/match']().safeParse(good).success).toBe(true);
    expect(contentReplies['page/match']().safeParse({ ...good, version: 1.5 }).success).toBe(false);
  });
});

describe('the replies checked by hand on the way to the highlights', () => {
  const odd = fc.constantFrom(-1, 1.5, Number.NaN, '1', '', null, undefined, true, [], {});

  it('isPageConfig accepts and refuses exactly what PageConfig does', () => {
    const schema = contentReplies['page/config']();
    const reason = fc.oneof(
      fc.constantFrom('active', 'paused', 'disabled', 'unsupported', 'Active', 'off'),
      odd,
    );
    const flag = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: odd });
    const config = fc.oneof(
      { weight: 6, arbitrary: fc.record({ highlight: flag, learn: flag, reason }) },
      {
        weight: 2,
        arbitrary: fc.record(
          { highlight: flag, learn: flag, reason, extra: fc.anything() },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: fc.anything() },
    );
    expectSameVerdicts(isPageConfig, schema, config);
  });

  it('isCaptureReply accepts and refuses exactly what the page/capture schema does', () => {
    const schema = contentReplies['page/capture']();
    const reply = fc.record(
      {
        saved: fc.oneof(fc.boolean(), odd),
        pageId: fc.oneof(fc.string(), odd),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    expectSameVerdicts(isCaptureReply, schema, fc.oneof(reply, fc.anything()));
    const undefinedId = { saved: true, pageId: undefined };
    expect(isCaptureReply(undefinedId)).toBe(schema.safeParse(undefinedId).success);
  });

  it('isEmpty accepts and refuses exactly what Empty does', () => {
    const schema = contentReplies['page/report']();
    const inherited = Object.create({ inherited: 1 }) as object;
    const hidden = Object.defineProperty({}, 'hidden', { value: 1, enumerable: false });
    for (const value of [{}, inherited, hidden, Object.create(null), new Date(0), [], null, 'x']) {
      expect(isEmpty(value)).toBe(schema.safeParse(value).success);
    }
    expectSameVerdicts(isEmpty, schema, fc.oneof(fc.object(), fc.anything()), 2000);
  });

  it('a guard accepts only what its schema accepts; what it refuses, the schema decides', () => {
    expect(Object.keys(replyGuards).sort()).toEqual([
      'notes/for-page',
      'page/capture',
      'page/config',
      'page/match',
      'page/report',
    ]);
    expect(Object.keys(requestGuards).sort()).toEqual([
      'highlights/refresh',
      'highlights/stats',
      'notes/compose',
    ]);
    let built = 0;
    const config = { highlight: true, learn: false, reason: 'active' };
    const guarded = {
      guard: isPageConfig,
      schema: () => {
        built++;
        return contentReplies['page/config']();
      },
    };
    expect(parseReply({ ok: true, value: config }, guarded, 'page/config')).toEqual({
      ok: true,
      value: config,
    });
    expect(built).toBe(0);
    expect(
      parseReply({ ok: true, value: { ...config, reason: 'on' } }, guarded, 'page/config'),
    ).toEqual({ ok: false, error: 'Malformed reply to page/config' });
    expect(built).toBe(1);
    expect(parseReply({ ok: false, error: 'closed' }, guarded, 'page/config')).toEqual({
      ok: false,
      error: 'closed',
    });
    expect(parseReply(undefined, guarded, 'page/config')).toEqual({
      ok: false,
      error: 'No valid reply to page/config',
    });
  });

  it('isNoNotes accepts only note replies with no notes, all of which the schema accepts', () => {
    const schema = contentReplies['notes/for-page']();
    const note = {
      id: 'note/1',
      body: 'Check the date',
      tags: [' talks '],
      target: { kind: 'entity', entityType: 'actor', entityId: 'starter/actor/cuba' },
      createdAt: '2026-12-07T10:00:00Z',
      updatedAt: '2026-12-07T10:00:00Z',
      provenance: ['user'],
    };
    const flag = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: odd });
    const notes = fc.oneof(
      fc.constant([]),
      fc.constant([note]),
      fc.constant([{ ...note, id: '' }]),
      odd,
    );
    const reply = fc.oneof(
      { weight: 6, arbitrary: fc.record({ show: flag, canCreate: flag, notes }) },
      { weight: 1, arbitrary: fc.anything() },
    );
    fc.assert(
      fc.property(reply, (value) => {
        const accepted = schema.safeParse(value).success;
        if (isNoNotes(value)) expect(accepted).toBe(true);
        // What the guard leaves to the schema is exactly a reply with notes, or a wrong one.
        const empty = accepted && (value as { notes: unknown[] }).notes.length === 0;
        expect(isNoNotes(value)).toBe(empty);
      }),
      { numRuns: 2000 },
    );
    // A reply with notes goes to the schema, which returns them as it parses them (trimmed).
    expect(
      parseReply(
        { ok: true, value: { show: true, canCreate: true, notes: [note] } },
        { guard: isNoNotes, schema: contentReplies['notes/for-page'] },
        'notes/for-page',
      ),
    ).toEqual({
      ok: true,
      value: { show: true, canCreate: true, notes: [{ ...note, tags: ['talks'] }] },
    });
  });

  it('isEnvelope accepts and refuses exactly what Envelope does', () => {
    const envelope = fc.record(
      {
        channel: fc.oneof(fc.constantFrom('backstory', 'Backstory', ''), odd),
        type: fc.oneof(fc.string({ maxLength: 120 }), odd),
        payload: fc.anything(),
      },
      { requiredKeys: [] },
    );
    expectSameVerdicts(isEnvelope, Envelope, fc.oneof(envelope, fc.anything()));
    const inherited = Object.create({ payload: 1 }) as object;
    Object.assign(inherited, { channel: 'backstory', type: 'x' });
    for (const value of [
      { channel: 'backstory', type: 'x', payload: undefined },
      { channel: 'backstory', type: 'x' },
      inherited,
    ]) {
      expect(isEnvelope(value)).toBe(Envelope.safeParse(value).success);
    }
  });
});

describe('requests a content script answers', () => {
  it('checks each request and response against its schema', () => {
    expect(toContent['highlights/step'].request().safeParse({ direction: 'next' }).success).toBe(
      true,
    );
    expect(toContent['highlights/step'].request().safeParse({ direction: 'up' }).success).toBe(
      false,
    );
    expect(
      toContent['highlights/reveal'].request().safeParse({
        target: { kind: 'actor', id: 'starter/actor/cuba' },
        index: 0,
      }).success,
    ).toBe(true);
    expect(toContent['highlights/refresh'].request().safeParse({ extra: 1 }).success).toBe(false);
    expect(
      toContent['highlights/stats'].response().safeParse({
        url: 'https://example.org/',
        actors: 1,
        claims: 0,
        ambiguous: 0,
        blocks: 2,
        mainThreadMs: 1.5,
        longestSliceMs: 1,
        toHighlightsMs: 20,
        toPaintMs: 30,
      }).success,
    ).toBe(true);
  });
});
