/**
 * A fast, non-cryptographic 53-bit string hash (cyrb53), for telling whether two reads of a file
 * saw the same rows and for short stable ids. Integrity checks use SHA-256 instead.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A short id-safe hash: 11 base-36 characters at most. */
export const shortHash = (text: string) => hash53(text).toString(36);

/** Hashes a sequence of strings without joining them. */
export class RunningHash {
  private value = 0;
  add(text: string): void {
    this.value = hash53(text, this.value % 0xffffffff);
  }
  digest(): string {
    return this.value.toString(36);
  }
}
