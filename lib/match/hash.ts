/**
 * FNV-1a over the UTF-16 units of text[from, to), continuing from `hash`: a span's hash can be
 * grown piece by piece (the matcher hashes a page's spans token by token, in place).
 */
export const FNV_OFFSET = 0x811c9dc5 | 0;

export function fnv1a(text: string, from: number, to: number, hash = FNV_OFFSET): number {
  let h = hash;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
