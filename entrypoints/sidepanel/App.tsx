import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { type PanelActions, PanelActionsContext } from '@/components/panel-context';
import { SiteControls } from '@/components/SiteControls';
import { Tabs, tabElementId } from '@/components/Tabs';
import { useSiteSettings } from '@/lib/ui/use-site-settings';
import { copyCitation } from './clipboard';
import { useFollowedTab } from './hooks';
import {
  current,
  initialNav,
  type NavAction,
  type NavState,
  navReducer,
  type Route,
  routeFromSearchParams,
  TABS,
  type TabId,
} from './navigation';
import { type PanelRequest, usePanelRequests } from './panel-requests';
import { ActorScreen, ClaimScreen, HistoryScreen } from './screens/EntityScreens';
import { PageScreen } from './screens/PageScreen';
import { SearchScreen } from './screens/SearchScreen';

function navFromUrl(): NavState {
  const nav = initialNav();
  const asked = routeFromSearchParams(new URLSearchParams(location.search));
  if (!asked || asked.route.view === 'page') return nav;
  if (asked.route.view === 'search')
    return navReducer(nav, { type: 'search', query: asked.route.query });
  return navReducer(nav, { type: 'open', route: asked.route, tab: asked.tab });
}

/** A key per view instance: a new actor remounts, a new search query does not. */
const routeKey = (tab: TabId, depth: number, route: Route) =>
  `${tab}/${depth}/${route.view}/${'id' in route ? route.id : 'actorIds' in route ? route.actorIds.join(',') : ''}`;

export function App() {
  const [nav, dispatch] = useReducer(navReducer, undefined, navFromUrl);
  const focusPending = useRef(false);
  const searchFocus = useRef(false);
  const followed = useFollowedTab();

  /**
   * Navigates. The new view's heading takes the focus when the reader navigated inside the panel
   * (keyboard users land on what they opened); not when a click in the page opened it, where
   * the focus stays with the page.
   */
  const go = (action: NavAction, fromPage = false) => {
    focusPending.current = !fromPage && action.type !== 'tab' && action.type !== 'search';
    searchFocus.current = action.type === 'search';
    dispatch(action);
  };

  const actions = useMemo<PanelActions>(
    () => ({
      openActor: (id) => go({ type: 'open', route: { view: 'actor', id } }),
      openClaim: (id) => go({ type: 'open', route: { view: 'claim', id } }),
      openHistory: (actorIds) => go({ type: 'open', route: { view: 'history', actorIds } }),
      search: (query) => go({ type: 'search', query, reset: true }),
      copyCitation,
      takeFocus: () => {
        const pending = focusPending.current;
        focusPending.current = false;
        return pending;
      },
    }),
    [],
  );

  usePanelRequests(
    (request: PanelRequest) => {
      if (request.kind === 'search') go({ type: 'search', query: request.query, reset: true });
      else
        go({
          type: 'open',
          route: { view: request.target.kind, id: request.target.id },
          tab: 'page',
        });
    },
    // A panel opened on an address that names a view shows that view, not an earlier click.
    { applyPending: routeFromSearchParams(new URLSearchParams(location.search)) === null },
  );

  // "/" searches from anywhere; Alt+Left goes back.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement &&
        (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchFocus.current = true;
        dispatch({ type: 'tab', tab: 'search' });
        document.getElementById('search-input')?.focus();
      } else if (event.key === 'ArrowLeft' && event.altKey) {
        event.preventDefault();
        go({ type: 'back' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const controls = useSiteSettings(true);
  const route = current(nav);
  const depth = nav.stacks[nav.tab].length;
  const onSelectTab = (tab: TabId) =>
    tab === nav.tab && depth > 1 ? go({ type: 'home', tab }) : go({ type: 'tab', tab });

  return (
    <PanelActionsContext.Provider value={actions}>
      <div class="app">
        <header class="panel-header">
          <Tabs
            tabs={TABS}
            selected={nav.tab}
            onSelect={onSelectTab}
            controls="panel-main"
            label="Backstory"
          />
          {/* Controls for the page's site (pause, on/off here): after the tabs, the first stop. */}
          <SiteControls {...controls} variant="compact" onChange={controls.update} />
        </header>
        <main>
          <div id="panel-main" role="tabpanel" aria-labelledby={tabElementId(nav.tab)}>
            {depth > 1 && (
              <button type="button" class="back-button" onClick={() => go({ type: 'back' })}>
                <span aria-hidden="true">←</span> Back
              </button>
            )}
            <Screen
              key={routeKey(nav.tab, depth, route)}
              route={route}
              followed={followed}
              onQuery={(query) => dispatch({ type: 'search', query })}
              searchFocus={searchFocus.current}
            />
          </div>
        </main>
      </div>
    </PanelActionsContext.Provider>
  );
}

function Screen(props: {
  route: Route;
  followed: ReturnType<typeof useFollowedTab>;
  onQuery: (query: string) => void;
  searchFocus: boolean;
}) {
  const { route } = props;
  switch (route.view) {
    case 'page':
      return <PageScreen followed={props.followed} />;
    case 'search':
      return (
        <SearchScreen query={route.query} onQuery={props.onQuery} autoFocus={props.searchFocus} />
      );
    case 'history':
      return <HistoryScreen actorIds={route.actorIds} />;
    case 'actor':
      return <ActorScreen id={route.id} />;
    case 'claim':
      return <ClaimScreen id={route.id} />;
  }
}
