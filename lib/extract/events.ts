import type { PartialDate } from '../model/partial-date';
import { partialDateWithin } from '../model/partial-date';
import { AUXILIARIES, clauseEnd, trimSpan } from './clauses';
import { type DateContext, type DateMention, resolveDate } from './dates';
import type { ArticleDoc } from './document';
import type { ActorLookup } from './known-actors';
import { PHOTO_VERBS, speechLemma } from './lexicon';
import type { Mention } from './mentions';
import { SentenceView } from './sentence-view';
import { stripAdverbials } from './speakers';

/** A dated piece of background history found in an article. */
export interface FoundEvent {
  date: PartialDate;
  start: number;
  end: number;
  text: string;
  actorIds: string[];
  sentence: number;
  confidence: number;
}

const IRREGULAR_PAST = new Set(
  'was were had came took fled broke shot struck left led began became won lost met went made put sent fell rose held saw gave got knew ran set sold stood told said drove flew fought hit kept paid sought spent stole swore threw took withdrew wrote bought brought built caught chose dealt drew fed felt forbade forgot froze grew hung hid laid lay lit meant overthrew rode rang sank sat shook shut slew sped split spread stuck stung strove swept swung tore understood upheld woke wore wove wound'.split(
    ' ',
  ),
);
const NOT_PAST = new Set([
  'need',
  'needed',
  'speed',
  'feed',
  'seed',
  'breed',
  'indeed',
  'proceed',
  'red',
  'bed',
  'united',
  'limited',
  'based',
  'related',
  'armed',
  'so-called',
  'detailed',
]);
/** Words that open a clause dated by what follows: "after tensions flared in January". */
const SUBORDINATE = new Set(['after', 'following', 'since', 'when', 'before', 'until', 'as']);

const isPast = (w: string) =>
  IRREGULAR_PAST.has(w) || (/^[a-z][a-z-]*ed$/.test(w) && w.length > 4 && !NOT_PAST.has(w));

/** A clause reads as something that happened: a past or perfect verb. */
function pastVerbIn(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = view.word(i);
    if (view.inQuote(i)) continue;
    if (isPast(w) && !/^(?:said|told)$/.test(w)) return true;
  }
  return false;
}

/** The tense of a clause's first verb: an auxiliary or a past form, whichever comes first. */
function firstVerb(
  view: SentenceView,
  from: number,
  to: number,
): 'past' | 'perfect' | 'other' | undefined {
  for (let i = from; i < to; i++) {
    const w = view.word(i);
    if (view.inQuote(i) || view.dateAt(i)) continue;
    if (/^(?:has|have)$/.test(w))
      return view.word(i + 1) === 'been' || isPast(view.word(i + 1)) ? 'perfect' : 'other';
    if (/^(?:was|were|had|did)$/.test(w)) return 'past';
    if (AUXILIARIES.has(w)) return 'other';
    if (isPast(w) && !/^(?:the|a|an|its|their|his|her)$/.test(view.word(i - 1))) return 'past';
  }
  return undefined;
}

/** The first verb of a clause is a speech verb ("Trump said on Monday that …"). */
function speechLed(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = view.word(i);
    if (view.inQuote(i)) continue;
    if (speechLemma(view.tokens[i]!.text, view.tokens[i + 1]?.text)) return true;
    if (w === 'echoed') return true;
    if (AUXILIARIES.has(w) && !/^(?:has|have|had)$/.test(w)) return false;
    if (isPast(w)) return false;
  }
  return false;
}

/** Segments of a sentence split at ", but" and ";" (outside quotes), as token ranges. */
function segments(view: SentenceView): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  view.tokens.forEach((t, i) => {
    if (view.inQuote(i)) return;
    if (t.text === ';' || (t.text === ',' && view.word(i + 1) === 'but')) {
      out.push([start, i]);
      start = t.text === ';' ? i + 1 : i + 2;
    }
  });
  out.push([start, view.tokens.length]);
  return out.filter(([a, b]) => b > a);
}

