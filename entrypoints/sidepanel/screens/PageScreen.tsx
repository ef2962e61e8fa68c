import { useEffect, useState } from 'preact/hooks';
import {
  type FoundItem,
  OnThisPageView,
  type PageStatus,
  type RevealState,
  revealKey,
} from '@/components/OnThisPageView';
import { getDb } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { getSettings } from '@/lib/settings/settings';
import { PageLearning } from '@/lib/ui/page-learning';
import { type FollowedTab, useLiveData } from '../hooks';
import { PackOffer } from '../PackOffer';

/** "On this page": what the followed tab's content script found, with the actors' kinds. */
export function PageScreen({ followed }: { followed: FollowedTab }) {
  const { tabId, report, loading } = followed;
  const [reveal, setReveal] = useState<Record<string, RevealState>>({});
  useEffect(() => setReveal({}), [tabId, report?.url, report?.updatedAt]);

  const actorIds = report?.actors.map((a) => a.id) ?? [];
  const live = useLiveData(
    async () => {
      const db = getDb();
      const [settings, actors] = await Promise.all([getSettings(db), db.actors.bulkGet(actorIds)]);
      return {
        paused: settings.paused,
        kinds: new Map(actors.flatMap((a) => (a ? [[a.id, a.kind]] : []))),
      };
    },
    [actorIds.join('\n')],
    { keepPrevious: true },
  );
  const ready = live.state.status === 'ready' ? live.state.value : undefined;

  let status: PageStatus;
  if (ready?.paused) status = 'paused';
  else if (loading) status = 'loading';
  else if (!report) status = 'unread';
  else status = report.status === 'active' ? 'active' : report.status;

  const items: FoundItem[] =
    status === 'active' && report
      ? [
          ...report.claims.map((c) => ({ kind: 'claim' as const, ...c })),
          ...report.actors.map((a) => ({
            kind: 'actor' as const,
            ...a,
            actorKind: ready?.kinds.get(a.id),
          })),
        ]
      : [];

  const onReveal = async (item: FoundItem) => {
    if (tabId === undefined) return;
    const key = revealKey(item);
    const before = reveal[key];
    const index = before?.found ? (before.index + 1) % Math.max(before.total, 1) : 0;
    const reply = await sendToBackground('tab/reveal', {
      tabId,
      target: { kind: item.kind, id: item.id },
      index,
    });
    const next: RevealState = reply.ok
      ? { index, total: reply.value.total, found: reply.value.found }
      : { index, total: 0, found: false };
    setReveal((r) => ({ ...r, [key]: next }));
  };

  return (
    <>
      <OnThisPageView
        status={status}
        pageTitle={report?.title}
        items={items}
        reveal={reveal}
        onReveal={onReveal}
      />
      <PackOffer tabId={tabId} />
      <PageLearning tabId={tabId} />
    </>
  );
}
