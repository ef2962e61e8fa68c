// The common-word table the extension's background loads from its file (lib/match/common-words.ts),
// installed for every unit test that compiles a dictionary.

import { useCommonWords } from '@/lib/match/alias-rule';
import table from '@/lib/match/common-words.generated.json';

useCommonWords(table);
