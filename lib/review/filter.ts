import { foldKey } from '../match/fold';
import type { Note, Page, PartialDate, Statement } from '../model';

/**
 * The review page's search, filters and sort, over plain rows (no database, no DOM), so they can
 * be tested alone. Search is case- and accent-insensitive: every word of the query must appear.
 */
export interface ReviewFilter {
  q?: string | undefined;
  actor?: string | undefined;
  claim?: string | undefined;
  outlet?: string | undefined;
  /** YYYY-MM-DD bounds, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  tag?: string | undefined;
}

interface Facets {
  actorIds: ReadonlySet<string>;
  claimIds: ReadonlySet<string>;
  outlets: readonly string[];
  tags: readonly string[];
  /** The date the date-range filter looks at (partial dates allowed). */
  date: PartialDate | undefined;
  /** Folded text that search looks in. */
  haystack: string;
}

export interface NoteItem extends Facets {
  note: Note;
  page: Page | undefined;
  /** What an entity note is about, for display ("Donald Trump", a claim's gist, a statement). */
  subject: string | undefined;
}
export interface PageItem extends Facets {
  page: Page;
  notes: Note[];
}
export interface StatementItem extends Facets {
  statement: Statement;
  speaker: string;
  claims: { id: string; gist: string; stance: string }[];
  sources: { outlet: string | undefined; title: string | undefined; url: string | undefined }[];
  notes: Note[];
}

export const fold = (text: string) => foldKey(text);

export function terms(q: string | undefined): string[] {
  return q ? fold(q).split(' ').filter(Boolean) : [];
}

/** The first and last day a partial date can mean, as YYYY-MM-DD strings that sort correctly. */
function period(date: PartialDate): [string, string] {
  const [y, m, d] = date.split('-');
  return [`${y}-${m ?? '01'}-${d ?? '01'}`, `${y}-${m ?? '12'}-${d ?? '31'}`];
}

export function matches(item: Facets, filter: ReviewFilter, queryTerms = terms(filter.q)): boolean {
  if (filter.actor && !item.actorIds.has(filter.actor)) return false;
  if (filter.claim && !item.claimIds.has(filter.claim)) return false;
  if (filter.outlet && !item.outlets.some((o) => fold(o) === fold(filter.outlet as string)))
    return false;
  if (filter.tag && !item.tags.some((t) => fold(t) === fold(filter.tag as string))) return false;
  if (filter.from || filter.to) {
    if (!item.date) return false;
    const [start, end] = period(item.date);
    if (filter.from && end < filter.from) return false;
    if (filter.to && start > filter.to) return false;
  }
  return queryTerms.every((t) => item.haystack.includes(t));
}

export function applyFilter<T extends Facets>(items: readonly T[], filter: ReviewFilter): T[] {
  const queryTerms = terms(filter.q);
  return items.filter((i) => matches(i, filter, queryTerms));
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

export const NOTE_SORTS = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  page: 'By article',
} as const;
export const PAGE_SORTS = {
  visited: 'Last read first',
  published: 'Newest published first',
  title: 'By title',
} as const;
export const STATEMENT_SORTS = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  speaker: 'By speaker',
} as const;

export function sortNotes(items: NoteItem[], sort: string): NoteItem[] {
  const out = [...items];
  if (sort === 'oldest') return out.sort((a, b) => -desc(a.note.updatedAt, b.note.updatedAt));
  if (sort === 'page')
    return out.sort(
      (a, b) =>
        byText(a.page?.title ?? a.subject ?? '', b.page?.title ?? b.subject ?? '') ||
        desc(a.note.updatedAt, b.note.updatedAt),
    );
  return out.sort((a, b) => desc(a.note.updatedAt, b.note.updatedAt));
}

export function sortPages(items: PageItem[], sort: string): PageItem[] {
  const out = [...items];
  if (sort === 'title') return out.sort((a, b) => byText(a.page.title, b.page.title));
  if (sort === 'published')
    return out.sort((a, b) => desc(a.page.published ?? '', b.page.published ?? ''));
  return out.sort((a, b) => desc(a.page.visitedAt, b.page.visitedAt));
}

export function sortStatements(items: StatementItem[], sort: string): StatementItem[] {
  const out = [...items];
  const said = (s: StatementItem) => s.statement.said ?? '';
  if (sort === 'oldest')
    return out.sort((a, b) => (said(a) && said(b) ? -desc(said(a), said(b)) : said(a) ? -1 : 1));
  if (sort === 'speaker')
    return out.sort((a, b) => byText(a.speaker, b.speaker) || desc(said(a), said(b)));
  return out.sort((a, b) => desc(said(a), said(b)));
}
