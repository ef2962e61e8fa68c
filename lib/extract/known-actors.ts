import type { Actor, ActorKind, Alias } from '../model/actor';

/**
 * How extraction finds known actors in text. Extraction depends only on this interface, so the
 * lookup can be the alias index below (used by the CLIs and, for now, the background) or the
 * page-matching engine of lib/match once it offers the same two operations.
 */
export interface KnownActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: Alias[];
  roles?: Actor['roles'];
  /** Proposed by extraction and not confirmed yet. */
  candidate?: boolean;
}

export interface ActorHit {
  start: number;
  end: number;
  /** Actors this surface form names; more than one when an alias is shared ("Castro"). */
  ids: string[];
  /** The alias kind that matched (`metonym` for "Havana" standing for Cuba's government). */
  aliasKind: Alias['kind'] | 'canonical';
}

export interface ActorLookup {
  get(id: string): KnownActor | undefined;
  all(): Iterable<KnownActor>;
  /** Every known surface form in `text`, longest first where they overlap, in text order. */
  find(text: string): ActorHit[];
}

/** One UTF-16 unit folded at a time, so offsets in the folded text are offsets in the original. */
export function foldSameLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) {
      // Keep surrogate pairs as they are.
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    let f = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (f.length !== 1) f = ch;
    f = f.toLowerCase();
    if (f.length !== 1) f = ch;
    if (/[\u2018\u2019\u02BC`´]/.test(f)) f = "'";
    else if (/[\u2010-\u2015\u2212]/.test(f)) f = '-';
    else if (/[\u201C\u201D]/.test(f)) f = '"';
    else if (/\s/.test(f)) f = ' ';
    out += f;
  }
  return out;
}

interface Piece {
  text: string;
  start: number;
  end: number;
}
const PIECE = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

function pieces(folded: string): Piece[] {
  const out: Piece[] = [];
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(folded); m; m = PIECE.exec(folded)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Entry {
  ids: string[];
  aliasKind: ActorHit['aliasKind'];
  /** The alias as written, for case-sensitive aliases. */
  exact?: string;
}
interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}
const node = (): TrieNode => ({ next: new Map(), entries: [] });

/**
 * A lookup over actors' aliases: a trie of folded word pieces, so finding every alias in a text
 * costs one walk per word, whatever the number of aliases. Case-insensitive and accent-insensitive
 * except for aliases marked `caseSensitive` ("US", "Trump"), which must match as written.
 */
export function createAliasLookup(actors: Iterable<KnownActor>): ActorLookup {
  const byId = new Map<string, KnownActor>();
  const root = node();
  let longest = 1;
  const add = (text: string, id: string, kind: ActorHit['aliasKind'], caseSensitive: boolean) => {
    const parts = pieces(foldSameLength(text)).map((p) => p.text);
    if (parts.length === 0) return;
    longest = Math.max(longest, parts.length);
    let n = root;
    for (const p of parts) {
      let child = n.next.get(p);
      if (!child) {
        child = node();
        n.next.set(p, child);
      }
      n = child;
    }
    const exact = caseSensitive ? text : undefined;
    const same = n.entries.find((e) => e.exact === exact);
    if (same) {
      if (!same.ids.includes(id)) same.ids.push(id);
    } else {
      n.entries.push({ ids: [id], aliasKind: kind, ...(exact ? { exact } : {}) });
    }
  };
  for (const actor of actors) {
    byId.set(actor.id, actor);
    add(actor.name, actor.id, 'canonical', false);
    for (const alias of actor.aliases) {
      add(alias.text, actor.id, alias.kind, alias.caseSensitive === true);
    }
  }

  const sameQuotes = (s: string) => s.replace(/[\u2018\u2019]/g, "'");
  return {
    get: (id) => byId.get(id),
    all: () => byId.values(),
    find(text) {
      const folded = foldSameLength(text);
      const ps = pieces(folded);
      const hits: ActorHit[] = [];
      for (let i = 0; i < ps.length; i++) {
        let n: TrieNode | undefined = root;
        let best: ActorHit | undefined;
        for (let j = i; j < ps.length && j - i < longest && n; j++) {
          const piece = ps[j] as Piece;
          // Pieces of one alias are separated by nothing or white space, never by a line break.
          if (j > i && /\n/.test(text.slice((ps[j - 1] as Piece).end, piece.start))) break;
          n = n.next.get(piece.text);
          if (!n) break;
          const start = (ps[i] as Piece).start;
          const end = piece.end;
          const written = sameQuotes(text.slice(start, end));
          const ok = n.entries.filter(
            (e) => e.exact === undefined || sameQuotes(e.exact) === written,
          );
          if (ok.length > 0) {
            const ids = [...new Set(ok.flatMap((e) => e.ids))];
            best = { start, end, ids, aliasKind: (ok[0] as Entry).aliasKind };
          }
        }
        if (best) {
          hits.push(best);
          while (i + 1 < ps.length && (ps[i + 1] as Piece).start < best.end) i++;
        }
      }
      return hits;
    },
  };
}

/** The starter pack's (or any pack's) actors as known actors, rejected and merged ones left out. */
export function knownActorsOf(actors: readonly Actor[]): KnownActor[] {
  return actors
    .filter((a) => a.status !== 'rejected' && !a.mergedInto)
    .map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      ...(a.roles ? { roles: a.roles } : {}),
      ...(a.status === 'candidate' ? { candidate: true } : {}),
    }));
}
