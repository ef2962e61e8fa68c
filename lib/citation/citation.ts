import { formatPartialDate, isHttpUrl } from '../model';

/**
 * "Copy as citation": a statement as a journalist pastes it into a draft — the words, who said
 * them and in what role, when and how, where it was read, and a link that opens the source at
 * the passage. Plain text and Markdown. Attribution only: nothing in it judges the statement.
 */
export interface CitationInput {
  words: string;
  kind: 'quote' | 'reported';
  speaker: string;
  role?: string | undefined;
  said?: string | undefined;
  medium?: string | undefined;
  source?:
    | {
        outlet?: string | undefined;
        title?: string | undefined;
        /** Shown with the source when the statement itself is undated. */
        published?: string | undefined;
        /** The source URL, ideally with a `#:~:text=` fragment. */
        href?: string | undefined;
      }
    | undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const plain = (s: string) => s;

/** "Speaker, Role, 2 February 2026 (Reuters interview)"; `text` escapes, `name` formats. */
function attribution(
  c: CitationInput,
  locale: string | undefined,
  name: (s: string) => string = plain,
  text: (s: string) => string = plain,
): string {
  const parts = [name(text(oneLine(c.speaker)))];
  if (c.role) parts.push(text(oneLine(c.role)));
  if (c.said) parts.push(formatPartialDate(c.said, locale, 'long'));
  let out = parts.join(', ');
  if (c.medium) out += ` (${text(oneLine(c.medium))})`;
  return out;
}

/**
 * "Reuters, “Title”" — whichever of the two is known — and, when the statement is undated, the
 * source's publication date ("Reuters, 3 February 2026").
 */
function sourceName(c: CitationInput, locale: string | undefined): string | undefined {
  const parts: string[] = [];
  if (c.source?.outlet) parts.push(oneLine(c.source.outlet));
  if (c.source?.title) parts.push(`“${oneLine(c.source.title)}”`);
  if (parts.length === 0) return undefined;
  if (!c.said && c.source?.published)
    parts.push(formatPartialDate(c.source.published, locale, 'long'));
  return parts.join(', ');
}

const safeHref = (c: CitationInput) =>
  c.source?.href && isHttpUrl(c.source.href) ? c.source.href : undefined;

/** The citation as plain text, one paragraph. */
export function citationText(c: CitationInput, locale?: string): string {
  const words = oneLine(c.words);
  const who = attribution(c, locale);
  const body =
    c.kind === 'quote' ? `“${words}” — ${who}.` : `${who}, paraphrased: ${stripEnd(words)}.`;
  const source = sourceName(c, locale);
  const href = safeHref(c);
  return [body, source ? `${stripEnd(source)}.` : undefined, href].filter(Boolean).join(' ');
}

/** The citation as Markdown: a block quote (quotes) or a paragraph (reported), linked source. */
export function citationMarkdown(c: CitationInput, locale?: string): string {
  const words = escapeMarkdown(oneLine(c.words));
  const who = attribution(c, locale, (s) => `**${s}**`, escapeMarkdown);
  const source = sourceName(c, locale);
  const href = safeHref(c);
  let cite = '';
  if (source && href) cite = ` [${escapeMarkdown(stripEnd(source))}](${markdownUrl(href)})`;
  else if (source) cite = ` ${escapeMarkdown(stripEnd(source))}.`;
  else if (href) cite = ` <${markdownUrl(href)}>`;
  if (c.kind === 'quote') return `> “${words}”\n>\n> — ${who}.${cite}`;
  return `${who}, paraphrased: ${stripEnd(words)}.${cite}`;
}

const stripEnd = (s: string) => s.replace(/[.\s]+$/, '');

/** Backslash-escapes what Markdown would read as formatting, links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);
}

/** A URL safe inside Markdown's `(…)`: spaces and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}
