import type { ActorRow, BackstoryDB, EventRow } from '../database';
import { ACTOR_DATE_SEPARATOR, actorDateKey } from '../search-fields';
import { cappedCount, type EventInfo, Resolver } from './resolve';

/** An actor's events in date order, through the `_actorDates` index. */
export const actorEventRange = (db: BackstoryDB, actorId: string) =>
  db.events
    .where('_actorDates')
    .between(`${actorId}${ACTOR_DATE_SEPARATOR}`, actorDateKey(actorId, '\uffff'), true, true);

/** An actor's events in date order: the `limit` most recent, or the first from the start. */
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

/** Events read per actor to find the ones several actors share. */
export const HISTORY_SCAN = 400;

/**
 * Events involving the given actors: those involving two or more of them when there are any
 * (the history between a pair, such as the United States and Cuba), else those of any of them;
 * in date order, the most recent `limit`.
 */
export async function sharedHistory(
  db: BackstoryDB,
  actorIds: string[],
  limit = 30,
): Promise<{ events: EventRow[]; more: boolean }> {
  const ids = actorIds.slice(0, 4);
  if (ids.length === 0) return { events: [], more: false };
  // Each actor's most recent events, one request each: reading the rows costs less than walking
  // the index keys with a cursor (a round trip per event) and then reading the chosen rows.
  const perActor = await Promise.all(
    ids.map((id) => actorEventRange(db, id).reverse().limit(HISTORY_SCAN).toArray()),
  );
  const seen = new Map<string, { row: EventRow; actors: number }>();
  for (const list of perActor) {
    for (const row of list) {
      const entry = seen.get(row.id);
      if (entry) entry.actors += 1;
      else seen.set(row.id, { row, actors: 1 });
    }
  }
  const all = [...seen.values()];
  const shared = all.filter((e) => e.actors >= 2);
  const chosen = (ids.length >= 2 && shared.length > 0 ? shared : all).sort(
    ({ row: a }, { row: b }) => (a._dateKey < b._dateKey ? -1 : a._dateKey > b._dateKey ? 1 : 0),
  );
  return { events: chosen.slice(-limit).map((e) => e.row), more: chosen.length > limit };
}

export interface TimelinePage {
  events: EventInfo[];
  /** Whether there are events after these. */
  more: boolean;
  /** Capped at COUNT_CAP + 1 (shown as "100+", see formatCount). */
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
  const limit = opts.limit ?? 50;
  const [lead, ...others] = opts.actorIds ?? [];
  return db.transaction('r', [db.events, db.actors, db.sources], async () => {
    let rows: EventRow[];
    let total: number;
    // Counts are capped like every count the panel shows (cappedCount): counting all of a large
    // cache's events is a walk over every one of them.
    if (lead === undefined) {
      const all = () => db.events.orderBy('_dateKey');
      [rows, total] = await Promise.all([
        all()
          .limit(limit + 1)
          .toArray(),
        cappedCount(all()),
      ]);
    } else {
      const involvesAll = (e: EventRow) => others.every((id) => e.actorIds.includes(id));
      const range = () => actorEventRange(db, lead);
      [rows, total] = await Promise.all([
        range()
          .filter(involvesAll)
          .limit(limit + 1)
          .toArray(),
        cappedCount(others.length === 0 ? range() : range().filter(involvesAll)),
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
