import { resolveMentions } from '@/lib/match/resolve';
import type { BlockMatches, FoundEntity, PageReport } from '@/lib/messaging';
import { sendFromContent } from '@/lib/messaging/content-client';
import { type Block, walkBlocks } from './collect';
import { EntityTable } from './entities';
import { Highlighter, type Hit, rangeOf } from './highlighter';
import { inTurns, Slicer, yieldToPage } from './slices';

/** Characters of page text, and blocks, per page/match request at most. */
export const BATCH_CHARS = 250_000;
const BATCH_BLOCKS = 1500;
/**
 * At most this many highlights on one page: past it a page is not an article anyone reads
 * (a 5 MB log naming Havana 87,000 times), and painting more only slows the browser down.
 */
export const MAX_HITS = 20_000;

/**
 * One page's highlighting state: its text blocks in document order, the hits found in them,
 * the entities they refer to. `scanAll` does collect → match → paint for the whole document,
 * visible blocks first; `rescan` does it again for changed parts only.
 */
export class PageSession {
  blocks: Block[] = [];
  readonly highlighter = new Highlighter();
  readonly entities = new EntityTable();
  readonly slicer: Slicer;
  readonly shadowRoots = new Set<ShadowRoot>();
  /** Told of each open shadow root found (styles, observers). */
  onShadowRoot: (root: ShadowRoot) => void = () => undefined;
  /** From the script's start to highlights set, and to the frame painted after, ms. */
  toHighlightsMs = 0;
  toPaintMs = 0;
  /** From the script's start to the frame painted with the visible blocks' highlights, ms. */
  toVisiblePaintMs = 0;
  private knowledgeMoved = false;

  constructor(
    private readonly signal: AbortSignal,
    private readonly startedAt: number,
  ) {
    this.slicer = new Slicer(signal);
  }

  private found = (root: ShadowRoot) => {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.onShadowRoot(root);
  };

  /** Collects the blocks under `root` in slices. */
  private async collect(root: Node): Promise<Block[]> {
    const out: Block[] = [];
    await this.slicer.run(walkBlocks(root, this.found), (block) => out.push(block));
    return out;
  }

  /**
   * Collects the whole document's text blocks. What is painted stays until the new scan paints
   * (a refresh after new knowledge does not blink the page's highlights off).
   */
  async collectAll(): Promise<void> {
    this.clear({ keepPainted: true });
    const body = document.body;
    if (!body) return;
    this.blocks = await this.collect(body);
    // matchAll reads where the blocks are to send those on screen first. Read before the page's
    // first frame, that forced the page's first layout inside our task (19 ms on the 10k-word
    // page in two of six loads), so then it waits for that frame, while the page's policy is
    // being asked for. A page that has reported its first paint is not kept waiting: the report
    // comes 150–250 ms after the paint here, so that is mostly a page scanned again (a
    // navigation in a single-page app, a refresh; docs/highlighting.md).
    if (mustAwaitFirstFrame()) await afterNextPaint();
  }

  /**
   * Matches and paints the collected blocks, the visible ones first. `onSent` is told once the
   * page's text has all been sent: requests made after it queue behind the matching.
   */
  async matchAll(onSent?: () => void): Promise<void> {
    if (this.signal.aborted) return;
    const [visible, rest] = this.slicer.measure(() => splitVisible(this.blocks));
    // The blocks on screen go first, in a request of their own: the background answers in order,
    // so the reader sees the highlights in view after a scan of those blocks alone.
    const onFirstPainted = () => {
      void afterNextPaint().then(() => {
        if (this.toVisiblePaintMs === 0) this.toVisiblePaintMs = performance.now() - this.startedAt;
      });
    };
    await this.matchInBatches(visible, rest, onFirstPainted, onSent);
    this.slicer.measure(() => this.dropStalePaint());
    this.toHighlightsMs = performance.now() - this.startedAt;
    await afterNextPaint();
    this.toPaintMs = performance.now() - this.startedAt;
    if (this.knowledgeMoved) {
      this.knowledgeMoved = false;
      await this.scanAll();
    }
  }

  /** The characters of text collected from the page. */
  textLength(): number {
    let n = 0;
    for (const block of this.blocks) n += block.text.length;
    return n;
  }

  /** The whole document: collect, match and paint. */
  async scanAll(): Promise<void> {
    await this.collectAll();
    await this.matchAll();
  }

