import {
  type ActorDetails,
  type ActorHead,
  type ActorHistory,
  type ClaimSummary,
  formatCount,
} from '@/lib/db/panel-queries';
import { foldKey } from '@/lib/match/fold';
import { formatPartialDate } from '@/lib/model';
import { EntityHeader } from './EntityHeader';
import { usePanelActions } from './panel-context';
import { STANCE_LABEL, StatementCard } from './StatementCard';
import { HowKnowledgeArrives } from './StatusMessage';
import { Timeline } from './Timeline';

export interface ActorViewProps {
  head: ActorHead;
  /** Their claims and positions, read after the head; absent while it is being read. */
  details?: ActorDetails | undefined;
  /** Their most recent events, read after the head; absent while it is being read. */
  history?: ActorHistory | undefined;
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
export function ActorView({ head, details, history, onMoreStatements }: ActorViewProps) {
  const panel = usePanelActions();
  const { actor, statements } = head;
  const aliases = distinctSpellings(
    actor.name,
    actor.aliases.map((a) => a.text),
  );
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
          Statements<span class="count">{formatCount(head.statementCount)}</span>
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
            Show more statements ({statements.length} of {formatCount(head.statementCount)} shown)
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
          <DenialsShown details={details} />
        </section>
      )}

      {history && (
        <section aria-labelledby="actor-history-h">
          <h2 id="actor-history-h">
            Background history <span class="count">{formatCount(history.eventCount)}</span>
          </h2>
          {history.events.length === 0 ? (
            <p class="empty">No dated events involving {actor.name} are in the cache.</p>
          ) : (
            <>
              {history.eventCount > history.events.length && (
                <p class="hint">The {history.events.length} most recent events:</p>
              )}
              <Timeline
                events={history.events}
                level={3}
                omitActors={[actor.id]}
                idPrefix="actor-history"
              />
              {history.eventCount > history.events.length && (
                <button type="button" class="button" onClick={() => panel.openHistory([actor.id])}>
                  See all {formatCount(history.eventCount)} events involving {actor.name}
                </button>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}

/** Says when the denials listed are a sample, and where the rest are. */
function DenialsShown({ details }: { details: ActorDetails }) {
  const total = details.claimsMade.reduce((n, c) => n + c.counts.denies, 0);
  if (total <= details.deniedBy.length) return null;
  return (
    <p class="hint">
      {details.deniedBy.length} of {details.claimsMade.some((c) => c.partial) ? 'at least ' : ''}
      {total} denials are shown; each claim lists all of its own.
    </p>
  );
}

/**
 * The aliases worth showing a reader: one spelling per name, whatever its accents, case or
 * hyphens ("Díaz-Canel", "Diaz Canel" and "DIAZ-CANEL" are one), the first listed kept, and not
 * the actor's name itself. The matcher still uses every surface form.
 */
export function distinctSpellings(name: string, aliases: string[]): string[] {
  const key = (text: string) => foldKey(text).replace(/[-\s]+/g, ' ');
  const seen = new Set([key(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const k = key(alias);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(alias);
  }
  return out;
}
