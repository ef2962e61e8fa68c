import type { ComponentChildren } from 'preact';
import { ErrorMessage, Loading } from '@/components/StatusMessage';
import type { LiveState } from '../hooks';

/** Renders a live read: nothing for a quick read, a short status for a slow one, or the error. */
export function Loaded<T>(props: {
  live: { state: LiveState<T>; retry: () => void };
  what: string;
  children: (value: T) => ComponentChildren;
}) {
  const { state, retry } = props.live;
  if (state.status === 'loading') return <Loading slow={state.slow} what={props.what} />;
  if (state.status === 'error') return <ErrorMessage error={state.error} onRetry={retry} />;
  return <>{props.children(state.value)}</>;
}
