/**
 * A large, deterministic pack for benchmarks and scale tests: realistic row shapes (aliases,
 * roles, quotes with selectors, several citations, links of every stance, dated events), written
 * straight to JSON text one row per line.
 */
export interface SyntheticSizes {
  actors: number;
  statements: number;
  events: number;
  sources: number;
  claims: number;
  links: number;
}

export const BENCH_SIZES: SyntheticSizes = {
  actors: 10_000,
  statements: 100_000,
  events: 5_000,
  sources: 1_000,
  claims: 2_000,
  links: 20_000,
};

/** A small deterministic generator (mulberry32), so every run imports the same pack. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'Luis',
  'Marta',
  'Jorge',
  'Elena',
  'Pablo',
  'Irene',
  'Tomás',
  'Lucía',
  'Raúl',
];
const LAST = ['Ortiz', 'Vega', 'Marrero', 'Quintana', 'Díaz', 'Piñón', 'Castro', 'Gómez', 'Ruiz'];
const WORDS =
  'talks dialogue migration oil fuel embargo sanctions embassy negotiations ministry officials government statement interview agreement pressure'.split(
    ' ',
  );

const pad = (n: number) => String(n).padStart(2, '0');

export function syntheticPack(sizes: SyntheticSizes = BENCH_SIZES, id = 'bench'): string {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const date = () =>
    `20${pad(10 + Math.floor(rnd() * 16))}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const parts: string[] = [];
  const table = (name: string, n: number, row: (i: number) => unknown) => {
    parts.push(`,\n"${name}": [\n`);
    for (let i = 0; i < n; i++) parts.push(`${i ? ',\n' : ''}${JSON.stringify(row(i))}`);
    parts.push('\n]');
  };
  parts.push(
    JSON.stringify({
      format: 'backstory-pack',
      formatVersion: 1,
      id,
      name: 'Benchmark pack',
      version: '1',
      publisher: 'Backstory benchmarks',
    }).slice(0, -1),
  );
  table('sources', sizes.sources, (i) => ({
    id: `${id}/src/${i}`,
    url: `https://news${i % 50}.example/story/${i}`,
    outlet: `Outlet ${i % 50}`,
    title: `Story ${i}: ${sentence(6)}`,
    published: date(),
  }));
  table('actors', sizes.actors, (i) => {
    const name = `${pick(FIRST)} ${pick(LAST)} ${i}`;
    return {
      id: `${id}/actor/${i}`,
      name,
      kind: i % 7 === 0 ? 'organization' : 'person',
      aliases: [
        { text: `${name.split(' ')[1]} ${i}`, kind: 'short' },
        { text: `Minister ${i}`, kind: 'title' },
      ],
      ...(i % 3 === 0
        ? { roles: [{ title: 'Minister', of: `Country ${i % 40}`, from: date() }] }
        : {}),
      ...(i % 5 === 0 ? { description: `A person of the story, number ${i}.` } : {}),
    };
  });
  table('claims', sizes.claims, (i) => ({
    id: `${id}/claim/${i}`,
    claimantId: `${id}/actor/${(i * 7) % sizes.actors}`,
    gist: `Claim ${i}: ${sentence(10)}.`,
    firstStated: date(),
    keyPhrases: [sentence(2), sentence(3)],
  }));
  table('statements', sizes.statements, (i) => {
    const words = `${sentence(8 + Math.floor(rnd() * 12))} (${i})`;
    const source = `${id}/src/${i % sizes.sources}`;
    return {
      id: `${id}/st/${i}`,
      speakerId: `${id}/actor/${i % sizes.actors}`,
      words,
      kind: i % 3 === 0 ? 'reported' : 'quote',
      said: date(),
      ...(i % 4 === 0 ? { medium: 'told reporters' } : {}),
      citations: [
        { sourceId: source, selector: { type: 'TextQuoteSelector', exact: words.slice(0, 40) } },
        ...(i % 10 === 0 ? [{ sourceId: `${id}/src/${(i + 1) % sizes.sources}` }] : []),
      ],
    };
  });
  const stances = ['states', 'supports', 'denies', 'qualifies'] as const;
  table('links', sizes.links, (i) => ({
    id: `${id}/link/${i}`,
    claimId: `${id}/claim/${i % sizes.claims}`,
    statementId: `${id}/st/${(i * 5) % sizes.statements}`,
    stance: stances[i % 4],
    origin: 'pack',
    confidence: 1,
  }));
  table('events', sizes.events, (i) => ({
    id: `${id}/ev/${i}`,
    date: i % 3 === 0 ? date().slice(0, 7) : date(),
    text: `Event ${i}: ${sentence(12)}.`,
    actorIds: [`${id}/actor/${i % sizes.actors}`, `${id}/actor/${(i + 17) % sizes.actors}`],
    sourceIds: [`${id}/src/${i % sizes.sources}`],
  }));
  parts.push('\n}\n');
  return parts.join('');
}
