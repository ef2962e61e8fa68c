import type { BackstoryDB } from '../db/database';
import { bumpKnowledgeVersion } from '../db/knowledge-version';
import { actorRow, eventRow, statementRow, stripDerived } from '../db/rows';
import { mergeProvenance, USER } from '../model';

/**
 * The user's decisions on actors learned from pages: confirm (it becomes a known actor and is
 * highlighted), merge into an actor Backstory knows (its names become that actor's aliases and
 * its statements that actor's), or reject (kept, so it is not proposed again; never highlighted).
 * Each decision marks the rows it touches as the user's, so no pack or page overwrites it.
 */
export type ReviewAction =
  | { action: 'confirm' }
  | { action: 'reject' }
  | { action: 'merge'; into: string };

export async function reviewCandidate(
  db: BackstoryDB,
  id: string,
  decision: ReviewAction,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.actors, db.statements, db.events, db.claims, db.settings],
    async () => {
      const actor = await db.actors.get(id);
      if (!actor) throw new Error('That learned name is no longer in the cache.');
      if (actor.status !== 'candidate') throw new Error(`${actor.name} has already been reviewed.`);
      const base = stripDerived(actor);
      const provenance = mergeProvenance(actor.provenance, [USER]);

      if (decision.action === 'confirm') {
        const { status: _status, ...rest } = base;
        await db.actors.put(actorRow({ ...rest, provenance }));
        await bumpKnowledgeVersion(db);
        return;
      }

      if (decision.action === 'reject') {
        await db.actors.put(actorRow({ ...base, status: 'rejected', provenance }));
        // Its statements keep the name as written; events no longer list it.
        for (const s of await db.statements
          .where('[speakerId+_saidKey]')
          .between([id, ''], [id, '\uffff'])
          .toArray()) {
          const { speakerId: _speaker, ...rest } = stripDerived(s);
          await db.statements.put(statementRow({ ...rest, speakerLabel: actor.name }));
        }
        for (const e of await db.events.where('actorIds').equals(id).toArray()) {
          await db.events.put(
            eventRow({ ...stripDerived(e), actorIds: e.actorIds.filter((a) => a !== id) }),
          );
        }
        return;
      }

      const target = await db.actors.get(decision.into);
      if (!target || target.id === id) throw new Error('Choose another actor to merge into.');
      if (target.mergedInto || target.status === 'rejected')
        throw new Error(`${target.name} cannot take new names.`);
      const aliases = [...target.aliases];
      for (const text of [actor.name, ...actor.aliases.map((a) => a.text)]) {
        if (text !== target.name && !aliases.some((a) => a.text === text))
          aliases.push({ text, kind: 'variant' });
      }
      await db.actors.put(
        actorRow({
          ...stripDerived(target),
          aliases,
          provenance: mergeProvenance(target.provenance, [USER]),
        }),
      );
      await db.actors.put(actorRow({ ...base, mergedInto: target.id, provenance }));
      for (const s of await db.statements
        .where('[speakerId+_saidKey]')
        .between([id, ''], [id, '\uffff'])
        .toArray()) {
        await db.statements.put(statementRow({ ...stripDerived(s), speakerId: target.id }));
      }
      for (const e of await db.events.where('actorIds').equals(id).toArray()) {
        const actorIds = [...new Set(e.actorIds.map((a) => (a === id ? target.id : a)))];
        await db.events.put(eventRow({ ...stripDerived(e), actorIds }));
      }
      for (const c of await db.claims.where('claimantId').equals(id).toArray()) {
        await db.claims.put({ ...c, claimantId: target.id });
      }
      await bumpKnowledgeVersion(db);
    },
  );
}
