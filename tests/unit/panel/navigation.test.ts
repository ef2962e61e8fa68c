import { describe, expect, it } from 'vitest';
import {
  current,
  initialNav,
  navReducer,
  routeFromSearchParams,
} from '@/entrypoints/sidepanel/navigation';

describe('panel navigation', () => {
  it('keeps one stack per tab, and back pops only the current one', () => {
    let nav = initialNav();
    nav = navReducer(nav, { type: 'open', route: { view: 'actor', id: 'a' } });
    nav = navReducer(nav, { type: 'open', route: { view: 'claim', id: 'c' } });
    expect(current(nav)).toEqual({ view: 'claim', id: 'c' });
    nav = navReducer(nav, { type: 'tab', tab: 'history' });
    expect(current(nav)).toEqual({ view: 'history', actorIds: [] });
    nav = navReducer(nav, { type: 'tab', tab: 'page' });
    nav = navReducer(nav, { type: 'back' });
    expect(current(nav)).toEqual({ view: 'actor', id: 'a' });
    nav = navReducer(nav, { type: 'back' });
    nav = navReducer(nav, { type: 'back' });
    expect(current(nav)).toEqual({ view: 'page' });
    expect(nav.stacks.page).toHaveLength(1);
  });

  it('does not stack the same view twice, and home returns to the root', () => {
    let nav = initialNav();
    nav = navReducer(nav, { type: 'open', route: { view: 'actor', id: 'a' } });
    nav = navReducer(nav, { type: 'open', route: { view: 'actor', id: 'a' } });
    expect(nav.stacks.page).toHaveLength(2);
    nav = navReducer(nav, { type: 'home', tab: 'page' });
    expect(nav.stacks.page).toEqual([{ view: 'page' }]);
  });

  it('opens a view in another tab when asked (a highlight click goes to On this page)', () => {
    let nav = navReducer(initialNav(), { type: 'tab', tab: 'history' });
    nav = navReducer(nav, { type: 'open', route: { view: 'actor', id: 'a' }, tab: 'page' });
    expect(nav.tab).toBe('page');
    expect(current(nav)).toEqual({ view: 'actor', id: 'a' });
    expect(nav.stacks.history).toHaveLength(1);
  });

  it('runs a search in the Search tab, keeping or resetting what was opened from it', () => {
    let nav = navReducer(initialNav(), { type: 'search', query: 'cuba' });
    nav = navReducer(nav, { type: 'open', route: { view: 'actor', id: 'a' } });
    nav = navReducer(nav, { type: 'search', query: 'cuban' });
    expect(nav.stacks.search).toEqual([
      { view: 'search', query: 'cuban' },
      { view: 'actor', id: 'a' },
    ]);
    nav = navReducer(nav, { type: 'search', query: 'castro', reset: true });
    expect(nav.stacks.search).toEqual([{ view: 'search', query: 'castro' }]);
    expect(nav.tab).toBe('search');
  });

  it('caps the depth of a stack, keeping the root', () => {
    let nav = initialNav();
    for (let i = 0; i < 80; i++)
      nav = navReducer(nav, { type: 'open', route: { view: 'actor', id: `a${i}` } });
    expect(nav.stacks.page).toHaveLength(50);
    expect(nav.stacks.page[0]).toEqual({ view: 'page' });
    expect(current(nav)).toEqual({ view: 'actor', id: 'a79' });
  });

  it('reads the view a panel URL asks for', () => {
    const p = (s: string) => routeFromSearchParams(new URLSearchParams(s));
    expect(p('kind=claim&id=x')).toEqual({ route: { view: 'claim', id: 'x' }, tab: 'page' });
    expect(p('kind=search&q=Diaz')).toEqual({
      route: { view: 'search', query: 'Diaz' },
      tab: 'search',
    });
    expect(p('kind=history&actors=a,b')).toEqual({
      route: { view: 'history', actorIds: ['a', 'b'] },
      tab: 'history',
    });
    expect(p('kind=page')).toEqual({ route: { view: 'page' }, tab: 'page' });
    expect(p('kind=actor')).toBeNull();
    expect(p('')).toBeNull();
  });
});
