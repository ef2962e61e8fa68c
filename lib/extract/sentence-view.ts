import type { DateMention } from './dates';
import type { ArticleDoc } from './document';
import type { Mention } from './mentions';
import type { Quote } from './quotes';
import type { Sentence } from './sentences';
import { type Token, tokenize } from './tokens';

/** One sentence with its tokens, quotes, actor mentions and dates, for the attribution rules. */
export class SentenceView {
  readonly tokens: Token[];
  readonly quotes: Quote[];
  readonly mentions: Mention[];
  readonly dates: DateMention[];

  constructor(
    readonly doc: ArticleDoc,
    readonly sentence: Sentence,
    readonly index: number,
    mentions: readonly Mention[],
    dates: readonly DateMention[],
  ) {
    const { start, end } = sentence;
    this.tokens = tokenize(doc.text, start, end);
    this.quotes = doc.quotes.filter((q) => q.depth === 0 && q.open >= start && q.open < end);
    this.mentions = mentions.filter((m) => m.start >= start && m.end <= end);
    this.dates = dates.filter((d) => d.start >= start && d.end <= end);
  }

  get text() {
    return this.doc.text;
  }
  get start() {
    return this.sentence.start;
  }
  get end() {
    return this.sentence.end;
  }
  get paragraph() {
    return this.sentence.paragraph;
  }

  word(i: number): string {
    return this.tokens[i]?.lower ?? '';
  }

  /** The top-level quote whose marks or words contain the offset. */
  quoteAround(offset: number): Quote | undefined {
    return this.quotes.find((q) => offset >= q.open && offset < q.close);
  }

  /** Whether token i is inside a quotation (its marks included). */
  inQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && this.quoteAround(t.start) !== undefined;
  }

  isOpenQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && this.quotes.some((q) => q.open === t.start);
  }

  isCloseQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && this.quotes.some((q) => q.close === t.end && q.innerEnd === t.start);
  }

  mentionAt(i: number): Mention | undefined {
    const t = this.tokens[i];
    return t && this.mentions.find((m) => t.start >= m.start && t.end <= m.end);
  }

  dateAt(i: number): DateMention | undefined {
    const t = this.tokens[i];
    return t && this.dates.find((d) => t.start >= d.start && t.end <= d.end);
  }

  /** Index of the first token starting at or after an offset. */
  tokenAt(offset: number): number {
    const i = this.tokens.findIndex((t) => t.start >= offset);
    return i < 0 ? this.tokens.length : i;
  }

  /** Index of the last token ending at or before an offset. */
  tokenBefore(offset: number): number {
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      if ((this.tokens[i] as Token).end <= offset) return i;
    }
    return -1;
  }

  /** The sentence's final punctuation and closing marks: where its words end. */
  get wordsEnd(): number {
    let end = this.end;
    const text = this.text;
    while (end > this.start && /[\s.!?…]/.test(text[end - 1] as string)) end--;
    return end;
  }

  slice(start: number, end: number) {
    return this.text.slice(start, end);
  }
}
