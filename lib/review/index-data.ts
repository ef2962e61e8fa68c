import { textFragmentUrl } from '../citation/text-fragment';
import type { BackstoryDB } from '../db';
import { stripDerived } from '../db';
import type { Actor, Claim, ClaimLink, Note, Page, Source, Statement } from '../model';
import { fold, type NoteItem, type PageItem, type StatementItem } from './filter';

/** Everything the review page lists, read in one transaction, with the facets filters use. */
export interface ReviewIndex {
  notes: NoteItem[];
  pages: PageItem[];
  statements: StatementItem[];
  actors: Map<string, Actor>;
  claims: Map<string, Claim>;
  outlets: string[];
  tags: string[];
}

export interface ReviewRows {
  notes: Note[];
  pages: Page[];
  statements: Statement[];
  actors: Actor[];
  claims: Claim[];
  links: ClaimLink[];
  sources: Source[];
}

export async function readReviewRows(db: BackstoryDB): Promise<ReviewRows> {
  return db.transaction(
    'r',
    [db.notes, db.pages, db.statements, db.actors, db.claims, db.links, db.sources],
    async () => {
      const [notes, pages, statements, actors, claims, links, sources] = await Promise.all([
        db.notes.toArray(),
        db.pages.toArray(),
        db.statements.toArray(),
        db.actors.toArray(),
        db.claims.toArray(),
        db.links.toArray(),
        db.sources.toArray(),
      ]);
      return {
        notes: notes.map((n) => stripDerived(n) as Note),
        pages,
        statements: statements.map((s) => stripDerived(s) as Statement),
        actors: actors.map((a) => stripDerived(a) as Actor),
        claims,
        links,
        sources,
      };
    },
  );
}

const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

export function buildReviewIndex(rows: ReviewRows): ReviewIndex {
  const actors = new Map(rows.actors.map((a) => [a.id, a]));
  const claims = new Map(rows.claims.map((c) => [c.id, c]));
  const sources = new Map(rows.sources.map((s) => [s.id, s]));
  const pagesByUrl = new Map(rows.pages.map((p) => [p.url, p]));
  const statements = new Map(rows.statements.map((s) => [s.id, s]));
  const linksByStatement = new Map<string, ClaimLink[]>();
  for (const l of rows.links) {
    const list = linksByStatement.get(l.statementId) ?? [];
    list.push(l);
    linksByStatement.set(l.statementId, list);
  }
  const notesByUrl = new Map<string, Note[]>();
  const notesByStatement = new Map<string, Note[]>();
  for (const n of rows.notes) {
    if (n.target.kind === 'selection') {
      notesByUrl.set(n.target.url, [...(notesByUrl.get(n.target.url) ?? []), n]);
    } else if (n.target.entityType === 'statement') {
      const id = n.target.entityId;
      notesByStatement.set(id, [...(notesByStatement.get(id) ?? []), n]);
    }
  }
  const speakerOf = (s: Statement) =>
    (s.speakerId && actors.get(s.speakerId)?.name) || s.speakerLabel || 'Unknown speaker';
  const outletsOf = (s: Statement) => uniq(s.citations.map((c) => sources.get(c.sourceId)?.outlet));

  const statementItems: StatementItem[] = rows.statements.map((s) => {
    const links = linksByStatement.get(s.id) ?? [];
    const claimRows = links.map((l) => ({
      id: l.claimId,
      gist: claims.get(l.claimId)?.gist ?? l.claimId,
      stance: l.stance,
    }));
    const notes = notesByStatement.get(s.id) ?? [];
    const srcs = s.citations.map((c) => {
      const src = sources.get(c.sourceId);
      return {
        outlet: src?.outlet,
        title: src?.title,
        url: src?.url ? (c.selector ? textFragmentUrl(src.url, c.selector) : src.url) : undefined,
      };
    });
    const speaker = speakerOf(s);
    const tags = uniq(notes.flatMap((n) => n.tags));
    return {
      statement: s,
      speaker,
      claims: claimRows,
      sources: srcs,
      notes,
      actorIds: new Set(uniq([s.speakerId])),
      claimIds: new Set(claimRows.map((c) => c.id)),
      outlets: outletsOf(s),
      tags,
      date: s.said,
      haystack: fold(
        [
          s.words,
          speaker,
          s.medium,
          ...srcs.map((x) => `${x.outlet ?? ''} ${x.title ?? ''}`),
          ...claimRows.map((c) => c.gist),
          ...notes.map((n) => n.body),
          ...tags,
        ].join(' \n '),
      ),
    };
  });

  const pageItems: PageItem[] = rows.pages.map((page) => {
    const notes = notesByUrl.get(page.url) ?? [];
    const tags = uniq(notes.flatMap((n) => n.tags));
    return {
      page,
      notes,
      actorIds: new Set(page.foundActorIds),
      claimIds: new Set(page.foundClaimIds),
      outlets: uniq([page.outlet]),
      tags,
      date: page.published ?? page.visitedAt.slice(0, 10),
      haystack: fold(
        [
          page.title,
          page.outlet,
          page.author,
          page.text,
          ...notes.map((n) => n.body),
          ...tags,
        ].join(' \n '),
      ),
    };
  });

  const noteItems: NoteItem[] = rows.notes.map((note) => {
    const base = { tags: note.tags, date: note.createdAt.slice(0, 10) };
    if (note.target.kind === 'selection') {
      const page = pagesByUrl.get(note.target.url);
      return {
        ...base,
        note,
        page,
        subject: undefined,
        actorIds: new Set(page?.foundActorIds ?? []),
        claimIds: new Set(page?.foundClaimIds ?? []),
        outlets: uniq([page?.outlet]),
        haystack: fold(
          [
            note.body,
            ...note.tags,
            note.target.quote.exact,
            note.target.title,
            page?.title,
            page?.outlet,
          ].join(' \n '),
        ),
      };
    }
    const { entityType, entityId } = note.target;
    let subject: string | undefined;
    let actorIds: string[] = [];
    let claimIds: string[] = [];
    let outlets: string[] = [];
    if (entityType === 'actor') {
      subject = actors.get(entityId)?.name;
      actorIds = [entityId];
    } else if (entityType === 'claim') {
      const claim = claims.get(entityId);
      subject = claim?.gist;
      claimIds = [entityId];
      actorIds = uniq([claim?.claimantId]);
    } else if (entityType === 'statement') {
      const s = statements.get(entityId);
      if (s) {
        subject = `${speakerOf(s)}: ${s.words}`;
        actorIds = uniq([s.speakerId]);
        claimIds = (linksByStatement.get(s.id) ?? []).map((l) => l.claimId);
        outlets = outletsOf(s);
      }
    }
    return {
      ...base,
      note,
      page: undefined,
      subject,
      actorIds: new Set(actorIds),
      claimIds: new Set(claimIds),
      outlets,
      haystack: fold([note.body, ...note.tags, subject].join(' \n ')),
    };
  });

  return {
    notes: noteItems,
    pages: pageItems,
    statements: statementItems,
    actors,
    claims,
    outlets: uniq([
      ...rows.pages.map((p) => p.outlet),
      ...rows.sources.map((s) => s.outlet),
    ]).sort(),
    tags: uniq(rows.notes.flatMap((n) => n.tags)).sort((a, b) => a.localeCompare(b)),
  };
}
