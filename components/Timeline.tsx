import type { EventInfo } from '@/lib/db/panel-queries';
import { formatPartialDate, isHttpUrl, partialDateDecade } from '@/lib/model';
import { usePanelActions } from './panel-context';

export interface TimelineProps {
  events: EventInfo[];
  /** The heading level of the decade headings (2 in the history view, 3 inside a section). */
  level: 2 | 3;
  /** Actors whose names need not be repeated on every event (those the timeline is about). */
  omitActors?: readonly string[];
  /** Prefix for heading ids, unique per timeline on a page. */
  idPrefix: string;
}

export function decadeGroups(events: EventInfo[]): { decade: string; events: EventInfo[] }[] {
  const groups: { decade: string; events: EventInfo[] }[] = [];
  for (const e of events) {
    const decade = partialDateDecade(e.event.date);
    const last = groups[groups.length - 1];
    if (last?.decade === decade) last.events.push(e);
    else groups.push({ decade, events: [e] });
  }
  return groups;
}

export const decadeId = (prefix: string, decade: string) => `${prefix}-${decade}`;

/** Background history in date order, grouped by decade, each event with its actors and sources. */
export function Timeline({ events, level, omitActors = [], idPrefix }: TimelineProps) {
  const panel = usePanelActions();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="timeline">
      {decadeGroups(events).map((g) => (
        <section key={g.decade} aria-labelledby={decadeId(idPrefix, g.decade)}>
          <Heading id={decadeId(idPrefix, g.decade)} class="decade" tabIndex={-1}>
            {g.decade}
          </Heading>
          <ol class="events">
            {g.events.map(({ event, actors, sources }) => (
              <li key={event.id} class="event">
                <time class="event-date" dateTime={event.date}>
                  {formatPartialDate(event.date)}
                </time>
                <p class="event-text">{event.text}</p>
                {actors.some((a) => !omitActors.includes(a.id)) && (
                  <ul class="chips" aria-label="Involved">
                    {actors
                      .filter((a) => !omitActors.includes(a.id))
                      .map((a) => (
                        <li key={a.id}>
                          <button type="button" class="chip" onClick={() => panel.openActor(a.id)}>
                            {a.name}
                          </button>
                        </li>
                      ))}
                  </ul>
                )}
                {sources.length > 0 && (
                  <p class="sources">
                    <span class="sources-label">Read in </span>
                    {sources.map((s, i) => (
                      <span key={s.id}>
                        {i > 0 && ', '}
                        {s.href && isHttpUrl(s.href) ? (
                          <a href={s.href} target="_blank" rel="noopener noreferrer">
                            {s.label}
                          </a>
                        ) : (
                          <cite class={s.unnamed ? 'unnamed' : undefined}>{s.label}</cite>
                        )}
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
