import { foldKey } from '../match/fold';
import {
  type ActorKind,
  isHttpUrl,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type PackInput,
  parsePartialDate,
  type Stance,
} from '../model';
import { shortHash } from './hash';

/**
 * schema.org ClaimReview → Backstory, as what it is:
 * - the claim: `claimReviewed`, put forward by `itemReviewed.author` (the claimant), first stated
 *   on `itemReviewed.datePublished`, seen at `itemReviewed.appearance`; recorded as a claim and
 *   the claimant's (reported) statement of it, citing where it appeared;
 * - the fact-checker's statement about it: by the review's `author`, in the words of
 *   `reviewRating.alternateName`, kept verbatim, dated `datePublished`, cited at `url`.
 * The two are linked with `supports` or `denies` only where the rating text says so plainly
 * ("True", "False", "Pants on Fire"…); any other rating ("Half true", "Missing context") is
 * linked as `qualifies`, with a low confidence, and its words are shown as the fact-checker wrote
 * them. Backstory never turns a rating into a verdict of its own.
 */

export interface ClaimReviewOptions {
  /** Id and name of the pack made from the document. */
  id: string;
  name: string;
  /** `pack` for a file or feed the user imports, `extracted` for markup found on a page. */
  linkOrigin: 'pack' | 'extracted';
  /** The page the markup was read on, if any: its Source row is always made. */
  page?: { url: string; title?: string | undefined; sourceId: string };
  /** New actors wait for the user's confirmation (markup picked up while browsing). */
  candidateActors?: boolean;
}

export interface ConvertedClaimReviews {
  pack: PackInput & Required<Pick<PackInput, 'sources' | 'actors' | 'claims'>>;
  reviews: number;
  skipped: number;
  warnings: string[];
}

type Node = Record<string, unknown>;
const MAX_NODES = 100_000;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

function types(node: Node): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));
}

/** Every node of a JSON-LD document, depth first, with an index of those that have an @id. */
function walk(doc: unknown): { nodes: Node[]; byId: Map<string, Node> } {
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  const stack: unknown[] = [doc];
  while (stack.length > 0 && nodes.length < MAX_NODES) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!isNode(value)) continue;
    nodes.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1) byId.set(id, value);
    const children = Object.entries(value).filter(([k]) => k !== '@context');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]?.[1]);
  }
  return { nodes, byId };
}

/** The ClaimReview nodes of a document: a single object, an array, an @graph, a DataFeed… */
export function findClaimReviews(doc: unknown): { reviews: Node[]; byId: Map<string, Node> } {
  const { nodes, byId } = walk(doc);
  return { reviews: nodes.filter((n) => types(n).includes('ClaimReview')), byId };
}

function text(value: unknown): string | undefined {
  const v = asArray(value)[0];
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (isNode(v) && typeof v['@value'] === 'string') return v['@value'].trim() || undefined;
  return undefined;
}

