import type { ClaimRow } from '@/lib/db';
import type { ActorPanelData, ClaimSummary, OtherStance } from '@/lib/db/panel-queries';
import { formatPartialDate } from '@/lib/model';
import { EntityHeader } from './EntityHeader';
import { usePanelActions } from './panel-context';
import { STANCE_LABEL, StatementCard, type StatementRelation } from './StatementCard';
import { HowKnowledgeArrives } from './StatusMessage';
import { Timeline } from './Timeline';

export interface ActorViewProps {
  data: ActorPanelData;
  /** Reads the next page of statements; absent when all are shown. */
  onMoreStatements?: (() => void) | undefined;
}

export const KIND_LABEL = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  government: 'Government',
  outlet: 'News outlet',
} as const;

const STANCE_ORDER: OtherStance[] = ['denies', 'qualifies', 'supports'];

/** Their stances grouped by claim, denials first. */
function positionsOf(data: ActorPanelData) {
  const byClaim = new Map<string, { claim: ClaimRow; stances: OtherStance[]; count: number }>();
  for (const s of data.stances) {
    const entry = byClaim.get(s.claim.id) ?? { claim: s.claim, stances: [], count: 0 };
    if (!entry.stances.includes(s.stance)) entry.stances.push(s.stance);
    entry.count += 1;
    byClaim.set(s.claim.id, entry);
  }
  const rank = (e: { stances: OtherStance[] }) =>
    Math.min(...e.stances.map((x) => STANCE_ORDER.indexOf(x)));
  return [...byClaim.values()]
    .map((e) => ({
      ...e,
      stances: [...e.stances].sort((a, b) => STANCE_ORDER.indexOf(a) - STANCE_ORDER.indexOf(b)),
    }))
    .sort((a, b) => rank(a) - rank(b));
}

/** For each statement, the claims it answers. */
function relationsOf(data: ActorPanelData) {
  const out = new Map<string, StatementRelation[]>();
  for (const s of data.stances) {
    const list = out.get(s.statement.statement.id) ?? [];
    list.push({ stance: s.stance, claimId: s.claim.id, gist: s.claim.gist });
    out.set(s.statement.statement.id, list);
  }
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "denied 3 times · qualified once": how others answered a claim, in counts. */
export function Reception({ counts }: { counts: ClaimSummary['counts'] }) {
  const parts: string[] = [];
  if (counts.denies) parts.push(`${plural(counts.denies, 'denial')}`);
  if (counts.qualifies) parts.push(`${plural(counts.qualifies, 'qualification')}`);
  if (counts.supports) parts.push(`${plural(counts.supports, 'statement')} in support`);
  return (
    <span class="reception">{parts.length ? parts.join(' · ') : 'no responses on record'}</span>
  );
}

/** Who an actor is, what they said, what they claimed and denied, who denied them, and history. */
export function ActorView({ data, onMoreStatements }: ActorViewProps) {
  const panel = usePanelActions();
  const { actor, statements, statementCount, claimsMade, deniedBy, events } = data;
  const aliases = [...new Set(actor.aliases.map((a) => a.text))].filter((t) => t !== actor.name);
  const positions = positionsOf(data);
  const relations = relationsOf(data);
  return (
    <div class="view actor-view">
      <EntityHeader kind={KIND_LABEL[actor.kind]} title={actor.name}>
        {data.mergedInto && (
          <p class="notice">
            Merged into{' '}
            <button
              type="button"
              class="link-button"
              onClick={() => data.mergedInto && panel.openActor(data.mergedInto.id)}
            >
              {data.mergedInto.name}
            </button>
          </p>
        )}
        {actor.description && <p class="description">{actor.description}</p>}
        {actor.roles && actor.roles.length > 0 && (
          <ul class="roles" aria-label="Roles">
            {actor.roles.map((r) => (
              <li key={`${r.title}-${r.from ?? ''}-${r.to ?? ''}`}>
                {r.title}
                {r.of ? `, ${r.of}` : ''}
                {(r.from || r.to) && (
                  <span class="role-dates">
                    {' '}
                    ({r.from ? formatPartialDate(r.from) : '…'} –{' '}
                    {r.to ? formatPartialDate(r.to) : 'present'})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {aliases.length > 0 && (
          <p class="aliases">
            <span class="label">Also written as: </span>
            {aliases.slice(0, 12).join(' · ')}
            {aliases.length > 12 ? ` · and ${aliases.length - 12} more` : ''}
          </p>
        )}
      </EntityHeader>

      {positions.length > 0 && (
        <section aria-labelledby="positions-h">
          <h2 id="positions-h">Their positions on claims</h2>
          <ul class="claim-list">
            {positions.map((p) => (
              <li key={p.claim.id}>
                <span class="position-stances">
                  {p.stances.map((stance) => (
                    <span key={stance} class={`stance-badge inline stance-${stance}`}>
                      {STANCE_LABEL[stance]}
                    </span>
                  ))}
                </span>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => panel.openClaim(p.claim.id)}
                >
                  {p.claim.gist}
                </button>
                <span class="reception">
                  {p.count === 1 ? 'in 1 statement' : `in ${p.count} statements`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {claimsMade.length > 0 && (
        <section aria-labelledby="claims-made-h">
          <h2 id="claims-made-h">Claims they made</h2>
          <ul class="claim-list">
            {claimsMade.map(({ claim, counts }) => (
              <li key={claim.id}>
                <button type="button" class="link-button" onClick={() => panel.openClaim(claim.id)}>
                  {claim.gist}
                </button>
                <Reception counts={counts} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="statements-h">
        <h2 id="statements-h">
          Statements <span class="count">{statementCount}</span>
        </h2>
        {statements.length === 0 ? (
          <div class="empty">
            <p>No statements by {actor.name} are in the cache yet.</p>
            <HowKnowledgeArrives />
          </div>
        ) : (
          <ul class="statement-list">
            {statements.map((s) => (
              <li key={s.statement.id}>
                <StatementCard info={s} hideSpeaker relations={relations.get(s.statement.id)} />
              </li>
            ))}
          </ul>
        )}
        {onMoreStatements && statements.length < statementCount && (
          <button type="button" class="button more" onClick={onMoreStatements}>
            Show more statements ({statements.length} of {statementCount} shown)
          </button>
        )}
      </section>

      {deniedBy.length > 0 && (
        <section aria-labelledby="denied-by-h">
          <h2 id="denied-by-h">Who has denied their claims</h2>
          <ul class="statement-list">
            {deniedBy.map((d) => (
              <li key={`${d.claim.id}-${d.statement.statement.id}`}>
                <button
                  type="button"
                  class="link-button claim-context"
                  onClick={() => panel.openClaim(d.claim.id)}
                >
                  <span class="visually-hidden">Claim: </span>
                  {d.claim.gist}
                </button>
                <StatementCard info={d.statement} stance="denies" />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="actor-history-h">
        <h2 id="actor-history-h">
          Background history <span class="count">{data.eventCount}</span>
        </h2>
        {events.length === 0 ? (
          <p class="empty">No dated events involving {actor.name} are in the cache.</p>
        ) : (
          <>
            {data.eventCount > events.length && (
              <p class="hint">The {events.length} most recent events:</p>
            )}
            <Timeline events={events} level={3} omitActors={[actor.id]} idPrefix="actor-history" />
            <button type="button" class="button" onClick={() => panel.openHistory([actor.id])}>
              {data.eventCount > events.length
                ? `See all ${data.eventCount} events involving ${actor.name}`
                : `Timeline of ${actor.name}`}
            </button>
          </>
        )}
      </section>
    </div>
  );
}
