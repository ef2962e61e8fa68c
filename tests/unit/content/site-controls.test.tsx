// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { SiteControls, siteEnabled, siteFromInput } from '@/components/SiteControls';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

describe('siteFromInput', () => {
  it('reads a site name from what a user types', () => {
    expect(siteFromInput('www.Example.org/news?x=1')).toBe('example.org');
    expect(siteFromInput('https://news.example.org')).toBe('news.example.org');
    expect(siteFromInput('127.0.0.1')).toBe('127.0.0.1');
    expect(siteFromInput('not a site!')).toBeNull();
    expect(siteFromInput('  ')).toBeNull();
  });
});

describe('SiteControls', () => {
  it('turns the current site off, remembering it in the disabled list', () => {
    const onChange = vi.fn();
    const root = document.createElement('div');
    render(
      <SiteControls
        settings={DEFAULT_SETTINGS}
        site="example.org"
        variant="compact"
        onChange={onChange}
      />,
      root,
    );
    const box = [...root.querySelectorAll('label')]
      .find((l) => l.textContent?.includes('Highlight on example.org'))
      ?.querySelector('input') as HTMLInputElement;
    expect(box.checked).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith({ disabledSites: ['example.org'] });
  });

  it('turns a site back on in "only" mode by allowing it', () => {
    const settings = { ...DEFAULT_SETTINGS, siteMode: 'only' as const };
    expect(siteEnabled(settings, 'example.org')).toBe(false);
    const onChange = vi.fn();
    const root = document.createElement('div');
    render(
      <SiteControls settings={settings} site="example.org" variant="compact" onChange={onChange} />,
      root,
    );
    const box = root.querySelectorAll('input')[1] as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith({ disabledSites: [], allowedSites: ['example.org'] });
  });

  it('refuses a malformed site with a message', () => {
    const onChange = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <SiteControls settings={DEFAULT_SETTINGS} site={null} variant="full" onChange={onChange} />,
      root,
    );
    const input = root.querySelector('input[type="text"]') as HTMLInputElement;
    input.value = 'not a site!';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { bubbles: true, cancelable: true }),
    );
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/not a site name/);
        expect(onChange).not.toHaveBeenCalled();
        done();
      }, 0),
    );
  });
});
