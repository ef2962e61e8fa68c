import type { ActorRow } from '@/lib/db';
import { formatCount, type TimelinePage } from '@/lib/db/panel-queries';
import { EntityHeader } from './EntityHeader';
import { usePanelActions } from './panel-context';
import { HowKnowledgeArrives } from './StatusMessage';
import { decadeGroups, decadeId, Timeline } from './Timeline';

export interface HistoryViewProps {
  /** The actors the timeline is about (events involving all of them); none: everything. */
  actors: ActorRow[];
  page: TimelinePage;
  onMore: () => void;
}

const names = (actors: ActorRow[]) =>
  actors.length <= 1
    ? (actors[0]?.name ?? '')
    : `${actors
        .slice(0, -1)
        .map((a) => a.name)
        .join(', ')} and ${actors[actors.length - 1]?.name}`;

/** The timeline of background history: in full, or for an actor or a pair of actors. */
export function HistoryView({ actors, page, onMore }: HistoryViewProps) {
  const panel = usePanelActions();
  const decades = decadeGroups(page.events).map((g) => g.decade);
  const title = actors.length ? `History: ${names(actors)}` : 'History';
  return (
    <div class="view history-view">
      <EntityHeader kind="Timeline" title={title}>
        <p class="description">
          {page.total === 0
            ? 'No dated events.'
            : `${formatCount(page.total)} dated ${page.total === 1 ? 'event' : 'events'}${
                actors.length > 1 ? ' involving all of them' : ''
              }, oldest first.`}
        </p>
        {actors.length > 0 && (
          <div class="filters">
            <ul class="chips" aria-label="Showing events involving">
              {actors.map((a) => (
                <li key={a.id}>
                  <button type="button" class="chip" onClick={() => panel.openActor(a.id)}>
                    {a.name}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" class="small-button" onClick={() => panel.openHistory([])}>
              Full timeline
            </button>
          </div>
        )}
      </EntityHeader>
      {page.events.length === 0 ? (
        <div class="empty">
          <p>No dated events are in the cache{actors.length ? ' for this selection' : ''}.</p>
          <HowKnowledgeArrives />
        </div>
      ) : (
        <>
          {decades.length > 2 && (
            <nav class="decade-nav" aria-label="Decades">
              <ul>
                {decades.map((d) => (
                  <li key={d}>
                    <a href={`#${decadeId('history', d)}`}>{d}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <Timeline
            events={page.events}
            level={2}
            idPrefix="history"
            omitActors={actors.map((a) => a.id)}
          />
          {page.more && (
            <button type="button" class="button more" onClick={onMore}>
              Show later events ({page.events.length} of {formatCount(page.total)} shown)
            </button>
          )}
        </>
      )}
    </div>
  );
}
