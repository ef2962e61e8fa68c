import { citationMarkdown, citationText } from '@/lib/citation/citation';
import { citationInput } from '@/lib/citation/from-statement';
import type { StatementInfo } from '@/lib/db/panel-queries';

/** Copies a statement's citation; false when the browser refused the clipboard. */
export async function copyCitation(
  info: StatementInfo,
  format: 'text' | 'markdown',
): Promise<boolean> {
  const input = citationInput(info);
  const text = format === 'markdown' ? citationMarkdown(input) : citationText(input);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    console.warn('[Backstory] Clipboard write failed:', error);
    return false;
  }
}
