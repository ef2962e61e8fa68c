import { describe, expect, it } from 'vitest';
import {
  JsonSyntaxError,
  NotAnObjectError,
  PackScanner,
  type ScanEvent,
} from '@/lib/packs/json-scan';

const options = {
  tables: new Set(['actors', 'statements']),
  fields: new Set(['id', 'name', 'version', 'nested']),
};

function scan(text: string, pieces: number[] = []): ScanEvent[] {
  const scanner = new PackScanner(options);
  const out: ScanEvent[] = [];
  let at = 0;
  for (const cut of [...pieces, text.length]) {
    out.push(...scanner.push(text.slice(at, cut)));
    at = cut;
  }
  scanner.end();
  return out;
}

const simplify = (events: ScanEvent[]) =>
  events.map((e) => (e.kind === 'row' ? [e.table, e.index, e.value] : [e.key, e.value]));

const DOC = `\uFEFF{
  "id": "p\\"1",
  "skip": {"a": [1, 2, {"b": "}]"}], "c": null},
  "actors": [ {"id": "a", "name": "Ana \\\\ \\u00e9", "n": [1, {"x": "]"}]}, {"id":"b"} ],
  "name": "Name", "version": "1.0", "nested": {"k": [true, false, -1.5e3]},
  "statements": [],
  "num": 12
}
`;

describe('PackScanner', () => {
  it('streams rows and header fields and skips the rest', () => {
    expect(simplify(scan(DOC))).toEqual([
      ['id', 'p"1'],
      ['actors', 0, { id: 'a', name: 'Ana \\ é', n: [1, { x: ']' }] }],
      ['actors', 1, { id: 'b' }],
      ['name', 'Name'],
      ['version', '1.0'],
      ['nested', { k: [true, false, -1500] }],
    ]);
  });

  it('gives the same result wherever the text is cut', () => {
    const whole = simplify(scan(DOC));
    for (let cut = 1; cut < DOC.length; cut++) {
      expect(simplify(scan(DOC, [cut])), `cut at ${cut}`).toEqual(whole);
    }
    const everyChar = Array.from({ length: DOC.length - 1 }, (_, i) => i + 1);
    expect(simplify(scan(DOC, everyChar))).toEqual(whole);
  });

  it('reports the line of a broken row', () => {
    const text = '{\n"actors": [\n{"id": "a"},\n{"id": "b",}\n]}';
    expect(() => scan(text)).toThrow(JsonSyntaxError);
    expect(() => scan(text)).toThrow(/actors\[1\].*line 4/);
  });

  it('refuses structural errors with a position', () => {
    expect(() => scan('{"actors": [{"id": "a"} {"id": "b"}]}')).toThrow(
      /Expected “,” or “]” after actors\[0\]/,
    );
    expect(() => scan('{"id": "x" "name": "y"}')).toThrow(/Expected “,” or “}”/);
    expect(() => scan('{"actors": {}}')).toThrow(/"actors" must be an array/);
    expect(() => scan('{"id": "x"}  x')).toThrow(/after the end/);
    expect(() => scan('{"id": "x", "id": "y"}')).toThrow(/appears twice/);
    expect(() => scan('{"actors": [{"id": "a"}')).toThrow(/ends before it is complete/);
    expect(() => scan('')).toThrow(/empty/);
    expect(() => scan('{"id": @}')).toThrow(/Unexpected “@”/);
  });

  it('tells a top-level array apart, for JSON-LD', () => {
    expect(() => scan('  [ {"@type": "ClaimReview"} ]')).toThrow(NotAnObjectError);
  });

  it('refuses a row larger than the limit', () => {
    const scanner = new PackScanner({ ...options, maxRowChars: 50 });
    expect(() =>
      scanner.push(`{"actors": [{"id": "${'x'.repeat(30)}"}, {"id": "${'y'.repeat(80)}"}]}`),
    ).toThrow(/actors\[1\] is larger than/);
  });
});
