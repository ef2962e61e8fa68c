import { ADDRESSEE_FIRST, CLAUSE_BREAKERS, speechLemma, VERB_FILLERS } from './lexicon';
import type { SentenceView } from './sentence-view';

/**
 * Clause-level helpers over a sentence's tokens: what follows a speech verb (addressee, medium,
 * time), and where a reported clause ends.
 */

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'this',
  'these',
  'those',
  'any',
  'some',
  'no',
  'every',
  'each',
]);

/** Auxiliaries and copulas: a clause has started when one appears. */
export const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'do',
  'does',
  'did',
]);

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists']);
const FRAME_PREPOSITIONS = new Set([
  'in',
  'at',
  'on',
  'during',
  'to',
  'via',
  'through',
  'from',
  'before',
  'with',
]);
/** Nouns that make a prepositional phrase after a speech verb its medium. */
const MEDIUM_WORDS =
  /\b(?:post|posts|interview|statement|speech|briefing|conference|remarks|address|letter|message|broadcast|television|tv|radio|podcast|video|x|twitter|facebook|instagram|telegram|truth social|social media|press|rally|hearing|session|summit|meeting|reporters|journalists|estate|resort|residence|ministry|office|house|thread)\b/i;

export interface Frame {
  /** The token where the complement starts (or the sentence's end). */
  next: number;
  /** The addressee of "told X", as offsets. */
  addressee?: [number, number];
  /** Phrases that say how it was said, as offsets. */
  medium: [number, number][];
}

const TIME_PHRASE =
  /^(?:(?:earlier|later)\s+)?(?:last|this|next|that)\s+(?:spring|summer|autumn|fall|winter|week|month|year|weekend|morning|afternoon|evening|night)\b|^(?:yesterday|today|tonight|recently|earlier|later)\b/i;

const isLy = (w: string) => /^[a-z]+ly$/.test(w) && w.length > 4;

