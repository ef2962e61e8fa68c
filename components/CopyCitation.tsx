import { useEffect, useState } from 'preact/hooks';
import type { StatementInfo } from '@/lib/db/panel-queries';
import { usePanelActions } from './panel-context';

type Outcome = 'idle' | 'text' | 'markdown' | 'failed';

const MESSAGE: Record<Outcome, string> = {
  idle: '',
  text: 'Citation copied.',
  markdown: 'Citation copied as Markdown.',
  failed: 'Could not copy: the browser refused access to the clipboard.',
};

/** "Copy citation" (plain text) and "Markdown", with a spoken confirmation. */
export function CopyCitation({ info }: { info: StatementInfo }) {
  const panel = usePanelActions();
  const [outcome, setOutcome] = useState<Outcome>('idle');
  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);
  const copy = async (format: 'text' | 'markdown') => {
    setOutcome((await panel.copyCitation(info, format)) ? format : 'failed');
  };
  return (
    <span class="copy-citation">
      <button type="button" class="small-button" onClick={() => copy('text')}>
        Copy citation
      </button>
      <button
        type="button"
        class="small-button"
        onClick={() => copy('markdown')}
        aria-label="Copy citation as Markdown"
      >
        Markdown
      </button>
      <span class={outcome === 'failed' ? 'copy-status error' : 'copy-status'} role="status">
        {MESSAGE[outcome]}
      </span>
    </span>
  );
}
