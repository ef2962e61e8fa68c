import { describe, expect, it } from 'vitest';
import { extract, said } from './helpers';

/** Articles for these tests start with a headline line, as saved articles do. */
const article = (...paragraphs: string[]) =>
  ['Ministers trade words over the border talks', ...paragraphs].join('\n');

describe('attribution patterns', () => {
  it('X said that …, and X said … without "that"', () => {
    const x = extract(
      article('Ortiz said that the border would stay open. Veit said the talks had failed.'),
    );
    expect(said(x)).toEqual([
      ['Ana Ortiz', 'the border would stay open'],
      ['Karl Veit', 'the talks had failed'],
    ]);
    expect(x.statements.map((s) => s.kind)).toEqual(['reported', 'reported']);
  });

  it('X told an outlet …, with the outlet as the medium', () => {
    const x = extract(article('Ana Ortiz told the Morning Ledger that no agreement was close.'));
    expect(said(x)).toEqual([['Ana Ortiz', 'no agreement was close']]);
    expect(x.statements[0]?.medium).toBe('told the Morning Ledger');
  });

  it('according to X, … and …, according to X', () => {
    const x = extract(
      article(
        'According to Karl Veit, the fence will be finished by spring.',
        'Grain exports fell by half last year, according to the Coast Wire.',
      ),
    );
    expect(said(x)).toEqual([
      ['Karl Veit', 'the fence will be finished by spring'],
      ['Coast Wire', 'Grain exports fell by half last year'],
    ]);
  });

  it('X stated in a post on X …: the medium is the post', () => {
    const x = extract(article('“There will be no retreat,” Veit stated in a post on X.'));
    expect(said(x)).toEqual([['Karl Veit', 'There will be no retreat']]);
    expect(x.statements[0]?.kind).toBe('quote');
    expect(x.statements[0]?.medium).toBe('in a post on X');
  });

  it('warned, asserted, insisted, emphasised and denied', () => {
    const x = extract(
      article(
        'Veit warned that the tariffs would rise. Ortiz asserted that Borealia had kept its word.',
        'Ortiz insisted the ships were empty. She emphasised that any deal must respect the treaty.',
        'The Borealian government had previously denied any contact with Calder.',
      ),
    );
    expect(said(x)).toEqual([
      ['Karl Veit', 'the tariffs would rise'],
      ['Ana Ortiz', 'Borealia had kept its word'],
      ['Ana Ortiz', 'the ships were empty'],
      ['Ana Ortiz', 'any deal must respect the treaty'],
      ['Borealia', 'denied any contact with Calder'],
    ]);
  });

  it('a quote followed by its attribution, and the inverted form', () => {
    const x = extract(article('“We are not leaving,” Ortiz said. “Nobody asked us,” said Veit.'));
    expect(said(x)).toEqual([
      ['Ana Ortiz', 'We are not leaving'],
      ['Karl Veit', 'Nobody asked us'],
    ]);
  });

  it('a quote after a colon: "he added: “…”"', () => {
    const x = extract(article('Veit spoke at length. He added: “The border is not for sale.”'));
    expect(said(x)).toEqual([['Karl Veit', 'The border is not for sale']]);
  });

  it('an attribution inside the sentence: "The plan, officials said, was …"', () => {
    const x = extract(
      article('The plan, two Estrian officials told the Coast Wire, was to delay the vote.'),
    );
    expect(said(x)).toEqual([['unnamed Estrian officials', 'was to delay the vote']]);
    expect(x.statements[0]?.medium).toBe('told the Coast Wire');
  });

  it('a participle shares the subject: ", saying …", ", asserting that …"', () => {
    const x = extract(article('Ortiz rejected the offer on Friday, saying the terms were unfair.'));
    expect(said(x)).toEqual([['Ana Ortiz', 'the terms were unfair']]);
  });

  it('officials who told the outlet …: the antecedent speaks, unnamed', () => {
    const x = extract(
      article(
        'The account was disputed by several Borealian officials who told the Ledger that no meeting took place.',
      ),
    );
    expect(said(x)).toEqual([['unnamed Borealian officials', 'no meeting took place']]);
  });

  it('a short quote inside reported speech stays reported; a dominant one is the quote', () => {
    const x = extract(
      article(
        'Veit said the two sides had met “at the highest level,” before leaving.',
        'Ortiz said that the offer was “a serious and meaningful step forward for both of our countries.”',
      ),
    );
    expect(x.statements.map((s) => [s.kind, s.text])).toEqual([
      ['reported', 'the two sides had met “at the highest level,”'],
      ['quote', 'a serious and meaningful step forward for both of our countries'],
    ]);
  });

  it('a report of someone else’s words is that person’s statement, not the reporter’s', () => {
    const x = extract(
      article('A report by the Coast Wire notes that Veit has said that “the border will close.”'),
    );
    expect(said(x)).toEqual([['Karl Veit', 'the border will close']]);
  });

  it('"what he described as" is not a statement', () => {
    const x = extract(article('Ortiz criticized Estria for what she described as bullying.'));
    expect(said(x)).toEqual([
      ['Ana Ortiz', 'criticized Estria for what she described as bullying'],
    ]);
  });

  it('a quote continued in the next sentence and in the next paragraph', () => {
    const x = extract(
      article(
        '“We will not sign,” Ortiz told reporters. “Not this week, not next week.”',
        '“We have waited a long time.',
        '“And we can wait longer,” she said.',
      ),
    );
    expect(said(x).map(([who]) => who)).toEqual(['Ana Ortiz', 'Ana Ortiz', 'Ana Ortiz']);
    const continued = x.statements[2];
    expect(continued?.words).toBe('We have waited a long time. And we can wait longer');
    expect(continued?.text).toContain('\n');
  });

  it('a sentence carrying a quoted fragment reports the person in focus', () => {
    const x = extract(
      article(
        'In the capital, Ana Ortiz set out what Borealia wants. Borealia is ready for “honest” talks, but not for talks about its borders, which surprised many.',
      ),
    );
    expect(said(x)).toEqual([
      ['Ana Ortiz', 'Borealia is ready for “honest” talks, but not for talks about its borders'],
    ]);
  });
});

