import { describe, expect, it } from 'vitest';
import { affiliations, linkStatements, speaksFor } from '@/lib/extract/stance';
import { CLAIMS, extract, lookup } from './helpers';

const article = (...paragraphs: string[]) =>
  ['The border talks, as told by both sides', ...paragraphs].join('\n');

/** [statement text, claim id, stance] for every non-evidence link, and evidence apart. */
function stances(text: string) {
  const x = extract(text);
  const row = (l: (typeof x.links)[number]) => [
    x.statements[l.statement]?.text,
    l.claimId,
    l.stance,
  ];
  return {
    links: x.links.filter((l) => l.stance !== 'states').map(row),
    evidence: x.links.filter((l) => l.stance === 'states').map(row),
  };
}

describe('stance towards known claims', () => {
  it('a claim reported by its claimant is evidence that it was made, not a new claim', () => {
    const s = stances(
      article(
        'Veit said on Sunday that Estria was in talks with Nordhavn, adding that he was hopeful.',
      ),
    );
    expect(s.evidence).toEqual([['Estria was in talks with Nordhavn', 'c/talks', 'states']]);
    expect(s.links).toEqual([]);
  });

  it('plain negation of the topic is a denial ("no discussions underway", "no such negotiations")', () => {
    const s = stances(
      article(
        'Veit said Estria was in talks with Nordhavn.',
        '“There are no discussions underway with Estria,” Ortiz told reporters.',
        'Borealian officials who spoke to the Ledger said no such negotiations were taking place.',
        'The Borealian government had denied any talks with Estria.',
      ),
    );
    expect(s.links).toEqual([
      ['There are no discussions underway with Estria', 'c/talks', 'denies'],
      ['no such negotiations were taking place', 'c/talks', 'denies'],
      ['denied any talks with Estria', 'c/talks', 'denies'],
    ]);
  });

  it('talks, negotiations, dialogue and discussions are one topic', () => {
    const s = stances(
      article(
        'Veit said Estria was in talks with Nordhavn.',
        'Ortiz said Borealia was not engaged in any dialogue with Estria.',
      ),
    );
    expect(s.links).toEqual([
      ['Borealia was not engaged in any dialogue with Estria', 'c/talks', 'denies'],
    ]);
  });

  it('hedged negation and concessions qualify ("can not say", "not yet … formal")', () => {
    const s = stances(
      article(
        'Veit said Estria was in talks with Nordhavn.',
        '“We have exchanged messages, but we can not say we have had a table of dialogue,” Ortiz said.',
        'Ortiz said the contacts had not yet become formal negotiations.',
        'Ortiz said the two capitals were in communication.',
      ),
    );
    expect(s.links.map(([, claim, stance]) => [claim, stance])).toEqual([
      ['c/talks', 'qualifies'],
      ['c/talks', 'qualifies'],
      ['c/talks', 'qualifies'],
    ]);
  });

  it('absence of evidence is not a denial', () => {
    const s = stances(
      article(
        'Veit said Estria was in talks with Nordhavn.',
        'The Coast Wire said there was no public record of formal talks between the two governments.',
      ),
    );
    expect(s.links).toEqual([]);
  });

  it('a condition set by the same side qualifies its offer of dialogue', () => {
    const s = stances(
      article(
        'Ortiz said Borealia was willing to hold a serious dialogue with Estria.',
        'She added that any talks must take place without pressure.',
      ),
    );
    expect(s.evidence.map(([, claim]) => claim)).toEqual(['c/willing', 'c/no-pressure']);
    expect(s.links).toEqual([
      ['any talks must take place without pressure', 'c/willing', 'qualifies'],
    ]);
  });

  it('a denial of other people’s talks does not touch the claim', () => {
    const s = stances(
      article('A spokesman for the harbour workers denied any talks with the shipping company.'),
    );
    expect(s.links).toEqual([]);
  });

  it('works from the statements alone, too', () => {
    const links = linkStatements(
      [
        {
          words: 'there are no negotiations with Nordhavn',
          sentence: 'Ortiz said there are no negotiations with Nordhavn and Estria.',
          speakerId: 'a/ana-ortiz',
        },
      ],
      CLAIMS,
      lookup,
      'Ortiz said there are no negotiations with Nordhavn and Estria.',
    );
    expect(links).toEqual([
      { statement: 0, claimId: 'c/talks', stance: 'denies', confidence: expect.any(Number) },
    ]);
  });
});

describe('who speaks for whom', () => {
  it('an official speaks for the country of their role; an administration for its leader', () => {
    expect([...affiliations('a/ana-ortiz', lookup)]).toEqual(['a/borealia']);
    expect(speaksFor('a/ana-ortiz', 'a/borealia', lookup)).toBe(true);
    expect(speaksFor('a/veit-administration', 'a/karl-veit', lookup)).toBe(true);
    expect(speaksFor('a/ana-ortiz', 'a/karl-veit', lookup)).toBe(false);
    expect(speaksFor(undefined, 'a/karl-veit', lookup)).toBe(false);
  });
});
