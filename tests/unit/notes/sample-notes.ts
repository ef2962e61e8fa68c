import type { Note, Page } from '@/lib/model';
import type { ExportContext } from '@/lib/notes/export';

/** Fixed notes for the exporter tests: two on one article, one on another, two on entities. */
export const PAGE_URL =
  'https://harbourledger.example/world/americas/cuba-us-messages-no-dialogue-2026-02-03/';
const OTHER_URL = 'https://meridianpost.example/2026/01/13/cuba-denies-talks/';

export const PAGES: Page[] = [
  {
    id: 'page/1',
    url: PAGE_URL,
    title: 'Cuban official confirms messages with Washington, says there is no ‘table of dialogue’',
    outlet: 'Harbour Ledger',
    author: 'Lucía Marrero',
    published: '2026-02-03',
    text: 'A reading copy.',
    foundActorIds: ['starter/actor/donald-trump'],
    foundClaimIds: [],
    visitedAt: '2026-02-05T09:00:00.000Z',
  },
];

export const NOTES: Note[] = [
  {
    id: 'note/a1',
    body: 'De Cossío draws the line at a *table of dialogue*.\nCompare with Trump on Feb. 1.',
    tags: ['talks', 'Cuba'],
    target: {
      kind: 'selection',
      url: PAGE_URL,
      title: 'Cuban official confirms messages | Harbour Ledger',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'we can not say we have had a table of dialogue',
        prefix: 'e have had communications, but ',
        suffix: ',” de Cossio said, speaking in H',
      },
      position: { type: 'TextPositionSelector', start: 1820, end: 1867 },
    },
    createdAt: '2026-02-05T10:00:00.000Z',
    updatedAt: '2026-02-05T10:05:00.000Z',
    provenance: ['user'],
  },
  {
    id: 'note/a2',
    body: '',
    tags: [],
    target: {
      kind: 'selection',
      url: PAGE_URL,
      quote: {
        type: 'TextQuoteSelector',
        exact: 'ready to have a serious, meaningful and responsible dialogue',
      },
    },
    createdAt: '2026-02-05T10:10:00.000Z',
    updatedAt: '2026-02-05T10:10:00.000Z',
    provenance: ['user'],
  },
  {
    id: 'note/b1',
    body: 'Published before the February remarks.',
    tags: ['timeline'],
    target: {
      kind: 'selection',
      url: OTHER_URL,
      title: 'Cuba’s president denies talks [analysis]',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'except for technical dialogues concerning migration',
        prefix: 'with the U.S. government, ',
        suffix: '.',
      },
    },
    createdAt: '2026-02-06T08:00:00.000Z',
    updatedAt: '2026-02-06T08:00:00.000Z',
    provenance: ['user'],
  },
  {
    id: 'note/e1',
    body: 'Check his later remarks.',
    tags: ['follow-up'],
    target: { kind: 'entity', entityType: 'actor', entityId: 'starter/actor/donald-trump' },
    createdAt: '2026-02-06T09:00:00.000Z',
    updatedAt: '2026-02-06T09:00:00.000Z',
    provenance: ['user'],
  },
  {
    id: 'note/e2',
    body: 'Two outlets carry it.',
    tags: [],
    target: {
      kind: 'entity',
      entityType: 'claim',
      entityId: 'starter/claim/us-cuba-high-level-talks',
    },
    createdAt: '2026-02-06T09:30:00.000Z',
    updatedAt: '2026-02-06T09:30:00.000Z',
    provenance: ['user'],
  },
];

const SUBJECTS: Record<string, string> = {
  'starter/actor/donald-trump': 'Donald Trump',
  'starter/claim/us-cuba-high-level-talks': 'The United States is in high-level talks with Cuba.',
};

export const CONTEXT: ExportContext = {
  page: (url) => PAGES.find((p) => p.url === url),
  subject: (n) => (n.target.kind === 'entity' ? SUBJECTS[n.target.entityId] : undefined),
  exportedAt: '2026-02-07T12:00:00.000Z',
};
