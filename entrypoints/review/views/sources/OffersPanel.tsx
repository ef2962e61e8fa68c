import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PackOffer, sendToBackground } from '@/lib/messaging';

/** Packs offered by the pages open now: listed, never followed without the user. */
export function OffersPanel({ onChoose }: { onChoose: (offer: PackOffer) => void }) {
  const [offers, setOffers] = useState<PackOffer[]>([]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const reply = await sendToBackground('packs/offers', {});
      if (live) setOffers(reply.ok ? reply.value.filter((o) => !o.subscribed) : []);
    };
    void load();
    const onChanged = (_c: unknown, area: string) => {
      if (area === 'session') void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  if (offers.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="offers-h">
      <h2 id="offers-h">Packs offered by open pages</h2>
      <ul class="offer-list">
        {offers.map((o) => (
          <li key={`${o.tabId}-${o.url}`}>
            <p>
              <strong>{o.title ?? o.url}</strong> — offered by {o.pageTitle ?? o.pageUrl}
            </p>
            <p class="muted">{o.url}</p>
            <button type="button" onClick={() => onChoose(o)}>
              Review this offer
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
