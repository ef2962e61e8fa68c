import type { BackstoryDB, StatementRow } from '../db/database';
import { statementsBySpeaker } from '../db/queries';
import { actorRow, eventRow, statementRow, stripDerived } from '../db/rows';
import type { ArticleCopy } from '../extract/article-copy';
import { comparableWords, sameEvent, sameStatement } from '../extract/dedup';
import type { Extraction } from '../extract/extract';
import {
  Actor,
  Event,
  fromPage,
  linkId,
  mergeProvenance,
  type Provenance,
  partialDateKey,
  Source,
  Statement,
  stableHash,
} from '../model';
import { removeSourceKnowledge } from './forget';

/**
 * Stores what extraction found on a page: its Source, the statements (a statement Backstory
 * already knows — from the starter pack or another page — gains a citation instead of a
 * duplicate), the stance links, the events and the candidate actors, each with the provenance
 * `page:<sourceId>`, so that "forget this page" can remove exactly what came from it.
 *
 * Nothing stored here can be highlighted (candidates are not, statements and events are not),
 * so the knowledge version is left alone: the page dictionary does not need rebuilding.
 */
export interface LearnResult {
  sourceId: string;
  statements: { added: number; cited: number };
  links: number;
  events: { added: number; cited: number };
  candidates: { added: number; seen: number };
}

export const sourceIdOf = (url: string) => `src/${stableHash(url)}`;

const oneLine = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max);

