import type { BackstoryDB } from '@/lib/db';
import { claimsByClaimant, countStatementsBySpeaker, linksByClaim, savePageCopy } from '@/lib/db';
import { type BackgroundHandlers, sendToTab } from '@/lib/messaging';
import { sameSite } from '@/lib/model';
import { getSettings, pagePolicy, updateSettings } from '@/lib/settings/settings';
import { refreshAllTabs } from './broadcast';
import { claimCard } from './claim-card';
import { matchTexts } from './dictionary';
import { pageAsked } from './learn-queue';
import { learnAfterCapture, learningHandlers } from './learning';
import { noteHandlers } from './notes';
import { pageSettings, settingsWritten } from './page-settings';
import { openSidePanel, setPanelTarget } from './panel';
import { type Learn, learnInBackground, type ReadCopy, readCopyInBackground } from './reading-copy';
import { createPackHandlers } from './subscriptions';
import { getTabState, setTabState } from './tab-state';

/**
 * `readCopy` reads a page's reading copy from its HTML, `learn` learns from it (tests give their
 * own).
 */
export function createHandlers(
  db: () => Promise<BackstoryDB>,
  readCopy: ReadCopy = readCopyInBackground,
  learn: Learn = learnInBackground,
): BackgroundHandlers {
  return {
    ...learningHandlers(db),
    ...noteHandlers(db, readCopy),
    'page/match': async ({ texts }) => {
      pageAsked();
      const { engine, blocks } = await matchTexts(await db(), texts);
      return { version: engine.version, blocks, entities: engine.entitiesOf(blocks) };
    },

    'page/config': async ({ url }, sender) => {
      pageAsked();
      const policy = pagePolicy(await pageSettings(await db()), url);
      // Private windows never write to the cache.
      return sender.tab?.incognito ? { ...policy, learn: false } : policy;
    },

    'settings/get': async () => getSettings(await db()),

    'settings/update': async (change) => {
      const settings = await updateSettings(await db(), change);
      settingsWritten(settings);

      // Every open page checks its policy again: pausing or disabling a site clears it at once.
      void refreshAllTabs();
      return settings;
    },

    'panel/open': ({ target }, sender) => {
      // No await before this call: it needs the click's user gesture.
      const opened = openSidePanel(sender.tab?.windowId);
      const stored = setPanelTarget(target, sender.tab?.id);
      return Promise.all([opened, stored]).then(([ok]) => ({ opened: ok }));
    },

    'page/report': async (report, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await setTabState(tabId, report);
      return {};
    },

    'page/capture': async ({ html, foundActorIds, foundClaimIds }, sender) => {
      const pageUrl = sender.url ?? sender.tab?.url;
      // Private windows never write; nothing is read where learning is off.
      if (!pageUrl || sender.tab?.incognito) return { saved: false };
      const d = await db();
      if (!pagePolicy(await getSettings(d), pageUrl).learn) return { saved: false };
      const copy = await readCopy(html, pageUrl);
      // The copy must be of the sender's own site (a canonical link may point elsewhere).
      if (!copy || !sameSite(copy.url, pageUrl)) return { saved: false };
      const row = await savePageCopy(d, copy, { actorIds: foundActorIds, claimIds: foundClaimIds });
      await learnAfterCapture(
        d,
        row.id,
        copy,
        sender.tab?.id,
        foundActorIds.length + foundClaimIds.length > 0,
        learn,
      );
      return { saved: true, pageId: row.id };
    },

    'entity/card': async ({ target }) => {
      if (target.kind === 'claim') return claimCard(await db(), target.id);
      const d = await db();
      const actor = await d.actors.get(target.id);
      if (!actor) return null;
      const [statements, claims] = await Promise.all([
        countStatementsBySpeaker(d, actor.id),
        claimsByClaimant(d, actor.id),
      ]);
      const deniers = new Set<string>();
      for (const claim of claims) {
        const denials = await linksByClaim(d, claim.id, 'denies');
        const rows = await d.statements.bulkGet(denials.map((l) => l.statementId));
        for (const s of rows) if (s) deniers.add(s.speakerId ?? s.speakerLabel ?? s.id);
      }
      const role = actor.roles?.at(-1);
      return {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        ...(role ? { role: role.of ? `${role.title}, ${role.of}` : role.title } : {}),
        statements,
        claims: claims.length,
        deniedBy: deniers.size,
      };
    },

    'tab/state': ({ tabId }) => getTabState(tabId),

    'tab/reveal': async ({ tabId, target, index }) => {
      const reply = await sendToTab(tabId, 'highlights/reveal', { target, index });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },

    ...createPackHandlers(db),
  };
}
