import type { ClaimRow, StatementRow } from '@/lib/db';
import type { Stance } from '@/lib/model';
import { StatementItem } from './StatementItem';

export interface ClaimViewProps {
  claim: ClaimRow;
  claimantName: string;
  linked: { stance: Stance; statement: StatementRow; speakerName: string }[];
  sourceLabel: (statement: StatementRow) => { label: string; href?: string | undefined }[];
  onOpenActor: (actorId: string) => void;
}

const GROUPS: { stance: Stance; heading: string }[] = [
  { stance: 'states', heading: 'Stated' },
  { stance: 'denies', heading: 'Denied' },
  { stance: 'qualifies', heading: 'Qualified' },
  { stance: 'supports', heading: 'Supported' },
];

/** A claim and the statements that state, deny, qualify or support it. It never rules on truth. */
export function ClaimView(props: ClaimViewProps) {
  const { claim, claimantName, linked } = props;
  return (
    <section class="view claim-view" aria-labelledby="claim-gist">
      <header class="entity-header">
        <p class="entity-kind">claim</p>
        <h1 id="claim-gist">{claim.gist}</h1>
        <p class="description">
          Put forward by{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => props.onOpenActor(claim.claimantId)}
          >
            {claimantName}
          </button>
        </p>
      </header>
      {GROUPS.map(({ stance, heading }) => {
        const rows = linked.filter((l) => l.stance === stance);
        return (
          <section key={stance} aria-labelledby={`group-${stance}`} class={`group group-${stance}`}>
            <h2 id={`group-${stance}`}>
              {heading} <span class="count">{rows.length}</span>
            </h2>
            {rows.length === 0 ? (
              <p class="empty">None known.</p>
            ) : (
              <ul class="statement-list">
                {rows.map((r) => (
                  <li key={r.statement.id}>
                    <StatementItem
                      words={r.statement.words}
                      kind={r.statement.kind}
                      speaker={r.speakerName}
                      said={r.statement.said}
                      medium={r.statement.medium}
                      sources={props.sourceLabel(r.statement)}
                      stance={stance}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