describe('speakers', () => {
  it('resolves pronouns and "he added" to the person last in focus', () => {
    const x = extract(
      article(
        'Estrian President Karl Veit spoke to reporters on Monday. He said the fence was finished.',
        '“It cost less than planned,” he added.',
      ),
    );
    expect(said(x)).toEqual([
      ['Karl Veit', 'the fence was finished'],
      ['Karl Veit', 'It cost less than planned'],
    ]);
  });

  it('a pronoun after an unnamed speaker is that speaker', () => {
    const x = extract(
      article(
        'The talks are over, a senior Borealian official said on Monday, but he insisted the door stayed open.',
      ),
    );
    expect(said(x)).toEqual([
      ['unnamed senior Borealian official', 'The talks are over'],
      ['unnamed senior Borealian official', 'the door stayed open'],
    ]);
  });

  it('resolves titles and offices: "Borealia’s foreign minister", "the Estrian leader"', () => {
    const x = extract(
      article(
        'Borealia’s foreign minister said the talks would resume.',
        'Karl Veit was in Calder. The Estrian leader said nothing had been agreed.',
      ),
    );
    expect(said(x)).toEqual([
      ['Ana Ortiz', 'the talks would resume'],
      ['Karl Veit', 'nothing had been agreed'],
    ]);
  });

  it('"the administration", "the outlet" and "a report" point back to who was named', () => {
    const x = extract(
      article(
        'The Veit administration has tightened the rules. The administration said the measures were temporary.',
        'An exclusive report from the Coast Wire contradicts that. The outlet said no exemption had been granted.',
      ),
    );
    expect(said(x)).toEqual([
      ['Veit administration', 'the measures were temporary'],
      ['Coast Wire', 'no exemption had been granted'],
    ]);
  });

  it('a shared surname goes to the person last named in full', () => {
    const x = extract(article('Paul Lind arrived first. Lind said the rooms were ready.'));
    expect(said(x)).toEqual([['Paul Lind', 'the rooms were ready']]);
  });

  it('drops statements whose subject is nobody who can be quoted', () => {
    const x = extract(
      article(
        'The notes say the fence was built in a hurry. Both governments are telling you that they know best.',
      ),
    );
    expect(said(x)).toEqual([]);
  });
});

describe('when it was said', () => {
  it('resolves weekdays and dates without a year against the article date', () => {
    const x = extract(
      article(
        'Ortiz said on Sunday that the talks were over.',
        'Veit told the Coast Wire on Feb. 1 that he disagreed.',
      ),
      '2026-02-03',
    );
    expect(x.statements.map((s) => s.said)).toEqual(['2026-02-01', '2026-02-01']);
  });

  it('leaves weekdays undated when the article has no date', () => {
    const x = extract(article('Ortiz said on Sunday that the talks were over.'));
    expect(x.statements[0]?.said).toBeUndefined();
  });

  it('a dateline gives the article its date and outlet', () => {
    const x = extract(
      article(
        'NORDHAVN, Feb 3 (Coast Wire) - Borealia will reopen the port, Ortiz said on Monday.',
      ),
      '2026-02-03',
    );
    expect(x.source.outlet).toBe('Coast Wire');
    expect(said(x)).toEqual([['Ana Ortiz', 'Borealia will reopen the port']]);
    expect(x.statements[0]?.said).toBe('2026-02-02');
    // The dateline's place is not a mention of the government.
    expect(x.actors.find((a) => a.id === 'a/borealia')?.mentions).toEqual(['Borealia']);
  });
});
