import { textFragmentUrl } from '../../citation/text-fragment';
import { type Actor, isHttpUrl, partialDateKey, partialDateWithin, type Stance } from '../../model';
import type {
  ActorRow,
  BackstoryDB,
  EventRow,
  LinkRow,
  SourceRow,
  StatementRow,
} from '../database';

/** What the panel shows of a source: a label, and a link to the passage when there is one. */
export interface SourceRef {
  id: string;
  /** Outlet, else title, else a neutral placeholder. */
  label: string;
  outlet?: string;
  title?: string;
  published?: string;
  /** Neither outlet nor title is known. */
  unnamed?: true;
  /** The source's URL, scrolled to the passage (`#:~:text=`) when the passage is known. */
  href?: string;
}

export interface Speaker {
  id?: string;
  name: string;
  /** The role the speaker held when they said it (or their latest role). */
  role?: string;
}

export interface StatementInfo {
  statement: StatementRow;
  speaker: Speaker;
  sources: SourceRef[];
  /** For an undated statement, the earliest publication date of the sources it was read in. */
  reportedOn?: string;
}

export interface EventInfo {
  event: EventRow;
  actors: { id: string; name: string }[];
  sources: SourceRef[];
}

export type OtherStance = Exclude<Stance, 'states'>;

export interface LinkedStatement extends StatementInfo {
  stance: Stance;
  origin: LinkRow['origin'];
  confidence: number;
}

/**
 * Counts stop here and show as "100+": IndexedDB counts a range by visiting every entry, and an
 * exact "1,527 statements" is not worth reading 1,527 index entries on every view.
 */
export const COUNT_CAP = 100;

type CountableRange = { limit(n: number): { primaryKeys(): Promise<unknown[]> } };

/** How many entries a range has, up to COUNT_CAP + 1. */
export async function cappedCount(range: CountableRange) {
  return (await range.limit(COUNT_CAP + 1).primaryKeys()).length;
}

/**
 * How many entries a range has, given that a read of it limited to `limit` found `found`: a read
 * that stopped short found them all; only a full one is counted again (capped).
 */
export function countBeyond(
  found: number,
  limit: number,
  range: CountableRange,
): number | Promise<number> {
  return found < limit ? found : cappedCount(range);
}

export const formatCount = (n: number) => (n > COUNT_CAP ? `${COUNT_CAP}+` : String(n));

const UNKNOWN_SPEAKER = 'Unnamed speaker';
// Not "an unnamed source": in news that means an anonymous informant.
const UNNAMED_SOURCE = 'an article with no outlet on record';

/** "President of Cuba", or "Deputy Foreign Minister, Cuba": the role held on `date`, if known. */
export function roleAt(actor: Pick<Actor, 'roles'>, date: string | undefined): string | undefined {
  const roles = actor.roles ?? [];
  const label = (r: (typeof roles)[number]) => (r.of ? `${r.title}, ${r.of}` : r.title);
  if (roles.length === 0) return undefined;
  if (date) {
    const key = partialDateKey(date);
    const held = roles.find(
      (r) =>
        (!r.from || partialDateKey(r.from) <= key || partialDateWithin(date, r.from)) &&
        (!r.to || key <= partialDateKey(r.to) || partialDateWithin(date, r.to)),
    );
    if (held) return label(held);
  }
  // Undated, or no role matched: the current role (open-ended), else the latest one.
  const current = roles.find((r) => !r.to);
  if (current) return label(current);
  const latest = [...roles].sort((a, b) =>
    partialDateKey(a.to ?? a.from) < partialDateKey(b.to ?? b.from) ? 1 : -1,
  )[0];
  return latest ? label(latest) : undefined;
}

/** Turns rows into what the panel shows, reading every actor and source they name in bulk. */
export class Resolver {
  private readonly actors = new Map<string, ActorRow>();
  private readonly sources = new Map<string, SourceRow>();
  constructor(private readonly db: BackstoryDB) {}

  async load(statements: StatementRow[], events: EventRow[] = [], known: ActorRow[] = []) {
    for (const a of known) this.actors.set(a.id, a);
    const wantActors = new Set<string>();
    const wantSources = new Set<string>();
    for (const s of statements) {
      if (s.speakerId) wantActors.add(s.speakerId);
      for (const c of s.citations) wantSources.add(c.sourceId);
    }
    for (const e of events) {
      for (const id of e.actorIds) wantActors.add(id);
      for (const id of e.sourceIds) wantSources.add(id);
    }
    const actorIds = [...wantActors].filter((id) => !this.actors.has(id));
    const sourceIds = [...wantSources].filter((id) => !this.sources.has(id));
    const [actors, sources] = await Promise.all([
      actorIds.length ? this.db.actors.bulkGet(actorIds) : [],
      sourceIds.length ? this.db.sources.bulkGet(sourceIds) : [],
    ]);
    for (const a of actors) if (a) this.actors.set(a.id, a);
    for (const s of sources) if (s) this.sources.set(s.id, s);
    return this;
  }

  source(id: string, selector?: StatementRow['citations'][number]['selector']): SourceRef {
    const row = this.sources.get(id);
    const ref: SourceRef = { id, label: row?.outlet ?? row?.title ?? UNNAMED_SOURCE };
    if (row?.outlet) ref.outlet = row.outlet;
    if (row?.title) ref.title = row.title;
    if (row?.published) ref.published = row.published;
    if (!row?.outlet && !row?.title) ref.unnamed = true;
    if (row?.url && isHttpUrl(row.url)) {
      ref.href = selector ? textFragmentUrl(row.url, selector) : row.url;
    }
    return ref;
  }

  statement(statement: StatementRow): StatementInfo {
    const actor = statement.speakerId ? this.actors.get(statement.speakerId) : undefined;
    const speaker: Speaker = actor
      ? { id: actor.id, name: actor.name }
      : { name: statement.speakerLabel ?? UNKNOWN_SPEAKER };
    const role = actor ? roleAt(actor, statement.said) : undefined;
    if (role) speaker.role = role;
    const sources = statement.citations.map((c) => this.source(c.sourceId, c.selector));
    const info: StatementInfo = { statement, speaker, sources };
    if (!statement.said) {
      const dates = sources.flatMap((s) => (s.published ? [s.published] : [])).sort();
      if (dates[0]) info.reportedOn = dates[0];
    }
    return info;
  }

  event(event: EventRow): EventInfo {
    return {
      event,
      actors: event.actorIds.flatMap((id) => {
        const a = this.actors.get(id);
        return a ? [{ id: a.id, name: a.name }] : [];
      }),
      sources: event.sourceIds.map((id) => this.source(id)),
    };
  }
}

/** Sort key of a statement in time: when said, else when first reported; undated last. */
export function statementTimeKey(info: StatementInfo): string {
  return partialDateKey(info.statement.said ?? info.reportedOn);
}

export const byTime = (a: StatementInfo, b: StatementInfo) => {
  const ka = statementTimeKey(a);
  const kb = statementTimeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Statements as the panel shows them (for search results). */
export async function resolveStatements(
  db: BackstoryDB,
  rows: StatementRow[],
): Promise<StatementInfo[]> {
  const resolver = await new Resolver(db).load(rows);
  return rows.map((s) => resolver.statement(s));
}

/** Events as the panel shows them (for search results). */
export async function resolveEvents(db: BackstoryDB, rows: EventRow[]): Promise<EventInfo[]> {
  const resolver = await new Resolver(db).load([], rows);
  return rows.map((e) => resolver.event(e));
}
