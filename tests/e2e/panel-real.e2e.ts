import { test } from './harness';
import { clickHighlight, waitInSidePanel } from './panel-helpers';

const H1 = 'document.querySelector("h1")?.textContent';

test('in the real side panel: a click shows the actor, and the page list follows the active tab', async (t) => {
  const harbour = await t.open('articles/harbour-ledger-talks.html');
  const atlas = await t.open('articles/atlas-review-timeline.html');
  await harbour.bringToFront();
  await clickHighlight(t, harbour, 'Trump');
  await waitInSidePanel(harbour, H1, 'Donald Trump');

  // A second click, on another name, replaces the view.
  await clickHighlight(t, harbour, 'de Cossio');
  await waitInSidePanel(harbour, H1, 'Carlos Fernández de Cossío');

  // "On this page" describes the active tab of the panel's window, and follows a switch.
  await waitInSidePanel(harbour, 'document.getElementById("tab-page").click(), true', true);
  await waitInSidePanel(harbour, `${H1}.includes("Harbour Ledger")`, true);
  await atlas.bringToFront();
  await waitInSidePanel(atlas, `${H1}.includes("Atlas Review")`, true);
  await waitInSidePanel(
    atlas,
    '[...document.querySelectorAll(".found-name")].some((b) => b.textContent === "Fulgencio Batista")',
    true,
  );
});