  /**
   * Re-scans changed parts: every block inside one of `containers` is dropped and collected
   * again; blocks whose nodes left the document are dropped.
   */
  async rescan(containers: Node[]): Promise<void> {
    const { roots, kept } = this.slicer.measure(() => {
      const roots = outermost(containers.filter((c) => c.isConnected));
      const stale = (block: Block) =>
        !block.container.isConnected ||
        !(block.nodes[0]?.isConnected ?? false) ||
        roots.some((r) => r === block.container || r.contains(block.container));
      const kept: Block[] = [];
      for (const block of this.blocks) {
        if (stale(block)) {
          this.hitCount -= this.highlighter.hitsIn(block).length;
          this.highlighter.removeBlock(block);
        } else kept.push(block);
      }
      return { roots, kept };
    });
    const fresh: Block[] = [];
    for (const root of roots) fresh.push(...(await this.collect(root)));
    if (this.signal.aborted) return;
    this.blocks = this.slicer.measure(() => insertInOrder(kept, fresh));
    await this.matchInBatches(fresh);
    if (this.knowledgeMoved) {
      this.knowledgeMoved = false;
      await this.scanAll();
    }
  }

  /**
   * Sends the batches (the background answers in order, so the first batch, the visible blocks,
   * comes back first) and paints each as its answer arrives.
   */
  private async matchInBatches(
    first: Block[],
    rest: Block[] = [],
    onFirstPainted?: () => void,
    onSent?: () => void,
  ): Promise<void> {
    const generation = this.generation;
    // Checking each reply, when it arrives, is the page's main-thread time too.
    const measure = <R>(work: () => R) => this.slicer.measure(work);
    const batches = this.slicer.measure(() => batchesOf(first, rest));
    // Each batch is sent in a measured slice of its own, and no task sends more than BATCH_CHARS
    // of text: sendMessage runs synchronously inside sendFromContent and the browser serialises
    // the texts during it, a few milliseconds for 250,000 characters. An article goes in one task
    // (its visible blocks first), a 100,000-word page in several. A scan that was replaced
    // meanwhile sends no more.
    const send = (batch: Block[]) =>
      this.signal.aborted || generation !== this.generation
        ? null
        : this.slicer.measure(() =>
            sendFromContent('page/match', { texts: batch.map((b) => b.text) }, measure),
          );
    const replies = inTurns(batches, send, {
      weight: (batch) => batch.reduce((n, b) => n + b.text.length, 0),
      budget: BATCH_CHARS,
      afterLast: onSent,
    });
    for (const [i, batch] of batches.entries()) {
      const reply = await replies[i];
      // A newer scan (a refresh, a navigation) cleared the page meanwhile: drop this one.
      if (this.signal.aborted || !reply || generation !== this.generation) return;
      await this.paintReply(batch, reply);
      if (i === 0) onFirstPainted?.();
    }
  }

  private async paintReply(
    batch: Block[],
    reply: Awaited<ReturnType<typeof sendFromContent<'page/match'>>>,
  ): Promise<void> {
    if (batch.length === 0) return;
    if (!reply.ok || this.signal.aborted) {
      if (!reply.ok) console.warn('[Backstory] Matching failed:', reply.error);
      return;
    }
    // Our main-thread time too, like the slices below.
    const results = this.slicer.measure(() => {
      this.dropStalePaint();
      const hadHits = this.entities.version !== -1;
      if (!this.entities.merge(reply.value.version, reply.value.entities) && hadHits) {
        this.knowledgeMoved = true;
      }
      return reply.value.blocks;
    });
    await this.slicer.each(batch, (block, i) => {
      const result = results[i];
      if (!result || this.hitCount >= MAX_HITS) return;
      const hits = this.hitsOf(block, result);
      if (hits.length > MAX_HITS - this.hitCount) hits.length = MAX_HITS - this.hitCount;
      this.hitCount += hits.length;
      this.highlighter.setBlock(block, hits);
      for (let h = 0; h < hits.length; h++) {
        const hit = hits[h] as Hit;
        if (hit.candidates.length > 1 && hit.kind !== 'claim') this.shared++;
        else this.highlighter.paint(hit);
      }
    });
    if (this.shared > 0) this.slicer.measure(() => this.resolveAndPaint());
  }

  /** How many mentions on the page are of aliases shared by several actors. */
  private shared = 0;
  private hitCount = 0;
  /** Bumped by every clear, so answers to an older scan are not painted over a newer one. */
  private generation = 0;

