import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every string that came from a page, a pack or a subscription is rendered as text. This test
 * fails on any HTML sink in our own code, so a new one cannot slip in: Biome's
 * noDangerouslySetInnerHtml covers JSX; this covers the DOM APIs.
 */
const SINKS: [string, RegExp][] = [
  ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*[+]?=(?!=)/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\s*\(/],
  ['document.write', /\bdocument\.(write|writeln)\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['createContextualFragment', /\bcreateContextualFragment\s*\(/],
  ['srcdoc assignment', /\.srcdoc\s*=(?!=)/],
  ['eval / new Function', /\beval\s*\(|\bnew\s+Function\s*\(/],
  ['string setTimeout', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

const ROOTS = ['entrypoints', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('no HTML injection sinks in our code', () => {
  const files = ROOTS.flatMap(sourceFiles);

  it('finds the source files it guards', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(SINKS)('has no %s', (_name, pattern) => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(
          ({ line }) =>
            pattern.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'),
        ),
    );
    expect(hits.map((h) => `${h.at}: ${h.line.trim()}`)).toEqual([]);
  });

  it('catches the sinks it is meant to catch', () => {
    const samples = [
      'el.innerHTML = value',
      'el.outerHTML += x',
      "el.insertAdjacentHTML('beforeend', x)",
      'document.write(x)',
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
      'range.createContextualFragment(x)',
      'frame.srcdoc = x',
      'eval(x)',
      "setTimeout('alert(1)', 0)",
    ];
    for (const sample of samples)
      expect(
        SINKS.some(([, p]) => p.test(sample)),
        sample,
      ).toBe(true);
    expect(SINKS.some(([, p]) => p.test('if (el.innerHTML === x) {}'))).toBe(false);
  });
});
