import Dexie from 'dexie';
import { textFragmentUrl } from '../citation/text-fragment';
import { foldKey } from '../match/fold';
import { type Actor, isHttpUrl, partialDateKey, partialDateWithin, type Stance } from '../model';
import type {
  ActorRow,
  BackstoryDB,
  ClaimRow,
  EventRow,
  LinkRow,
  SourceRow,
  StatementRow,
} from './database';
import { ACTOR_DATE_SEPARATOR, actorDateKey } from './search-fields';

/**
 * The side panel's reads. Each view's first screen is one read transaction of indexed, limited
 * queries, so its cost does not grow with the size of the cache (measured with 100,000
 * statements in scripts/bench/panel.bench.ts); longer lists are read page by page.
 */

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

const UNKNOWN_SPEAKER = 'Unnamed speaker';
const UNNAMED_SOURCE = 'an unnamed source';

// ---------------------------------------------------------------------------------------------
// Resolving ids to what the panel shows

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

class Resolver {
  private readonly actors = new Map<string, ActorRow>();
  private readonly sources = new Map<string, SourceRow>();
  constructor(private readonly db: BackstoryDB) {}

  /** Reads every actor and source the given rows refer to, in two bulk reads. */
  async load(statements: StatementRow[], events: EventRow[] = [], actorIds: string[] = []) {
    const wantActors = new Set(actorIds);
    const wantSources = new Set<string>();
    for (const s of statements) {
      if (s.speakerId) wantActors.add(s.speakerId);
      for (const c of s.citations) wantSources.add(c.sourceId);
    }
    for (const e of events) {
      for (const id of e.actorIds) wantActors.add(id);
      for (const id of e.sourceIds) wantSources.add(id);
    }
    const actorIdsToRead = [...wantActors].filter((id) => !this.actors.has(id));
    const sourceIdsToRead = [...wantSources].filter((id) => !this.sources.has(id));
    const [actors, sources] = await Promise.all([
      this.db.actors.bulkGet(actorIdsToRead),
      this.db.sources.bulkGet(sourceIdsToRead),
    ]);
    for (const a of actors) if (a) this.actors.set(a.id, a);
    for (const s of sources) if (s) this.sources.set(s.id, s);
    return this;
  }