export interface EventContext {
  doc: ArticleDoc;
  lookup: ActorLookup;
  mentions: readonly Mention[];
  dates: readonly DateMention[];
  dateContext: DateContext;
  /** Dates of statements by sentence, so a relative "days after" can be anchored. */
  statementDates: Map<number, PartialDate>;
  /** Offsets of date mentions that date a statement ("told Reuters on Monday"): not events. */
  statementDateOffsets: Set<number>;
}

/** Dated background history: "In March 1960, …", "By October 1960, …", "on Jan. 3", "weeks later". */
export function findEvents(ctx: EventContext): FoundEvent[] {
  const { doc, mentions } = ctx;
  const out: FoundEvent[] = [];
  let narrative: { date: PartialDate; paragraph: number; sentence: number } | undefined;
  /** The last date the paragraph gave, said or done: what "two years later" counts from. */
  let lastSeen: { date: PartialDate; paragraph: number } | undefined;

  doc.sentences.forEach((sentence, index) => {
    const kind = doc.paragraphs[sentence.paragraph]?.kind;
    if (kind !== 'body' && kind !== 'caption') return;
    const view = new SentenceView(doc, sentence, index, mentions, ctx.dates);
    const text = view.slice(view.start, view.end);
    if (PHOTO_VERBS.test(text)) return;
    if (narrative && narrative.paragraph !== sentence.paragraph) narrative = undefined;
    if (lastSeen && lastSeen.paragraph !== sentence.paragraph) lastSeen = undefined;
    const found: FoundEvent[] = [];
    const add = (date: PartialDate, a: number, b: number, confidence: number) => {
      const [s, e] = trimSpan(doc.text, a, b);
      let end = e;
      while (end > s && /[.!?…]/.test(doc.text[end - 1] as string)) end--;
      if (end - s < 12) return;
      const actorIds = [
        ...new Set(mentions.filter((m) => m.start >= s && m.end <= end).map((m) => m.actorId)),
      ];
      found.push({
        date,
        start: s,
        end,
        text: doc.text.slice(s, end),
        actorIds,
        sentence: index,
        confidence,
      });
    };
    const ref = ctx.dateContext.reference;
    const resolved = (d: DateMention) => {
      // "In August, …" inside a dated account takes the account's year.
      const year = narrative?.date.slice(0, 4);
      if (d.kind === 'yearless' && year && d.month !== undefined) {
        const m = String(d.month).padStart(2, '0');
        const day = d.day !== undefined ? `-${String(d.day).padStart(2, '0')}` : '';
        return `${year}-${m}${day}`;
      }
      const value = resolveDate(d, { ...ctx.dateContext, future: false });
      // Background is in the past: nothing after the article's own date.
      if (
        value &&
        ref &&
        value > ref &&
        !partialDateWithin(ref, value) &&
        !partialDateWithin(value, ref)
      )
        return undefined;
      return value;
    };

    // A timeline entry: a paragraph opening with its date ("1998 The FBI arrests 10 people …",
    // "Jan. 3, 2026: U.S. forces capture Maduro"), told in the present tense.
    const para = doc.paragraphs[sentence.paragraph];
    const lead = view.dates[0];
    if (
      para &&
      sentence.start === firstChar(doc.text, para.start) &&
      lead &&
      lead.start === sentence.start
    ) {
      const date = resolved(lead);
      const rest = /^[\s:–—-]+(?=\p{Lu})/u.exec(doc.text.slice(lead.end, sentence.end));
      if (date && rest) {
        add(date, lead.end + rest[0].length, sentence.end, 0.75);
        narrative = { date, paragraph: sentence.paragraph, sentence: index };
        out.push(...found);
        return;
      }
    }

    for (const [from, to] of segments(view)) {
      const a = view.tokens[from]!.start;
      const b = view.tokens[to - 1]!.end;
      const inSeg = view.dates.filter((d) => d.start >= a && d.end <= b);
      const explicit = inSeg.filter(
        (d) => d.kind !== 'relative' && resolved(d) && !ctx.statementDateOffsets.has(d.start),
      );
      const speech = speechLed(view, stripAdverbials(view, from, to), to);

      // Relative: "days after declaring …" (dates what follows), "weeks later, X did …".
      for (const d of inSeg.filter((x) => x.kind === 'relative' && x.relative)) {
        const anchor =
          ctx.statementDates.get(index) ??
          (explicit[0] ? resolved(explicit[0]) : undefined) ??
          narrative?.date ??
          lastSeen?.date;
        if (!anchor || !d.relative) continue;
        const date = resolveDate(d, ctx.dateContext, anchor);
        if (!date) continue;
        const after = view.tokenAt(d.end);
        let start = after;
        if (d.relative.target === 'clause' && view.tokens[start]?.text === ',') start++;
        if (
          d.relative.target === 'next' &&
          d.relative.direction === -1 &&
          view.word(start) === 'after'
        )
          start++;
        if (start >= to) continue;
        // "a day after Ostmark's president said …": something said, not something that happened.
        if (!/ing$/.test(view.word(start)) && speechLed(view, start, to)) continue;
        const end = Math.min(clauseEnd(view, start), b);
        if (!pastVerbIn(view, start, view.tokenAt(end)) && !/ing$/.test(view.word(start))) continue;
        add(date, view.tokens[start]!.start, end, 0.6);
      }

      const anyDate = inSeg
        .filter((d) => d.kind !== 'relative')
        .map(resolved)
        .filter(Boolean)
        .at(-1);
      if (anyDate) lastSeen = { date: anyDate, paragraph: sentence.paragraph };
      if (explicit.length === 0) {
        // A sentence continuing a dated account: "Washington recognized the new government".
        if (narrative && narrative.sentence === index - 1 && inSeg.length === 0 && !speech) {
          const s = stripAdverbials(view, from, to);
          const subject = view.mentionAt(s);
          const end = clauseEnd(view, s);
          if (subject && pastVerbIn(view, s, view.tokenAt(end)) && from === 0) {
            add(narrative.date, view.tokens[s]!.start, end, 0.5);
          }
        }
        continue;
      }

      const groups = groupDates(explicit, doc.text);
      groups.forEach((group, g) => {
        const first = group[0]!;
        // Where this date's part of the segment runs: split before the next date's phrase.
        let partStart = a;
        let partEnd = b;
        if (g > 0) {
          const prevEnd = groups[g - 1]!.at(-1)!.end;
          const comma = doc.text.lastIndexOf(',', first.start);
          partStart = comma > prevEnd ? comma + 1 : first.start;
        }
        const next = groups[g + 1];
        if (next) {
          const comma = doc.text.lastIndexOf(',', next[0]!.start);
          if (comma > first.end) partEnd = comma;
        }
        const ps = view.tokenAt(partStart);
        const pe = view.tokenAt(partEnd);
        // Inside "after/since/when …" with its own past verb, when the main clause is not an
        // event (speech, or the present): "… represent the first hint … after tensions flared in
        // January …".
        const sub = subordinateAround(view, first, ps);
        const tense =
          sub === ps + 1 ? undefined : firstVerb(view, stripAdverbials(view, ps, pe), sub ?? pe);
        const mainPast = tense === 'past';
        const perfect = tense === 'perfect';
        const caption =
          kind === 'caption' &&
          group.every((d) => d.kind === 'absolute') &&
          /\d{4}/.test(view.slice(first.start, first.end));
        for (const d of group) {
          const date = resolved(d)!;
          if (speech || !(mainPast || perfect || caption)) {
            if (
              sub !== undefined &&
              firstVerb(view, sub, view.tokenAt(clauseEnd(view, sub))) === 'past'
            ) {
              add(date, view.tokens[sub]!.start, Math.min(clauseEnd(view, sub), partEnd), 0.6);
            }
            continue;
          }
          // A trailing "after the U.S. captured …" tells another event: leave it out.
          let cut = partEnd;
          const tail = /\s(?:after|following)\s+(?:the\s+|\p{Lu})[^,]+$/u.exec(
            view.slice(d.end, partEnd),
          );
          if (tail && firstVerb(view, view.tokenAt(d.end + tail.index + 1) + 1, pe) === 'past')
            cut = d.end + tail.index;
          // "… after tensions flared": the subordinator is not part of what happened.
          let begin = partStart;
          const lead = /^\s*(?:after|following|since|when)\s+/i.exec(view.slice(partStart, cut));
          if (lead && g > 0) begin = partStart + lead[0].length;
          add(date, begin, cut, d.kind === 'absolute' ? 0.8 : 0.65);
          // "In January 2026, after the capture of Venezuela’s President Nicolás Maduro, …": the
          // named capture is an event of its own.
          const nominal = /,\s*(?:after|following)\s+(the\s+[a-z]+\s+of\s+[^,]+),/.exec(
            view.slice(partStart, partEnd),
          );
          if (nominal?.[1]) {
            const ns = partStart + nominal.index + nominal[0].indexOf(nominal[1]);
            const ne = ns + nominal[1].length;
            const person = mentions.some(
              (m) => m.start >= ns && m.end <= ne && ctx.lookup.get(m.actorId)?.kind === 'person',
            );
            if (person) add(date, ns, ne, 0.55);
          }
        }
      });
      const last = explicit.at(-1);
      const lastDate = last ? resolved(last) : undefined;
      if (lastDate && !speech)
        narrative = { date: lastDate, paragraph: sentence.paragraph, sentence: index };
    }
    out.push(...found);
  });
  return dedupeEvents(out, ctx.lookup);
}

