import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PackOffer as Offer, sendToBackground } from '@/lib/messaging';
import './pack-offer.css';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * A notice on "On this page" when the page in the tab the panel follows offers a Backstory pack
 * (<link rel="alternate" type="application/vnd.backstory.pack+json">). Backstory never
 * subscribes by itself: the user reviews the offer on the review page, or dismisses it.
 */
export function PackOffer({ tabId }: { tabId: number | undefined }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  useEffect(() => {
    setOffer(null);
    if (tabId === undefined) return;
    let live = true;
    const refresh = async () => {
      const reply = await sendToBackground('packs/offers', { tabId });
      if (live) setOffer(reply.ok ? (reply.value.find((o) => !o.subscribed) ?? null) : null);
    };
    void refresh();
    // Offers are kept per tab in session storage: a new report or a subscription changes them.
    const onChanged = (_c: unknown, area: string) => {
      if (area === 'session') void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  if (!offer) return null;

  const review = () => {
    const query = `subscribe=${encodeURIComponent(offer.url)}&from=${encodeURIComponent(offer.pageUrl)}`;
    void browser.tabs.create({
      url: `${browser.runtime.getURL('/review.html')}#/sources?${query}`,
    });
  };
  const dismiss = () => {
    setOffer(null);
    void sendToBackground('packs/offer/dismiss', { tabId: offer.tabId, url: offer.url });
  };
  return (
    <aside class="pack-offer" aria-label="A pack offered by this page">
      <p>
        <strong>{hostOf(offer.pageUrl)}</strong> offers a Backstory pack
        {offer.title ? (
          <>
            : <q>{offer.title}</q>
          </>
        ) : null}
        .
      </p>
      <p class="pack-offer-detail">
        Subscribing would fetch it, and later its updates, from {hostOf(offer.url)}. Nothing is
        fetched unless you choose to.
      </p>
      <p class="pack-offer-actions">
        <button type="button" onClick={review}>
          Review and subscribe…
        </button>
        <button type="button" onClick={dismiss}>
          Not now
        </button>
      </p>
    </aside>
  );
}
