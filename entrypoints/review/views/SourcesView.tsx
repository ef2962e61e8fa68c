import { useEffect, useState } from 'preact/hooks';
import { ExportPanel } from './sources/ExportPanel';
import { ImportPanel } from './sources/ImportPanel';
import { InterruptedImports } from './sources/InterruptedImports';
import { OffersPanel } from './sources/OffersPanel';
import { PackList } from './sources/PackList';
import { SubscribePanel } from './sources/SubscribePanel';
import './sources/sources.css';

/** An offer to review, from the address (review.html#/sources?subscribe=URL&from=PAGE). */
function offerFromHash(): { url: string; from?: string } | undefined {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const url = query.get('subscribe');
  const from = query.get('from');
  return url ? { url, ...(from ? { from } : {}) } : undefined;
}

/**
 * Sources of knowledge: the packs Backstory has loaded and where they come from; importing a
 * file (a pack or fact-check markup), subscribing to an address, exporting, removing.
 */
export function SourcesView() {
  const [offered, setOffered] = useState(offerFromHash);
  useEffect(() => {
    const onHash = () => setOffered(offerFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <section class="sources" aria-labelledby="sources-h">
      <h1 id="sources-h">Sources of knowledge</h1>
      <p class="lede">
        What Backstory knows comes from packs: the starter pack, files you import, and addresses you
        subscribe to. Every row remembers where it came from, so a pack can be updated or removed
        without touching the others or your own edits.
      </p>
      <InterruptedImports />
      <OffersPanel
        onChoose={(o) => {
          location.hash = `#/sources?subscribe=${encodeURIComponent(o.url)}&from=${encodeURIComponent(o.pageUrl)}`;
        }}
      />
      <div class="sources-grid">
        <ImportPanel />
        <SubscribePanel key={offered?.url ?? ''} {...(offered ? { offered } : {})} />
      </div>
      <PackList />
      <ExportPanel />
    </section>
  );
}
