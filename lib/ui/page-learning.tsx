import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type LearnedCounts, LearningControls } from '@/components/LearningControls';
import { type BackstoryDB, getDb } from '../db';
import type { LearningStatus } from '../learn/messages';
import { sendToBackground } from '../messaging/client';
import { fromPage } from '../model';
import { getSettings } from '../settings/settings';
import { useLive } from './use-live';

/** What was learned from one source, counted live. */
export async function learnedCounts(db: BackstoryDB, sourceId: string): Promise<LearnedCounts> {
  const mine = fromPage(sourceId);
  const [statements, events, names] = await Promise.all([
    db.statements.where('_sourceIds').equals(sourceId).count(),
    db.events.where('sourceIds').equals(sourceId).count(),
    db.actors
      .where('provenance')
      .equals(mine)
      .filter((a) => a.status === 'candidate')
      .count(),
  ]);
  return { statements, events, names };
}

/**
 * The side panel's learning controls for the tab the panel follows: mount it in the On-this-page
 * view with `<PageLearning tabId={…} />`. Reads the tab's learning status from the background, counts what was
 * learned live from the cache, and changes settings or forgets through the background.
 */
export function PageLearning({ tabId }: { tabId: number | undefined }) {
  const [status, setStatus] = useState<LearningStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (tabId === undefined) return;
    const reply = await sendToBackground('learning/status', { tabId });
    setStatus(reply.ok ? reply.value : null);
    if (!reply.ok) setMessage(`Could not read the learning settings: ${reply.error}`);
  }, [tabId]);

  useEffect(() => {
    void refresh();
    // A page captured or forgotten elsewhere, or the tab navigating, changes what to show.
    const onStorage = (_c: unknown, area: string) => {
      if (area === 'session') void refresh();
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') void refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [refresh, tabId]);

  const sourceId = status?.page?.sourceId;
  const counts = useLive(
    () => (sourceId ? learnedCounts(getDb(), sourceId) : Promise.resolve(null)),
    [sourceId],
  );

  const update = async (change: { learning?: boolean; site?: boolean }) => {
    if (!status) return;
    // Show the switch where the user put it at once; a failure puts it back below.
    setStatus({
      ...status,
      ...(change.learning !== undefined ? { learning: change.learning } : {}),
      ...(change.site !== undefined ? { siteLearning: change.site } : {}),
    });
    setBusy(true);
    const settings = await getSettings(getDb());
    const site = status.site;
    const sites = new Set(settings.learningDisabledSites);
    if (change.site !== undefined && site) {
      if (change.site) sites.delete(site);
      else sites.add(site);
    }
    const reply = await sendToBackground('settings/update', {
      ...(change.learning !== undefined ? { learning: change.learning } : {}),
      learningDisabledSites: [...sites],
    });
    setBusy(false);
    if (!reply.ok) {
      setMessage(`The setting was not saved: ${reply.error}`);
      await refresh();
      return;
    }
    setMessage(
      change.learning !== undefined
        ? `Learning from articles is ${change.learning ? 'on' : 'off'}.`
        : `Learning on ${site} is ${change.site ? 'on' : 'off'}.`,
    );
    await refresh();
  };

  const forget = async () => {
    const page = status?.page;
    if (!page) return;
    setBusy(true);
    const reply = await sendToBackground('page/forget', { pageId: page.id });
    setBusy(false);
    setMessage(
      reply.ok
        ? `Forgot “${page.title}”: ${reply.value.deleted} items removed, ${reply.value.updated} kept from other sources.`
        : `Nothing was forgotten: ${reply.error}`,
    );
    await refresh();
  };

  if (!status) return null;
  return (
    <LearningControls
      site={status.site}
      learning={status.learning}
      siteLearning={status.siteLearning}
      blocked={status.incognito ? 'incognito' : status.blocked}
      page={
        status.page
          ? {
              title: status.page.title,
              ...(status.page.partial ? { partial: true } : {}),
              counts:
                counts.status === 'ready'
                  ? counts.value
                  : counts.status === 'loading' && sourceId
                    ? 'counting'
                    : null,
            }
          : null
      }
      busy={busy}
      message={message}
      onLearningChange={(on) => void update({ learning: on })}
      onSiteLearningChange={(on) => void update({ site: on })}
      onForget={() => void forget()}
    />
  );
}