/** Reads what follows a speech verb at token `v`: addressee, adverbs, time and medium phrases. */
export function readFrame(view: SentenceView, v: number, lemma: string): Frame {
  const { tokens } = view;
  const frame: Frame = { next: v + 1, medium: [] };
  let i = v + 1;
  const skipFillers = () => {
    for (;;) {
      const w = view.word(i);
      const date = view.dateAt(i);
      if (date) {
        i = view.tokenAt(date.end);
        continue;
      }
      // Negation stays with what was said: "said never amounted to one".
      if ((VERB_FILLERS.has(w) && w !== 'not' && w !== 'never') || isLy(w) || w === 'also') {
        i++;
        continue;
      }
      // "late on Sunday", "on Monday"
      if ((w === 'on' || w === 'late' || w === 'early') && view.dateAt(i + 1)) {
        i++;
        continue;
      }
      // "last spring", "earlier this year", "this week"
      const span = TIME_PHRASE.exec(view.slice(view.tokens[i]?.start ?? view.end, view.end));
      if (span) {
        i = view.tokenAt((view.tokens[i]?.start ?? view.end) + span[0].length);
        continue;
      }
      break;
    }
  };
  skipFillers();
  if (ADDRESSEE_FIRST.has(lemma) && !view.inQuote(i)) {
    const w = view.word(i);
    const m = view.mentionAt(i);
    if (m) {
      frame.addressee = [m.start, m.end];
      i = view.tokenAt(m.end);
    } else if (OBJECT_PRONOUNS.has(w)) {
      frame.addressee = [tokens[i]!.start, tokens[i]!.end];
      i++;
    } else if ((w === 'a' || w === 'an') && lemma === 'tell') {
      // "told a news conference in Brennau": an audience, not what was said.
      const from = i;
      i++;
      while (
        tokens[i]?.kind === 'word' &&
        !AUXILIARIES.has(view.word(i)) &&
        view.word(i) !== 'that' &&
        !FRAME_PREPOSITIONS.has(view.word(i))
      )
        i++;
      frame.addressee = [tokens[from]!.start, tokens[i - 1]!.end];
    } else if (w === 'the' || /^\p{Lu}/u.test(tokens[i]?.text ?? '')) {
      // "the outlet", "the Harbour Ledger", "CNN": an article and capitalised words, or one noun.
      const from = i;
      if (w === 'the') i++;
      const capital = /^\p{Lu}/u.test(tokens[i]?.text ?? '');
      if (capital) {
        while (/^\p{Lu}/u.test(tokens[i]?.text ?? '') && !view.inQuote(i)) i++;
      } else if (tokens[i]?.kind === 'word' && !AUXILIARIES.has(view.word(i))) {
        // "the island’s leaders": a possessive takes its noun along.
        if (/['’]s$/.test(view.word(i)) && tokens[i + 1]?.kind === 'word') i++;
        i++;
      }
      if (i > from) frame.addressee = [tokens[from]!.start, tokens[i - 1]!.end];
    }
  }
  // Prepositional phrases of place, time and medium: "in a post on X", "at his Mar-a-Lago estate".
  for (;;) {
    skipFillers();
    const w = view.word(i);
    if (!FRAME_PREPOSITIONS.has(w) || view.inQuote(i)) break;
    if (w === 'to' && !/^(?:reporters|journalists|the|a|an|his|her|their)$/.test(view.word(i + 1)))
      break;
    const from = i;
    i++;
    let nouns = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      const lw = view.word(i);
      if (t.kind === 'punct' && !/^[-’']$/.test(t.text)) break;
      if (lw === 'that' || AUXILIARIES.has(lw) || view.inQuote(i)) break;
      if (DETERMINERS.has(lw) && nouns > 0) break;
      if (FRAME_PREPOSITIONS.has(lw) || lw === 'of' || lw === 'with') {
        i++;
        nouns = 0;
        continue;
      }
      if (view.dateAt(i)) {
        i = view.tokenAt(view.dateAt(i)!.end);
        continue;
      }
      if (!DETERMINERS.has(lw)) nouns++;
      i++;
      if (nouns > 6) break;
    }
    const span: [number, number] = [tokens[from]!.start, tokens[i - 1]!.end];
    const phrase = view.slice(span[0], span[1]);
    if (MEDIUM_WORDS.test(phrase)) frame.medium.push(span);
  }
  skipFillers();
  frame.next = i;
  return frame;
}

const SUBORDINATORS = new Set([
  'as',
  'while',
  'although',
  'though',
  'whereas',
  'since',
  'unless',
  'until',
  'when',
]);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** Whether a comma at token `c` ends the clause that runs through it. */
function commaEndsClause(view: SentenceView, c: number): boolean {
  const w = view.word(c + 1);
  const t = view.tokens[c + 1];
  if (!t) return true;
  if (CLAUSE_BREAKERS.has(w)) return true;
  if (/^[a-z]+ing$/.test(w) && w !== 'bring' && w !== 'thing') return true;
  if (w === 'and' || w === 'or' || w === 'but' || w === 'yet' || w === 'so') {
    // ", and do not rise to …" continues the same subject; ", and weeks later, the White House
    // signed …" starts a new clause.
    const after = view.word(c + 2);
    const then = view.word(c + 3);
    // A plural noun followed by its verb is a new subject: ", but clashes followed …".
    const nounThenVerb = /s$/.test(after) && (AUXILIARIES.has(then) || /ed$/.test(then));
    const verb =
      !nounThenVerb &&
      (AUXILIARIES.has(after) ||
        VERB_FILLERS.has(after) ||
        /(?:ed|es)$/.test(after) ||
        (/^[a-z]+s$/.test(after) && (DETERMINERS.has(then) || then === 'that')));
    return !verb;
  }
  // ", Díaz-Canel said", ", a Cuban diplomat told Reuters": an attribution after the clause.
  for (let k = c + 1; k < Math.min(view.tokens.length, c + 9); k++) {
    if (view.tokens[k]?.text === ',' || view.inQuote(k)) break;
    if (speechLemma(view.tokens[k]!.text, view.tokens[k + 1]?.text)) return true;
  }
  return false;
}

/**
 * Where a clause starting at token `from` ends: at the sentence's end, at ";", ":" or a dash, or
 * at a comma that opens another clause (", although", ", which", ", a move that", ", saying").
 * A quotation inside the clause is kept whole, closing mark included.
 */
export function clauseEnd(view: SentenceView, from: number, np = false): number {
  const { tokens } = view;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    const q = view.quoteAround(t.start);
    if (q && t.start > q.open) {
      // A comma just before the closing mark ("Cuba,” days after …") acts after the quote.
      if (t.text === ',' && q.innerEnd === t.end) {
        const after = view.tokenAt(q.close);
        if (after >= tokens.length || commaEndsClause(view, after - 1)) return q.close;
      }
      continue;
    }
    if (t.text === ';' || t.text === ':' || t.text === '—' || t.text === '–') return t.start;
    if (t.text === '(') return t.start;
    if (t.text === ',' && commaEndsClause(view, i)) return t.start;
    if (i - from >= 3 && t.kind === 'word') {
      const w = view.word(i);
      const nx = view.word(i + 1);
      const verbNext =
        AUXILIARIES.has(nx) ||
        (VERB_FILLERS.has(nx) && !/^(?:not|never|only)$/.test(nx)) ||
        /^[a-z]+ed$/.test(nx);
      // "… on a range of issues but have stressed that …": a second verb phrase.
      if ((w === 'but' || (np && w === 'and')) && verbNext) return tokens[i - 1]!.end;
      // "… a generous offer and accused the union …": the speaker's next speech act.
      if (
        (w === 'and' || w === 'but') &&
        speechLemma(view.tokens[i + 1]?.text ?? '', view.tokens[i + 2]?.text) &&
        /ed$/.test(nx)
      )
        return tokens[i - 1]!.end;
      // "… to Cuba as he ramped up …": a subordinate clause with its own subject.
      if (
        SUBORDINATORS.has(w) &&
        (SUBJECT_PRONOUNS.has(nx) ||
          (!/^(?:as|since|until)$/.test(w) &&
            DETERMINERS.has(nx) &&
            nx !== 'any' &&
            nx !== 'no')) &&
        !/^(?:such|well|same|so|just|as)$/.test(view.word(i - 1))
      )
        return tokens[i - 1]!.end;
    }
  }
  return view.wordsEnd;
}

/** Trims white space and trailing commas from a span. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /[\s,]/.test(text[a] as string)) a++;
  while (b > a && /[\s,;:]/.test(text[b - 1] as string)) b--;
  return [a, b];
}
