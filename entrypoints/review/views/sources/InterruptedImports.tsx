import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { discardImport } from '@/lib/packs/import';
import { runningImports } from '@/lib/packs/import-lock';
import { useLive } from '@/lib/ui/use-live';
import { errorText } from './util';

/**
 * The imports some context is writing now, by their Web Locks (released when a page closes or a
 * worker stops), checked every second; null until known, undefined where there are no Web Locks.
 */
function useRunningImports(): string[] | null | undefined {
  const [running, setRunning] = useState<string[] | null | undefined>(null);
  useEffect(() => {
    let alive = true;
    const check = () =>
      void runningImports().then((owners) => {
        if (!alive) return;
        const next = owners ? [...owners].sort() : undefined;
        setRunning((was) => (String(was) === String(next) && was !== null ? was : next));
      });
    check();
    const timer = setInterval(check, 1000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return running;
}

/** Imports that stopped half-way (the tab closed, the disk filled): finish or discard them. */
export function InterruptedImports() {
  const journals = useLive(() => getDb().imports.toArray(), []);
  const running = useRunningImports();
  const [error, setError] = useState<string | null>(null);
  if (journals.status !== 'ready' || running === null) return null;
  const stopped = journals.value.filter((j) =>
    running ? !running.includes(j.owner) : j.leaseUntil < Date.now(),
  );
  if (stopped.length === 0) return null;
  return (
    <section class="panel warning" aria-labelledby="interrupted-h">
      <h2 id="interrupted-h">Imports that did not finish</h2>
      <ul>
        {stopped.map((j) => {
          const pct = j.total > 0 ? Math.floor((j.done / j.total) * 100) : 0;
          return (
            <li key={j.owner}>
              <p>
                The import of “{j.name}” (version {j.version}
                {j.fileName ? `, ${j.fileName}` : ''}) stopped at {pct}%.{' '}
                {j.sourceUrl
                  ? 'It will be finished at the next refresh of its subscription.'
                  : 'Import the same file again to finish it.'}
                {j.fresh
                  ? ' Or discard it: what it wrote so far is removed.'
                  : ' Until then the pack is partly updated.'}
              </p>
              {j.fresh && (
                <button
                  type="button"
                  onClick={() =>
                    void discardImport(getDb(), j.owner).catch((e) => setError(errorText(e)))
                  }
                >
                  Discard this import
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