  actor(id: string | undefined) {
    return id ? this.actors.get(id) : undefined;
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
    const actor = this.actor(statement.speakerId);
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

const byTime = (a: StatementInfo, b: StatementInfo) => {
  const ka = statementTimeKey(a);
  const kb = statementTimeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

// ---------------------------------------------------------------------------------------------
// Actors

const speakerRange = (db: BackstoryDB, actorId: string) =>
  db.statements
    .where('[speakerId+_saidKey]')
    .between([actorId, Dexie.minKey], [actorId, Dexie.maxKey]);

const actorEventRange = (db: BackstoryDB, actorId: string) =>
  db.events
    .where('_actorDates')
    .between(`${actorId}${ACTOR_DATE_SEPARATOR}`, actorDateKey(actorId, '\uffff'), true, true);

/** An actor's statements, newest first (undated last), one page at a time. */
export async function actorStatements(
  db: BackstoryDB,
  actorId: string,
  limit = 50,
): Promise<StatementInfo[]> {
  const rows = await speakerRange(db, actorId).reverse().limit(limit).toArray();
  const resolver = await new Resolver(db).load(rows);
  return rows.map((s) => resolver.statement(s));
}

/** An actor's events in date order: the `limit` most recent, or all of them from the start. */
export async function actorEvents(
  db: BackstoryDB,
  actorId: string,
  opts: { limit?: number; latest?: boolean } = {},
): Promise<EventRow[]> {
  const range = actorEventRange(db, actorId);
  const limit = opts.limit ?? 50;
  if (opts.latest) return (await range.reverse().limit(limit).toArray()).reverse();
  return range.limit(limit).toArray();
}

export interface ClaimSummary {
  claim: ClaimRow;
  counts: Record<OtherStance, number>;
}

export interface ActorPanelData {
  actor: ActorRow;
  /** The actor this one was merged into, if any. */
  mergedInto?: ActorRow;
  statements: StatementInfo[];
  statementCount: number;
  claimsMade: ClaimSummary[];
  /** Claims this actor's statements deny, qualify or support. */
  stances: {
    stance: OtherStance;
    claim: ClaimRow;
    statement: StatementInfo;
    origin: LinkRow['origin'];
  }[];
  /** Statements of others denying this actor's claims. */
  deniedBy: { claim: ClaimRow; statement: StatementInfo }[];
  events: EventInfo[];
  eventCount: number;
}

export const ACTOR_LIMITS = {
  statements: 50,
  claims: 20,
  /** Of the actor's statements, how many (newest) are checked for stances towards claims. */
  stanceScan: 500,
  stances: 50,
  denialsPerClaim: 10,
  denials: 30,
  events: 12,
} as const;

async function stanceCounts(
  db: BackstoryDB,
  claimId: string,
): Promise<Record<OtherStance, number>> {
  const count = (stance: OtherStance) =>
    db.links.where('[claimId+stance]').equals([claimId, stance]).count();
  const [denies, qualifies, supports] = await Promise.all([
    count('denies'),
    count('qualifies'),
    count('supports'),
  ]);
  return { denies, qualifies, supports };
}

/** Everything the actor view shows first, in one read transaction. */
export async function actorPanel(
  db: BackstoryDB,
  actorId: string,
  opts: { statements?: number } = {},
): Promise<ActorPanelData | null> {
  const L = ACTOR_LIMITS;
  return db.transaction(
    'r',
    [db.actors, db.statements, db.claims, db.links, db.events, db.sources],
    async () => {
      const actor = await db.actors.get(actorId);
      if (!actor) return null;
      const [statementRows, statementCount, ownClaims, scanIds, eventRows, eventCount, mergedInto] =
        await Promise.all([
          speakerRange(db, actorId)
            .reverse()
            .limit(opts.statements ?? L.statements)
            .toArray(),
          speakerRange(db, actorId).count(),
          db.claims.where('claimantId').equals(actorId).limit(L.claims).toArray(),
          speakerRange(db, actorId).reverse().limit(L.stanceScan).primaryKeys(),
          actorEvents(db, actorId, { limit: L.events, latest: true }),
          actorEventRange(db, actorId).count(),
          actor.mergedInto ? db.actors.get(actor.mergedInto) : Promise.resolve(undefined),
        ]);

      // Links from the actor's statements: `states` adds to the claims they made, the other
      // stances are their positions on others' claims.
      const links = scanIds.length
        ? await db.links
            .where('statementId')
            .anyOf(scanIds as string[])
            .limit(L.stanceScan * 2)
            .toArray()
        : [];
      const stated = links.filter((l) => l.stance === 'states');
      const positioned = links.filter((l) => l.stance !== 'states').slice(0, L.stances);
      const knownClaims = new Set(ownClaims.map((c) => c.id));
      const extraClaimIds = [
        ...new Set([...stated.map((l) => l.claimId), ...positioned.map((l) => l.claimId)]),
      ].filter((id) => !knownClaims.has(id));
      const extraClaims = await db.claims.bulkGet(extraClaimIds);
      const claimById = new Map<string, ClaimRow>(ownClaims.map((c) => [c.id, c]));
      for (const c of extraClaims) if (c) claimById.set(c.id, c);
      const made = [
        ...ownClaims,
        ...stated.flatMap((l) => {
          const c = claimById.get(l.claimId);
          return c && !knownClaims.has(c.id) ? [c] : [];
        }),
      ].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
      const claimsMade = made.slice(0, L.claims);

      // Denials of their claims by anyone else.
      const [counts, denialLinks] = await Promise.all([
        Promise.all(claimsMade.map((c) => stanceCounts(db, c.id))),
        Promise.all(
          claimsMade.map((c) =>
            db.links
              .where('[claimId+stance]')
              .equals([c.id, 'denies'])
              .limit(L.denialsPerClaim)
              .toArray(),
          ),
        ),
      ]);
      const denials = denialLinks.flat().slice(0, L.denials);

      // Statements not already read: the positioned ones beyond the first page, and the denials.
      const have = new Map(statementRows.map((s) => [s.id, s]));
      const missing = [...new Set([...positioned, ...denials].map((l) => l.statementId))].filter(
        (id) => !have.has(id),
      );
      for (const s of await db.statements.bulkGet(missing)) if (s) have.set(s.id, s);

      const resolver = await new Resolver(db).load([...have.values()], eventRows);
      const info = (id: string) => {
        const s = have.get(id);
        return s ? resolver.statement(s) : undefined;
      };

      const stances: ActorPanelData['stances'] = [];
      for (const l of positioned) {
        const claim = claimById.get(l.claimId);
        const statement = info(l.statementId);
        if (claim && statement && l.stance !== 'states') {
          stances.push({ stance: l.stance, claim, statement, origin: l.origin });
        }
      }
      const deniedBy: ActorPanelData['deniedBy'] = [];
      for (const l of denials) {
        const claim = claimById.get(l.claimId);
        const statement = info(l.statementId);
        // Someone denying their own claim is a retraction: shown with their statements instead.
        if (claim && statement && statement.statement.speakerId !== actorId) {
          deniedBy.push({ claim, statement });
        }
      }

      const data: ActorPanelData = {
        actor,
        statements: statementRows.map((s) => resolver.statement(s)),
        statementCount,
        // The most answered claims first: that is where the dispute is.
        claimsMade: claimsMade
          .map((claim, i) => ({
            claim,
            counts: counts[i] ?? { denies: 0, qualifies: 0, supports: 0 },
          }))
          .sort((a, b) => responses(b.counts) - responses(a.counts)),
        stances,
        deniedBy: deniedBy.sort(byTimeOf((d) => d.statement)),
        events: eventRows.map((e) => resolver.event(e)),
        eventCount,
      };
      if (mergedInto) data.mergedInto = mergedInto;
      return data;
    },
  );
}

const responses = (c: Record<OtherStance, number>) => c.denies + c.qualifies + c.supports;

const byTimeOf =
  <T>(get: (x: T) => StatementInfo) =>
  (a: T, b: T) =>
    byTime(get(a), get(b));

// ---------------------------------------------------------------------------------------------
// Claims

export interface ClaimPanelData {
  claim: ClaimRow;
  claimant?: ActorRow;
  /** The earliest statement that states the claim. */
  first?: LinkedStatement;
  /** Per stance, the linked statements in time order (undated last), and how many there are. */
  groups: Record<Stance, { items: LinkedStatement[]; count: number }>;
  /** Actors the claim's own words name ("the United States", "Cuba's government"). */
  named: ActorRow[];
  /** Of the claimant and the actors the claim names, those with no statement linked to it. */
  notOnRecord: ActorRow[];
  /** Background history for the actors the claim names. */
  history: { actors: ActorRow[]; events: EventInfo[]; more: boolean };
}

export const CLAIM_LIMITS = { perStance: 100, history: 30, historyScan: 400 } as const;
const STANCES: Stance[] = ['states', 'denies', 'qualifies', 'supports'];

/** Candidate alias keys in a line of text: every run of 1–5 words, with possessives dropped. */
export function phraseKeys(text: string): string[] {
  const words = foldKey(text)
    .split(' ')
    .map((w) => w.replace(/^[("'[]+|[)"'\].,;:!?]+$/g, ''))
    .filter((w) => w.length > 0);
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 5 && i + n <= words.length; n++) {
      const phrase = words.slice(i, i + n).join(' ');
      keys.add(phrase);
      if (phrase.endsWith("'s")) keys.add(phrase.slice(0, -2));
    }
  }
  return [...keys];
}

/** The known actors a text names, in the order they first appear. */
export async function actorsNamedIn(db: BackstoryDB, text: string): Promise<ActorRow[]> {
  const keys = phraseKeys(text);
  if (keys.length === 0) return [];
  const rows = await db.actors.where('_aliasKeys').anyOf(keys).limit(50).toArray();
  const folded = foldKey(text);
  const found: { actor: ActorRow; at: number }[] = [];
  for (const actor of rows) {
    if (actor.status === 'rejected' || actor.status === 'candidate' || actor.mergedInto) continue;
    // An alias that is also a common word ("US") counts only with the case it is written in.
    const forms = [
      { text: actor.name, caseSensitive: false },
      ...actor.aliases.map((a) => ({ text: a.text, caseSensitive: a.caseSensitive === true })),
    ];
    let at = -1;
    for (const f of forms) {
      const i = f.caseSensitive ? wordIndex(text, f.text) : wordIndex(folded, foldKey(f.text));
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ actor, at });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.actor);
}

function wordIndex(haystack: string, needle: string): number {
  let from = 0;
  while (needle.length > 0) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return -1;
    const before = haystack[i - 1];
    const after = haystack[i + needle.length];
    const boundary = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
    if (boundary(before) && boundary(after)) return i;
    from = i + 1;
  }
  return -1;
}

/**
 * Events involving the given actors: those involving two or more of them when there are any
 * (the history between a pair, such as the United States and Cuba), else those of any of them;
 * in date order, the most recent `limit`.
 */
export async function sharedHistory(
  db: BackstoryDB,
  actorIds: string[],
  limit: number = CLAIM_LIMITS.history,
): Promise<{ events: EventRow[]; more: boolean }> {
  const ids = actorIds.slice(0, 4);
  if (ids.length === 0) return { events: [], more: false };
  const perActor = await Promise.all(
    ids.map((id) => actorEventRange(db, id).limit(CLAIM_LIMITS.historyScan).primaryKeys()),
  );
  const involvement = new Map<string, number>();
  for (const keys of perActor) {
    for (const key of new Set(keys as string[]))
      involvement.set(key, (involvement.get(key) ?? 0) + 1);
  }
  const shared = [...involvement].filter(([, n]) => n >= 2).map(([id]) => id);
  const chosen = ids.length >= 2 && shared.length > 0 ? shared : [...involvement.keys()];
  const rows = (await db.events.bulkGet(chosen)).filter((e): e is EventRow => e !== undefined);
  rows.sort((a, b) => (a._dateKey < b._dateKey ? -1 : a._dateKey > b._dateKey ? 1 : 0));
  return { events: rows.slice(-limit), more: rows.length > limit };
}

/**
 * Whether a speaker is, or speaks for, an actor: the actor itself, or someone whose role names
 * it ("President of the United States" speaks for the United States).
 */
export function speaksFor(speaker: Speaker, actor: ActorRow): boolean {
  if (speaker.id === actor.id) return true;
  if (!speaker.role) return false;
  const role = foldKey(speaker.role);
  return [actor.name, ...actor.aliases.filter((a) => !a.caseSensitive).map((a) => a.text)].some(
    (form) => wordIndex(role, foldKey(form)) >= 0,
  );
}

/** Everything the claim view shows, in one read transaction. */
export async function claimPanel(db: BackstoryDB, claimId: string): Promise<ClaimPanelData | null> {
  return db.transaction(
    'r',
    [db.actors, db.statements, db.claims, db.links, db.events, db.sources],
    async () => {
      const claim = await db.claims.get(claimId);
      if (!claim) return null;
      const [claimant, named, perStance, counts] = await Promise.all([
        db.actors.get(claim.claimantId),
        actorsNamedIn(db, claim.gist),
        Promise.all(
          STANCES.map((stance) =>
            db.links
              .where('[claimId+stance]')
              .equals([claimId, stance])
              .limit(CLAIM_LIMITS.perStance)
              .toArray(),
          ),
        ),
        Promise.all(
          STANCES.map((stance) =>
            db.links.where('[claimId+stance]').equals([claimId, stance]).count(),
          ),
        ),
      ]);
      const links = perStance.flat();
      const historyActors = named.length > 0 ? named : claimant ? [claimant] : [];
      const [statements, history] = await Promise.all([
        db.statements.bulkGet(links.map((l) => l.statementId)),
        sharedHistory(
          db,
          historyActors.map((a) => a.id),
        ),
      ]);
      const rows = statements.filter((s): s is StatementRow => s !== undefined);
      const resolver = await new Resolver(db).load(rows, history.events);
      const byId = new Map(rows.map((s) => [s.id, s]));

      const groups = {} as ClaimPanelData['groups'];
      STANCES.forEach((stance, i) => {
        const items: LinkedStatement[] = [];
        for (const link of perStance[i] ?? []) {
          const s = byId.get(link.statementId);
          if (!s) continue;
          items.push({
            ...resolver.statement(s),
            stance,
            origin: link.origin,
            confidence: link.confidence,
          });
        }
        groups[stance] = { items: items.sort(byTime), count: counts[i] ?? items.length };
      });

      const linked = STANCES.flatMap((stance) => groups[stance].items);
      const concerned = [...(claimant ? [claimant] : []), ...named].filter(
        (a, i, all) => all.findIndex((x) => x.id === a.id) === i,
      );
      const data: ClaimPanelData = {
        claim,
        groups,
        named,
        notOnRecord: concerned.filter((a) => !linked.some((l) => speaksFor(l.speaker, a))),
        history: {
          actors: historyActors,
          events: history.events.map((e) => resolver.event(e)),
          more: history.more,
        },
      };
      if (claimant) data.claimant = claimant;
      const first = groups.states.items[0];
      if (first) data.first = first;
      return data;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The timeline

export interface TimelinePage {
  events: EventInfo[];
  /** Whether there are events after these. */
  more: boolean;
  total: number;
}

/**
 * The background history in date order: the full timeline, or the events involving every one
 * of `actorIds` (an actor's history, or a pair's). `limit` grows page by page.
 */
export async function timeline(
  db: BackstoryDB,
  opts: { actorIds?: string[]; limit?: number } = {},
): Promise<TimelinePage> {
  const limit = opts.limit ?? 100;
  const [lead, ...others] = opts.actorIds ?? [];
  return db.transaction('r', [db.events, db.actors, db.sources], async () => {
    let rows: EventRow[];
    let total: number;
    if (lead === undefined) {
      [rows, total] = await Promise.all([
        db.events
          .orderBy('_dateKey')
          .limit(limit + 1)
          .toArray(),
        db.events.count(),
      ]);
    } else {
      const involvesAll = (e: EventRow) => others.every((id) => e.actorIds.includes(id));
      const range = actorEventRange(db, lead);
      [rows, total] = await Promise.all([
        range
          .filter(involvesAll)
          .limit(limit + 1)
          .toArray(),
        others.length === 0 ? range.count() : range.filter(involvesAll).count(),
      ]);
    }
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const resolver = await new Resolver(db).load([], page);
    return { events: page.map((e) => resolver.event(e)), more, total };
  });
}

/** The actors of a timeline filter, in the order given (missing ones dropped). */
export async function actorsById(db: BackstoryDB, ids: string[]): Promise<ActorRow[]> {
  const rows = await db.actors.bulkGet(ids);
  return rows.filter((a): a is ActorRow => a !== undefined);
}

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
