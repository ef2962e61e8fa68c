/**
 * Benchmark inputs, generated deterministically: dictionaries of actors with realistic,
 * accented multi-word names (1,000 to 100,000 aliases) and news-like pages (~10,000 words in ~150
 * paragraphs with inline markup, or ~100,000 words) that mention some of them.
 */
import type { Actor } from '../../lib/model';

/** A small deterministic PRNG (mulberry32), so every run sees the same pages. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = (
  'María José Ana Luis Jürgen François Zoë Łukasz Søren Chloé Nicolás Raúl Pedro Élodie Ingrid ' +
  'Björn Marta Carlos Inés Ángel Olga Tomás Yusuf Aylin Dmitri Amélie Joaquín Renée Bogdan Nuño ' +
  'Kateřina Håkon Ülkü Mónica Sérgio Çağla Ewa Jorge Lucía Óscar'
).split(' ');
const SYLLABLES = (
  'ka lo mi ra ve do zu ne ti sa rí bé ño gu che vá lé dro mar tel vin cos pér zal quí nov ' +
  'bre dal fón gur sil tza wen yor'
).split(' ');
const ORG_HEADS = ['Ministerio de', 'Instituto', 'Banco', 'Fundación', 'Comité de', 'Agencia'];

function surname(rand: () => number, index: number): string {
  // Unique by construction: the index in base-N syllables, then a random tail.
  let n = index;
  let s = '';
  do {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  s += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `aliases` surface forms over `aliases / 2` actors: each has its full name and a short form
 * (a double-barrelled surname for people, an acronym-like short name for organisations). With
 * `fullNamesOnly`, one alias per actor (for comparisons where nested aliases would differ).
 */
export function makeActors(aliases: number, seed = 1, fullNamesOnly = false): Actor[] {
  const rand = random(seed);
  const perActor = fullNamesOnly ? 1 : 2;
  const out: Actor[] = [];
  for (let i = 0; i < Math.ceil(aliases / perActor); i++) {
    const org = i % 10 === 9;
    const last = `${surname(rand, i * 2)}-${surname(rand, i * 2 + 1)}`;
    const name = org
      ? `${ORG_HEADS[i % ORG_HEADS.length]} ${surname(rand, i * 3)} ${surname(rand, i * 3 + 1)}`
      : `${FIRST[Math.floor(rand() * FIRST.length)]} ${last}`;
    const short = org ? name.split(' ').slice(-2).join(' ') : last;
    out.push({
      id: `bench/actor/${i}`,
      name,
      kind: org ? 'organization' : 'person',
      aliases: fullNamesOnly ? [] : [{ text: short, kind: 'short' }],
      provenance: ['pack:bench'],
    });
  }
  return out;
}

const FILLER = (
  'the government said on monday that officials would meet again next week after talks in the ' +
  'capital ended without agreement while ministers warned of new measures and analysts expected ' +
  'markets to react as the report described how the plan had changed over several months of ' +
  'negotiations between the two sides according to people familiar with the matter who asked not ' +
  'to be named because they were not authorised to speak publicly about it'
).split(' ');

export interface GeneratedPage {
  html: string;
  words: number;
  mentions: number;
}

/**
 * A news-like page: `words` words in `paragraphs` paragraphs, with a mention of one of the first
 * `cast` actors every ~`every` words (full name or short form), some wrapped in inline markup,
 * and inline markup around ordinary words too.
 */
export function makePage(
  actors: Actor[],
  words: number,
  paragraphs: number,
  { seed = 7, cast = 200, every = 40, fullNamesOnly = false } = {},
): GeneratedPage {
  const rand = random(seed);
  const perParagraph = Math.ceil(words / paragraphs);
  const parts: string[] = [];
  let mentions = 0;
  let written = 0;
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  for (let p = 0; p < paragraphs && written < words; p++) {
    const out: string[] = [];
    for (let w = 0; w < perParagraph && written < words; w++, written++) {
      if (rand() < 1 / every) {
        const actor = actors[Math.floor(rand() * Math.min(cast, actors.length))];
        if (actor) {
          const short = actor.aliases[0]?.text;
          const text = !fullNamesOnly && short && rand() < 0.4 ? short : actor.name;
          const r = rand();
          const wrapped =
            r < 0.15
              ? `<a href="#p${p}">${escapeHtml(text)}</a>`
              : r < 0.25
                ? `<strong>${escapeHtml(text)}</strong>`
                : escapeHtml(text);
          out.push(wrapped);
          mentions++;
          written += text.split(' ').length - 1;
          continue;
        }
      }
      const word = FILLER[Math.floor(rand() * FILLER.length)] ?? 'the';
      const r = rand();
      out.push(r < 0.02 ? `<em>${word}</em>` : r < 0.03 ? `<a href="#w">${word}</a>` : word);
    }
    const tag = p % 25 === 0 ? 'h2' : 'p';
    parts.push(`<${tag}>${out.join(' ')}.</${tag}>`);
  }
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bench page</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}</style>
</head><body><article>${parts.join('\n')}</article></body></html>`;
  return { html, words: written, mentions };
}
