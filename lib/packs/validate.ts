import type { z } from 'zod';
import {
  Contribution,
  PACK_FORMAT,
  PACK_TABLES,
  Pack,
  PackActor,
  PackClaim,
  PackEvent,
  PackLink,
  PackSource,
  PackStatement,
  type PackTable,
} from '../model';
import { describeZodIssues, type PackIssue } from './errors';

/** The pack's header: everything but its tables. */
export const PackHeader = Pack.omit({
  sources: true,
  actors: true,
  claims: true,
  statements: true,
  links: true,
  events: true,
  contributions: true,
});
export type PackHeader = z.infer<typeof PackHeader>;

export const HEADER_FIELDS: ReadonlySet<string> = new Set(Object.keys(PackHeader.shape));
/** What the streaming reader hands over row by row. */
export const STREAMED_TABLES: ReadonlySet<string> = new Set([...PACK_TABLES, 'contributions']);
export type StreamedTable = PackTable | 'contributions';

export const ROW_SCHEMAS: Record<PackTable, z.ZodType> = {
  sources: PackSource,
  actors: PackActor,
  claims: PackClaim,
  statements: PackStatement,
  links: PackLink,
  events: PackEvent,
};

export const MAX_ISSUES = 20;

/** Validates one row; issues are labelled like whole-pack issues (`statements[4] (id "x") → said`). */
export function validateRow(
  table: StreamedTable,
  index: number,
  value: unknown,
): { ok: true; row: Record<string, unknown> } | { ok: false; issues: PackIssue[] } {
  const schema = table === 'contributions' ? Contribution : ROW_SCHEMAS[table];
  const parsed = schema.safeParse(value);
  const root = { [table]: { [index]: value } };
  if (!parsed.success) {
    const prefixed = {
      ...parsed.error,
      issues: parsed.error.issues.map((i) => ({ ...i, path: [table, index, ...i.path] })),
    } as z.ZodError;
    return { ok: false, issues: describeZodIssues(root, prefixed) };
  }
  if (table === 'contributions') {
    const c = parsed.data as Contribution;
    const inner = ROW_SCHEMAS[c.table].safeParse(c.row);
    if (!inner.success) {
      const prefixed = {
        ...inner.error,
        issues: inner.error.issues.map((i) => ({ ...i, path: [table, index, 'row', ...i.path] })),
      } as z.ZodError;
      return { ok: false, issues: describeZodIssues(root, prefixed) };
    }
    return { ok: true, row: { ...c, row: inner.data as Record<string, unknown> } };
  }
  return { ok: true, row: parsed.data as Record<string, unknown> };
}

export function validateHeader(
  fields: Record<string, unknown>,
): { ok: true; header: PackHeader } | { ok: false; issues: PackIssue[]; notAPack: boolean } {
  const parsed = PackHeader.safeParse(fields);
  if (parsed.success) return { ok: true, header: parsed.data };
  return {
    ok: false,
    issues: describeZodIssues(fields, parsed.error),
    notAPack: fields.format !== PACK_FORMAT,
  };
}

type RefTable = 'actors' | 'sources' | 'claims' | 'statements';

/**
 * Follows the references of a pack while it streams past: each id a row points to must be
 * defined in the pack (before or after) or already be in the database. Only references not yet
 * seen are kept, so memory grows with the ids, not with the rows.
 */
export class ReferenceTracker {
  readonly ids: Record<PackTable, Set<string>> = {
    sources: new Set(),
    actors: new Set(),
    claims: new Set(),
    statements: new Set(),
    links: new Set(),
    events: new Set(),
  };
  private pending: { table: RefTable; id: string; where: string }[] = [];

  /** Records a row's id; returns false when the pack already had it. */
  define(table: PackTable, id: string): boolean {
    const set = this.ids[table];
    if (set.has(id)) return false;
    set.add(id);
    return true;
  }

  private need(table: RefTable, id: unknown, where: () => string) {
    if (typeof id === 'string' && !this.ids[table].has(id)) {
      this.pending.push({ table, id, where: where() });
    }
  }

  follow(table: PackTable, index: number, row: Record<string, unknown>) {
    const at = () => `${table}[${index}] (id "${String(row.id)}")`;
    switch (table) {
      case 'statements': {
        this.need('actors', row.speakerId, () => `${at()} → speakerId`);
        (row.citations as { sourceId: string }[]).forEach((c, j) => {
          this.need('sources', c.sourceId, () => `${at()} → citations[${j}].sourceId`);
        });
        break;
      }
      case 'claims':
        this.need('actors', row.claimantId, () => `${at()} → claimantId`);
        break;
      case 'links':
        this.need('claims', row.claimId, () => `${at()} → claimId`);
        this.need('statements', row.statementId, () => `${at()} → statementId`);
        break;
      case 'events':
        (row.actorIds as string[]).forEach((a, j) => {
          this.need('actors', a, () => `${at()} → actorIds[${j}]`);
        });
        (row.sourceIds as string[]).forEach((s, j) => {
          this.need('sources', s, () => `${at()} → sourceIds[${j}]`);
        });
        break;
      case 'actors':
        this.need('actors', row.mergedInto, () => `${at()} → mergedInto`);
        break;
      default:
        break;
    }
  }

  /** References to ids the pack does not define, by table (the database must have them). */
  external(): { table: RefTable; id: string; where: string }[] {
    return this.pending.filter((p) => !this.ids[p.table].has(p.id));
  }
}
