/**
 * Re-anchoring notes on a long page: Backstory's anchoring (position, exact quote with context,
 * then approximate with at most 20 % errors, over a folded view of the text) against the common
 * alternative, the Hypothesis client's matchQuote as published (approximate search allowing half
 * the quote's length in errors, on the raw text). Pure text code, so it runs in Node; the page
 * text is the Atlas Review sample article's visible text, repeated to about 300 kB.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import approxSearch from 'approx-string-match';
import { anchorQuote, describeSelection } from '../../lib/anchor';
import { type BenchModule, type BenchResult, median, round } from '../lib/bench-kit';

function pageText(): string {
  const html = readFileSync(
    resolve(import.meta.dirname, '../../tests/fixtures/articles/atlas-review-timeline.html'),
    'utf8',
  );
  const body = html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
  let text = '';
  for (let i = 0; text.length < 300_000; i++) text += `\n\nPart ${i}.\n${body}`;
  return text;
}

/** The Hypothesis client's matchQuote, as its source reads (BSD-2-Clause), for comparison. */
function hypothesisMatch(
  text: string,
  quote: string,
  ctx: { prefix?: string; suffix?: string; hint?: number },
) {
  const search = (t: string, s: string, k: number) => {
    const exact: { start: number; end: number; errors: number }[] = [];
    for (let at = t.indexOf(s); at !== -1; at = t.indexOf(s, at + 1))
      exact.push({ start: at, end: at + s.length, errors: 0 });
    return exact.length > 0 ? exact : approxSearch(t, s, k);
  };
  const sim = (t: string, s: string) => {
    if (!s.length || !t.length) return 0;
    const m = search(t, s, s.length)[0];
    return m ? 1 - m.errors / s.length : 0;
  };
  const matches = search(text, quote, Math.min(256, quote.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const p = ctx.prefix
      ? sim(text.slice(Math.max(0, m.start - ctx.prefix.length), m.start), ctx.prefix)
      : 1;
    const s = ctx.suffix ? sim(text.slice(m.end, m.end + ctx.suffix.length), ctx.suffix) : 1;
    const pos = ctx.hint === undefined ? 1 : 1 - Math.abs(m.start - ctx.hint) / text.length;
    const score = (50 * (1 - m.errors / quote.length) + 20 * p + 20 * s + 2 * pos) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

function time(fn: () => unknown, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const bench: BenchModule = {
  name: 'anchoring notes',
  async run({ runs }) {
    const text = pageText();
    const passage = 'serious, meaningful and responsible dialogue';
    const at = text.lastIndexOf(passage);
    const sel = describeSelection(text, at, at + passage.length);
    if (!sel) throw new Error('no passage');
    const shifted = `An editor's note at the top.\n${text}`;
    // Every copy of the passage is edited (the page repeats), so no exact match is left.
    const edited = shifted.replace(
      /serious,\s+meaningful\s+and\s+responsible\s+dialogue/g,
      'serious, meaningful, responsible dialog',
    );
    const removed = text.split(passage).join('');
    const cases: [string, string][] = [
      ['unchanged page', text],
      ['text added before the passage', shifted],
      ['passage edited', edited],
      ['passage removed (orphan)', removed],
    ];
    const results: BenchResult[] = [];
    for (const [label, page] of cases) {
      const ours = time(() => anchorQuote(page, sel), runs);
      const theirs = time(
        () =>
          hypothesisMatch(page, sel.quote.exact, {
            prefix: sel.quote.prefix,
            suffix: sel.quote.suffix,
            hint: sel.position.start,
          }),
        runs,
      );
      const found = anchorQuote(page, sel);
      const their = hypothesisMatch(page, sel.quote.exact, {
        prefix: sel.quote.prefix,
        suffix: sel.quote.suffix,
        hint: sel.position.start,
      });
      results.push(
        {
          metric: `${label}: Backstory median`,
          value: round(ours),
          unit: 'ms',
          note: found ? `found by ${found.method}` : 'not found',
        },
        {
          metric: `${label}: Hypothesis matchQuote median`,
          value: round(theirs),
          unit: 'ms',
          note: their
            ? `matched "${page.slice(their.start, their.end).slice(0, 40)}"`
            : 'not found',
        },
        {
          metric: `${label}: ratio (Hypothesis / Backstory)`,
          value: round(theirs / Math.max(ours, 0.001)),
          unit: '×',
        },
      );
    }
    results.push({ metric: 'page text length', value: text.length, unit: 'chars' });
    return results;
  },
};

export default bench;
