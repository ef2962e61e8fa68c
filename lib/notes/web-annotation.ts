import { z } from 'zod';
import { type Note, stableHash } from '../model';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) for notes: export as an
 * AnnotationCollection, and import of annotations, pages or collections in JSON-LD. Positions
 * are exported as they are stored, in UTF-16 code units of the page's text (as the Hypothesis
 * client does); the quote selector is what re-anchoring relies on.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const URN = 'urn:backstory:';

const annotationId = (noteId: string) => `${URN}${noteId}`;
const entityIri = (t: { entityType: string; entityId: string }) =>
  `${URN}${t.entityType}:${t.entityId}`;

function motivation(note: Note): string {
  if (note.body.trim()) return 'commenting';
  return note.tags.length > 0 ? 'tagging' : 'highlighting';
}

export function noteToAnnotation(note: Note): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (note.body.trim())
    body.push({
      type: 'TextualBody',
      value: note.body,
      format: 'text/plain',
      purpose: 'commenting',
    });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const target =
    note.target.kind === 'selection'
      ? {
          source: note.target.url,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: note.target.quote.exact,
              ...(note.target.quote.prefix !== undefined
                ? { prefix: note.target.quote.prefix }
                : {}),
              ...(note.target.quote.suffix !== undefined
                ? { suffix: note.target.quote.suffix }
                : {}),
            },
            ...(note.target.position
              ? [
                  {
                    type: 'TextPositionSelector',
                    start: note.target.position.start,
                    end: note.target.position.end,
                  },
                ]
              : []),
          ],
        }
      : entityIri(note.target);
  return {
    id: annotationId(note.id),
    type: 'Annotation',
    motivation: motivation(note),
    created: note.createdAt,
    modified: note.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target,
  };
}

export function notesToAnnotationCollection(notes: Note[], label = 'Backstory notes'): string {
  const items = [...notes]
    .sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
    )
    .map(noteToAnnotation);
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

// ---- import ----------------------------------------------------------------------------------

const Str = z.string();
const OneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]);
const asArray = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

const Selector = z.looseObject({
  type: Str,
  exact: Str.optional(),
  prefix: Str.optional(),
  suffix: Str.optional(),
  start: z.number().optional(),
  end: z.number().optional(),
});
const SpecificResource = z.looseObject({
  source: z.union([Str, z.looseObject({ id: Str })]).optional(),
  selector: OneOrMany(Selector).optional(),
  title: Str.optional(),
});
const Body = z.union([
  Str,
  z.looseObject({
    type: OneOrMany(Str).optional(),
    value: Str.optional(),
    purpose: OneOrMany(Str).optional(),
  }),
]);
export const WebAnnotation = z.looseObject({
  id: Str.optional(),
  type: OneOrMany(Str),
  created: Str.optional(),
  modified: Str.optional(),
  body: OneOrMany(Body).optional(),
  bodyValue: Str.optional(),
  target: OneOrMany(z.union([Str, SpecificResource])),
});
export type WebAnnotation = z.infer<typeof WebAnnotation>;

const isType = (value: unknown, type: string) =>
  asArray(value as string | string[] | undefined).includes(type);

/** The annotations in a JSON-LD document: one annotation, a list, a page or a collection. */
export function annotationsIn(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!doc || typeof doc !== 'object') return null;
  const o = doc as Record<string, unknown>;
  if (isType(o.type, 'Annotation')) return [o];
  if (isType(o.type, 'AnnotationPage')) return Array.isArray(o.items) ? o.items : [];
  if (isType(o.type, 'AnnotationCollection')) {
    const first = o.first as Record<string, unknown> | string | undefined;
    if (first && typeof first === 'object' && Array.isArray(first.items)) return first.items;
    if (Array.isArray(o.items)) return o.items;
    return [];
  }
  return null;
}

/** A note id for an imported annotation: its own when it came from Backstory, else a stable hash. */
export function importedId(annotationId: string | undefined, fallback: string): string {
  if (
    annotationId?.startsWith(URN) &&
    /^note\/[A-Za-z0-9:._/@+-]+$/.test(annotationId.slice(URN.length))
  )
    return annotationId.slice(URN.length);
  return `note/imported-${stableHash(annotationId ?? fallback)}`;
}

const ISO = (value: string | undefined, now: string) => {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? now : new Date(t).toISOString();
};

/** A draft note from one annotation, or the reason it cannot be one. */
export function annotationToNote(raw: unknown, now: string): { note: unknown } | { skip: string } {
  const parsed = WebAnnotation.safeParse(raw);
  if (!parsed.success) return { skip: 'not a valid Web Annotation' };
  const a = parsed.data;
  let body = a.bodyValue ?? '';
  const tags: string[] = [];
  for (const b of asArray(a.body)) {
    if (typeof b === 'string') continue; // a body that is only a link: nothing to keep as text
    if (b.value === undefined) continue;
    if (asArray(b.purpose).includes('tagging')) tags.push(b.value);
    else body = body ? `${body}\n\n${b.value}` : b.value;
  }
  let target: unknown;
  for (const t of asArray(a.target)) {
    if (typeof t === 'string') {
      const m = t.match(/^urn:backstory:(actor|claim|statement|event):(.+)$/);
      if (m) target = { kind: 'entity', entityType: m[1], entityId: m[2] };
      if (target) break;
      continue;
    }
    const selectors = asArray(t.selector);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && s.exact);
    const source = typeof t.source === 'string' ? t.source : t.source?.id;
    if (!quote || !source) continue;
    const position = selectors.find(
      (s) =>
        s.type === 'TextPositionSelector' &&
        typeof s.start === 'number' &&
        typeof s.end === 'number',
    );
    target = {
      kind: 'selection',
      url: source.split('#')[0],
      ...(t.title ? { title: t.title.replace(/\s+/g, ' ').trim().slice(0, 500) } : {}),
      quote: {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        ...(quote.prefix !== undefined ? { prefix: quote.prefix.slice(-500) } : {}),
        ...(quote.suffix !== undefined ? { suffix: quote.suffix.slice(0, 500) } : {}),
      },
      ...(position
        ? { position: { type: 'TextPositionSelector', start: position.start, end: position.end } }
        : {}),
    };
    break;
  }
  if (!target) return { skip: 'no passage of a web page (or Backstory entity) to attach it to' };
  const created = ISO(a.created, now);
  return {
    note: {
      id: importedId(a.id, JSON.stringify(raw)),
      body,
      tags,
      target,
      createdAt: created,
      updatedAt: ISO(a.modified, created),
      provenance: ['user'],
    },
  };
}
