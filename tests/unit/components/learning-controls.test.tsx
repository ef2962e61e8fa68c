// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LearningControls, type LearningControlsProps } from '@/components/LearningControls';
import { LEARN_MAX_CHARS } from '@/lib/learn/learn-page';

let root: HTMLElement;

function show(overrides: Partial<LearningControlsProps> = {}) {
  const props: LearningControlsProps = {
    site: 'news.example',
    learning: true,
    siteLearning: true,
    blocked: null,
    page: { title: 'Havana denies talks', counts: { statements: 3, events: 1, names: 1 } },
    busy: false,
    message: null,
    onLearningChange: vi.fn(),
    onSiteLearningChange: vi.fn(),
    onForget: vi.fn(),
    ...overrides,
  };
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<LearningControls {...props} />, root));
  return props;
}

const button = (name: string) =>
  [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name,
  ) as HTMLButtonElement;

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('LearningControls', () => {
  it('says it is counting while the counts load, and never that nothing was learned', () => {
    show({ page: { title: 'Havana denies talks', counts: 'counting' } });
    expect(root.textContent).toContain('Counting what was learned from this page');
    expect(root.textContent).not.toContain('nothing was learned');
    show({ page: { title: 'Havana denies talks', counts: null } });
    expect(root.textContent).toContain('nothing was learned from it');
  });

  it('shows what was learned and both switches, labelled', () => {
    show();
    expect(root.textContent).toContain(
      'Learned from this page: 3 statements, 1 dated event, 1 new name to review.',
    );
    const boxes = [...root.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.closest('label')?.textContent?.trim())).toEqual([
      'Learn from the articles I read',
      'Learn on news.example',
    ]);
    expect(boxes.every((b) => b.checked)).toBe(true);
  });

  it('reports the switches', () => {
    const props = show();
    const [all, site] = [...root.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    act(() => {
      site!.click();
    });
    expect(props.onSiteLearningChange).toHaveBeenCalledWith(false);
    act(() => {
      all!.click();
    });
    expect(props.onLearningChange).toHaveBeenCalledWith(false);
  });

  it('asks before forgetting, and can keep the page', () => {
    const props = show();
    act(() => button('Forget this page').click());
    expect(root.textContent).toContain(
      'Forget “Havana denies talks” and everything learned from it?',
    );
    act(() => button('Keep').click());
    expect(props.onForget).not.toHaveBeenCalled();
    act(() => button('Forget this page').click());
    act(() => button('Forget').click());
    expect(props.onForget).toHaveBeenCalledTimes(1);
  });

  it('says why nothing is learned in a private window, and offers no switch', () => {
    show({ blocked: 'incognito', page: null });
    expect(root.textContent).toContain('private window');
    expect(root.querySelectorAll('input')).toHaveLength(0);
  });

  it('disables the site switch while learning is off everywhere, and announces messages', () => {
    show({ learning: false, message: 'Learning from articles is off.' });
    const site = root.querySelectorAll('input[type=checkbox]')[1] as HTMLInputElement;
    expect(site.disabled).toBe(true);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Learning from articles is off.');
  });

  it('renders page text as text', () => {
    show({ page: { title: '<img src=x onerror=alert(1)>', counts: null } });
    act(() => button('Forget this page').click());
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('says when a page was too long to be read whole', () => {
    show();
    expect(root.textContent).not.toContain('very long');
    show({ page: { title: 'A long report', counts: null, partial: true } });
    expect(root.textContent).toContain(
      `learned only from its first ${LEARN_MAX_CHARS.toLocaleString('en')} characters`,
    );
  });
});