  private hitsOf(block: Block, result: BlockMatches): Hit[] {
    const hits: Hit[] = [];
    // Index loops, not destructuring: this runs once per page, in cold code, where each
    // destructured span would allocate an iterator and its results for the collector.
    const spans = result.actors;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      if (!span) continue;
      const start = span[0];
      const end = span[1];
      const candidates = span[2];
      const range = rangeOf(block, start, end);
      if (!range) continue;
      let ids: readonly string[];
      if (candidates.length === 1) {
        ids = this.entities.actors.get(candidates[0] ?? -1)?.ids ?? [];
      } else {
        const several: string[] = [];
        for (let c = 0; c < candidates.length; c++) {
          const id = this.entities.actors.get(candidates[c] ?? -1)?.id;
          if (id) several.push(id);
        }
        ids = several;
      }
      if (ids.length === 0) continue;
      hits.push({
        kind: ids.length > 1 ? 'ambiguous' : 'actor',
        block,
        start,
        end,
        range,
        ids,
        candidates,
        painted: null,
        denied: false,
      });
    }
    for (const [start, end, claims] of result.claims) {
      const range = rangeOf(block, start, end);
      if (!range) continue;
      const infos = claims.map((c) => this.entities.claims.get(c)).filter((c) => c !== undefined);
      if (infos.length === 0) continue;
      hits.push({
        kind: 'claim',
        block,
        start,
        end,
        range,
        ids: infos.map((c) => c.id),
        candidates: claims,
        painted: null,
        denied: (infos[0]?.denials ?? 0) > 0,
      });
    }
    return hits;
  }

  /**
   * Settles shared aliases from the whole page's context and paints them (only those: the other
   * hits were painted as they arrived).
   */
  private resolveAndPaint(): void {
    const mentions: { hit: Hit; block: number; candidates: number[] }[] = [];
    this.blocks.forEach((block, index) => {
      for (const hit of this.hitsIn(block)) {
        if (hit.kind !== 'claim') mentions.push({ hit, block: index, candidates: hit.candidates });
      }
    });
    const resolved = resolveMentions(mentions);
    mentions.forEach(({ hit }, i) => {
      if (hit.candidates.length < 2) return;
      const actor = resolved[i];
      const info =
        actor === null || actor === undefined ? undefined : this.entities.actors.get(actor);
      if (info) {
        hit.kind = 'actor';
        hit.ids = info.ids;
      } else {
        hit.kind = 'ambiguous';
        hit.ids = hit.candidates.map((c) => this.entities.actors.get(c)?.id ?? '').filter(Boolean);
      }
      this.highlighter.paint(hit);
    });
  }

  private hitsIn(block: Block): readonly Hit[] {
    return this.highlighter.hitsIn(block);
  }

  /** Every hit in document order. */
  orderedHits(): Hit[] {
    const order = new Map(this.blocks.map((b, i) => [b, i]));
    return [...this.highlighter.all()].sort(
      (a, b) =>
        (order.get(a.block) ?? 0) - (order.get(b.block) ?? 0) ||
        a.start - b.start ||
        (a.kind === 'claim' ? 1 : 0) - (b.kind === 'claim' ? 1 : 0),
    );
  }

  /** What the panel shows under "On this page". */
  report(status: PageReport['status']): PageReport {
    const actors = new Map<string, FoundEntity>();
    const claims = new Map<string, FoundEntity>();
    const ambiguous = new Map<string, { text: string; candidates: string[]; count: number }>();
    const names = new Map<string, string>();
    for (const a of this.entities.actors.values()) names.set(a.id, a.name);
    const gists = new Map<string, string>();
    for (const c of this.entities.claims.values()) gists.set(c.id, c.gist);
    for (const hit of status === 'active' ? this.highlighter.all() : []) {
      const id = hit.ids[0] ?? '';
      if (hit.kind === 'actor') {
        const entry = actors.get(id) ?? { id, name: (names.get(id) ?? id).slice(0, 500), count: 0 };
        entry.count++;
        actors.set(id, entry);
      } else if (hit.kind === 'claim') {
        const entry = claims.get(id) ?? { id, name: (gists.get(id) ?? id).slice(0, 500), count: 0 };
        entry.count++;
        claims.set(id, entry);
      } else {
        const key = hit.ids.join('|');
        const text = hit.block.text.slice(hit.start, hit.end).slice(0, 200);
        const entry = ambiguous.get(key) ?? { text, candidates: hit.ids.slice(0, 50), count: 0 };
        entry.count++;
        ambiguous.set(key, entry);
      }
    }
    // Ties in plain code-unit order: the panel sorts for display. The first localeCompare on a
    // page loads the collation data, which cost the page's main thread 10+ ms on every article.
    const byCount = (a: FoundEntity, b: FoundEntity) =>
      b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return {
      url: location.href,
      title: document.title.slice(0, 2000),
      status,
      actors: [...actors.values()].sort(byCount).slice(0, 10_000),
      claims: [...claims.values()].sort(byCount).slice(0, 10_000),
      ambiguous: [...ambiguous.values()].filter((a) => a.candidates.length > 1).slice(0, 1000),
    };
  }

  counts() {
    let actors = 0;
    let claims = 0;
    let ambiguous = 0;
    for (const hit of this.highlighter.all()) {
      if (hit.kind === 'actor') actors++;
      else if (hit.kind === 'claim') claims++;
      else ambiguous++;
    }
    return { actors, claims, ambiguous, blocks: this.blocks.length };
  }

  /** Highlights of the previous scan, kept on screen until this one paints. */
  private stalePaint = false;

  private dropStalePaint(): void {
    if (!this.stalePaint) return;
    this.stalePaint = false;
    this.highlighter.clear();
  }

  /** Starts over; `keepPainted` leaves the highlights on screen until the next paint. */
  clear({ keepPainted = false }: { keepPainted?: boolean } = {}): void {
    this.generation++;
    if (keepPainted) this.stalePaint = true;
    else {
      this.stalePaint = false;
      this.highlighter.clear();
    }
    this.entities.reset();
    this.blocks = [];
    this.shared = 0;
    this.hitCount = 0;
  }
}

