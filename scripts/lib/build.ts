import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `wxt build` for a browser and stops the script if it fails. */
export function buildExtension(browser: 'chrome' | 'firefox' = 'chrome'): void {
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])];
  const result = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`wxt build (${browser}) failed`);
}
