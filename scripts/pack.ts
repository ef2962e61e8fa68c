import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { extractArticle } from '../lib/extract/extract';
import { buildPack, type PackArticle } from '../lib/extract/to-pack';
import { Pack } from '../lib/model';
import { describeZodIssues, summariseIssues } from '../lib/packs/errors';
import { articleFiles, loadKnown, readArticleFile, takeOption } from './lib/articles';

/**
 * npm run pack -- <folder of articles> -o pack.json [--known pack.json] [--id ID] [--name NAME]
 *                [--version V]
 *
 * Builds a context pack from saved articles (.html or .txt): what extraction finds in them,
 * deduplicated across articles, with the known actors and claims it refers to.
 */
function main() {
  const args = process.argv.slice(2);
  const out = takeOption(args, '-o') ?? takeOption(args, '--out');
  const known = loadKnown(takeOption(args, '--known'));
  const folder = args[0];
  if (!folder || !out || !existsSync(folder)) {
    console.error(
      'Usage: npm run pack -- <folder of articles> -o pack.json [--known pack.json] [--id ID] [--name NAME] [--version V]',
    );
    process.exitCode = 2;
    return;
  }
  const id =
    takeOption(args, '--id') ??
    (basename(resolve(folder)).replace(/[^A-Za-z0-9._-]+/g, '-') || 'articles');
  const name = takeOption(args, '--name') ?? `Learned from ${basename(resolve(folder))}`;
  const version = takeOption(args, '--version') ?? '1';
  const articles: PackArticle[] = [];
  for (const path of articleFiles(folder)) {
    try {
      const file = readArticleFile(path);
      const extraction = extractArticle(file.input, { lookup: known.lookup, claims: known.claims });
      articles.push({ name: file.name, ...(file.url ? { url: file.url } : {}), extraction });
    } catch (error) {
      console.warn(`Skipping ${path}: ${error instanceof Error ? error.message : error}`);
    }
  }
  if (articles.length === 0) {
    console.error(`No articles could be read in ${folder} (.html or .txt files).`);
    process.exitCode = 1;
    return;
  }
  const pack = buildPack(articles, known.pack, {
    id,
    name,
    version,
    description: `Statements, stances and dated events extracted by Backstory from ${articles.length} saved articles.`,
    createdAt: new Date().toISOString(),
  });
  const parsed = Pack.safeParse(pack);
  if (!parsed.success) {
    console.error(
      `The pack did not validate:\n${summariseIssues(describeZodIssues(pack, parsed.error))}`,
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(out, `${JSON.stringify(pack, null, 2)}\n`);
  const counts = `${pack.sources?.length} sources, ${pack.actors?.length} actors, ${pack.claims?.length} claims, ${pack.statements?.length} statements, ${pack.links?.length} links, ${pack.events?.length} events`;
  console.log(`Wrote ${out}: ${counts}.`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
