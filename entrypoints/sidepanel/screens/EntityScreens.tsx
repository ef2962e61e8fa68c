import { useState } from 'preact/hooks';
import { ActorView } from '@/components/ActorView';
import { ClaimView } from '@/components/ClaimView';
import { HistoryView } from '@/components/HistoryView';
import { getDb } from '@/lib/db';
import { ACTOR_LIMITS, actorPanel, actorsById, claimPanel, timeline } from '@/lib/db/panel-queries';
import { useLiveData } from '../hooks';
import { Loaded } from './Loaded';

function Gone({ what }: { what: string }) {
  return (
    <div class="empty" role="status">
      <p>This {what} is not in the cache any more. It may have been removed with its pack.</p>
    </div>
  );
}

export function ActorScreen({ id }: { id: string }) {
  const [shown, setShown] = useState<number>(ACTOR_LIMITS.statements);
  const live = useLiveData(() => actorPanel(getDb(), id, { statements: shown }), [id, shown], {
    keepPrevious: true,
  });
  return (
    <Loaded live={live} what="this actor">
      {(data) =>
        data ? (
          <ActorView
            data={data}
            onMoreStatements={() => setShown((n) => n + ACTOR_LIMITS.statements)}
          />
        ) : (
          <Gone what="actor" />
        )
      }
    </Loaded>
  );
}

export function ClaimScreen({ id }: { id: string }) {
  const live = useLiveData(() => claimPanel(getDb(), id), [id]);
  return (
    <Loaded live={live} what="this claim">
      {(data) => (data ? <ClaimView data={data} /> : <Gone what="claim" />)}
    </Loaded>
  );
}

const HISTORY_PAGE = 100;

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
