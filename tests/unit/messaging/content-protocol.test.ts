import { describe, expect, it } from 'vitest';
import { parseReply } from '@/lib/messaging/content-client';
import { contentReplies, toContent } from '@/lib/messaging/content-protocol';

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
    const card = contentReplies['entity/card'];
    expect(card.safeParse(actorCard).success).toBe(true);
    expect(card.safeParse(claimCard).success).toBe(true);
    expect(card.safeParse(null).success).toBe(true);
  });

  it('refuses a card with a negative count, a multi-line name or a bad id', () => {
    const card = contentReplies['entity/card'];
    expect(card.safeParse({ ...actorCard, statements: -1 }).success).toBe(false);
    expect(card.safeParse({ ...actorCard, name: 'two\nlines' }).success).toBe(false);
    expect(card.safeParse({ ...claimCard, id: '../etc' }).success).toBe(false);
    expect(card.safeParse({ ...actorCard, kind: 'planet' }).success).toBe(false);
  });

  it('parseReply separates a malformed reply from a missing one and passes errors through', () => {
    expect(
      parseReply({ ok: true, value: actorCard }, contentReplies['entity/card'], 'entity/card'),
    ).toEqual({ ok: true, value: actorCard });
    expect(
      parseReply(
        { ok: true, value: { ...actorCard, claims: 1.5 } },
        contentReplies['entity/card'],
        'entity/card',
      ),
    ).toEqual({ ok: false, error: 'Malformed reply to entity/card' });
    expect(parseReply('nonsense', contentReplies['page/config'], 'page/config')).toEqual({
      ok: false,
      error: 'No valid reply to page/config',
    });
    expect(
      parseReply({ ok: false, error: 'database closed' }, contentReplies['page/config'], 'x'),
    ).toEqual({ ok: false, error: 'database closed' });
  });

  it('checks match replies: spans of at most 50 candidates, entities by dictionary index', () => {
    const reply = contentReplies['page/match'];
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

describe('requests a content script answers', () => {
  it('checks each request and response against its schema', () => {
    expect(toContent['highlights/step'].request.safeParse({ direction: 'next' }).success).toBe(
      true,
    );
    expect(toContent['highlights/step'].request.safeParse({ direction: 'up' }).success).toBe(false);
    expect(
      toContent['highlights/reveal'].request.safeParse({
        target: { kind: 'actor', id: 'starter/actor/cuba' },
        index: 0,
      }).success,
    ).toBe(true);
    expect(toContent['highlights/refresh'].request.safeParse({ extra: 1 }).success).toBe(false);
    expect(
      toContent['highlights/stats'].response.safeParse({
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