/** One line, at most `max` characters (cut on a word, with an ellipsis). */
function line(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** A partial date from an ISO date or date-time ("2026-02-03T10:00:00Z" → "2026-02-03"). */
function partialDate(value: unknown): string | undefined {
  const t = text(value);
  if (!t) return undefined;
  const m = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(t);
  if (!m) return undefined;
  const candidate = `${m[1]}${m[2] ?? ''}${m[2] ? (m[3] ?? '') : ''}`;
  return parsePartialDate(candidate) ? candidate : undefined;
}

function url(value: unknown): string | undefined {
  const v = asArray(value)[0];
  const t = typeof v === 'string' ? v.trim() : isNode(v) ? text(v['@id'] ?? v.url) : undefined;
  return t && isHttpUrl(t) ? t : undefined;
}

function wikidataOf(node: Node): string | undefined {
  for (const same of asArray(node.sameAs)) {
    const m = typeof same === 'string' && /wikidata\.org\/(?:wiki|entity)\/(Q[1-9]\d*)$/.exec(same);
    if (m) return m[1];
  }
  return undefined;
}

const RATINGS_DENY = new Set([
  'false',
  'fake',
  'incorrect',
  'wrong',
  'untrue',
  'not true',
  'pants on fire',
  'fabricated',
  'hoax',
  'fake news',
  'four pinocchios',
  'bogus',
  'falso',
  'falsa',
  'faux',
  'falsch',
]);
const RATINGS_SUPPORT = new Set([
  'true',
  'correct',
  'accurate',
  'verdadero',
  'verdadera',
  'vrai',
  'wahr',
  'richtig',
]);

/**
 * The stance of a rating towards the claim: `denies` or `supports` only when the rating's own
 * words say so plainly; everything else `qualifies`. Numbers alone are never interpreted: scales
 * differ between fact-checkers.
 */
export function ratingStance(alternateName: string | undefined): {
  stance: Exclude<Stance, 'states'>;
  clear: boolean;
} {
  const key = foldKey(alternateName ?? '')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (RATINGS_DENY.has(key)) return { stance: 'denies', clear: true };
  if (RATINGS_SUPPORT.has(key)) return { stance: 'supports', clear: true };
  return { stance: 'qualifies', clear: false };
}

function actorKind(node: unknown, role: 'claimant' | 'reviewer'): ActorKind {
  const t = isNode(node) ? types(node) : [];
  if (t.includes('Person')) return 'person';
  if (t.includes('NewsMediaOrganization')) return 'outlet';
  if (t.includes('GovernmentOrganization')) return 'government';
  if (t.includes('Country')) return 'country';
  if (t.some((x) => /Organization$/.test(x)))
    return role === 'reviewer' ? 'outlet' : 'organization';
  // A fact-checker publishes; a claimant with no type is most often a person.
  return role === 'reviewer' ? 'outlet' : 'person';
}

function slug(name: string): string {
  return foldKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Converts a JSON-LD document with ClaimReview markup into a pack (see the file comment). */
export function claimReviewToPack(
  doc: unknown,
  options: ClaimReviewOptions,
): ConvertedClaimReviews {
  const { reviews, byId } = findClaimReviews(doc);
  const resolve = (v: unknown): unknown => {
    const first = asArray(v)[0];
    if (isNode(first) && typeof first['@id'] === 'string' && Object.keys(first).length === 1) {
      return byId.get(first['@id']) ?? first;
    }
    return first;
  };
  const sources = new Map<string, Record<string, unknown>>();
  const actors = new Map<string, Record<string, unknown>>();
  const claims = new Map<string, Record<string, unknown>>();
  const statements = new Map<
    string,
    Record<string, unknown> & { citations: { sourceId: string }[] }
  >();
  const links = new Map<string, Record<string, unknown>>();
  const warnings = new Map<string, number>();
  const warn = (w: string) => warnings.set(w, (warnings.get(w) ?? 0) + 1);
  const status = options.candidateActors ? { status: 'candidate' as const } : {};
  let newest = '';
  let converted = 0;

  const addSource = (u: string | undefined, fields: Record<string, unknown>, key?: string) => {
    const id = `cr/src/${shortHash(u ?? key ?? JSON.stringify(fields))}`;
    if (!sources.has(id)) {
      const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      sources.set(id, { id, ...(u ? { url: u } : {}), ...clean });
    }
    return id;
  };
  const addActor = (node: unknown, role: 'claimant' | 'reviewer') => {
    const name =
      typeof node === 'string' ? node.trim() : isNode(node) ? text(node.name) : undefined;
    if (!name) return undefined;
    const kind = actorKind(node, role);
    const id = `cr/actor/${slug(name) || 'actor'}-${shortHash(`${kind}|${foldKey(name)}`)}`;
    if (!actors.has(id)) {
      const wikidata = isNode(node) ? wikidataOf(node) : undefined;
      actors.set(id, {
        id,
        name: line(name, 200),
        kind,
        aliases: [],
        ...(wikidata ? { wikidata } : {}),
        ...status,
      });
    }
    return id;
  };

  if (options.page) {
    sources.set(options.page.sourceId, {
      id: options.page.sourceId,
      url: options.page.url,
      ...(options.page.title ? { title: line(options.page.title, 500) } : {}),
    });
  }

  for (const review of reviews) {
    const claimText = text(review.claimReviewed);
    if (!claimText) {
      warn('Skipped a ClaimReview without claimReviewed (the claim).');
      continue;
    }
    const item = resolve(review.itemReviewed);
    const itemNode = isNode(item) ? item : undefined;
    const claimantId = addActor(resolve(itemNode?.author), 'claimant');
    if (!claimantId) {
      warn('Skipped a ClaimReview whose claim names no claimant (itemReviewed.author).');
      continue;
    }
    const reviewer = resolve(review.author);
    const reviewerName =
      typeof reviewer === 'string' ? reviewer : isNode(reviewer) ? text(reviewer.name) : undefined;
    const reviewerId = addActor(reviewer, 'reviewer');
    if (!reviewerId || !reviewerName) {
      warn('Skipped a ClaimReview that names no fact-checker (author).');
      continue;
    }
    converted++;
    const reviewUrl = url(review.url) ?? options.page?.url;
    const reviewDate = partialDate(review.datePublished);
    const appearances = [
      ...asArray(itemNode?.firstAppearance),
      ...asArray(itemNode?.appearance),
    ].map(resolve);
    const claimDate =
      partialDate(itemNode?.datePublished) ??
      appearances.map((a) => (isNode(a) ? partialDate(a.datePublished) : undefined)).find(Boolean);
    for (const d of [reviewDate, partialDate(review.dateModified)]) if (d && d > newest) newest = d;

    const reviewSourceId =
      reviewUrl && options.page && reviewUrl === options.page.url
        ? options.page.sourceId
        : addSource(
            reviewUrl,
            {
              outlet: line(reviewerName, 200),
              title:
                text(review.name ?? review.headline) &&
                line(text(review.name ?? review.headline) ?? '', 500),
              published: reviewDate,
            },
            `${reviewerName}|${claimText}`,
          );

    const appearanceIds: string[] = [];
    for (const node of appearances) {
      const u = url(node);
      if (!u) continue;
      const n = isNode(node) ? node : {};
      const publisher = resolve(n.publisher);
      const title = text(n.headline ?? n.name);
      appearanceIds.push(
        addSource(u, {
          title: title && line(title, 500),
          outlet:
            isNode(publisher) && text(publisher.name)
              ? line(text(publisher.name) ?? '', 200)
              : undefined,
          published: partialDate(n.datePublished),
        }),
      );
    }

    const claimId = `cr/claim/${shortHash(`${foldKey(claimText)}|${claimantId}`)}`;
    if (!claims.has(claimId)) {
      claims.set(claimId, {
        id: claimId,
        claimantId,
        gist: line(claimText, 500),
        ...(claimDate ? { firstStated: claimDate } : {}),
      });
    }

    // The claimant's statement: the claim as the fact-checker words it, where it appeared.
    const statedId = `cr/st/${shortHash(`${claimId}|claimant`)}`;
    const cited = (appearanceIds.length > 0 ? appearanceIds : [reviewSourceId]).map((sourceId) => ({
      sourceId,
    }));
    const stated = statements.get(statedId);
    if (stated) {
      for (const c of cited) {
        if (!stated.citations.some((x) => x.sourceId === c.sourceId)) stated.citations.push(c);
      }
    } else {
      statements.set(statedId, {
        id: statedId,
        speakerId: claimantId,
        words: claimText.slice(0, 5000),
        kind: 'reported',
        ...(claimDate ? { said: claimDate } : {}),
        citations: cited,
      });
      links.set(`cr/link/${shortHash(`${claimId}|${statedId}`)}`, {
        id: `cr/link/${shortHash(`${claimId}|${statedId}`)}`,
        claimId,
        statementId: statedId,
        stance: 'states',
        origin: options.linkOrigin,
        confidence: 1,
      });
    }

    // The fact-checker's statement: the rating, in its own words.
    const rating = resolve(review.reviewRating);
    const ratingNode = isNode(rating) ? rating : {};
    const ratingText = text(ratingNode.alternateName);
    const value = text(ratingNode.ratingValue);
    const words =
      ratingText ??
      (value !== undefined
        ? `Rated ${value}${text(ratingNode.worstRating) && text(ratingNode.bestRating) ? ` on a scale from ${text(ratingNode.worstRating)} to ${text(ratingNode.bestRating)}` : ''}`
        : undefined);
    if (!words) {
      warn('A ClaimReview had no rating: only its claim was kept.');
      continue;
    }
    const ratingId = `cr/st/${shortHash(`${reviewUrl ?? ''}|${claimId}|${reviewerId}`)}`;
    statements.set(ratingId, {
      id: ratingId,
      speakerId: reviewerId,
      words: words.slice(0, 5000),
      kind: ratingText ? 'quote' : 'reported',
      medium: 'fact-check rating',
      ...(reviewDate ? { said: reviewDate } : {}),
      citations: [{ sourceId: reviewSourceId }],
    });
    const { stance, clear } = ratingStance(ratingText);
    const linkId = `cr/link/${shortHash(`${claimId}|${ratingId}`)}`;
    links.set(linkId, {
      id: linkId,
      claimId,
      statementId: ratingId,
      stance,
      origin: options.linkOrigin,
      confidence: clear ? 1 : 0.5,
    });
  }

  const reviewerNames = new Set(
    [...statements.values()]
      .filter((s) => s.medium === 'fact-check rating')
      .map((s) => String(actors.get(String(s.speakerId))?.name)),
  );
  const [onlyPublisher] = reviewerNames.size === 1 ? [...reviewerNames] : [];
  return {
    pack: {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      id: options.id,
      name: line(options.name, 200),
      version: newest ? newest.replace(/-/g, '') : '1',
      description: `Fact-check markup (schema.org ClaimReview): ${converted} review${converted === 1 ? '' : 's'}.`,
      ...(onlyPublisher ? { publisher: onlyPublisher } : {}),
      sources: [...sources.values()] as never,
      actors: [...actors.values()] as never,
      claims: [...claims.values()] as never,
      statements: [...statements.values()] as never,
      links: [...links.values()] as never,
      events: [],
    },
    reviews: converted,
    skipped: reviews.length - converted,
    warnings: [...warnings].map(([w, n]) => (n > 1 ? `${w} (${n} times)` : w)),
  };
}