/**
 * Settles just after the next frame is rendered: a turn of the event loop after the
 * animation-frame callback, which runs before the frame's paint.
 */
async function afterNextPaint(): Promise<void> {
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await yieldToPage();
}

/**
 * Whether reading where the page's blocks are must wait for its next frame: the page is shown
 * and has not reported its first contentful paint, so a read now may force its first layout into
 * our task (the report comes after the paint: see collectAll). A tab opened in the background renders no frames until it is shown: it is matched at
 * once, so its highlights are there when it is. Where the browser has no paint timing, it waits.
 */
export function mustAwaitFirstFrame(): boolean {
  if (document.visibilityState === 'hidden') return false;
  return performance.getEntriesByName('first-contentful-paint', 'paint').length === 0;
}

/** Splits blocks into those in or near the viewport and the rest, keeping document order. */
function splitVisible(blocks: Block[]): [Block[], Block[]] {
  const height = window.innerHeight || 800;
  const visible: Block[] = [];
  const rest: Block[] = [];
  // Blocks come in document order, which is roughly top to bottom: find the first block on
  // screen by bisection, then take blocks until one starts below the fold.
  const top = (b: Block) => rectOf(b.container).bottom;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid];
    if (block && top(block) < 0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < blocks.length && end - lo < 400) {
    const block = blocks[end];
    if (!block || rectOf(block.container).top > height * 1.5) break;
    end++;
  }
  blocks.forEach((b, i) => {
    (i >= lo && i < end ? visible : rest).push(b);
  });
  return [visible, rest];
}

function rectOf(node: Node): { top: number; bottom: number } {
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).getBoundingClientRect();
  const host = (node as ShadowRoot).host;
  return host ? host.getBoundingClientRect() : { top: 0, bottom: 0 };
}

/**
 * The page/match requests for a scan: the `first` blocks (those on screen) in requests of their
 * own, then the rest; each request within BATCH_CHARS and BATCH_BLOCKS.
 */
export function batchesOf(first: readonly Block[], rest: readonly Block[] = []): Block[][] {
  const batches: Block[][] = [];
  for (const blocks of [first, rest]) {
    for (let i = 0; i < blocks.length; ) {
      const batch = takeBatch(blocks, i);
      batches.push(batch);
      i += batch.length;
    }
  }
  return batches;
}

function takeBatch(blocks: readonly Block[], from: number): Block[] {
  const batch: Block[] = [];
  let chars = 0;
  for (let i = from; i < blocks.length && batch.length < BATCH_BLOCKS; i++) {
    const block = blocks[i];
    if (!block) break;
    if (batch.length > 0 && chars + block.text.length > BATCH_CHARS) break;
    batch.push(block);
    chars += block.text.length;
  }
  return batch;
}

/** The containers not inside another one of the list. */
function outermost(nodes: Node[]): Node[] {
  const unique = [...new Set(nodes)];
  return unique.filter((n) => !unique.some((m) => m !== n && m.contains(n)));
}

/** Merges freshly collected blocks into the kept ones in document order. */
function insertInOrder(kept: Block[], fresh: Block[]): Block[] {
  if (fresh.length === 0) return kept;
  const out = [...kept];
  for (const block of fresh) {
    const node = block.nodes[0];
    if (!node) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = out[mid]?.nodes[0];
      const before =
        other && other.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, block);
  }
  return out;
}
