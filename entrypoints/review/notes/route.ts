import { useEffect, useState } from 'preact/hooks';
import type { ReviewFilter } from '@/lib/review/filter';

/**
 * The review page's address carries the section and its state: `#/<section>?q=…&actor=…`, so a
 * search or an open article can be reloaded, linked and navigated back to. Typing in the search
 * box replaces the entry (no history per keystroke); opening an article adds one.
 */
export function readParams(): URLSearchParams {
  const hash = location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

function section(): string {
  return location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

export function hrefFor(target: string, params: URLSearchParams | Record<string, string>): string {
  const p = params instanceof URLSearchParams ? params : new URLSearchParams(params);
  const q = p.toString();
  return `#/${target}${q ? `?${q}` : ''}`;
}

export function useParams(): [
  URLSearchParams,
  (change: Record<string, string | undefined>, push?: boolean) => void,
] {
  const [params, setParams] = useState(readParams);
  useEffect(() => {
    const onHash = () => setParams(readParams());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const update = (change: Record<string, string | undefined>, push = false) => {
    const next = readParams();
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    const href = hrefFor(section(), next);
    if (push) location.hash = href;
    else {
      history.replaceState(null, '', href);
      setParams(next);
    }
  };
  return [params, update];
}

export const FILTER_KEYS = ['q', 'actor', 'claim', 'outlet', 'from', 'to', 'tag'] as const;

export function filterOf(params: URLSearchParams): ReviewFilter {
  const f: ReviewFilter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** The filter part of the address, to carry it to another section. */
export function filterParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out;
}
