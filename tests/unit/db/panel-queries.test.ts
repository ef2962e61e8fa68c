import { describe, expect, it } from 'vitest';
import starter from '@/assets/packs/starter.json';
import {
  ACTOR_LIMITS,
  actorHead,
  actorPanel,
  actorsNamedIn,
  COUNT_CAP,
  claimPanel,
  countBeyond,
  formatCount,
  phraseKeys,
  roleAt,
  statementTimeKey,
  timeline,
} from '@/lib/db/panel-queries';
import { comparePartialDates } from '@/lib/model';
import { loadPack } from '@/lib/packs/load';
import { freshDb, samplePack } from '../packs/helpers';

const A = (s: string) => `starter/actor/${s}`;

async function starterDb() {
  const db = freshDb();
  const outcome = await loadPack(db, starter, 'bundled');
  if (!outcome.ok) throw new Error(outcome.error);
  return db;
}

describe('roleAt', () => {
  const roles = {
    roles: [
      { title: 'President of the United States', from: '2025-01-20' },
      { title: 'President of the United States', from: '2017-01-20', to: '2021-01-20' },
      { title: 'Developer', from: '1971', to: '2016' },
      { title: 'Deputy Foreign Minister', of: 'Cuba', from: '2016' },
    ],
  };
  it('picks the role held on the date, with what it is of', () => {
    expect(roleAt(roles, '1990-05')).toBe('Developer');
    expect(roleAt({ roles: roles.roles.slice(3) }, '2026-02-02')).toBe(
      'Deputy Foreign Minister, Cuba',
    );
  });
  it('falls back to the current role, and to none', () => {
    expect(roleAt(roles, undefined)).toBe('President of the United States');
    expect(roleAt({ roles: [{ title: 'Senator', from: '2011', to: '2025' }] }, '1990')).toBe(
      'Senator',
    );
    expect(roleAt({}, '2026')).toBeUndefined();
  });
});

describe('actorsNamedIn', () => {
  it('finds the actors a claim names, in order, possessives included', async () => {
    const db = await starterDb();
    const named = await actorsNamedIn(
      db,
      "The United States is in high-level talks with Cuba's government.",
    );
    expect(named.map((a) => a.id)).toEqual([A('united-states'), A('cuba')]);
    expect(phraseKeys("Cuba's government.")).toContain('cuba');
  });

  it('counts an actor named by several of its forms once, at its first mention', async () => {
    const db = await starterDb();
    const named = await actorsNamedIn(
      db,
      'Cuba heard Miguel Díaz-Canel say that Díaz-Canel would not meet the United States.',
    );
    expect(named.map((a) => a.id)).toEqual([A('cuba'), A('miguel-diaz-canel'), A('united-states')]);
  });
  it('looks up no run that crosses a comma or ends on a stop word', () => {
    const keys = phraseKeys('Talks between Cuba, the United States of America and Mexico.');
    expect(keys).toContain('the united states of america');
    expect(keys).toContain('united states');
    expect(keys).toContain('mexico');
    expect(keys).not.toContain('of');
    expect(keys).not.toContain('of america');
    expect(phraseKeys('WHO said it')).toContain('who'); // a stop word written as a name
    expect(phraseKeys('the Hague and de Cossío')).toEqual(
      expect.arrayContaining(['the hague', 'hague', 'de cossio', 'cossio']),
    );
    expect(keys).not.toContain('cuba the');
    expect(keys).not.toContain('between cuba the');
    expect(keys).not.toContain('united states of');
    expect(keys).not.toContain('america and');
  });
  it('looks up no run of lower-case words in a text that writes names with capitals', () => {
    const keys = phraseKeys(
      'Cuba will negotiate with the United States on the basis of international law.',
    );
    expect(keys).toEqual(expect.arrayContaining(['cuba', 'the united states', 'united states']));
    expect(keys).not.toContain('international law');
    expect(keys).not.toContain('basis');
    expect(keys).not.toContain('negotiate');
    // Runs that reach a capitalised word are kept: "de Cossío", "the Hague".
    expect(phraseKeys('talks with de Cossío')).toEqual(expect.arrayContaining(['de cossio']));
    // A text with no capital, or in a script without case, is read whole.
    expect(phraseKeys('talks with havana')).toEqual(expect.arrayContaining(['havana', 'talks']));
    expect(phraseKeys('Талибан и 习近平 会谈')).toEqual(
      expect.arrayContaining(['习近平', '习近平 会谈']),
    );
  });
  it('does not take a common word for a case-sensitive alias', async () => {
    const db = await starterDb();
    expect(await actorsNamedIn(db, 'Let us talk about it')).toEqual([]);
    expect((await actorsNamedIn(db, 'The US said')).map((a) => a.id)).toEqual([A('united-states')]);
  });
});

