import type { PackCounts } from '@/lib/model';

/** Saves text pieces as a file through the browser's download. */
export function download(fileName: string, parts: string[]) {
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const TABLE_LABELS: [keyof PackCounts, string][] = [
  ['actors', 'Actors'],
  ['claims', 'Claims'],
  ['statements', 'Statements'],
  ['events', 'Events'],
  ['links', 'Links'],
  ['sources', 'Sources'],
];

export const total = (c: PackCounts) => Object.values(c).reduce((a, b) => a + b, 0);

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

export { errorText } from '@/lib/error-text';

/** Calls `fn` at most every `ms`, and always with the last value when `force` is set. */
export function throttle<T>(fn: (value: T) => void, ms = 100) {
  let last = 0;
  return (value: T, force = false) => {
    const now = performance.now();
    if (force || now - last >= ms) {
      last = now;
      fn(value);
    }
  };
}
