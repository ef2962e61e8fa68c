import type { PartialDate } from '../model/partial-date';
import { AUXILIARIES, clauseEnd, DETERMINERS, trimSpan } from './clauses';
import { type DateContext, type DateMention, resolveDate } from './dates';
import { type ArticleDoc, isProse } from './document';
import { Focus, reportOwnerOf, type Speaker } from './focus';
import type { ActorLookup } from './known-actors';
import { NAMING, PRONOUNS, speechLemma } from './lexicon';
import type { Mention } from './mentions';
import { type Quote, quoteText, quoteWordCount } from './quotes';
import { SentenceView } from './sentence-view';
import { resolveSubject, stripAdverbials } from './speakers';
import { findSpeechActs, IRREGULAR_PAST, type SpeechAct } from './speech-acts';

/** A statement found in an article, with its place in the text. */
export interface FoundStatement {
  /** The words, as offsets: a quote without its marks, or the reported clause. */
  start: number;
  end: number;
  /** For a quote continued across paragraphs: the pieces, in order. */
  pieces?: [number, number][];
  kind: 'quote' | 'reported';
  speaker: Speaker;
  sentence: number;
  paragraph: number;
  medium?: string;
  said?: PartialDate;
  /** Where the text gives the date it was said (a date mention's start offset). */
  saidAt?: number;
  /** How it was found, for confidence and debugging. */
  pattern: string;
  /** The speech verb's lemma, when a verb introduced it. */
  lemma?: string;
  confidence: number;
}

