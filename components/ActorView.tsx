import type { ActorRow, ClaimRow, StatementRow } from '@/lib/db';
import { formatPartialDate } from '@/lib/model';
import { StatementItem } from './StatementItem';

export interface ActorViewProps {
  actor: ActorRow;
  statements: StatementRow[];
  statementCount: number;
  claimsMade: ClaimRow[];
  stances: {
    stance: 'supports' | 'denies' | 'qualifies';
    claim: ClaimRow;
    statement: StatementRow;
  }[];
  deniedBy: { claim: ClaimRow; statement: StatementRow; speakerName: string }[];
  sourceLabel: (statement: StatementRow) => { label: string; href?: string | undefined }[];
  onOpenClaim: (claimId: string) => void;
}

const STANCE_HEADING = {
  denies: 'Claims they denied',
  qualifies: 'Claims they qualified',
  supports: 'Claims they supported',
} as const;

/** Who an actor is, what they said, what they claimed and denied, and who denied them. */
export function ActorView(props: ActorViewProps) {
  const { actor, statements, statementCount, claimsMade, stances, deniedBy } = props;
  const aliases = actor.aliases.map((a) => a.text).filter((t) => t !== actor.name);
  return (
    <section class="view actor-view" aria-labelledby="actor-name">
      <header class="entity-header">
        <p class="entity-kind">{actor.kind}</p>
        <h1 id="actor-name">{actor.name}</h1>
        {actor.description && <p class="description">{actor.description}</p>}
        {actor.roles && actor.roles.length > 0 && (
          <ul class="roles" aria-label="Roles">
            {actor.roles.map((r) => (
              <li key={`${r.title}-${r.from ?? ''}`}>
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
            <span class="label">Also written as </span>
            {aliases.slice(0, 12).join(' · ')}
          </p>
        )}
      </header>

      <section aria-labelledby="statements-h">
        <h2 id="statements-h">
          Statements <span class="count">{statementCount}</span>
        </h2>
        {statements.length === 0 ? (
          <p class="empty">No statements by {actor.name} are known yet.</p>
        ) : (
          <ul class="statement-list">
            {statements.map((s) => (
              <li key={s.id}>
                <StatementItem
                  words={s.words}
                  kind={s.kind}
                  said={s.said}
                  medium={s.medium}
                  sources={props.sourceLabel(s)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {claimsMade.length > 0 && (
        <section aria-labelledby="claims-made-h">
          <h2 id="claims-made-h">Claims they made</h2>
          <ul class="claim-list">
            {claimsMade.map((c) => (
              <li key={c.id}>
                <button type="button" class="link-button" onClick={() => props.onOpenClaim(c.id)}>
                  {c.gist}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {deniedBy.length > 0 && (
        <section aria-labelledby="denied-by-h">
          <h2 id="denied-by-h">Who has denied their claims</h2>
          <ul class="statement-list">
            {deniedBy.map((d) => (
              <li key={`${d.claim.id}-${d.statement.id}`}>
                <p class="claim-context">On: {d.claim.gist}</p>
                <StatementItem
                  words={d.statement.words}
                  kind={d.statement.kind}
                  speaker={d.speakerName}
                  said={d.statement.said}
                  medium={d.statement.medium}
                  sources={props.sourceLabel(d.statement)}
                  stance="denies"
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {(['denies', 'qualifies', 'supports'] as const).map((stance) => {
        const rows = stances.filter((s) => s.stance === stance);
        if (rows.length === 0) return null;
        return (
          <section key={stance} aria-labelledby={`stance-${stance}-h`}>
            <h2 id={`stance-${stance}-h`}>{STANCE_HEADING[stance]}</h2>
            <ul class="statement-list">
              {rows.map((r) => (
                <li key={`${r.claim.id}-${r.statement.id}`}>
                  <button
                    type="button"
                    class="link-button claim-context"
                    onClick={() => props.onOpenClaim(r.claim.id)}
                  >
                    {r.claim.gist}
                  </button>
                  <StatementItem
                    words={r.statement.words}
                    kind={r.statement.kind}
                    said={r.statement.said}
                    medium={r.statement.medium}
                    sources={props.sourceLabel(r.statement)}
                    stance={stance}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
