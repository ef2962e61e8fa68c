import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: [
      'fake-indexeddb/auto',
      'tests/unit/setup/fuzz-counter.ts',
      'tests/unit/setup/common-words.ts',
    ],
    environment: 'node',
    restoreMocks: true,
  },
});