const CONNECTIVES = /^(?:however|but|still|yet|and|so|instead|meanwhile|moreover|also)\b,?\s*/i;
const NAME_BEFORE =
  /(?:\b(?:the|a|an|his|her|its|their|our|so-called|dubbed|called|named|titled|known as|headlined)|['’]s)\s*$/i;

/** "the “wet foot, dry foot” policy": a quoted name or term, not something said. */
function isNameQuote(text: string, q: Quote): boolean {
  const before = text.slice(Math.max(0, q.open - 20), q.open);
  const after = text.slice(q.close, q.close + 20);
  if (/\b(?:so-called|dubbed|known as|titled|headlined|named)\s*$/i.test(before)) return true;
  return (
    NAME_BEFORE.test(before) &&
    /^\s+[a-z][a-z-]+\b/.test(after) &&
    !/^\s+(?:is|are|was|were|has|had|will|would|said|says|told|added)\b/.test(after)
  );
}

/** A span's words as a statement: the quote when quotations make up most of it. */
function contentStatement(
  view: SentenceView,
  start: number,
  end: number,
): { start: number; end: number; kind: 'quote' | 'reported' } | null {
  const text = view.text;
  let [a, b] = trimSpan(text, start, end);
  // "…, however, she has privately asked …": a connective is not part of what was said.
  const connective =
    /^(?:however|moreover|meanwhile|still|also|indeed|instead|nonetheless|nevertheless|though|in fact),\s*/i.exec(
      text.slice(a, b),
    );
  if (connective) a += connective[0].length;
  // A reported clause leaves out final punctuation, but keeps a closing quote and what it holds.
  while (b > a && /[.;:!?…]/.test(text[b - 1] as string) && !view.quoteAround(b - 1)) b--;
  if (b <= a) return null;
  const inside = view.quotes.filter((q) => q.open >= a && q.close <= b + 1);
  const quoted = inside.reduce((n, q) => n + (q.innerEnd - q.innerStart), 0);
  const biggest = inside.sort((x, y) => y.innerEnd - y.innerStart - (x.innerEnd - x.innerStart))[0];
  const share = biggest ? (biggest.innerEnd - biggest.innerStart) / (b - a) : 0;
  const dominant = inside.length === 1 ? quoted >= 0.5 * (b - a) : share >= 0.6;
  if (biggest && (dominant || biggest.open === a) && quoteWordCount(text, biggest) >= 2) {
    const q = quoteText(text, biggest);
    return { start: q.start, end: q.end, kind: 'quote' };
  }
  return { start: a, end: b, kind: 'reported' };
}

function mediumOf(view: SentenceView, act: SpeechAct, lookup: ActorLookup): string | undefined {
  const parts: string[] = [];
  const addressee = act.frame.addressee;
  if (addressee) {
    const who = view.slice(addressee[0], addressee[1]);
    const verb = view.tokens[act.verb]?.lower ?? '';
    if (/^(?:told|tells|tell|telling)$/.test(verb) && !/^(?:him|her|them|us|me)$/i.test(who)) {
      parts.push(`told ${who}`);
    }
  }
  for (const [a, b] of act.frame.medium) {
    // "at his Mar-a-Lago estate in Florida on Sunday": the day is the date, not the medium.
    let phrase = view.slice(a, b);
    for (const d of view.dates.filter((x) => x.start >= a && x.end <= b).reverse()) {
      phrase = `${phrase.slice(0, d.start - a).replace(/\s*\b(?:on|in|late on|early on)\s*$/i, '')}${phrase.slice(d.end - a)}`;
    }
    if (phrase.trim()) parts.push(phrase.trim());
  }
  // "A statement attributed to Trump during a press briefing at his Mar-a-Lago resort": the
  // subject can carry the occasion.
  if (parts.length === 0 && act.pattern !== 'according-to') {
    const verbAt = view.tokens[act.verb]?.start ?? view.start;
    const head = view.slice(view.start, verbAt);
    const m =
      /\b(?:during|at|in)\s+(?:a|an|his|her|the)\s+(?:press briefing|news conference|press conference|interview|speech|post|statement|rally)\b[^,;]*/iu.exec(
        head,
      );
    if (m) {
      const a = view.start + m.index;
      let phrase = m[0];
      for (const d of view.dates
        .filter((x) => x.start >= a && x.end <= a + phrase.length)
        .reverse()) {
        phrase = `${phrase.slice(0, d.start - a).replace(/\s*\b(?:on|in)\s*$/i, '')}${phrase.slice(d.end - a)}`;
      }
      parts.push(phrase.trim());
    }
  }
  void lookup;
  const medium = parts.join(' ').replace(/\s+/g, ' ').trim();
  return medium ? medium.slice(0, 300) : undefined;
}

/** Where the clause of an act starts: after ", and", ", while", "although" before its verb. */
function actClauseStart(view: SentenceView, act: SpeechAct): number {
  for (let i = act.verb - 1; i > 0; i--) {
    const w = view.word(i);
    const prev = view.tokens[i - 1]?.text;
    if (/^(?:and|but|while|whereas|although|though)$/.test(w) && prev === ',')
      return view.tokens[i]!.start;
    if (view.tokens[i]?.text === ';') return view.tokens[i]!.end;
  }
  return view.start;
}

/** The date mention that dates an act: the nearest one outside what was said. */
function dateOfAct(
  view: SentenceView,
  act: SpeechAct,
  content: { start: number; end: number } | null,
  said: readonly [number, number][],
): DateMention | undefined {
  const verbAt = view.tokens[act.verb]?.start ?? view.start;
  // Dates inside what anyone in the sentence said are theirs, not the act's.
  const outside = view.dates.filter(
    (d) =>
      (!content || d.end <= content.start || d.start >= content.end) &&
      !said.some(([a, b]) => d.start >= a && d.end <= b),
  );
  // "days after declaring …", "a day after Ostmark's president said …": a relative date
  // before the act, with no comma between, dates it.
  const rel = outside.find(
    (d) =>
      d.kind === 'relative' &&
      d.relative?.target === 'next' &&
      d.end <= verbAt &&
      !view.slice(d.end, verbAt).includes(','),
  );
  if (rel) return rel;
  return outside
    .filter((d) => d.kind !== 'relative')
    .sort((a, b) => Math.abs(a.start - verbAt) - Math.abs(b.start - verbAt))[0];
}

export interface StatementContext {
  doc: ArticleDoc;
  lookup: ActorLookup;
  mentions: readonly Mention[];
  dates: readonly DateMention[];
  dateContext: DateContext;
}

/** Every statement in an article: speech acts, quotes attributed by context, quoted fragments. */
export function findStatements(ctx: StatementContext): FoundStatement[] {
  const { doc, lookup, mentions } = ctx;
  const focus = new Focus(lookup, mentions, reportOwnerOf(doc.text, mentions, lookup));
  const out: FoundStatement[] = [];
  const covered = (a: number, b: number) => out.some((s) => a < s.end && s.start < b);

  doc.sentences.forEach((sentence, index) => {
    const view = new SentenceView(doc, sentence, index, mentions, ctx.dates);
    const prose = isProse(doc, sentence);
    const acts = prose ? findSpeechActs(view, lookup) : [];
    const here: FoundStatement[] = [];
    let lastSpeaker: Speaker | null = null;
    let lastDate: PartialDate | undefined;

    const emit = (s: Omit<FoundStatement, 'sentence' | 'paragraph'>) => {
      const st: FoundStatement = { ...s, sentence: index, paragraph: sentence.paragraph };
      here.push(st);
      out.push(st);
      focus.noteSpeaker(s.speaker, s.start, sentence.paragraph);
    };

    for (const act of acts) {
      const at = view.tokens[act.verb]?.start ?? view.start;
      // Speaker.
      let speaker: Speaker | null = null;
      if (act.inheritsSpeaker) {
        speaker = lastSpeaker ?? mainSubject(view, act, lookup, focus);
      } else if (act.speaker) {
        speaker = focus.resolve(act.speaker, at);
      }
      if (!speaker) continue;
      // What was said.
      let content: { start: number; end: number; kind: 'quote' | 'reported' } | null = null;
      let pieces: [number, number][] | undefined;
      const c = act.complement;
      if (c.type === 'clause') {
        // A clause that reports someone else's words ("a report notes that Trump has stated
        // that …") is left to the inner act.
        const nested = acts.some(
          (o) =>
            o !== act &&
            !o.inheritsSpeaker &&
            o.speaker !== null &&
            (view.tokens[o.verb]?.start ?? 0) >= c.start &&
            (view.tokens[o.verb]?.start ?? 0) < c.end,
        );
        if (!nested) content = contentStatement(view, c.start, c.end);
      } else if (c.type === 'quote') {
        const q = quoteText(view.text, c.quote);
        content = { ...q, kind: 'quote' };
        pieces = continuedPieces(doc, c.quote);
        if (pieces) content.end = pieces.at(-1)![1];
      } else if (c.type === 'np') {
        const inside = view.quotes.filter((q) => q.open >= c.start && q.close <= c.end + 1);
        const only = inside[0];
        if (
          NAMING.has(act.lemma) &&
          inside.length === 1 &&
          only &&
          quoteWordCount(view.text, only) >= 2
        ) {
          content = { ...quoteText(view.text, only), kind: 'quote' };
        } else content = contentStatement(view, c.start, c.end);
      } else {
        content = contentBefore(view, act);
      }
      lastSpeaker = speaker;
      if (!content || content.end <= content.start) {
        focus.noteSpeaker(speaker, at, sentence.paragraph);
        continue;
      }
      if (covered(content.start, content.end)) continue;
      const others = acts.flatMap((o): [number, number][] =>
        o !== act && (o.complement.type === 'clause' || o.complement.type === 'np')
          ? [[o.complement.start, o.complement.end]]
          : [],
      );
      const dm = dateOfAct(view, act, content, others);
      let said: PartialDate | undefined;
      if (dm?.kind === 'relative') {
        said = lastDate ? resolveDate(dm, ctx.dateContext, lastDate) : undefined;
      } else if (dm) said = resolveDate(dm, ctx.dateContext);
      if (said) lastDate = said;
      const medium = mediumOf(view, act, lookup);
      const named = 'actorId' in speaker && act.speaker?.type === 'actor';
      const confidence =
        (content.kind === 'quote' ? 0.9 : 0.8) -
        (named ? 0 : 0.1) -
        (act.pattern === 'participle' ? 0.05 : 0);
      emit({
        start: content.start,
        end: content.end,
        ...(pieces ? { pieces } : {}),
        kind: content.kind,
        speaker,
        ...(medium ? { medium } : {}),
        ...(said ? { said } : {}),
        ...(said && dm && dm.start >= actClauseStart(view, act) ? { saidAt: dm.start } : {}),
        pattern: act.pattern,
        lemma: act.lemma,
        confidence: Math.round(confidence * 100) / 100,
      });
    }

    if (prose) {
      // Quotes no speech verb introduced: the speaker of the sentence's act, or the one whose
      // quote this continues.
      for (const q of view.quotes) {
        if (covered(q.innerStart, q.innerEnd) || isNameQuote(view.text, q)) continue;
        if (quoteWordCount(view.text, q) < 2) continue;
        const speaker =
          quoteOwner(view, q, focus) ??
          lastSpeaker ??
          (acts.length === 0 ? colonSpeaker(view, q, lookup, focus) : null) ??
          continuing(doc, focus, view, q, out);
        if (!speaker) continue;
        const words = quoteText(view.text, q);
        const pieces = continuedPieces(doc, q);
        if (pieces) words.end = pieces.at(-1)![1];
        emit({
          ...words,
          ...(pieces ? { pieces } : {}),
          kind: 'quote',
          speaker,
          ...(lastDate ? { said: lastDate } : {}),
          pattern: lastSpeaker ? 'quote-in-sentence' : 'quote-continued',
          confidence: lastSpeaker ? 0.75 : 0.7,
        });
      }
      // A sentence carrying quoted words but no attribution reports the person in focus.
      if (acts.length === 0 && here.length === 0) {
        const fragment = view.quotes.find(
          (q) => !isNameQuote(view.text, q) && !covered(q.innerStart, q.innerEnd),
        );
        const person = focus.personInFocus();
        const prev = focus.previousSpeaker;
        const speaker: Speaker | null =
          prev && prev.paragraph === sentence.paragraph
            ? prev.speaker
            : person &&
                paragraphMentions(doc, mentions, sentence.paragraph, sentence.start).includes(
                  person,
                )
              ? { actorId: person }
              : null;
        if (fragment && speaker) {
          const startTok = stripAdverbials(view, 0, view.tokens.length);
          let from = view.tokens[startTok]?.start ?? view.start;
          const lead = CONNECTIVES.exec(view.text.slice(from, view.end));
          if (lead) from += lead[0].length;
          const end = clauseEnd(view, view.tokenAt(from));
          const content = contentStatement(view, from, end);
          if (content && !covered(content.start, content.end)) {
            emit({ ...content, speaker, pattern: 'fragment', confidence: 0.55 });
          }
        }
      }
    }
    // The sentence's subject stays in focus for pronouns in later sentences.
    if (prose && doc.paragraphs[sentence.paragraph]?.kind === 'body') {
      const subject = subjectActor(view);
      if (subject) focus.noteActor(subject, view.start);
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** "Trump’s claim that Washington was talking to “the highest people in Cuba”": his words. */
function quoteOwner(view: SentenceView, q: Quote, focus: Focus): Speaker | null {
  for (const m of [...view.mentions].reverse()) {
    if (m.end > q.open) continue;
    const between = view.slice(m.end, q.open);
    if (
      /^['’]s\s+(?:[a-z]+\s+)?(?:claim|claims|assertion|statement|promise|warning|remark|remarks|words|pledge|threat|boast|vow|insistence|description|prediction)\b/.test(
        between,
      ) &&
      !/[.;:]/.test(between) &&
      !between.split(/\s+/).some((w, k, all) => speechLemma(w, all[k + 1]) !== undefined)
    ) {
      return focus.resolve({ type: 'actor', actorId: m.actorId }, m.start);
    }
  }
  return null;
}

/** "He set out the principle in a single line: “…”": the subject before the colon said it. */
function colonSpeaker(
  view: SentenceView,
  q: Quote,
  lookup: ActorLookup,
  focus: Focus,
): Speaker | null {
  const before = view.slice(view.start, q.open).trimEnd();
  if (!before.endsWith(':')) return null;
  const colon = view.tokenBefore(q.open);
  const start = stripAdverbials(view, 0, colon);
  let end = start;
  if (PRONOUNS.has(view.word(start))) end = start + 1;
  else
    while (
      end < colon &&
      !AUXILIARIES.has(view.word(end)) &&
      !IRREGULAR_PAST.test(view.word(end)) &&
      !/^[a-z]+(?:ed|s)$/.test(view.word(end))
    )
      end++;
  if (end === start || end >= colon) return null;
  const ref = resolveSubject(view, start, end, lookup);
  return ref ? focus.resolve(ref, view.start) : null;
}

/** For an act with nothing after its verb: what was said before the attribution. */
function contentBefore(
  view: SentenceView,
  act: SpeechAct,
): { start: number; end: number; kind: 'quote' | 'reported' } | null {
  if (act.pattern !== 'postposed') return null;
  const { tokens } = view;
  let b = act.verb - 1;
  while (b >= 0 && tokens[b]!.text !== ',' && !view.isCloseQuote(b) && tokens[b]!.text !== ';') b--;
  if (b < 0) return null;
  if (view.isCloseQuote(b)) {
    const q = view.quoteAround(tokens[b]!.start);
    return q ? { ...quoteText(view.text, q), kind: 'quote' } : null;
  }
  if (tokens[b - 1] && view.isCloseQuote(b - 1)) {
    const q = view.quoteAround(tokens[b - 1]!.start);
    return q ? { ...quoteText(view.text, q), kind: 'quote' } : null;
  }
  const from = view.start;
  return contentStatement(view, from, tokens[b]!.start);
}

/** The speaker of a quote that continues an earlier one (same paragraph, or a new paragraph). */
function continuing(
  doc: ArticleDoc,
  focus: Focus,
  view: SentenceView,
  q: Quote,
  found: readonly FoundStatement[],
): Speaker | null {
  const prev = focus.previousSpeaker;
  if (!prev) return null;
  const last = found[found.length - 1];
  if (last?.kind !== 'quote') return null;
  if (prev.paragraph === view.paragraph) return prev.speaker;
  // A new paragraph that opens with a quote continuing (or following) the last quote.
  const para = doc.paragraphs[view.paragraph];
  const firstChar = para ? doc.text.slice(para.start, para.end).trimStart()[0] : undefined;
  if ((q.continued || /["“«]/.test(firstChar ?? '')) && prev.paragraph === view.paragraph - 1)
    return prev.speaker;
  return null;
}

/** The pieces of a quote continued across paragraphs, when it is. */
function continuedPieces(doc: ArticleDoc, q: Quote): [number, number][] | undefined {
  if (!q.continues) return undefined;
  const pieces: [number, number][] = [];
  let cur: Quote | undefined = q;
  while (cur) {
    const t = quoteText(doc.text, cur);
    // Inner pieces keep their final punctuation: "… a long time. And …".
    let end = cur.innerEnd;
    while (end > t.start && /\s/.test(doc.text[end - 1] as string)) end--;
    pieces.push([t.start, cur.continues ? end : t.end]);
    if (!cur.continues) break;
    const after: number = cur.close;
    cur = doc.quotes.find((x) => x.depth === 0 && x.continued && x.open > after);
  }
  return pieces.length > 1 ? pieces : undefined;
}

/** Actors named in a paragraph before an offset. */
function paragraphMentions(
  doc: ArticleDoc,
  mentions: readonly Mention[],
  paragraph: number,
  before: number,
) {
  const p = doc.paragraphs[paragraph];
  if (!p) return [];
  return mentions.filter((m) => m.start >= p.start && m.start < before).map((m) => m.actorId);
}

/** The actor a sentence is about: the first one named before its first verb. */
function subjectActor(view: SentenceView): string | undefined {
  const start = stripAdverbials(view, 0, view.tokens.length);
  for (let i = start; i < view.tokens.length; i++) {
    const w = view.word(i);
    if (AUXILIARIES.has(w) || /^[a-z]+ed$/.test(w) || view.inQuote(i)) break;
    if (DETERMINERS.has(w) && i > start) break;
    const m = view.mentionAt(i);
    if (m) return m.actorId;
  }
  return undefined;
}

/** The subject of the sentence's main clause, for verbs that share it (", saying …"). */
function mainSubject(
  view: SentenceView,
  act: SpeechAct,
  lookup: ActorLookup,
  focus: Focus,
): Speaker | null {
  let end = 0;
  while (end < act.verb) {
    const w = view.word(end);
    if (
      AUXILIARIES.has(w) ||
      (/^[a-z]+ed$/.test(w) && end > 0 && !DETERMINERS.has(view.word(end - 1)))
    )
      break;
    if (view.tokens[end]?.text === ',' && view.word(end + 1) === 'who') break;
    end++;
  }
  const ref = resolveSubject(view, 0, end, lookup);
  return ref ? focus.resolve(ref, view.start) : null;
}