describe('actorPanel', () => {
  it('shows who an actor is, what they said and what they denied', async () => {
    const db = await starterDb();
    const d = await actorPanel(db, A('miguel-diaz-canel'));
    if (!d) throw new Error('no actor');
    expect(d.actor.name).toBe('Miguel Díaz-Canel');
    expect(d.statementCount).toBe(d.statements.length);
    expect(d.statements.length).toBeGreaterThan(3);
    // Fewer on screen than they have: the head counts them all.
    const head = await actorHead(db, A('miguel-diaz-canel'), { statements: 2 });
    expect(head?.statements).toHaveLength(2);
    expect(head?.more).toBe(true);
    expect(head?.statementCount).toBe(d.statements.length);
    expect(d.statements[0]?.speaker).toEqual({
      id: A('miguel-diaz-canel'),
      name: 'Miguel Díaz-Canel',
      role: 'President of Cuba',
    });
    const denied = d.positions.filter((p) => p.stances.includes('denies')).map((p) => p.claim.id);
    expect(denied).toContain('starter/claim/us-cuba-talks');
    // Each of his statements names the claims it answers.
    const relations = Object.values(d.relations).flat();
    expect(relations).toContainEqual({
      stance: 'denies',
      claimId: 'starter/claim/us-cuba-talks',
      gist: "The United States is in high-level talks with Cuba's government.",
    });
  });

  it('names a claim once per statement when a page repeats a pack’s link', async () => {
    const db = await starterDb();
    const link = await db.links.get(
      'starter/link/us-cuba-talks/diaz-canel-no-discussions-underway',
    );
    if (!link) throw new Error('no link');
    await db.links.put({
      ...link,
      id: 'page:x/link/1',
      origin: 'extracted',
      provenance: ['page:x'],
    });
    const d = await actorPanel(db, A('miguel-diaz-canel'));
    const relations = d?.relations[link.statementId] ?? [];
    expect(
      relations.filter((r) => r.claimId === link.claimId && r.stance === link.stance),
    ).toHaveLength(1);
  });

  it('lists statements newest first and who denied the actor’s claims', async () => {
    const db = await starterDb();
    const d = await actorPanel(db, A('donald-trump'));
    if (!d) throw new Error('no actor');
    const keys = d.statements.map((s) => s.statement._saidKey);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(d.claimsMade.map((c) => c.claim.id)).toContain('starter/claim/us-cuba-talks');
    const talks = d.claimsMade.find((c) => c.claim.id === 'starter/claim/us-cuba-talks');
    expect(talks?.counts.denies).toBeGreaterThanOrEqual(3);
    expect(talks?.counts.qualifies).toBeGreaterThanOrEqual(1);
    const deniers = d.deniedBy.map((x) => x.statement.speaker.name);
    expect(deniers).toContain('Miguel Díaz-Canel');
    expect(deniers).toContain('Cuba');
    // Trump appears in events; the most recent ones, in date order.
    const dates = d.events.map((e) => e.event.date);
    expect([...dates].sort(comparePartialDates)).toEqual(dates);
    expect(d.eventCount).toBeGreaterThanOrEqual(d.events.length);
  });

  it('returns null for an unknown actor and handles an actor with no statements', async () => {
    const db = await starterDb();
    expect(await actorPanel(db, 'nobody')).toBeNull();
    const d = await actorPanel(db, A('fulgencio-batista'));
    expect(d?.statements).toEqual([]);
    expect(d?.statementCount).toBe(0);
    expect(d?.events.map((e) => e.event.id)).toEqual(['starter/event/1959-01-revolution']);
  });

  it('counts answers up to the cap, and lists a sample of the denials', async () => {
    const db = freshDb();
    const base = samplePack();
    const many = Array.from({ length: COUNT_CAP + 5 }, (_, i) => i);
    const outcome = await loadPack(
      db,
      samplePack({
        statements: [
          ...(base.statements ?? []),
          ...many.map((i) => ({
            id: `s/st/d${i}`,
            speakerId: 's/actor/b',
            words: `No talks, answer ${i}.`,
            kind: 'reported' as const,
            said: '2026-02-03',
            citations: [{ sourceId: 's/src/1' }],
          })),
        ],
        links: [
          ...(base.links ?? []),
          ...many.map((i) => ({
            id: `s/link/d${i}`,
            claimId: 's/claim/1',
            statementId: `s/st/d${i}`,
            stance: (i < 3 ? 'qualifies' : 'denies') as 'qualifies' | 'denies',
            origin: 'pack' as const,
            confidence: 1,
          })),
        ],
      }),
    );
    if (!outcome.ok) throw new Error(outcome.error);
    const d = await actorPanel(db, 's/actor/a');
    const talks = d?.claimsMade[0];
    // 103 denials (102 read here and s/link/2) count as the cap, and say they are a lower bound.
    expect(talks?.counts).toEqual({ denies: COUNT_CAP, qualifies: 3, supports: 0 });
    expect(talks?.partial).toBe(true);
    // One claim denied: the whole sample is its denials.
    expect(d?.deniedBy).toHaveLength(ACTOR_LIMITS.denials);
    expect(d?.deniedBy.every((x) => x.statement.speaker.name === 'Borealia')).toBe(true);
  });

  it('takes the denial sample from each denied claim in turn', async () => {
    const db = freshDb();
    const base = samplePack();
    const denial = (claim: number, i: number) => ({
      statement: {
        id: `s/st/c${claim}d${i}`,
        speakerId: 's/actor/b',
        words: `Claim ${claim}, denial ${i}.`,
        kind: 'reported' as const,
        said: '2026-02-04',
        citations: [{ sourceId: 's/src/1' }],
      },
      link: {
        id: `s/link/c${claim}d${i}`,
        claimId: `s/claim/${claim}`,
        statementId: `s/st/c${claim}d${i}`,
        stance: 'denies' as const,
        origin: 'pack' as const,
        confidence: 1,
      },
    });
    // Claim 1 denied ten more times, claim 2 twice.
    const all = [
      ...Array.from({ length: 10 }, (_, i) => denial(1, i)),
      ...Array.from({ length: 2 }, (_, i) => denial(2, i)),
    ];
    const outcome = await loadPack(
      db,
      samplePack({
        claims: [
          ...(base.claims ?? []),
          { id: 's/claim/2', claimantId: 's/actor/a', gist: 'Ana Ortiz will visit Borealia.' },
        ],
        statements: [...(base.statements ?? []), ...all.map((d) => d.statement)],
        links: [...(base.links ?? []), ...all.map((d) => d.link)],
      }),
    );
    if (!outcome.ok) throw new Error(outcome.error);
    const d = await actorPanel(db, 's/actor/a');
    const sampled = d?.deniedBy.map((x) => x.claim.id) ?? [];
    expect(sampled).toHaveLength(ACTOR_LIMITS.denials);
    expect(sampled.filter((id) => id === 's/claim/2')).toHaveLength(2);
  });

  it('resolves sources to outlet, title and a text-fragment link', async () => {
    const db = freshDb();
    await loadPack(
      db,
      samplePack({
        sources: [
          {
            id: 's/src/1',
            outlet: 'Harbour Ledger',
            url: 'https://harbourledger.example/a',
            published: '2026-02-03',
          },
        ],
        statements: [
          {
            id: 's/st/1',
            speakerId: 's/actor/a',
            words: 'We are talking',
            kind: 'quote',
            citations: [
              {
                sourceId: 's/src/1',
                selector: { type: 'TextQuoteSelector', exact: 'We are talking' },
              },
            ],
          },
        ],
        links: [],
      }),
    );
    const d = await actorPanel(db, 's/actor/a');
    const s = d?.statements[0];
    expect(s?.sources).toEqual([
      {
        id: 's/src/1',
        label: 'Harbour Ledger',
        outlet: 'Harbour Ledger',
        published: '2026-02-03',
        href: 'https://harbourledger.example/a#:~:text=We%20are%20talking',
      },
    ]);
    // Undated: dated by the source that reported it.
    expect(s?.reportedOn).toBe('2026-02-03');
    expect(s && statementTimeKey(s)).toBe('2026-02-03');
  });
});

