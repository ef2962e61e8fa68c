import { useState } from 'preact/hooks';
import {
  type ClaimContext,
  type ClaimHead,
  formatCount,
  type LinkedStatement,
  notOnRecord as silentActors,
  statementTimeKey,
} from '@/lib/db/panel-queries';
import { formatPartialDate, type Stance } from '@/lib/model';
import { EntityHeader } from './EntityHeader';
import { usePanelActions } from './panel-context';
import { StatementCard } from './StatementCard';
import { Timeline } from './Timeline';

const GROUPS: { stance: Stance; heading: string; none: string }[] = [
  { stance: 'states', heading: 'Stated', none: 'No statement of the claim itself is on record.' },
  { stance: 'denies', heading: 'Denied', none: 'No denial is on record.' },
  { stance: 'qualifies', heading: 'Qualified', none: 'No qualification is on record.' },
  { stance: 'supports', heading: 'Supported', none: 'No supporting statement is on record.' },
];

const names = (list: { name: string }[]) =>
  list.length <= 1
    ? (list[0]?.name ?? '')
    : `${list
        .slice(0, -1)
        .map((a) => a.name)
        .join(', ')} and ${list[list.length - 1]?.name}`;

/**
 * A claim and who stated, denied, qualified or supported it — by stance, or as a dated thread —
 * who named in it has said nothing on record, and the history behind it. It never rules on truth.
 */
export interface ClaimViewProps {
  head: ClaimHead;
  /** The actors the claim names and their history; absent while being read. */
  context?: ClaimContext | undefined;
  /** Reads more statements of each stance. */
  onMore?: (() => void) | undefined;
}

export function ClaimView({ head, context, onMore }: ClaimViewProps) {
  const panel = usePanelActions();
  const [mode, setMode] = useState<'stance' | 'thread'>('stance');
  const { claim, claimant, groups, first } = head;
  const notOnRecord = context ? silentActors(head, context.named) : [];
  const history = context?.history;
  const thread: LinkedStatement[] = GROUPS.flatMap((g) => groups[g.stance].items).sort((a, b) =>
    statementTimeKey(a) < statementTimeKey(b)
      ? -1
      : statementTimeKey(a) > statementTimeKey(b)
        ? 1
        : 0,
  );
  const firstDate = claim.firstStated ?? first?.statement.said;
  return (
    <div class="view claim-view">
      <EntityHeader kind="Claim" title={claim.gist}>
        <p class="description">
          Put forward by{' '}
          {claimant ? (
            <button type="button" class="link-button" onClick={() => panel.openActor(claimant.id)}>
              {claimant.name}
            </button>
          ) : (
            'an actor no longer in the cache'
          )}
          {firstDate && (
            <>
              {', first stated '}
              <time dateTime={firstDate}>{formatPartialDate(firstDate)}</time>
            </>
          )}
          .
        </p>
        <p class="tally">
          {GROUPS.map((g) => (
            <span key={g.stance} class={`tally-item stance-${g.stance}`}>
              {g.heading} <strong>{formatCount(groups[g.stance].count)}</strong>
            </span>
          ))}
        </p>
      </EntityHeader>

      <fieldset class="mode-switch">
        <legend class="visually-hidden">Show statements</legend>
        <button
          type="button"
          class="segment"
          aria-pressed={mode === 'stance'}
          onClick={() => setMode('stance')}
        >
          By stance
        </button>
        <button
          type="button"
          class="segment"
          aria-pressed={mode === 'thread'}
          onClick={() => setMode('thread')}
        >
          As a dated thread
        </button>
      </fieldset>

      {mode === 'stance' ? (
        GROUPS.map(({ stance, heading, none }) => {
          const g = groups[stance];
          return (
            <section
              key={stance}
              aria-labelledby={`group-${stance}`}
              class={`group group-${stance}`}
            >
              <h2 id={`group-${stance}`}>
                {heading} <span class="count">{formatCount(g.count)}</span>
              </h2>
              {g.items.length === 0 ? (
                <p class="empty">{none}</p>
              ) : (
                <ul class="statement-list">
                  {g.items.map((item) => (
                    <li key={item.statement.id}>
                      <StatementCard
                        info={item}
                        origin={item.origin}
                        note={item === first ? 'first on record' : undefined}
                      />
                    </li>
                  ))}
                </ul>
              )}
              {g.count > g.items.length && onMore && (
                <button type="button" class="button more" onClick={onMore}>
                  Show more ({g.items.length} of {formatCount(g.count)} shown)
                </button>
              )}
            </section>
          );
        })
      ) : (
        <section aria-labelledby="thread-h" class="group">
          {GROUPS.some((g) => groups[g.stance].count > groups[g.stance].items.length) && onMore && (
            <button type="button" class="button more" onClick={onMore}>
              Read more of the dispute
            </button>
          )}
          <h2 id="thread-h">
            The dispute in date order <span class="count">{thread.length}</span>
          </h2>
          <ol class="statement-list thread">
            {thread.map((item) => (
              <li key={item.statement.id}>
                <StatementCard
                  info={item}
                  stance={item.stance}
                  origin={item.origin}
                  note={item === first ? 'first on record' : undefined}
                />
              </li>
            ))}
          </ol>
        </section>
      )}

      {notOnRecord.length > 0 && (
        <section aria-labelledby="unanswered-h">
          <h2 id="unanswered-h">Not on record</h2>
          <p>Backstory knows no statement about this claim from {names(notOnRecord)}.</p>
          <ul class="chips">
            {notOnRecord.map((a) => (
              <li key={a.id}>
                <button type="button" class="chip" onClick={() => panel.openActor(a.id)}>
                  {a.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {history && (
        <section aria-labelledby="claim-history-h">
          <h2 id="claim-history-h">
            {history.actors.length > 0
              ? `Background: ${names(history.actors)}`
              : 'Background history'}
          </h2>
          {history.events.length === 0 ? (
            <p class="empty">
              No dated events involving the actors of this claim are in the cache.
            </p>
          ) : (
            <>
              {history.more && <p class="hint">The {history.events.length} most recent events:</p>}
              <Timeline
                events={history.events}
                level={3}
                idPrefix="claim-history"
                omitActors={history.actors.map((a) => a.id)}
              />
            </>
          )}
          <button
            type="button"
            class="button"
            onClick={() => panel.openHistory(history.actors.slice(0, 2).map((a) => a.id))}
          >
            {history.actors.length >= 2
              ? `Full timeline of ${names(history.actors.slice(0, 2))}`
              : 'Full timeline'}
          </button>
        </section>
      )}
    </div>
  );
}
