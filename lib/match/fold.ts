/**
 * Folding for lookup keys: case, accents and typographic variants removed, whitespace collapsed.
 * "Díaz-Canel", "DIAZ–CANEL" and "diaz-canel" all fold to "diaz-canel". Used for index keys
 * (actors by alias, search); the page matcher uses the offset-mapped normaliser instead.
 */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C-\u201F\u2033\u00AB\u00BB\uFF02]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const MARKS = /\p{M}/gu;

export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}
