import { textFragmentUrl } from '../citation/text-fragment';
import { foldKey } from '../match/fold';
import type { Note, Page } from '../model';

/**
 * Exports of the user's notes: Markdown (one file, or one per article), JSON, and W3C Web
 * Annotations. Pure functions of the notes and what they refer to, so the same input always gives
 * the same file (the tests compare them with expected files).
 */
export interface ExportContext {
  /** The cached reading copy of a page, by URL. */
  page(url: string): Page | undefined;
  /** What an entity note is about, in words ("Actor: Donald Trump"). */
  subject(note: Note): string | undefined;
  /** When the export was made (ISO). */
  exportedAt: string;
}

type SelectionNote = Note & { target: Extract<Note['target'], { kind: 'selection' }> };
const isSelection = (n: Note): n is SelectionNote => n.target.kind === 'selection';

/** Escapes text taken from a page so Markdown shows it as written. */
export function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const byCreated = (a: Note, b: Note) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

interface Group {
  url: string;
  title: string;
  page: Page | undefined;
  notes: SelectionNote[];
}

function groupByPage(notes: Note[], ctx: ExportContext): Group[] {
  const groups = new Map<string, Group>();
  for (const n of [...notes].filter(isSelection).sort(byCreated)) {
    const url = n.target.url;
    const page = ctx.page(url);
    const g = groups.get(url) ?? {
      url,
      title: page?.title ?? n.target.title ?? url,
      page,
      notes: [],
    };
    g.notes.push(n);
    groups.set(url, g);
  }
  return [...groups.values()];
}

/** "Harbour Ledger, “Title”, 2026-02-03. <link to the passage>" */
function citationLine(g: Group, n: SelectionNote): string {
  const parts = [
    g.page?.outlet && mdEscape(g.page.outlet),
    `“${mdEscape(oneLine(g.title))}”`,
    g.page?.published,
  ].filter(Boolean);
  return `— ${parts.join(', ')}. <${textFragmentUrl(n.target.url, n.target.quote)}>`;
}

function noteBlock(body: string, tags: string[], created: string): string[] {
  const out: string[] = [];
  if (body.trim()) out.push(body.trim(), '');
  const meta = [`Noted ${created.slice(0, 10)}`];
  if (tags.length > 0) meta.push(`tags: ${tags.map((t) => mdEscape(t)).join(', ')}`);
  out.push(`*${meta.join(' · ')}*`, '');
  return out;
}

function articleSection(g: Group, level: '#' | '##'): string[] {
  const out = [`${level} ${mdEscape(oneLine(g.title))}`, ''];
  const about = [g.page?.outlet && mdEscape(g.page.outlet), g.page?.published, `<${g.url}>`];
  out.push(about.filter(Boolean).join(' · '), '');
  for (const n of g.notes) {
    for (const line of oneLine(n.target.quote.exact).split('\n')) out.push(`> ${mdEscape(line)}`);
    out.push('', citationLine(g, n), '');
    out.push(...noteBlock(n.body, n.tags, n.createdAt));
  }
  return out;
}

function entitySection(notes: Note[], ctx: ExportContext, level: '#' | '##'): string[] {
  const entity = notes.filter((n) => !isSelection(n)).sort(byCreated);
  if (entity.length === 0) return [];
  const out = [`${level} Notes on actors, claims and statements`, ''];
  for (const n of entity) {
    if (n.target.kind !== 'entity') continue;
    const subject = ctx.subject(n) ?? n.target.entityId;
    out.push(`${level}# ${capital(n.target.entityType)}: ${mdEscape(oneLine(subject))}`, '');
    out.push(...noteBlock(n.body, n.tags, n.createdAt));
  }
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const finish = (lines: string[]) =>
  `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;

/** All notes in one Markdown file, grouped by article, then the notes on actors and claims. */
export function notesToMarkdown(notes: Note[], ctx: ExportContext): string {
  const count = notes.length === 1 ? '1 note' : `${notes.length} notes`;
  const lines = ['# Backstory notes', '', `Exported ${ctx.exportedAt.slice(0, 10)} · ${count}`, ''];
  for (const g of groupByPage(notes, ctx)) lines.push(...articleSection(g, '##'));
  lines.push(...entitySection(notes, ctx, '##'));
  return finish(lines);
}

/** A file name from a title: folded, lowercase, dashes, at most 60 characters. */
export function slug(title: string): string {
  const s = foldKey(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'untitled';
}

/** One Markdown file per article (and one for notes on actors, claims and statements). */
export function notesToMarkdownFiles(
  notes: Note[],
  ctx: ExportContext,
): { name: string; content: string }[] {
  const used = new Set<string>();
  const unique = (base: string) => {
    let name = `${base}.md`;
    for (let i = 2; used.has(name); i++) name = `${base}-${i}.md`;
    used.add(name);
    return name;
  };
  const files = groupByPage(notes, ctx).map((g) => ({
    name: unique(slug(g.title)),
    content: finish(articleSection(g, '#')),
  }));
  const entity = entitySection(notes, ctx, '#');
  if (entity.length > 0)
    files.push({ name: unique('notes-on-actors-claims-statements'), content: finish(entity) });
  return files;
}

export const NOTES_JSON_FORMAT = 'backstory-notes';

/** Backstory's own JSON: the notes as stored, with the articles they are on. */
export function notesToJson(notes: Note[], ctx: ExportContext): string {
  const sorted = [...notes].sort(byCreated);
  const urls = [...new Set(sorted.filter(isSelection).map((n) => n.target.url))];
  const pages = urls
    .map((url) => ctx.page(url))
    .filter((p): p is Page => p !== undefined)
    .map(({ url, title, outlet, author, published }) => ({
      url,
      title,
      outlet,
      author,
      published,
    }));
  const subjects: Record<string, string> = {};
  for (const n of sorted) {
    const s = n.target.kind === 'entity' ? ctx.subject(n) : undefined;
    if (s && n.target.kind === 'entity')
      subjects[`${n.target.entityType}:${n.target.entityId}`] = s;
  }
  return `${JSON.stringify(
    {
      format: NOTES_JSON_FORMAT,
      formatVersion: 1,
      exportedAt: ctx.exportedAt,
      notes: sorted,
      pages,
      subjects,
    },
    null,
    2,
  )}\n`;
}
