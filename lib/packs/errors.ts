import type { z } from 'zod';

export interface PackIssue {
  /** Where, in words a pack author can follow: `statements[4] (id "starter/statement/x") → said`. */
  where: string;
  message: string;
}

const MAX_LISTED = 20;

function recordLabel(root: unknown, path: readonly PropertyKey[]): string {
  let where = '';
  let node: unknown = root;
  path.forEach((key, i) => {
    node =
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      where += `[${key}]`;
      // Name the record by its id at the first level of nesting (a row of a table).
      if (i === 1 && node && typeof node === 'object') {
        const id = (node as { id?: unknown }).id;
        if (typeof id === 'string') where += ` (id "${id}")`;
      }
    } else {
      where += `${where && i > 0 ? (i === 2 ? ' → ' : '.') : ''}${String(key)}`;
    }
  });
  return where || '(the document)';
}

/** Turns zod issues into messages that name the record and the field. */
export function describeZodIssues(root: unknown, error: z.ZodError): PackIssue[] {
  return error.issues.slice(0, MAX_LISTED).map((issue) => ({
    where: recordLabel(root, issue.path),
    message: issue.message,
  }));
}

export function summariseIssues(issues: PackIssue[]): string {
  const lines = issues.map((i) => `${i.where}: ${i.message}`);
  return lines.join('\n');
}
