import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  mdEscape,
  notesToJson,
  notesToMarkdown,
  notesToMarkdownFiles,
  slug,
} from '@/lib/notes/export';
import { notesToAnnotationCollection } from '@/lib/notes/web-annotation';
import { CONTEXT, NOTES } from './sample-notes';

/**
 * Golden files: the exports of a fixed set of notes must equal tests/fixtures/expected/*. To
 * change the format on purpose, run with UPDATE_EXPECTED=1 and review the diff.
 */
const EXPECTED = 'tests/fixtures/expected';

function golden(name: string, actual: string) {
  const path = join(EXPECTED, name);
  if (process.env.UPDATE_EXPECTED === '1' || !existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('note exports', () => {
  it('Markdown, one file: articles with quotes as blockquotes and citation lines', () => {
    const md = notesToMarkdown(NOTES, CONTEXT);
    golden('notes.md', md);
    expect(md).toContain('> we can not say we have had a table of dialogue');
    expect(md).toMatch(
      /— Harbour Ledger, “Cuban official .*”, 2026-02-03\. <https:\/\/harbourledger\.example\/.*#:~:text=/,
    );
    // The page's title is escaped; the user's own Markdown is kept.
    expect(md).toContain('Cuba’s president denies talks \\[analysis\\]');
    expect(md).toContain('a *table of dialogue*');
  });

  it('Markdown, one file per article (and one for notes on actors and claims)', () => {
    const files = notesToMarkdownFiles(NOTES, CONTEXT);
    expect(files.map((f) => f.name)).toEqual([
      'cuban-official-confirms-messages-with-washington-says-there.md',
      'cuba-s-president-denies-talks-analysis.md',
      'notes-on-actors-claims-statements.md',
    ]);
    for (const f of files) golden(`per-article/${f.name}`, f.content);
  });

  it('JSON: the notes as stored, with their articles and subjects', () => {
    const json = notesToJson(NOTES, CONTEXT);
    golden('notes.json', json);
    const parsed = JSON.parse(json);
    expect(parsed.format).toBe('backstory-notes');
    expect(parsed.notes).toEqual(NOTES);
    expect(parsed.pages).toHaveLength(1);
  });

  it('W3C Web Annotation: an AnnotationCollection', () => {
    const jsonld = notesToAnnotationCollection(NOTES);
    golden('notes.w3c.jsonld', jsonld);
    const c = JSON.parse(jsonld);
    expect(c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(5);
    const [first, second] = c.first.items;
    expect(first).toMatchObject({
      id: 'urn:backstory:note/a1',
      type: 'Annotation',
      motivation: 'commenting',
      target: { source: NOTES[0]?.target.kind === 'selection' && NOTES[0].target.url },
    });
    expect(first.body).toContainEqual({ type: 'TextualBody', value: 'talks', purpose: 'tagging' });
    expect(first.target.selector.map((s: { type: string }) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    expect(second.motivation).toBe('highlighting');
    expect(second.body).toBeUndefined();
    expect(c.first.items[3].target).toBe('urn:backstory:actor:starter/actor/donald-trump');
  });

  it('escapes Markdown and makes file names', () => {
    expect(mdEscape('a *b* [c](d) #e <f>')).toBe('a \\*b\\* \\[c\\](d) \\#e \\<f\\>');
    expect(slug('Díaz-Canel: “No talks”!')).toBe('diaz-canel-no-talks');
    expect(slug('***')).toBe('untitled');
  });
});
