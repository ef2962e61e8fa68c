import { describe, expect, it } from 'vitest';
import { stripDerived } from '@/lib/db';
import { describeImport, importNotesFile } from '@/lib/notes/import';
import { notesToAnnotationCollection } from '@/lib/notes/web-annotation';
import { freshDb } from '../packs/helpers';
import { NOTES } from './sample-notes';

const NOW = new Date('2026-03-01T00:00:00.000Z');

const hypothesisExport = {
  export_date: '2026-02-10T10:00:00.000Z',
  export_userid: 'acct:reader@hypothes.is',
  client_version: '1.1500.0',
  annotations: [
    {
      id: 'AbC-123_xyz',
      created: '2026-02-09T15:20:00.000000+00:00',
      updated: '2026-02-09T15:25:00.000000+00:00',
      user: 'acct:reader@hypothes.is',
      uri: 'https://civicwire.example/2026/02/03/rubio-report/',
      text: 'The report cites an unnamed official.',
      tags: ['sources', 'Rubio'],
      group: '__world__',
      target: [
        {
          source: 'https://civicwire.example/2026/02/03/rubio-report/',
          selector: [
            {
              type: 'RangeSelector',
              startContainer: '/main[1]/p[3]',
              startOffset: 0,
              endContainer: '/main[1]/p[3]',
              endOffset: 40,
            },
            { type: 'TextPositionSelector', start: 2210, end: 2245 },
            {
              type: 'TextQuoteSelector',
              exact: 'no talks actually going on',
              prefix: 'there were ',
              suffix: ', the official',
            },
          ],
        },
      ],
      document: { title: ['Report: Rubio misled Trump on Cuba talks'] },
      links: { html: 'https://hypothes.is/a/AbC-123_xyz' },
    },
    {
      id: 'reply1',
      created: '2026-02-09T16:00:00.000000+00:00',
      uri: 'https://civicwire.example/2026/02/03/rubio-report/',
      text: 'Agreed.',
      references: ['AbC-123_xyz'],
      target: [{ source: 'https://civicwire.example/2026/02/03/rubio-report/' }],
    },
    {
      id: 'pagenote1',
      created: '2026-02-09T16:10:00.000000+00:00',
      uri: 'https://civicwire.example/2026/02/03/rubio-report/',
      text: 'A note on the whole page.',
      target: [{ source: 'https://civicwire.example/2026/02/03/rubio-report/' }],
    },
  ],
};

describe('importing notes', () => {
  it('round-trips Backstory notes through W3C Web Annotation JSON-LD exactly', async () => {
    const db = freshDb();
    const outcome = await importNotesFile(db, notesToAnnotationCollection(NOTES), NOW);
    expect(outcome).toEqual({
      format: 'W3C Web Annotation',
      added: 5,
      alreadyThere: 0,
      skipped: [],
    });
    const stored = (await db.notes.toArray()).map((r) => stripDerived(r));
    expect(stored.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...NOTES]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((n) => ({
          ...n,
          target: { ...n.target, ...(n.target.kind === 'selection' ? { title: undefined } : {}) },
        }))
        .map((n) => JSON.parse(JSON.stringify(n))),
    );
    // Importing the same file again adds nothing.
    const again = await importNotesFile(db, notesToAnnotationCollection(NOTES), NOW);
    expect(again.added).toBe(0);
    expect(again.alreadyThere).toBe(5);
  });

  it('reads annotations from other W3C tools: single, list, page; bodies as string or object', async () => {
    const db = freshDb();
    const one = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno1',
      type: 'Annotation',
      bodyValue: 'Worth checking.',
      target: {
        source: 'https://news.example/a#section',
        selector: { type: 'TextQuoteSelector', exact: 'highest people in Cuba' },
      },
    };
    const page = {
      type: 'AnnotationPage',
      items: [
        one,
        {
          ...one,
          id: 'http://example.org/anno2',
          bodyValue: undefined,
          body: { type: 'TextualBody', value: 'x', purpose: 'tagging' },
        },
      ],
    };
    const outcome = await importNotesFile(db, JSON.stringify(page), NOW);
    expect(outcome.added).toBe(2);
    const rows = await db.notes.toArray();
    const first = rows.find((r) => r.body === 'Worth checking.');
    expect(first?.target).toMatchObject({ kind: 'selection', url: 'https://news.example/a' });
    expect(first?.createdAt).toBe(NOW.toISOString());
    expect(first?._pageUrl).toBe('https://news.example/a');
    expect(rows.find((r) => r.tags.includes('x'))?.body).toBe('');
  });

  it('imports a Hypothesis export, skipping replies and page notes with a reason', async () => {
    const db = freshDb();
    const outcome = await importNotesFile(db, JSON.stringify(hypothesisExport), NOW);
    expect(outcome.format).toBe('Hypothesis');
    expect(outcome.added).toBe(1);
    expect(outcome.skipped).toEqual([
      { reason: 'a reply to another annotation', count: 1 },
      { reason: 'a page note without a passage', count: 1 },
    ]);
    const [note] = await db.notes.toArray();
    expect(stripDerived(note as object)).toEqual({
      id: 'note/hypothesis-AbC-123_xyz',
      body: 'The report cites an unnamed official.',
      tags: ['sources', 'Rubio'],
      target: {
        kind: 'selection',
        url: 'https://civicwire.example/2026/02/03/rubio-report/',
        title: 'Report: Rubio misled Trump on Cuba talks',
        quote: {
          type: 'TextQuoteSelector',
          exact: 'no talks actually going on',
          prefix: 'there were ',
          suffix: ', the official',
        },
        position: { type: 'TextPositionSelector', start: 2210, end: 2245 },
      },
      createdAt: '2026-02-09T15:20:00.000Z',
      updatedAt: '2026-02-09T15:25:00.000Z',
      provenance: ['user'],
    });
    expect(describeImport(outcome)).toBe(
      'Imported 1 note from a Hypothesis file. 1 skipped: a reply to another annotation. 1 skipped: a page note without a passage.',
    );
  });

  it('refuses what is not an annotation file, and skips unsafe or invalid annotations', async () => {
    const db = freshDb();
    await expect(importNotesFile(db, 'not json', NOW)).rejects.toThrow(/not JSON/);
    await expect(importNotesFile(db, '{"format":"backstory-pack"}', NOW)).rejects.toThrow(
      /neither W3C Web Annotations/,
    );
    const hostile = [
      {
        type: 'Annotation',
        bodyValue: 'x',
        target: {
          source: 'javascript:alert(1)',
          selector: { type: 'TextQuoteSelector', exact: 'a' },
        },
      },
      { type: 'Annotation', target: 'https://news.example/whole-page' },
    ];
    const outcome = await importNotesFile(db, JSON.stringify(hostile), NOW);
    expect(outcome.added).toBe(0);
    expect(outcome.skipped.map((s) => s.reason)).toEqual([
      'invalid target.url: expected an http or https URL',
      'no passage of a web page (or Backstory entity) to attach it to',
    ]);
    expect(await db.notes.count()).toBe(0);
  });
});
