import type { ComponentChildren } from 'preact';
import type { ActorKind } from '@/lib/model';
import { EntityHeader } from './EntityHeader';
import { usePanelActions } from './panel-context';
import { HowKnowledgeArrives } from './StatusMessage';

export interface FoundItem {
  kind: 'actor' | 'claim';
  id: string;
  name: string;
  count: number;
  actorKind?: ActorKind | undefined;
}

/** Where the last "show on page" of an item landed: the n-th of `total` highlights. */
export interface RevealState {
  index: number;
  total: number;
  found: boolean;
}

export type PageStatus = 'active' | 'paused' | 'disabled' | 'loading' | 'unread';

export interface OnThisPageProps {
  status: PageStatus;
  pageTitle?: string | undefined;
  items: FoundItem[];
  reveal: Record<string, RevealState>;
  onReveal: (item: FoundItem) => void;
  /** Controls about this page from other features (learning on this site, forget this page). */
  children?: ComponentChildren;
}

const GROUPS: { title: string; kinds: (ActorKind | undefined)[] }[] = [
  { title: 'People', kinds: ['person'] },
  { title: 'Countries and governments', kinds: ['country', 'government'] },
  { title: 'Organisations', kinds: ['organization', undefined] },
  { title: 'News outlets', kinds: ['outlet'] },
];

export const revealKey = (item: { kind: string; id: string }) => `${item.kind}:${item.id}`;

function Item({
  item,
  reveal,
  onReveal,
}: { item: FoundItem } & Pick<OnThisPageProps, 'onReveal'> & { reveal: RevealState | undefined }) {
  const panel = usePanelActions();
  const times = item.count === 1 ? 'once' : `${item.count} times`;
  return (
    <li class="found-item">
      <button
        type="button"
        class="link-button found-name"
        onClick={() =>
          item.kind === 'actor' ? panel.openActor(item.id) : panel.openClaim(item.id)
        }
      >
        {item.name}
      </button>
      <span class="found-tools">
        <span class="count" title={`Found ${times} on the page`}>
          <span class="visually-hidden">found </span>
          {item.count}
          <span class="visually-hidden"> {item.count === 1 ? 'time' : 'times'}</span>
        </span>
        {reveal?.found && (
          <span class="reveal-position">
            {reveal.index + 1}/{reveal.total}
          </span>
        )}
        <button
          type="button"
          class="small-button"
          onClick={() => onReveal(item)}
          aria-label={
            reveal?.found
              ? `Show the next place ${item.name} is mentioned (${reveal.index + 1} of ${reveal.total} shown)`
              : `Show ${item.name} on the page`
          }
        >
          {reveal?.found ? 'Next' : 'Show'}
        </button>
      </span>
      {reveal && !reveal.found && (
        <p class="hint" role="status">
          Not highlighted on the page any more.
        </p>
      )}
    </li>
  );
}

const STATUS_TEXT: Record<Exclude<PageStatus, 'active'>, string> = {
  paused: 'Backstory is paused: nothing is highlighted on any page until it is resumed.',
  disabled: 'Backstory is off on this site: nothing is highlighted here.',
  loading: 'Reading the page…',
  unread:
    'Backstory has not read this page. It reads web pages (http and https) where it is on, after they load.',
};

/** Every actor and claim found on the tab, grouped and counted, each one click from its view. */
export function OnThisPageView({
  status,
  pageTitle,
  items,
  reveal,
  onReveal,
  children,
}: OnThisPageProps) {
  const claims = items.filter((i) => i.kind === 'claim');
  const actors = items.filter((i) => i.kind === 'actor');
  const byCount = (a: FoundItem, b: FoundItem) => b.count - a.count || a.name.localeCompare(b.name);
  return (
    <div class="view page-view">
      <EntityHeader kind="On this page" title={pageTitle || 'This page'} />
      {status !== 'active' && (
        <p class={`page-status status-${status}`} role="status">
          {STATUS_TEXT[status]}
        </p>
      )}
      {status === 'active' && items.length === 0 && (
        <div class="empty">
          <p>Nothing Backstory knows is on this page yet.</p>
          <HowKnowledgeArrives />
        </div>
      )}
      {claims.length > 0 && (
        <section aria-labelledby="found-claims-h">
          <h2 id="found-claims-h">
            Claims <span class="count">{claims.length}</span>
          </h2>
          <ul class="found-list">
            {[...claims].sort(byCount).map((item) => (
              <Item
                key={item.id}
                item={item}
                reveal={reveal[revealKey(item)]}
                onReveal={onReveal}
              />
            ))}
          </ul>
        </section>
      )}
      {GROUPS.map((g) => {
        const rows = actors.filter((a) => g.kinds.includes(a.actorKind)).sort(byCount);
        if (rows.length === 0) return null;
        const id = `found-${g.title.split(' ')[0]?.toLowerCase()}-h`;
        return (
          <section key={g.title} aria-labelledby={id}>
            <h2 id={id}>
              {g.title} <span class="count">{rows.length}</span>
            </h2>
            <ul class="found-list">
              {rows.map((item) => (
                <Item
                  key={item.id}
                  item={item}
                  reveal={reveal[revealKey(item)]}
                  onReveal={onReveal}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {children}
    </div>
  );
}
