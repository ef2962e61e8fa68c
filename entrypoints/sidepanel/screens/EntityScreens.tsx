import { useState } from 'preact/hooks';
import { ActorView } from '@/components/ActorView';
import { ClaimView } from '@/components/ClaimView';
import { HistoryView } from '@/components/HistoryView';
import { ErrorMessage } from '@/components/StatusMessage';
import { getDb } from '@/lib/db';
import {
  ACTOR_LIMITS,
  actorDetails,
  actorHead,
  actorHistory,
  actorsById,
  CLAIM_LIMITS,
  claimContext,
  claimHead,
  timeline,
} from '@/lib/db/panel-queries';
import { EntityNotes } from '@/lib/ui/EntityNotes';
import { type LiveState, useLiveData } from '../hooks';
import { Loaded } from './Loaded';

function Gone({ what }: { what: string }) {
  return (
    <div class="empty" role="status">
      <p>This {what} is not in the cache any more. It may have been removed with its pack.</p>
    </div>
  );
}

/** One message for the parts of a view that failed to read, and one retry for all of them. */
function PartsError({ parts }: { parts: { state: LiveState<unknown>; retry: () => void }[] }) {
  const failed = parts.filter((p) => p.state.status === 'error');
  const first = failed[0]?.state;
  if (first?.status !== 'error') return null;
  const retry = () => {
    for (const p of failed) p.retry();
  };
  return <ErrorMessage error={first.error} onRetry={retry} />;
}

export function ActorScreen({ id }: { id: string }) {
  const [shown, setShown] = useState<number>(ACTOR_LIMITS.statements);
  const opts = { statements: shown };
  // The head is the first screen; the details fill in the rest when they are read.
  const head = useLiveData(() => actorHead(getDb(), id, opts), [id, shown], { keepPrevious: true });
  // Read after the head, so the first screen does not share the database or the CPU with them.
  const headReady = head.state.status === 'ready';
  const details = useLiveData(
    () => (headReady ? actorDetails(getDb(), id, opts) : Promise.resolve(undefined)),
    [id, shown, headReady],
    { keepPrevious: true },
  );
  // The history does not depend on how many statements are shown.
  const history = useLiveData(
    () => (headReady ? actorHistory(getDb(), id) : Promise.resolve(undefined)),
    [id, headReady],
    { keepPrevious: true },
  );
  return (
    <Loaded live={head} what="this actor">
      {(value) =>
        value ? (
          <>
            <ActorView
              head={value}
              details={details.state.status === 'ready' ? details.state.value : undefined}
              history={history.state.status === 'ready' ? history.state.value : undefined}
              onMoreStatements={() => setShown((n) => n + 50)}
            />
            <EntityNotes entityType="actor" entityId={id} />
            <PartsError parts={[details, history]} />
          </>
        ) : (
          <Gone what="actor" />
        )
      }
    </Loaded>
  );
}

export function ClaimScreen({ id }: { id: string }) {
  const [perStance, setPerStance] = useState<number>(CLAIM_LIMITS.perStance);
  const head = useLiveData(() => claimHead(getDb(), id, { perStance }), [id, perStance], {
    keepPrevious: true,
  });
  const headReady = head.state.status === 'ready';
  const context = useLiveData(
    () => (headReady ? claimContext(getDb(), id) : Promise.resolve(undefined)),
    [id, headReady],
    { keepPrevious: true },
  );
  return (
    <Loaded live={head} what="this claim">
      {(value) =>
        value ? (
          <>
            <ClaimView
              head={value}
              context={context.state.status === 'ready' ? context.state.value : undefined}
              onMore={() => setPerStance((n) => n * 4)}
            />
            <EntityNotes entityType="claim" entityId={id} />
            {context.state.status === 'error' && (
              <ErrorMessage error={context.state.error} onRetry={context.retry} />
            )}
          </>
        ) : (
          <Gone what="claim" />
        )
      }
    </Loaded>
  );
}

const HISTORY_PAGE = 50;

export function HistoryScreen({ actorIds }: { actorIds: string[] }) {
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const key = actorIds.join(',');
  const live = useLiveData(
    async () => {
      const db = getDb();
      const [actors, page] = await Promise.all([
        actorsById(db, actorIds),
        timeline(db, { actorIds, limit }),
      ]);
      return { actors, page };
    },
    [key, limit],
    { keepPrevious: true },
  );
  return (
    <Loaded live={live} what="the timeline">
      {({ actors, page }) => (
        <HistoryView actors={actors} page={page} onMore={() => setLimit((n) => n + HISTORY_PAGE)} />
      )}
    </Loaded>
  );
}
