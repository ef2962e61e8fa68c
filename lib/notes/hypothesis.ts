import { z } from 'zod';
import { stableHash } from '../model';

/**
 * A Hypothesis export (the client's "Export annotations" JSON: `{ annotations: [...] }`), or a
 * page of its API's search results (`{ rows: [...] }`), read into draft notes. Replies and page
 * notes have no passage to attach to and are reported as skipped.
 */
const Selector = z.looseObject({
  type: z.string(),
  exact: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  start: z.number().optional(),
  end: z.number().optional(),
});
export const HypothesisAnnotation = z.looseObject({
  id: z.string(),
  created: z.string().optional(),
  updated: z.string().optional(),
  uri: z.string().optional(),
  text: z.string().optional(),
  tags: z.array(z.string()).optional(),
  references: z.array(z.string()).optional(),
  target: z.array(
    z.looseObject({ source: z.string().optional(), selector: z.array(Selector).optional() }),
  ),
  document: z
    .looseObject({ title: z.union([z.string(), z.array(z.string())]).optional() })
    .optional(),
});

/** Whether a parsed JSON document looks like a Hypothesis export or API result. */
export function hypothesisAnnotationsIn(doc: unknown): unknown[] | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const o = doc as Record<string, unknown>;
  if (
    Array.isArray(o.annotations) &&
    ('export_date' in o || 'client_version' in o || o.annotations.length >= 0)
  )
    return o.annotations;
  if (Array.isArray(o.rows) && 'total' in o) return o.rows;
  return null;
}

const ISO = (value: string | undefined, now: string) => {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? now : new Date(t).toISOString();
};

export function hypothesisToNote(raw: unknown, now: string): { note: unknown } | { skip: string } {
  const parsed = HypothesisAnnotation.safeParse(raw);
  if (!parsed.success) return { skip: 'not a valid Hypothesis annotation' };
  const a = parsed.data;
  if (a.references && a.references.length > 0) return { skip: 'a reply to another annotation' };
  const t = a.target.find((x) =>
    x.selector?.some((s) => s.type === 'TextQuoteSelector' && s.exact),
  );
  const quote = t?.selector?.find((s) => s.type === 'TextQuoteSelector' && s.exact);
  const source = t?.source ?? a.uri;
  if (!t || !quote?.exact || !source) return { skip: 'a page note without a passage' };
  const position = t.selector?.find(
    (s) =>
      s.type === 'TextPositionSelector' && typeof s.start === 'number' && typeof s.end === 'number',
  );
  const title = Array.isArray(a.document?.title) ? a.document?.title[0] : a.document?.title;
  const created = ISO(a.created, now);
  return {
    note: {
      id: `note/hypothesis-${/^[A-Za-z0-9_-]{1,100}$/.test(a.id) ? a.id : stableHash(a.id)}`,
      body: a.text ?? '',
      tags: a.tags ?? [],
      target: {
        kind: 'selection',
        url: source.split('#')[0],
        ...(title?.trim() ? { title: title.replace(/\s+/g, ' ').trim().slice(0, 500) } : {}),
        quote: {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          ...(quote.prefix !== undefined ? { prefix: quote.prefix.slice(-500) } : {}),
          ...(quote.suffix !== undefined ? { suffix: quote.suffix.slice(0, 500) } : {}),
        },
        ...(position
          ? { position: { type: 'TextPositionSelector', start: position.start, end: position.end } }
          : {}),
      },
      createdAt: created,
      updatedAt: ISO(a.updated, created),
      provenance: ['user'],
    },
  };
}
