import { describe, expect, it } from 'vitest';
import { combineLookups, findCandidates } from '@/lib/extract/candidates';
import { buildDoc } from '@/lib/extract/document';
import { createAliasLookup } from '@/lib/extract/known-actors';
import { findMentions } from '@/lib/extract/mentions';
import { extract, lookup } from './helpers';

const doc = (...paragraphs: string[]) =>
  buildDoc({ text: ['A headline for these names', ...paragraphs].join('\n') });
const candidates = (...paragraphs: string[]) => {
  const d = doc(...paragraphs);
  return findCandidates(d, lookup.find(d.text)).map((c) => [c.name, c.kind, c.evidence]);
};

describe('known actors in the text', () => {
  it('finds names, short forms and titles, case- and accent-insensitively', () => {
    const x = extract(
      [
        'Borealia and Estria',
        'BOREALIA’S FOREIGN MINISTER Ana Ortiz met Veit; Ortiz and the Estrian President talked.',
      ].join('\n'),
    );
    expect(Object.fromEntries(x.actors.map((a) => [a.name, a.mentions]))).toEqual({
      Borealia: ['Borealia'],
      Estria: ['Estria'],
      'Ana Ortiz': ['BOREALIA’S FOREIGN MINISTER', 'Ana Ortiz', 'Ortiz'],
      'Karl Veit': ['Veit', 'Estrian President'],
    });
  });

  it('matches case-sensitive aliases only as written', () => {
    const l = createAliasLookup([
      {
        id: 'x/us',
        name: 'United States',
        kind: 'country',
        aliases: [{ text: 'US', caseSensitive: true }],
      },
    ]);
    expect(l.find('Give us the US view.').map((h) => h.start)).toEqual([12]);
  });

  it('a capital standing for a government counts, the city does not', () => {
    const d = doc(
      'Talks in Nordhavn stalled. Nordhavn rejected the plan. The capital Nordhavn was quiet.',
    );
    expect(findMentions(d, lookup).filter((m) => m.actorId === 'a/borealia')).toHaveLength(1);
  });

  it('a shared surname goes to the person named in full last (or next)', () => {
    const d = doc(
      'Lind spoke first. Rosa Lind then left, and Lind came back. Paul Lind waved; Lind smiled.',
    );
    expect(findMentions(d, lookup).map((m) => [d.text.slice(m.start, m.end), m.actorId])).toEqual([
      ['Lind', 'a/rosa-lind'],
      ['Rosa Lind', 'a/rosa-lind'],
      ['Lind', 'a/rosa-lind'],
      ['Paul Lind', 'a/paul-lind'],
      ['Lind', 'a/paul-lind'],
    ]);
  });
});

describe('new actor candidates', () => {
  it('proposes a title with a name, and a name that speaks', () => {
    expect(
      candidates(
        'Defence Minister Ilse Marr inspected the troops. Tomas Brek said the visit was routine.',
      ),
    ).toEqual([
      ['Ilse Marr', 'person', 'title'],
      ['Tomas Brek', 'person', 'speaks'],
    ]);
  });

  it('looks past an appositive and a role word', () => {
    expect(
      candidates(
        'Economist Lena Aurel, who studies shipping at a university in Calder, said the strike was costly.',
      ),
    ).toEqual([['Lena Aurel', 'person', 'speaks']]);
  });

  it('proposes outlets that are told or cited', () => {
    expect(
      candidates('Ortiz told the Harbour Gazette that nothing had changed. She also spoke to NRK.'),
    ).toEqual([
      ['Harbour Gazette', 'outlet', 'cited'],
      ['NRK', 'outlet', 'cited'],
    ]);
  });

  it('does not propose laws, single words or known actors', () => {
    expect(
      candidates(
        'The Fishing Rights Act said nothing of it. Nordhavn said no. Karl Veit said yes. Monday Morning said so.',
      ),
    ).toEqual([]);
  });

  it('candidates become speakers and mentions of their article', () => {
    const x = extract(
      [
        'Ports and power',
        'Harbor manager Elsa Brandvold said the cranes were idle. Brandvold added that fuel had run out.',
      ].join('\n'),
    );
    expect(x.candidates.map((c) => c.name)).toEqual(['Elsa Brandvold']);
    expect(x.statements.map((s) => ('actorId' in s.speaker ? s.speaker.actorId : null))).toEqual([
      'learned/actor/elsa-brandvold',
      'learned/actor/elsa-brandvold',
    ]);
    expect(x.actors.find((a) => a.candidate)?.mentions).toEqual(['Elsa Brandvold', 'Brandvold']);
  });

  it('two lookups combine, the longer name winning', () => {
    const extra = createAliasLookup([
      { id: 'x/ana', name: 'Ana Ortiz Vela', kind: 'person', aliases: [] },
    ]);
    const both = combineLookups(lookup, extra);
    expect(both.find('Ana Ortiz Vela spoke.').map((h) => h.ids)).toEqual([['x/ana']]);
    expect(both.get('x/ana')?.name).toBe('Ana Ortiz Vela');
  });
});
