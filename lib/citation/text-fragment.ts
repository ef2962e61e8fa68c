import type { TextQuoteSelector } from '../model';

/**
 * Percent-encodes a text-fragment term. Besides what encodeURIComponent escapes, the fragment
 * syntax gives '-', ',' and '&' a meaning, so they are escaped too.
 * https://wicg.github.io/scroll-to-text-fragment/#syntax
 */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

const MAX_EXACT = 300;

/**
 * A link that opens `url` scrolled to the passage: `url#:~:text=prefix-,exact,-suffix`.
 * Long passages use the `start,end` form so the link stays short. Any existing fragment of the
 * URL is replaced.
 */
export function textFragmentUrl(url: string, selector: TextQuoteSelector): string {
  const base = url.split('#')[0];
  const exact = selector.exact.replace(/\s+/g, ' ').trim();
  let directive: string;
  if (exact.length > MAX_EXACT) {
    const words = exact.split(' ');
    directive = `${encodeTerm(words.slice(0, 5).join(' '))},${encodeTerm(words.slice(-5).join(' '))}`;
  } else {
    directive = encodeTerm(exact);
  }
  const prefix = selector.prefix?.trim();
  const suffix = selector.suffix?.trim();
  if (prefix) directive = `${encodeTerm(lastWords(prefix, 3))}-,${directive}`;
  if (suffix) directive = `${directive},-${encodeTerm(firstWords(suffix, 3))}`;
  return `${base}#:~:text=${directive}`;
}

const lastWords = (s: string, n: number) => s.split(/\s+/).slice(-n).join(' ');
const firstWords = (s: string, n: number) => s.split(/\s+/).slice(0, n).join(' ');
