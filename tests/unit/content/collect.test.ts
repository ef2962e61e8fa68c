// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { walkBlocks } from '@/entrypoints/content/collect';
import { locate } from '@/entrypoints/content/highlighter';

function blocks(html: string) {
  document.body.innerHTML = html;
  const roots: ShadowRoot[] = [];
  const out = [];
  for (const b of walkBlocks(document.body, (r) => roots.push(r))) if (b) out.push(b);
  return { texts: out.map((b) => b.text), blocks: out, roots };
}

describe('walkBlocks', () => {
  it('joins inline markup into one block and splits at block elements and <br>', () => {
    const { texts } = blocks(
      '<p><a href="#">Miguel</a> Díaz-<em>Canel</em> said<br>no talks</p><div>Next <b>block</b></div>',
    );
    expect(texts).toEqual(['Miguel Díaz-Canel said', 'no talks', 'Next block']);
  });

  it('skips text that is not rendered page text or that the user types', () => {
    const { texts } = blocks(
      '<p>Seen</p><script>Trump</script><style>.x{}</style><textarea>Rubio</textarea>' +
        '<template><p>Cuba</p></template><noscript>Havana</noscript><p hidden>Gone</p>' +
        '<svg><title>Maduro</title></svg><backstory-ui>own</backstory-ui>',
    );
    expect(texts).toEqual(['Seen']);
  });

  it('reads a dialog like any other block (a node with a `close` method is not a marker)', () => {
    const { texts, blocks: found } = blocks(
      '<p>Before</p><dialog open><p>Inside <b>Rubio</b></p>Loose text</dialog><p>After</p>',
    );
    expect(texts).toEqual(['Before', 'Inside Rubio', 'Loose text', 'After']);
    expect(found.map((b) => (b.container as Element).tagName)).toEqual(['P', 'P', 'DIALOG', 'P']);
  });

  it('enters open shadow roots and tells about them', () => {
    document.body.innerHTML = '<div id="host"></div><p>After</p>';
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside Rubio</p>';
    const roots: ShadowRoot[] = [];
    const texts = [];
    for (const b of walkBlocks(document.body, (r) => roots.push(r))) if (b) texts.push(b.text);
    expect(texts).toEqual(['Inside Rubio', 'After']);
    expect(roots).toEqual([shadow]);
  });

  it('walks 5,000-deep nesting without recursion', () => {
    document.body.innerHTML = '';
    let parent: HTMLElement = document.body;
    for (let i = 0; i < 5000; i++) {
      const span = document.createElement('span');
      parent.append(span);
      parent = span;
    }
    parent.textContent = 'Deep Cuba';
    const out = [];
    for (const b of walkBlocks(document.body, () => undefined)) if (b) out.push(b.text);
    expect(out).toEqual(['Deep Cuba']);
  });

  it('maps block offsets back to nodes, across inline elements', () => {
    const {
      blocks: [block],
    } = blocks('<p><a href="#">Miguel</a> Díaz-<em>Canel</em> said</p>');
    expect(block).toBeDefined();
    if (!block) return;
    const start = block.text.indexOf('Miguel');
    const end = block.text.indexOf(' said');
    const a = locate(block, start, false);
    const b = locate(block, end, true);
    expect(a?.[0].data).toBe('Miguel');
    expect(b?.[0].data).toBe('Canel');
    expect(b?.[1]).toBe(5);
  });
});
