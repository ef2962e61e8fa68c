/**
 * Where the panel is: three tabs (on this page, search, history), each with its own stack of
 * views, so a reader can look something up in Search and come back to the actor they were
 * reading. Pure state; App.tsx holds it.
 */
export type TabId = 'page' | 'search' | 'history';

export type Route =
  | { view: 'page' }
  | { view: 'search'; query: string }
  | { view: 'history'; actorIds: string[] }
  | { view: 'actor'; id: string }
  | { view: 'claim'; id: string };

export interface NavState {
  tab: TabId;
  stacks: Record<TabId, Route[]>;
}

export const TABS: { id: TabId; label: string }[] = [
  { id: 'page', label: 'On this page' },
  { id: 'search', label: 'Search' },
  { id: 'history', label: 'History' },
];

const ROOTS: Record<TabId, Route> = {
  page: { view: 'page' },
  search: { view: 'search', query: '' },
  history: { view: 'history', actorIds: [] },
};

export function initialNav(): NavState {
  return {
    tab: 'page',
    stacks: { page: [ROOTS.page], search: [ROOTS.search], history: [ROOTS.history] },
  };
}

export type NavAction =
  | { type: 'tab'; tab: TabId }
  /** Opens a view on top of the current tab (or of `tab`). */
  | { type: 'open'; route: Route; tab?: TabId }
  | { type: 'back' }
  /** Back to the tab's first view. */
  | { type: 'home'; tab: TabId }
  /** Runs a search in the Search tab, from anywhere (context menu, "/" key). */
  | { type: 'search'; query: string; reset?: boolean };

const same = (a: Route | undefined, b: Route) => JSON.stringify(a) === JSON.stringify(b);

export function current(nav: NavState): Route {
  const stack = nav.stacks[nav.tab];
  return stack[stack.length - 1] ?? ROOTS[nav.tab];
}

/** How deep views may stack before the oldest are dropped (the root always stays). */
const MAX_DEPTH = 50;

export function navReducer(nav: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'tab':
      return nav.tab === action.tab ? nav : { ...nav, tab: action.tab };
    case 'open': {
      const tab = action.tab ?? nav.tab;
      const stack = nav.stacks[tab];
      if (same(stack[stack.length - 1], action.route)) return { ...nav, tab };
      const next = [...stack, action.route];
      if (next.length > MAX_DEPTH) next.splice(1, next.length - MAX_DEPTH);
      return { tab, stacks: { ...nav.stacks, [tab]: next } };
    }
    case 'back': {
      const stack = nav.stacks[nav.tab];
      if (stack.length <= 1) return nav;
      return { ...nav, stacks: { ...nav.stacks, [nav.tab]: stack.slice(0, -1) } };
    }
    case 'home':
      return {
        tab: action.tab,
        stacks: { ...nav.stacks, [action.tab]: [nav.stacks[action.tab][0] ?? ROOTS[action.tab]] },
      };
    case 'search': {
      const root: Route = { view: 'search', query: action.query };
      const stack = nav.stacks.search;
      const rest = action.reset ? [] : stack.slice(1);
      return { tab: 'search', stacks: { ...nav.stacks, search: [root, ...rest] } };
    }
  }
}

/**
 * The view a panel URL asks for: `?kind=page` (the page list), `actor&id=…`, `claim&id=…`,
 * `search&q=…`, `history&actors=a,b`.
 */
export function routeFromSearchParams(
  params: URLSearchParams,
): { route: Route; tab: TabId } | null {
  const kind = params.get('kind');
  const id = params.get('id');
  if (kind === 'page') return { route: { view: 'page' }, tab: 'page' };
  if ((kind === 'actor' || kind === 'claim') && id)
    return { route: { view: kind, id }, tab: 'page' };
  if (kind === 'search')
    return { route: { view: 'search', query: params.get('q') ?? '' }, tab: 'search' };
  if (kind === 'history') {
    const actorIds = (params.get('actors') ?? '').split(',').filter((s) => s.length > 0);
    return { route: { view: 'history', actorIds }, tab: 'history' };
  }
  return null;
}
