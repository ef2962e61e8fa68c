import { describe, expect, it } from 'vitest';
import { extract } from './helpers';

const article = (...paragraphs: string[]) =>
  ['A long feud between two neighbours', ...paragraphs].join('\n');
const events = (text: string, published?: string) =>
  extract(text, published).events.map((e) => [e.date, e.text]);

describe('dated events', () => {
  it('reads "In Month Year, …" and "By Month Year, …" sentences', () => {
    expect(
      events(
        article(
          'In March 1958, a freighter sank off Nordhavn, killing twelve. By October 1958, Estria had closed its consulate.',
        ),
      ),
    ).toEqual([
      ['1958-03', 'In March 1958, a freighter sank off Nordhavn, killing twelve'],
      ['1958-10', 'By October 1958, Estria had closed its consulate'],
    ]);
  });

  it('gives coordinated years one event each, with the same text', () => {
    expect(
      events(article('In 1992 and 1996, Estria tightened the sanctions on Borealia.')),
    ).toEqual([
      ['1992', 'In 1992 and 1996, Estria tightened the sanctions on Borealia'],
      ['1996', 'In 1992 and 1996, Estria tightened the sanctions on Borealia'],
    ]);
  });

  it('splits a sentence with two dates at the comma before the second', () => {
    expect(
      events(
        article(
          'There was a thaw in December 2014, when both leaders met in Calder, followed by new embassies in July 2015.',
        ),
      ),
    ).toEqual([
      ['2014-12', 'There was a thaw in December 2014, when both leaders met in Calder'],
      ['2015-07', 'followed by new embassies in July 2015'],
    ]);
  });

  it('carries the date to the next sentence of a dated account', () => {
    expect(
      events(
        article(
          'In January 1959, the old regime fell. Estria recognized the new government, but clashes followed.',
        ),
      ),
    ).toEqual([
      ['1959-01', 'In January 1959, the old regime fell'],
      ['1959-01', 'Estria recognized the new government'],
    ]);
  });

  it('dates "on Jan. 3" from the article date or from the same day given with a year', () => {
    expect(
      events(
        article('Borealian troops crossed the river on Jan. 3 and took the bridge.'),
        '2026-02-03',
      ),
    ).toEqual([['2026-01-03', 'Borealian troops crossed the river on Jan. 3 and took the bridge']]);
    expect(
      events(
        article(
          'The offensive began after a Jan. 3 raid in which Borealian troops took the bridge.',
          'Estrian President Karl Veit visits the bridge on Saturday, Jan. 3, 2026, after the raid. (Photo by A. Person/Wire)',
        ),
      ).map(([d]) => d),
    ).toEqual(['2026-01-03', '2026-01-03']);
  });

  it('dates what "days after" and "weeks later" refer to', () => {
    expect(
      events(
        article('Veit said on Sunday that he would talk, days after closing the border to trucks.'),
        '2026-02-03',
      ),
    ).toEqual([['2026-01', 'closing the border to trucks']]);
    expect(
      events(
        article(
          'In January 2026, Estria closed its airspace. Veit warned that it was final, and weeks later, the parliament approved a new tariff.',
        ),
      ),
    ).toEqual([
      ['2026-01', 'In January 2026, Estria closed its airspace'],
      ['2026-01', 'the parliament approved a new tariff'],
    ]);
  });

  it('reads timeline entries that open with their date', () => {
    expect(
      events(article('1998 Estria arrests ten Borealian sailors; two receive long sentences.')),
    ).toEqual([['1998', 'Estria arrests ten Borealian sailors; two receive long sentences']]);
  });

  it('leaves out what was said, what is present, and pictures', () => {
    expect(
      events(
        article(
          'Ortiz said on Monday that talks would resume.',
          'Relations between the two, enemies since the war of 1959, are at their lowest.',
          'Karl Veit is seen during a summit on Saturday, December 2, 2023, in Calder. (Photo by A. Person/Wire)',
        ),
        '2026-02-03',
      ),
    ).toEqual([]);
  });
});