describe('claimPanel', () => {
  it('separates who stated, denied and qualified the talks claim', async () => {
    const db = await starterDb();
    const d = await claimPanel(db, 'starter/claim/us-cuba-talks');
    if (!d) throw new Error('no claim');
    expect(d.claimant?.name).toBe('Donald Trump');
    const names = (stance: 'states' | 'denies' | 'qualifies' | 'supports') =>
      d.groups[stance].items.map((i) => i.speaker.name);
    expect(new Set(names('states'))).toEqual(new Set(['Donald Trump']));
    expect(names('denies')).toEqual(expect.arrayContaining(['Miguel Díaz-Canel', 'Cuba']));
    expect(new Set(names('qualifies'))).toEqual(new Set(['Carlos Fernández de Cossío']));
    expect(d.groups.denies.count).toBe(d.groups.denies.items.length);
    // The first statement is the earliest dated one.
    expect(d.first?.statement.said).toBe('2026-02-01');
    // Each group in time order, undated last.
    for (const g of Object.values(d.groups)) {
      const keys = g.items.map(statementTimeKey);
      expect([...keys].sort()).toEqual(keys);
    }
    expect(d.named.map((a) => a.id)).toEqual([A('united-states'), A('cuba')]);
    // Trump speaks for the United States; Cuba denied: nobody named is silent.
    expect(d.notOnRecord).toEqual([]);
  });

  it('tells who named in a claim has nothing on record about it', async () => {
    const db = await starterDb();
    const d = await claimPanel(db, 'starter/claim/rubio-misled-trump');
    expect(d?.notOnRecord.map((a) => a.name)).toEqual(['Marco Rubio', 'Donald Trump', 'Cuba']);
  });

  it('gives the shared history of the actors a claim names, in date order', async () => {
    const db = await starterDb();
    const d = await claimPanel(db, 'starter/claim/us-cuba-talks');
    const events = d?.history.events ?? [];
    expect(events.length).toBeGreaterThan(10);
    for (const e of events) {
      expect(e.event.actorIds).toEqual(expect.arrayContaining([A('united-states'), A('cuba')]));
    }
    const dates = events.map((e) => e.event.date);
    expect([...dates].sort(comparePartialDates)).toEqual(dates);
  });
});

