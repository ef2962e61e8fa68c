import { useEffect, useState } from 'preact/hooks';
import { SearchView } from '@/components/SearchView';
import { ErrorMessage, Loading } from '@/components/StatusMessage';
import { getDb } from '@/lib/db';
import { searchForPanel } from '@/lib/search/search-panel';
import { useLiveData } from '../hooks';

/** Typing waits this long for the next key before searching. */
const DEBOUNCE_MS = 120;

export function SearchScreen(props: {
  query: string;
  onQuery: (query: string) => void;
  autoFocus: boolean;
}) {
  const [debounced, setDebounced] = useState(props.query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(props.query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [props.query]);
  const live = useLiveData(
    () => (debounced.trim() ? searchForPanel(getDb(), debounced) : Promise.resolve(undefined)),
    [debounced],
    { keepPrevious: true },
  );
  const { state } = live;
  return (
    <SearchView
      query={props.query}
      onQuery={props.onQuery}
      autoFocus={props.autoFocus}
      result={state.status === 'ready' ? state.value : undefined}
      status={
        state.status === 'loading' ? (
          <Loading slow={state.slow} what="results" />
        ) : state.status === 'error' ? (
          <ErrorMessage error={state.error} onRetry={live.retry} />
        ) : undefined
      }
    />
  );
}