export async function learnFromPage(
  db: BackstoryDB,
  pageId: string,
  copy: ArticleCopy,
  extraction: Extraction,
  now: Date = new Date(),
): Promise<LearnResult> {
  const sourceId = sourceIdOf(copy.url);
  const mine: Provenance = fromPage(sourceId);
  const result: LearnResult = {
    sourceId,
    statements: { added: 0, cited: 0 },
    links: 0,
    events: { added: 0, cited: 0 },
    candidates: { added: 0, seen: 0 },
  };
  await db.transaction(
    'rw',
    [db.sources, db.actors, db.statements, db.links, db.events, db.claims, db.pages, db.settings],
    async () => {
      // Reading a page again replaces what it taught before.
      await removeSourceKnowledge(db, sourceId);
      // What the page's markup says first; what its text says (byline, dateline) otherwise.
      const outlet = copy.outlet ?? extraction.source.outlet;
      const author = copy.author ?? extraction.source.author;
      const published = copy.published ?? extraction.source.published;
      const source = Source.parse({
        id: sourceId,
        url: copy.url,
        title: oneLine(copy.title, 500),
        ...(outlet ? { outlet: oneLine(outlet, 200) } : {}),
        ...(author ? { author: oneLine(author, 300) } : {}),
        ...(published ? { published } : {}),
        retrievedAt: now.toISOString(),
        provenance: [mine],
      });
      await db.sources.put(source);

      // Candidate actors: new ones proposed, known candidates seen again, rejected ones not.
      const actorIdOf = new Map<string, string | null>();
      for (const c of extraction.candidates) {
        const existing = await db.actors.get(c.id);
        if (existing?.mergedInto) {
          actorIdOf.set(c.id, existing.mergedInto);
        } else if (existing?.status === 'rejected') {
          actorIdOf.set(c.id, null);
        } else if (existing) {
          const aliases = [...existing.aliases];
          for (const a of c.aliases) if (!aliases.some((x) => x.text === a.text)) aliases.push(a);
          await db.actors.put(
            actorRow({
              ...stripDerived(existing),
              aliases,
              provenance: mergeProvenance(existing.provenance, [mine]),
            }),
          );
          actorIdOf.set(c.id, c.id);
          result.candidates.seen++;
        } else {
          const parsed = Actor.safeParse({
            id: c.id,
            name: oneLine(c.name, 200),
            kind: c.kind,
            aliases: c.aliases,
            status: 'candidate',
            provenance: [mine],
          });
          if (!parsed.success) continue;
          await db.actors.put(actorRow(parsed.data));
          actorIdOf.set(c.id, c.id);
          result.candidates.added++;
        }
      }
      const actorId = (id: string) => (actorIdOf.has(id) ? actorIdOf.get(id) : id);

      // Statements.
      const storedIds: (string | undefined)[] = [];
      for (const s of extraction.statements) {
        const candidate = 'actorId' in s.speaker ? s.speaker.actorId : undefined;
        const speakerId = candidate ? actorId(candidate) : undefined;
        const label =
          'label' in s.speaker
            ? s.speaker.label
            : speakerId === null && candidate
              ? (extraction.candidates.find((c) => c.id === candidate)?.name ?? undefined)
              : undefined;
        const words = s.words.trim().slice(0, 5000);
        const citation = { sourceId, selector: s.selector };
        let match: StatementRow | undefined;
        if (speakerId) {
          const theirs = await statementsBySpeaker(db, speakerId, 1000);
          match = theirs.find((t) => sameStatement(t, { words, kind: s.kind }));
        }
        const id = `learned/statement/${stableHash(`${speakerId ?? label ?? ''}|${comparableWords(words)}`)}`;
        match ??= await db.statements.get(id);
        if (match) {
          const citations = match.citations.some((c) => c.sourceId === sourceId)
            ? match.citations
            : [...match.citations, citation];
          await db.statements.put(
            statementRow({
              ...stripDerived(match),
              citations,
              provenance: mergeProvenance(match.provenance, [mine]),
            }),
          );
          storedIds.push(match.id);
          result.statements.cited++;
          continue;
        }
        const parsed = Statement.safeParse({
          id,
          ...(speakerId ? { speakerId } : {}),
          ...(label ? { speakerLabel: oneLine(label, 300) } : {}),
          words,
          kind: s.kind,
          ...(s.medium ? { medium: oneLine(s.medium, 300) } : {}),
          ...(s.said ? { said: s.said } : {}),
          citations: [citation],
          confidence: s.confidence,
          provenance: [mine],
        });
        if (!parsed.success) {
          storedIds.push(undefined);
          continue;
        }
        await db.statements.put(statementRow(parsed.data));
        storedIds.push(id);
        result.statements.added++;
      }

      // Stance links to the claims Backstory knows.
      for (const l of extraction.links) {
        const statementId = storedIds[l.statement];
        if (!statementId || !(await db.claims.get(l.claimId))) continue;
        const id = linkId(l.claimId, statementId);
        // Any link between the two, whoever made it and whatever its id (a pack's links have
        // ids of their own): the claim's view would otherwise list the statement twice.
        const existing = await db.links
          .where('statementId')
          .equals(statementId)
          .filter((x) => x.claimId === l.claimId)
          .first();
        if (existing) {
          // Another origin linked it already; the page confirms it only if it found the same.
          if (existing.stance === l.stance && !existing.provenance.includes(mine)) {
            await db.links.put({
              ...existing,
              provenance: mergeProvenance(existing.provenance, [mine]),
            });
            result.links++;
          }
          continue;
        }
        await db.links.put({
          id,
          claimId: l.claimId,
          statementId,
          stance: l.stance,
          origin: 'extracted',
          confidence: l.confidence,
          provenance: [mine],
        });
        result.links++;
      }

      // Events: the same happening read again gains this source.
      for (const e of extraction.events) {
        const actorIds = [...new Set(e.actorIds.map(actorId).filter((x): x is string => !!x))];
        const key = partialDateKey(e.date);
        const sameDay = await db.events.where('_dateKey').equals(key).limit(200).toArray();
        const text = oneLine(e.text, 1000);
        const match = sameDay.find((x) => sameEvent(x, { date: e.date, text, actorIds }));
        if (match) {
          await db.events.put(
            eventRow({
              ...stripDerived(match),
              sourceIds: match.sourceIds.includes(sourceId)
                ? match.sourceIds
                : [...match.sourceIds, sourceId],
              provenance: mergeProvenance(match.provenance, [mine]),
            }),
          );
          result.events.cited++;
          continue;
        }
        const parsed = Event.safeParse({
          id: `learned/event/${stableHash(`${e.date}|${comparableWords(text)}`)}`,
          date: e.date,
          text,
          actorIds,
          sourceIds: [sourceId],
          provenance: [mine],
        });
        if (!parsed.success) continue;
        await db.events.put(eventRow(parsed.data));
        result.events.added++;
      }

      const page = await db.pages.get(pageId);
      if (page) await db.pages.put({ ...page, sourceId });
    },
  );
  return result;
}
