import { type PartialDate, parsePartialDate } from '../model/partial-date';
import { parseStandaloneDate } from './dates';
import { findQuotes, type Quote } from './quotes';
import { type Sentence, splitSentences } from './sentences';

/**
 * An article as extraction sees it: one text, its paragraphs classified (title, headings,
 * bylines, captions, body), its quotes and sentences, and the metadata found in the text itself
 * (byline, date line, dateline "HAVANA, Feb 3 (Reuters) -").
 */
export type ParagraphKind = 'title' | 'heading' | 'byline' | 'dateline' | 'caption' | 'body';

export interface Paragraph {
  start: number;
  end: number;
  kind: ParagraphKind;
}

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  author?: string;
  published?: PartialDate;
  /** The place of a dateline ("HAVANA"). */
  place?: string;
}

export interface ArticleDoc {
  text: string;
  paragraphs: Paragraph[];
  quotes: Quote[];
  sentences: Sentence[];
  meta: ArticleMeta;
  /** Where the body of the first paragraph starts after a dateline ("HAVANA: "). */
  datelineEnd?: number;
}

const PHOTO_CREDIT =
  /\((?:[^()]*(?:Photo|photo|Getty Images|AP Photo|Reuters|AFP|EPA|Pool|File)[^()]*)\)\s*$|(?:^|\s)(?:Photo|Image|Credit)s?:\s*[^.]+$/;
const BYLINE = /^[-–—•·\s]*By\s+(.+?)[-–—•·\s]*$/;
/** "HAVANA, Feb 3 (Reuters) -", "WASHINGTON (AP) —", "HAVANA:" */
const DATELINE =
  /^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}?)(?:,\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?(?:\s*\(([^)]{2,60})\))?\s*(?:[-–—:]\s+)/u;

function wordsOf(s: string): string[] {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Splits text into paragraphs: blank lines or single line breaks both separate them. */
export function paragraphRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function classify(
  line: string,
  index: number,
  meta: ArticleMeta,
  hasTitle: boolean,
): ParagraphKind {
  const trimmed = line.trim();
  const words = wordsOf(trimmed);
  const endsLikeSentence = /[.!?:;,…"”’)]$/.test(trimmed);
  // "By Jane Doe", "By Jane Doe · February 3, 2026 9:14 AM UTC · Updated 11:02 AM UTC"
  if (BYLINE.test(trimmed) && (words.length <= 12 || (/[·|•]/.test(trimmed) && words.length <= 30)))
    return 'byline';
  if (words.length <= 8 && parseStandaloneDate(trimmed.replace(/^[-–—•·\s]+|[-–—•·\s]+$/g, '')))
    return 'dateline';
  if (
    index === 0 &&
    !hasTitle &&
    words.length >= 4 &&
    words.length <= 30 &&
    !/[.!?:;,]$/.test(trimmed)
  )
    return 'title';
  if (meta.title && trimmed === meta.title.trim()) return 'title';
  if (PHOTO_CREDIT.test(trimmed)) return 'caption';
  if (words.length <= 12 && !endsLikeSentence) return 'heading';
  return 'body';
}

export interface DocInput {
  text: string;
  title?: string;
  outlet?: string;
  author?: string;
  published?: PartialDate;
}

export function buildDoc(input: DocInput): ArticleDoc {
  const text = input.text.replace(/\r\n?/g, '\n');
  const meta: ArticleMeta = {};
  if (input.title) meta.title = input.title;
  if (input.outlet) meta.outlet = input.outlet;
  if (input.author) meta.author = input.author;
  if (input.published && parsePartialDate(input.published)) meta.published = input.published;

  const ranges = paragraphRanges(text);
  const paragraphs: Paragraph[] = [];
  let datelineEnd: number | undefined;
  let bodySeen = 0;
  ranges.forEach(([start, end], i) => {
    const line = text.slice(start, end);
    const kind = classify(line, i, meta, input.title !== undefined);
    if (kind === 'title' && !meta.title) meta.title = line.trim();
    if (kind === 'byline') {
      const who = BYLINE.exec(line.trim())?.[1]?.trim();
      // "By Reuters" names the outlet when no person is named ("By Jane Doe · Feb 3, 2026").
      const name = who?.split(/\s+[·|•]\s+|\s+-\s+|,\s+/)[0]?.trim();
      if (name && !meta.author && !meta.outlet && wordsOf(name).length === 1) meta.outlet = name;
      else if (name && !meta.author) meta.author = name;
      const date = who && parseStandaloneDate(who.replace(/^.*?[·|•]\s*/, ''));
      if (date && !meta.published) meta.published = date;
    }
    if (kind === 'dateline') {
      const date = parseStandaloneDate(line.trim().replace(/^[-–—•·\s]+|[-–—•·\s]+$/g, ''));
      if (date && !meta.published) meta.published = date;
    }
    // A dateline opens one of the first paragraphs of the body: "HAVANA, Feb 3 (Reuters) -".
    if (kind === 'body' && datelineEnd === undefined && bodySeen < 3) {
      bodySeen++;
      const m = DATELINE.exec(line);
      if (m?.[1] && wordsOf(m[1]).every((w) => w === w.toUpperCase())) {
        datelineEnd = start + m[0].length;
        meta.place = m[1].trim();
        if (m[3] && !meta.outlet) meta.outlet = m[3].trim();
        if (m[2] && !meta.published) {
          const d = parseStandaloneDate(m[2]);
          if (d) meta.published = d;
        }
      }
    }
    paragraphs.push({ start, end, kind });
  });
  const spans = paragraphs.map((p): [number, number] => [p.start, p.end]);
  const quotes = findQuotes(text, spans);
  const sentences = splitSentences(text, spans, quotes).map((s) =>
    datelineEnd !== undefined && s.start < datelineEnd && s.end > datelineEnd
      ? { ...s, start: datelineEnd }
      : s,
  );
  const doc: ArticleDoc = { text, paragraphs, quotes, sentences, meta };
  if (datelineEnd !== undefined) doc.datelineEnd = datelineEnd;
  return doc;
}

/** Whether a sentence is running prose that can carry statements and events. */
export function isProse(doc: ArticleDoc, s: Sentence): boolean {
  const kind = doc.paragraphs[s.paragraph]?.kind;
  return kind === 'body' || kind === 'caption';
}
