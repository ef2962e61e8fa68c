import {
  type ActorDetails,
  type ActorHead,
  type ClaimSummary,
  formatCount,
} from '@/lib/db/panel-queries';
import { formatPartialDate } from '@/lib/model';
import { EntityHeader } from './EntityHeader';
import { usePanelActions } from './panel-context';
import { STANCE_LABEL, StatementCard } from './StatementCard';
import { HowKnowledgeArrives } from './StatusMessage';
import { Timeline } from './Timeline';

export interface ActorViewProps {
  head: ActorHead;
  /** The rest of the view, read after the head; absent while it is being read. */
  details?: ActorDetails | undefined;
  /** Reads the next page of statements. */
  onMoreStatements?: (() => void) | undefined;
}

export const KIND_LABEL = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  government: 'Government',
  outlet: 'News outlet',
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "6 denials · 4 qualifications": how others answered a claim, in counts. */
export function Reception({ counts, partial }: Pick<ClaimSummary, 'counts' | 'partial'>) {
  const parts: string[] = [];
  if (counts.denies) parts.push(plural(counts.denies, 'denial'));
  if (counts.qualifies) parts.push(plural(counts.qualifies, 'qualification'));
  if (counts.supports) parts.push(`${plural(counts.supports, 'statement')} in support`);
  if (parts.length === 0) return <span class="reception">no responses on record</span>;
  return (
    <span class="reception">
      {partial ? 'at least ' : ''}
      {parts.join(' · ')}
    </span>
  );
}

/** Who an actor is, what they said, what they claimed and denied, who denied them, and history. */
export function ActorView({ head, details, onMoreStatements }: ActorViewProps) {
  const panel = usePanelActions();
  const { actor, statements } = head;
  const aliases = [...new Set(actor.aliases.map((a) => a.text))].filter((t) => t !== actor.name);
  return (
    <div class="view actor-view">
      <EntityHeader kind={KIND_LABEL[actor.kind]} title={actor.name}>
        {head.mergedInto && (
          <p class="notice">
            Merged into{' '}
            <button
              type="button"
              class="link-button"
              onClick={() => head.mergedInto && panel.openActor(head.mergedInto.id)}
            >
              {head.mergedInto.name}
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

      {details && details.positions.length > 0 && (
        <section aria-labelledby="positions-h">
          <h2 id="positions-h">Their positions on claims</h2>
          <ul class="claim-list">
            {details.positions.map((p) => (
              <li key={p.claim.id}>
                {p.stances.map((stance) => (
                  <span key={stance} class={`stance-badge inline stance-${stance}`}>
                    {STANCE_LABEL[stance]}
                  </span>
                ))}
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
          {head.more && (
            <p class="hint">From the statements shown below; older ones may say more.</p>
          )}
        </section>
      )}

      {details && details.claimsMade.length > 0 && (
        <section aria-labelledby="claims-made-h">
          <h2 id="claims-made-h">
            Claims they made <span class="count">{formatCount(details.claimCount)}</span>
          </h2>
          <ul class="claim-list">
            {details.claimsMade.map(({ claim, counts, partial }) => (
              <li key={claim.id}>
                <button type="button" class="link-button" onClick={() => panel.openClaim(claim.id)}>
                  {claim.gist}
                </button>
                <Reception counts={counts} partial={partial} />
              </li>
            ))}
          </ul>
          {details.claimCount > details.claimsMade.length && (
            <p class="hint">
              {details.claimsMade.length} of {formatCount(details.claimCount)} are shown; search
              finds the others.
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="statements-h">
        <h2 id="statements-h">
          Statements{details && <span class="count">{formatCount(details.statementCount)}</span>}
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
                <StatementCard
                  info={s}
                  hideSpeaker
                  relations={details?.relations[s.statement.id]}
                />
              </li>
            ))}
          </ul>
        )}
        {onMoreStatements && head.more && (
          <button type="button" class="button more" onClick={onMoreStatements}>
            Show more statements
            {details
              ? ` (${statements.length} of ${formatCount(details.statementCount)} shown)`
              : ''}
          </button>
        )}
      </section>

      {details && details.deniedBy.length > 0 && (
        <section aria-labelledby="denied-by-h">
          <h2 id="denied-by-h">Who has denied their claims</h2>
          <ul class="statement-list">
            {details.deniedBy.map((d) => (
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

      {details && (
        <section aria-labelledby="actor-history-h">
          <h2 id="actor-history-h">
            Background history <span class="count">{formatCount(details.eventCount)}</span>
          </h2>
          {details.events.length === 0 ? (
            <p class="empty">No dated events involving {actor.name} are in the cache.</p>
          ) : (
            <>
              {details.eventCount > details.events.length && (
                <p class="hint">The {details.events.length} most recent events:</p>
              )}
              <Timeline
                events={details.events}
                level={3}
                omitActors={[actor.id]}
                idPrefix="actor-history"
              />
              {details.eventCount > details.events.length && (
                <button type="button" class="button" onClick={() => panel.openHistory([actor.id])}>
                  See all {formatCount(details.eventCount)} events involving {actor.name}
                </button>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
