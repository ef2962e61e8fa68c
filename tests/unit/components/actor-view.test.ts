import { describe, expect, it } from 'vitest';
import { distinctSpellings } from '@/components/ActorView';

describe('distinctSpellings', () => {
  it('shows one spelling per name, whatever its accents, case or hyphens', () => {
    expect(
      distinctSpellings('Miguel Díaz-Canel', [
        'Cuban President',
        'Díaz-Canel',
        'Diaz-Canel',
        'Díaz Canel',
        'DIAZ–CANEL',
        'Canel',
        'Miguel Diaz Canel',
      ]),
    ).toEqual(['Cuban President', 'Díaz-Canel', 'Canel']);
  });

  it('keeps different names and leaves out the actor’s own name', () => {
    expect(distinctSpellings('Raúl Castro', ['Raul Castro', 'Castro', 'Raúl'])).toEqual([
      'Castro',
      'Raúl',
    ]);
  });
});
