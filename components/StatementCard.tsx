import type { LinkedStatement, StatementInfo, StatementRelation } from '@/lib/db/panel-queries';
import { formatPartialDate, isHttpUrl, type Stance } from '@/lib/model';
import { usePanelActions } from './panel-context';
import { StatementActions } from './StatementActions';

export const STANCE_LABEL: Record<Stance, string> = {
  states: 'states',
  denies: 'denies',
  qualifies: 'qualifies',
  supports: 'supports',
};

export interface StatementCardProps {
  info: StatementInfo;
  /** The statement's stance towards the claim in view, shown as a badge. */
  stance?: Stance | undefined;
  /** How the link to the claim was made, when it was not by a pack author. */
  origin?: LinkedStatement['origin'] | undefined;
  /** Hide the speaker (in their own actor view). */
  hideSpeaker?: boolean;
  /** A short remark shown with the date ("first on record"). */
  note?: string | undefined;
  relations?: StatementRelation[] | undefined;
}

function When({ info }: { info: StatementInfo }) {
  const { said } = info.statement;
  if (said) return <time dateTime={said}>{formatPartialDate(said)}</time>;
  if (info.reportedOn) {
    return (
      <span class="date-unknown">
        undated, reported{' '}
        <time dateTime={info.reportedOn}>{formatPartialDate(info.reportedOn)}</time>
      </span>
    );
  }
  return <span class="date-unknown">date not recorded</span>;
}

/** One statement: the words, who said them and in what role, when, how, and where it was read. */
export function StatementCard(props: StatementCardProps) {
  const { info, stance, origin, hideSpeaker, note, relations } = props;
  const panel = usePanelActions();
  const { statement, speaker, sources } = info;
  const quote = statement.kind === 'quote';
  return (
    <article
      class={`statement${stance ? ` stance-${stance}` : ''}`}
      aria-label={`Statement by ${speaker.name}`}
    >
      {stance && stance !== 'states' && (
        <span class={`stance-badge stance-${stance}`}>{STANCE_LABEL[stance]}</span>
      )}
      <p class="words">{quote ? <q>{statement.words}</q> : <span>{statement.words}</span>}</p>
      <p class="meta">
        {!hideSpeaker && (
          <span class="speaker">
            {speaker.id ? (
              <button
                type="button"
                class="link-button"
                onClick={() => speaker.id && panel.openActor(speaker.id)}
              >
                {speaker.name}
              </button>
            ) : (
              speaker.name
            )}
          </span>
        )}
        {!hideSpeaker && speaker.role && <span class="role">{speaker.role}</span>}
        <span class="date">
          <When info={info} />
        </span>
        {note && <span class="note">{note}</span>}
        {statement.medium && <span class="medium">{statement.medium}</span>}
        {!quote && <span class="kind">paraphrase</span>}
        {origin === 'extracted' && <span class="origin">linked automatically</span>}
        {origin === 'user' && <span class="origin">linked by you</span>}
      </p>
      {relations?.map((r) => (
        <p key={`${r.stance}-${r.claimId}`} class="relation">
          <span class={`stance-badge inline stance-${r.stance}`}>{STANCE_LABEL[r.stance]}</span>{' '}
          <button type="button" class="link-button" onClick={() => panel.openClaim(r.claimId)}>
            {r.gist}
          </button>
        </p>
      ))}
      {sources.length > 0 && (
        <p class="sources">
          <span class="sources-label">Read in </span>
          {sources.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ', '}
              {s.href && isHttpUrl(s.href) ? (
                <a href={s.href} target="_blank" rel="noopener noreferrer" title={s.title}>
                  {s.label}
                  <span class="visually-hidden"> (opens the passage in a new tab)</span>
                </a>
              ) : (
                <cite class={s.unnamed ? 'unnamed' : undefined}>{s.label}</cite>
              )}
            </span>
          ))}
        </p>
      )}
      <StatementActions info={info} />
    </article>
  );
}
