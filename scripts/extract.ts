import { extractArticle } from '../lib/extract/extract';
import { toGold } from '../lib/extract/gold';
import { loadKnown, readArticleFile, takeFlag, takeOption } from './lib/articles';

/**
 * npm run extract -- <file.html|file.txt> … [--known pack.json] [--no-candidates]
 *
 * Prints what Backstory extracts from saved articles, as JSON in the gold annotation format
 * (docs/extraction.md): one object for one file, an array for several.
 */
function main() {
  const args = process.argv.slice(2);
  const known = loadKnown(takeOption(args, '--known'));
  const candidates = !takeFlag(args, '--no-candidates');
  if (args.length === 0) {
    console.error(
      'Usage: npm run extract -- <file.html|file.txt> … [--known pack.json] [--no-candidates]',
    );
    process.exitCode = 2;
    return;
  }
  const out = args.map((path) => {
    const file = readArticleFile(path);
    const extraction = extractArticle(file.input, {
      lookup: known.lookup,
      claims: known.claims,
      candidates,
    });
    return toGold(extraction, file.name, known.lookup, known.claims);
  });
  console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
