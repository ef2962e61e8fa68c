import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ActorView } from '@/components/ActorView';
import { ClaimView } from '@/components/ClaimView';
import { getDb } from '@/lib/db';
import { type EntityRef, PanelTarget, sendToBackground, type TabState } from '@/lib/messaging';
import { EntityNotes } from '@/lib/ui/EntityNotes';
import { useLive } from '@/lib/ui/use-live';
import { loadActor, loadClaim } from './data';
import { PackOffer } from './PackOffer';

const PANEL_TARGET_KEY = 'panel:target';

/** The entity the background asked the panel to show (a highlight click), kept current. */
function usePanelTarget(): [EntityRef | null, (ref: EntityRef | null) => void] {
  const [target, setTarget] = useState<EntityRef | null>(null);
  useEffect(() => {
    const fromUrl = new URLSearchParams(location.search);
    const kind = fromUrl.get('kind');
    const id = fromUrl.get('id');
    if ((kind === 'actor' || kind === 'claim') && id) setTarget({ kind, id });
    const apply = (value: unknown) => {
      const parsed = PanelTarget.safeParse(value);
      if (parsed.success) setTarget(parsed.data.target);
    };
    void browser.storage.session.get(PANEL_TARGET_KEY).then((v) => apply(v[PANEL_TARGET_KEY]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && changes[PANEL_TARGET_KEY])
        apply(changes[PANEL_TARGET_KEY].newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [target, setTarget];
}

/** What was found on the active tab of this window. */
function useActiveTabState(): TabState | null {
  const [state, setState] = useState<TabState | null>(null);
  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const reply = await sendToBackground('tab/state', { tabId: tab.id });
      if (!cancelled) setState(reply.ok ? reply.value : null);
    };
    void refresh();
    const onChanged = (_c: unknown, area: string) => {
      if (area === 'session') void refresh();
    };
    browser.tabs.onActivated.addListener(refresh);
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(refresh);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

function ActorPanel({ id, open }: { id: string; open: (ref: EntityRef) => void }) {
  const live = useLive(() => loadActor(getDb(), id), [id]);
  if (live.status === 'loading')
    return (
      <p class="status" role="status">
        Loading…
      </p>
    );
  if (live.status === 'error')
    return (
      <p class="status error" role="alert">
        Could not read the cache: {live.error}
      </p>
    );
  if (!live.value) return <p class="status">This actor is no longer in the cache.</p>;
  const d = live.value;
  return (
    <ActorView
      actor={d.actor}
      statements={d.statements}
      statementCount={d.statementCount}
      claimsMade={d.claimsMade}
      stances={d.stances}
      deniedBy={d.deniedBy}
      sourceLabel={d.sourceLabel}
      onOpenClaim={(claimId) => open({ kind: 'claim', id: claimId })}
    />
  );
}

function ClaimPanel({ id, open }: { id: string; open: (ref: EntityRef) => void }) {
  const live = useLive(() => loadClaim(getDb(), id), [id]);
  if (live.status === 'loading')
    return (
      <p class="status" role="status">
        Loading…
      </p>
    );
  if (live.status === 'error')
    return (
      <p class="status error" role="alert">
        Could not read the cache: {live.error}
      </p>
    );
  if (!live.value) return <p class="status">This claim is no longer in the cache.</p>;
  const d = live.value;
  return (
    <ClaimView
      claim={d.claim}
      claimantName={d.claimantName}
      linked={d.linked}
      sourceLabel={d.sourceLabel}
      onOpenActor={(actorId) => open({ kind: 'actor', id: actorId })}
    />
  );
}

function OnThisPage({ state, open }: { state: TabState | null; open: (ref: EntityRef) => void }) {
  if (!state || state.actors.length === 0) {
    return (
      <section class="view" aria-labelledby="page-h">
        <h1 id="page-h">On this page</h1>
        <p class="empty">
          Nothing Backstory knows is on this page yet. Knowledge arrives with the bundled starter
          pack, from articles you read, and from packs you import or subscribe to.
        </p>
      </section>
    );
  }
  return (
    <section class="view" aria-labelledby="page-h">
      <h1 id="page-h">On this page</h1>
      <ul class="found-list">
        {state.actors.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              class="link-button"
              onClick={() => open({ kind: 'actor', id: a.id })}
            >
              {a.name}
            </button>{' '}
            <span class="count" title={`${a.count} mentions`}>
              {a.count}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function App() {
  const [target, setTarget] = usePanelTarget();
  const tabState = useActiveTabState();
  return (
    <main>
      <PackOffer />
      <nav class="panel-nav" aria-label="Panel">
        <button
          type="button"
          class="link-button"
          onClick={() => setTarget(null)}
          disabled={!target}
        >
          On this page
        </button>
      </nav>
      {target?.kind === 'actor' && <ActorPanel id={target.id} open={setTarget} />}
      {target?.kind === 'claim' && <ClaimPanel id={target.id} open={setTarget} />}
      {target && <EntityNotes entityType={target.kind} entityId={target.id} />}
      {!target && <OnThisPage state={tabState} open={setTarget} />}
    </main>
  );
}