describe('timeline', () => {
  it('lists every event from 1959 to 2026 in order, page by page', async () => {
    const db = await starterDb();
    const all = await timeline(db, { limit: 100 });
    expect(all.total).toBe(starter.events.length);
    expect(all.more).toBe(false);
    const dates = all.events.map((e) => e.event.date);
    expect(dates[0]).toBe('1959-01');
    expect(dates.at(-1)?.startsWith('2026')).toBe(true);
    expect([...dates].sort(comparePartialDates)).toEqual(dates);
    const first = await timeline(db, { limit: 5 });
    expect(first.events).toHaveLength(5);
    expect(first.more).toBe(true);
  });

  it('filters to one actor or to a pair, and names actors and sources', async () => {
    const db = await starterDb();
    const kennedy = await timeline(db, { actorIds: [A('john-f-kennedy')] });
    expect(kennedy.events.length).toBe(kennedy.total);
    expect(kennedy.events.every((e) => e.event.actorIds.includes(A('john-f-kennedy')))).toBe(true);
    const pair = await timeline(db, { actorIds: [A('cuba'), A('united-states')] });
    expect(pair.events.every((e) => e.event.actorIds.includes(A('united-states')))).toBe(true);
    expect(pair.total).toBe(pair.events.length);
    const coubre = pair.events.find((e) => e.event.id === 'starter/event/1960-03-la-coubre');
    expect(coubre?.actors.map((a) => a.name)).toContain('Fidel Castro');
    expect(coubre?.sources[0]?.label).toBe(
      'Cuba Offers Dialogue as U.S. Oil Pressure Pushes Relations to the Brink',
    );
  });

  it('caps its count like every count the panel shows, and still pages to the end', async () => {
    const db = await starterDb();
    const extra = COUNT_CAP + 25;
    await db.events.bulkPut(
      Array.from({ length: extra }, (_, i) => ({
        id: `extra/event/${i}`,
        date: `2001-01-${String((i % 28) + 1).padStart(2, '0')}`,
        text: `Extra event ${i}`,
        actorIds: [A('cuba')],
        sourceIds: [],
        provenance: ['user'],
        _dateKey: '',
      })),
    );
    const page = await timeline(db, { limit: 50 });
    expect(page.total).toBe(COUNT_CAP + 1);
    expect(formatCount(page.total)).toBe(`${COUNT_CAP}+`);
    expect(page.more).toBe(true);
    const cuba = await timeline(db, { actorIds: [A('cuba')], limit: 50 });
    expect(cuba.total).toBe(COUNT_CAP + 1);
    const everything = await timeline(db, { limit: 10_000 });
    expect(everything.events).toHaveLength(starter.events.length + extra);
    expect(everything.more).toBe(false);
  });
});

describe('countBeyond', () => {
  /** A range of `size` entries that records how many were asked for. */
  const range = (size: number) => {
    const asked: number[] = [];
    return {
      asked,
      limit: (n: number) => {
        asked.push(n);
        return { primaryKeys: async () => Array.from({ length: Math.min(n, size) }, (_, i) => i) };
      },
    };
  };

  it('takes a read that stopped short of its limit as the whole range, without counting', () => {
    const r = range(3);
    expect(countBeyond(3, 10, r)).toBe(3);
    expect(r.asked).toEqual([]);
  });

  it('counts a range again when the read was full, capped', async () => {
    const some = range(25);
    expect(await countBeyond(10, 10, some)).toBe(25);
    const many = range(5000);
    expect(await countBeyond(10, 10, many)).toBe(COUNT_CAP + 1);
    expect(many.asked).toEqual([COUNT_CAP + 1]);
  });
});