function firstChar(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** Dates joined by "and"/"or" belong together; others each date their own part. */
function groupDates(dates: DateMention[], text: string): DateMention[][] {
  const groups: DateMention[][] = [];
  for (const d of dates) {
    const prev = groups.at(-1)?.at(-1);
    if (
      prev?.coordinated &&
      d.coordinated &&
      /^\s*(?:,\s*|,?\s+(?:and|or)\s+)$/.test(text.slice(prev.end, d.start))
    ) {
      groups.at(-1)!.push(d);
    } else groups.push([d]);
  }
  return groups;
}

/** The token where an "after/since/when …" clause holding the date starts, if it does. */
function subordinateAround(view: SentenceView, d: DateMention, floor: number): number | undefined {
  const at = view.tokenAt(d.start);
  for (let i = at - 1; i >= floor; i--) {
    const w = view.word(i);
    if (SUBORDINATE.has(w)) return i + 1;
    if (view.tokens[i]?.text === ',' || view.tokens[i]?.text === ';') return undefined;
  }
  return undefined;
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'and',
  'to',
  'at',
  'by',
  'for',
  'with',
  'that',
  'which',
  'was',
  'were',
  'his',
  'her',
  'its',
  'their',
  'from',
  'after',
  'jan',
  'feb',
]);
export const stems = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.slice(0, 6)),
  );

/**
 * The same event told twice in one article ("a Jan. 3 operation …" and a caption about it) is
 * kept once: same date, a shared actor other than a country, and shared words.
 */
function dedupeEvents(events: FoundEvent[], lookup: ActorLookup): FoundEvent[] {
  const out: FoundEvent[] = [];
  for (const e of events) {
    const words = stems(e.text);
    const dup = out.find((o) => {
      if (o.date !== e.date) return false;
      if (o.start === e.start && o.end === e.end) return true;
      // A part told inside another event of the same sentence is its own event.
      if (o.sentence === e.sentence) return false;
      const shared = o.actorIds.filter(
        (id) => e.actorIds.includes(id) && lookup.get(id)?.kind !== 'country',
      );
      if (shared.length === 0) return false;
      const ow = stems(o.text);
      let n = 0;
      for (const w of words) if (ow.has(w)) n++;
      return n >= 3;
    });
    if (!dup) out.push(e);
  }
  return out;
}
