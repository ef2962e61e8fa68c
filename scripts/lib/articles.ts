import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { readArticle } from '../../lib/extract/article';
import type { DocInput } from '../../lib/extract/document';
import { type ActorLookup, createAliasLookup, knownActorsOf } from '../../lib/extract/known-actors';
import type { KnownClaim } from '../../lib/extract/stance';
import { isHttpUrl, Pack } from '../../lib/model';

/** Reading saved articles and the known actors and claims, for the extraction command lines. */

export const DEFAULT_KNOWN = resolve(import.meta.dirname, '../../assets/packs/starter.json');

export interface Known {
  pack: Pack;
  lookup: ActorLookup;
  claims: KnownClaim[];
}

/** The actors and claims of a pack file: what extraction treats as known. */
export function loadKnown(path = DEFAULT_KNOWN): Known {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the pack of known actors ${path}: ${(error as Error).message}`);
  }
  const parsed = Pack.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not a valid Backstory pack.`);
  const pack = parsed.data;
  return {
    pack,
    lookup: createAliasLookup(
      knownActorsOf(
        pack.actors.map((a) => ({ ...a, provenance: a.provenance ?? [`pack:${pack.id}`] })),
      ),
    ),
    claims: pack.claims.map((c) => ({
      id: c.id,
      gist: c.gist,
      claimantId: c.claimantId,
      ...(c.keyPhrases ? { keyPhrases: c.keyPhrases } : {}),
      ...(c.topics ? { topics: c.topics } : {}),
    })),
  };
}

export interface ArticleFile {
  path: string;
  name: string;
  input: DocInput;
  url?: string;
}

/** A saved article: HTML (its reading copy, as the extension takes it) or plain text. */
export function readArticleFile(path: string): ArticleFile {
  const content = readFileSync(path, 'utf8');
  const name = basename(path);
  if (/\.html?$/i.test(extname(path))) {
    const { document } = parseHTML(content);
    const doc = document as unknown as Document;
    const declared =
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
      doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
      undefined;
    const url = declared && isHttpUrl(declared) ? declared : undefined;
    const copy = readArticle(doc, url ?? `http://localhost/${encodeURIComponent(name)}`);
    if (!copy)
      throw new Error(
        `${path} does not look like an article (no article markup, and Readability found no text).`,
      );
    const input: DocInput = { text: copy.text, title: copy.title };
    if (copy.outlet) input.outlet = copy.outlet;
    if (copy.author) input.author = copy.author;
    if (copy.published) input.published = copy.published;
    return { path, name, input, ...(url ? { url } : {}) };
  }
  return { path, name, input: { text: content } };
}

/** The article files of a folder (.txt, .html), sorted by name. */
export function articleFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => /\.(?:txt|html?)$/i.test(f))
    .map((f) => join(folder, f))
    .filter((p) => statSync(p).isFile())
    .sort();
}

/** `--name value` from an argument list, removing both. */
export function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

export function takeFlag(args: string[], name: string): boolean {
  const at = args.indexOf(name);
  if (at < 0) return false;
  args.splice(at, 1);
  return true;
}
