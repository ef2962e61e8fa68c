import { type Extraction, extractArticle } from '@/lib/extract/extract';
import { createAliasLookup, type KnownActor } from '@/lib/extract/known-actors';
import type { KnownClaim } from '@/lib/extract/stance';

/**
 * A small world of fictional actors and claims for extraction tests. Every sentence the tests
 * read is written for them.
 */
export const ACTORS: KnownActor[] = [
  {
    id: 'a/borealia',
    name: 'Borealia',
    kind: 'country',
    aliases: [
      { text: 'Borealia', kind: 'name' },
      { text: 'Nordhavn', kind: 'metonym' },
      { text: 'Borealian government', kind: 'variant' },
    ],
  },
  {
    id: 'a/estria',
    name: 'Estria',
    kind: 'country',
    aliases: [
      { text: 'Estria', kind: 'name' },
      { text: 'Calder', kind: 'metonym' },
    ],
  },
  {
    id: 'a/ana-ortiz',
    name: 'Ana Ortiz',
    kind: 'person',
    aliases: [
      { text: 'Ortiz', kind: 'short' },
      { text: 'Borealia’s foreign minister', kind: 'title' },
      { text: 'Borealian diplomat', kind: 'title' },
    ],
    roles: [{ title: 'Foreign Minister', of: 'Borealia' }],
  },
  {
    id: 'a/karl-veit',
    name: 'Karl Veit',
    kind: 'person',
    aliases: [
      { text: 'Veit', kind: 'short', caseSensitive: true },
      { text: 'Estrian President', kind: 'title' },
    ],
    roles: [{ title: 'President of Estria' }],
  },
  {
    id: 'a/veit-administration',
    name: 'Veit administration',
    kind: 'organization',
    aliases: [{ text: 'Veit administration', kind: 'name' }],
  },
  {
    id: 'a/ledger',
    name: 'Morning Ledger',
    kind: 'outlet',
    aliases: [{ text: 'Ledger', kind: 'short', caseSensitive: true }],
  },
  { id: 'a/wire', name: 'Coast Wire', kind: 'outlet', aliases: [] },
  {
    id: 'a/rosa-lind',
    name: 'Rosa Lind',
    kind: 'person',
    aliases: [{ text: 'Lind', kind: 'short', caseSensitive: true }],
  },
  {
    id: 'a/paul-lind',
    name: 'Paul Lind',
    kind: 'person',
    aliases: [{ text: 'Lind', kind: 'short', caseSensitive: true }],
  },
];

export const CLAIMS: KnownClaim[] = [
  {
    id: 'c/talks',
    claimantId: 'a/karl-veit',
    gist: 'Estria is in high-level talks with Borealia’s government.',
    keyPhrases: ['talks with Nordhavn', 'highest people in Borealia'],
    topics: ['talks', 'negotiations', 'dialogue', 'discussions'],
  },
  {
    id: 'c/willing',
    claimantId: 'a/borealia',
    gist: 'Borealia is willing to hold a serious dialogue with Estria.',
    keyPhrases: ['serious dialogue'],
    topics: ['dialogue', 'talks'],
  },
  {
    id: 'c/no-pressure',
    claimantId: 'a/ana-ortiz',
    gist: 'Borealia will only negotiate with Estria without pressure.',
    keyPhrases: ['without pressure'],
    topics: ['pressure', 'negotiations'],
  },
];

export const lookup = createAliasLookup(ACTORS);

export function extract(text: string, published?: string): Extraction {
  return extractArticle({ text, ...(published ? { published } : {}) }, { lookup, claims: CLAIMS });
}

/** Statements as [speaker name or label, text], for readable expectations. */
export function said(x: Extraction): [string, string][] {
  return x.statements.map((s) => [
    'actorId' in s.speaker
      ? (lookup.get(s.speaker.actorId)?.name ??
        x.candidates.find((c) => c.id === (s.speaker as { actorId: string }).actorId)?.name ??
        s.speaker.actorId)
      : s.speaker.label,
    s.text,
  ]);
}
