import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../lib/extract/extract';
import { GoldArticle, toGold } from '../lib/extract/gold';
import { type ArticleScore, type PRF, scoreArticle, sumPrf } from '../lib/extract/score';
import { loadKnown, readArticleFile, takeFlag, takeOption } from './lib/articles';

/**
 * npm run eval -- <folder> [--json FILE] [--known pack.json] [--verbose]
 *
 * Scores extraction against gold annotations. The folder holds the articles and their gold
 * files, either in <folder>/gold/*.json or beside the articles; each gold file names its article
 * (docs/extraction.md). Prints precision, recall and F1 per article and overall.
 */
function goldFiles(folder: string): string[] {
  const dirs = [join(folder, 'gold'), folder].filter((d) => existsSync(d));
  const out: string[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.json')) continue;
      const path = join(dir, f);
      try {
        const raw = JSON.parse(readFileSync(path, 'utf8')) as { article?: unknown };
        if (raw && typeof raw === 'object' && typeof raw.article === 'string') out.push(path);
      } catch {
        console.warn(`Skipping ${path}: not JSON.`);
      }
    }
  }
  return out;
}

const pct = (n: number) => `${(n * 100).toFixed(1)}`.padStart(5);
const row = (label: string, s: PRF) =>
  `  ${label.padEnd(18)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

function printScore(
  s: Pick<ArticleScore, 'mentions' | 'statements' | 'links' | 'denials' | 'evidence' | 'events'>,
) {
  console.log(row('actor mentions', s.mentions));
  console.log(row('statements', s.statements));
  console.log(row('stance links', s.links));
  console.log(row('  denials', s.denials));
  console.log(row('evidence (states)', s.evidence));
  console.log(row('events', s.events));
}

function main() {
  const args = process.argv.slice(2);
  const jsonOut = takeOption(args, '--json');
  const known = loadKnown(takeOption(args, '--known'));
  const verbose = takeFlag(args, '--verbose');
  const folder = args[0];
  if (!folder || !existsSync(folder)) {
    console.error('Usage: npm run eval -- <folder> [--json FILE] [--known pack.json] [--verbose]');
    process.exitCode = 2;
    return;
  }
  const golds = goldFiles(folder);
  if (golds.length === 0) {
    console.error(
      `No gold annotations in ${folder} or ${join(folder, 'gold')} (JSON files with an "article" field).`,
    );
    process.exitCode = 2;
    return;
  }
  const scores: ArticleScore[] = [];
  for (const path of golds) {
    const parsed = GoldArticle.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      console.error(
        `${path}: not in the gold format (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
      );
      process.exitCode = 1;
      continue;
    }
    const gold = parsed.data;
    const articlePath = join(folder, gold.article);
    if (!existsSync(articlePath)) {
      console.error(`${path}: the article ${gold.article} is not in ${folder}.`);
      process.exitCode = 1;
      continue;
    }
    const file = readArticleFile(articlePath);
    const extraction = extractArticle(file.input, { lookup: known.lookup, claims: known.claims });
    const found = toGold(extraction, gold.article, known.lookup, known.claims);
    const score = scoreArticle(extraction.text, gold, found);
    scores.push(score);
    console.log(`\n${gold.article}`);
    printScore(score);
    const a = score.agreement;
    if (a.matched > 0)
      console.log(
        `  matched statements: kind agrees ${a.kind}/${a.matched}, date agrees ${a.date}/${a.matched}`,
      );
    if (verbose) {
      for (const [k, list] of Object.entries(score.misses)) {
        for (const item of list) console.log(`    ${k}: ${item}`);
      }
    }
  }
  if (scores.length === 0) return;
  const overall = {
    mentions: sumPrf(scores.map((s) => s.mentions)),
    statements: sumPrf(scores.map((s) => s.statements)),
    links: sumPrf(scores.map((s) => s.links)),
    denials: sumPrf(scores.map((s) => s.denials)),
    evidence: sumPrf(scores.map((s) => s.evidence)),
    events: sumPrf(scores.map((s) => s.events)),
  };
  console.log(`\nOverall (${scores.length} articles, micro-averaged)`);
  printScore(overall);
  if (jsonOut) {
    writeFileSync(jsonOut, `${JSON.stringify({ folder, articles: scores, overall }, null, 2)}\n`);
    console.log(`\nWrote ${jsonOut}`);
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
