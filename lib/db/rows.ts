import { foldKey } from '../match/fold';
import { type Actor, type Event, type Note, partialDateKey, type Statement } from '../model';
import type { ActorRow, EventRow, NoteRow, StatementRow } from './database';

/** Adds the derived index fields to a row before it is written. */
export function actorRow(actor: Actor): ActorRow {
  const keys = new Set<string>([foldKey(actor.name)]);
  for (const alias of actor.aliases) keys.add(foldKey(alias.text));
  return { ...stripDerived(actor), _aliasKeys: [...keys] };
}

export function statementRow(statement: Statement): StatementRow {
  return {
    ...stripDerived(statement),
    _sourceIds: [...new Set(statement.citations.map((c) => c.sourceId))],
    _saidKey: saidKey(statement.said),
  };
}

export function eventRow(event: Event): EventRow {
  return { ...stripDerived(event), _dateKey: partialDateKey(event.date) };
}

export function noteRow(note: Note): NoteRow {
  return {
    ...stripDerived(note),
    _pageUrl: note.target.kind === 'selection' ? note.target.url : '',
  };
}

/** Drops derived `_` fields: what export and comparison see. */
export function stripDerived<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!k.startsWith('_')) out[k] = v;
  return out as T;
}

/**
 * Statements are listed newest first, so an undated statement keys as the oldest possible date
 * and comes last (events, listed oldest first, put undated last through partialDateKey instead).
 */
export function saidKey(said: string | undefined): string {
  return said ? partialDateKey(said) : '0000-00-00';
}
