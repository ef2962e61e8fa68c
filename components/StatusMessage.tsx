import type { ComponentChildren } from 'preact';

/** Shown only when a read is slow: a quick read goes straight to its content. */
export function Loading({ slow, what }: { slow: boolean; what: string }) {
  return (
    <p class="status" role="status" aria-busy="true">
      {slow ? `Reading ${what} from the cache…` : ''}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <div class="status error-box" role="alert">
      <p>
        <strong>Backstory could not read its cache.</strong> Nothing was lost; the read can be tried
        again.
      </p>
      <p class="error-detail">{error}</p>
      <button type="button" class="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** How knowledge arrives, for every "nothing known yet" message. */
export function HowKnowledgeArrives() {
  return (
    <p class="hint">
      Knowledge arrives with the bundled starter pack, from articles you read while learning is on,
      and from packs you import or subscribe to in the review page.
    </p>
  );
}
