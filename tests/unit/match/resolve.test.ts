import { describe, expect, it } from 'vitest';
import { resolveMentions } from '@/lib/match/resolve';

const FIDEL = 1;
const RAUL = 2;
const castro = (block: number) => ({ block, candidates: [FIDEL, RAUL] });
const only = (actor: number, block: number) => ({ block, candidates: [actor] });

describe('resolveMentions', () => {
  it('leaves a shared alias ambiguous when no candidate is named on the page', () => {
    expect(resolveMentions([castro(0)])).toEqual([null]);
  });

  it('takes the only candidate the page names', () => {
    expect(resolveMentions([castro(0), only(RAUL, 5)])).toEqual([RAUL, RAUL]);
  });

  it('takes the nearest full name before it', () => {
    expect(resolveMentions([only(FIDEL, 0), only(RAUL, 3), castro(4)])).toEqual([
      FIDEL,
      RAUL,
      RAUL,
    ]);
  });

  it('takes the only candidate named before it, however far back', () => {
    expect(resolveMentions([only(FIDEL, 0), castro(20), only(RAUL, 40)])).toEqual([
      FIDEL,
      FIDEL,
      RAUL,
    ]);
  });

  it('stays ambiguous when both were named long before', () => {
    expect(resolveMentions([only(FIDEL, 0), only(RAUL, 1), castro(30)])).toEqual([
      FIDEL,
      RAUL,
      null,
    ]);
  });

  it('looks just after it when nothing came before', () => {
    expect(resolveMentions([castro(0), only(RAUL, 1), only(FIDEL, 9)])).toEqual([
      RAUL,
      RAUL,
      FIDEL,
    ]);
  });
});
