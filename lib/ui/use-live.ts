import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type Live<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: string };

/**
 * Runs a Dexie query and re-runs it whenever the rows it read change — in this context or any
 * other (another tab learning, the review page importing). `deps` restart the subscription.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    setState({ status: 'loading' });
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) =>
        setState({
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
