import './learning.css';
import { useState } from 'preact/hooks';

export interface LearnedCounts {
  statements: number;
  events: number;
  names: number;
}

export interface LearningControlsProps {
  /** The page's site ("news.example"); null on pages Backstory does not read. */
  site: string | null;
  /** Learning is on in the settings, and on for this site. */
  learning: boolean;
  siteLearning: boolean;
  /** Why nothing is learned here whatever the switches say. */
  blocked: 'paused' | 'disabled' | 'unsupported' | 'incognito' | null;
  /** The cached article of this page, with what was learned from it. */
  /** `counts` is null when nothing was learned from the page, 'counting' while it is read. */
  /** `partial`: the article is longer than learning reads; only its start was read. */
  page: { title: string; counts: LearnedCounts | 'counting' | null; partial?: boolean } | null;
  busy: boolean;
  /** The outcome of the last action, read out to screen readers. */
  message: string | null;
  onLearningChange(on: boolean): void;
  onSiteLearningChange(on: boolean): void;
  onForget(): void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const BLOCKED: Record<NonNullable<LearningControlsProps['blocked']>, string> = {
  incognito: 'This is a private window: Backstory never learns anything here.',
  paused: 'Backstory is paused: it learns nothing until you resume it.',
  disabled: 'Backstory is switched off on this site: it learns nothing here.',
  unsupported: 'Backstory does not read this kind of page.',
};

/** Learning on this page: the switches (everywhere, this site), what was learned, and forgetting it. */
export function LearningControls(props: LearningControlsProps) {
  const { site, learning, siteLearning, blocked, page, busy, message } = props;
  const [confirming, setConfirming] = useState(false);
  const counts = page?.counts;
  return (
    <section class="learning" aria-labelledby="learning-h">
      <h2 id="learning-h">Learning from pages</h2>
      {blocked ? (
        <p class="learning-note">{BLOCKED[blocked]}</p>
      ) : (
        <div class="learning-switches">
          <label>
            <input
              type="checkbox"
              checked={learning}
              disabled={busy}
              onChange={(e) => props.onLearningChange(e.currentTarget.checked)}
            />
            <span>Learn from the articles I read</span>
          </label>
          {site && (
            <label>
              <input
                type="checkbox"
                checked={siteLearning}
                disabled={busy || !learning}
                onChange={(e) => props.onSiteLearningChange(e.currentTarget.checked)}
              />
              <span>
                Learn on <strong>{site}</strong>
              </span>
            </label>
          )}
        </div>
      )}
      {page ? (
        <div class="learning-page">
          <p>
            {counts === 'counting'
              ? 'Counting what was learned from this page…'
              : counts
                ? `Learned from this page: ${plural(counts.statements, 'statement', 'statements')}, ${plural(
                    counts.events,
                    'dated event',
                    'dated events',
                  )}, ${plural(counts.names, 'new name', 'new names')} to review.`
                : 'This page is cached for offline reading; nothing was learned from it.'}
          </p>
          {page.partial && (
            <p class="learning-note">
              This page is very long: Backstory learned only from its first 100,000 characters.
            </p>
          )}
          {confirming ? (
            <p class="learning-confirm">
              <span id="forget-q">Forget “{page.title}” and everything learned from it?</span>{' '}
              <button
                type="button"
                class="danger"
                aria-describedby="forget-q"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  props.onForget();
                }}
              >
                Forget
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </p>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              Forget this page
            </button>
          )}
        </div>
      ) : (
        !blocked && <p class="learning-note">Nothing has been learned from this page.</p>
      )}
      <p class="learning-message" role="status">
        {message ?? ''}
      </p>
    </section>
  );
}
