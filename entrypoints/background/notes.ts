import { browser } from 'wxt/browser';
import { type BackstoryDB, isQuotaError, pageByUrl, savePageCopy } from '@/lib/db';
import { type BackgroundHandlers, sendToTab } from '@/lib/messaging';
import { sameSite } from '@/lib/model';
import { createNote, notesForPage } from '@/lib/notes/store';
import { getSettings, pagePolicy } from '@/lib/settings/settings';
import type { MenuItem } from './context-menu';
import { pageSettings } from './page-settings';
import { type ReadCopy, readCopyInBackground } from './reading-copy';

export const ADD_NOTE_MENU_ID = 'backstory-add-note';
export const ADD_NOTE_COMMAND = 'add-note';

type NoteHandlers = Pick<BackgroundHandlers, 'notes/for-page' | 'notes/create' | 'review/open'>;

/** The sender's own page address, which a content script's request must stay on. */
const senderPage = (sender: { url?: string; tab?: { url?: string } }) =>
  sender.url ?? sender.tab?.url;

/** `readCopy` reads a page's reading copy from its HTML (tests give their own). */
export function noteHandlers(
  db: () => Promise<BackstoryDB>,
  readCopy: ReadCopy = readCopyInBackground,
): NoteHandlers {
  return {
    'notes/for-page': async ({ url }, sender) => {
      const page = senderPage(sender);
      // A content script may only read the notes of its own site.
      if (!page || !sameSite(url, page)) return { show: false, canCreate: false, notes: [] };
      const d = await db();
      const policy = pagePolicy(await pageSettings(d), page);
      if (!policy.highlight) return { show: false, canCreate: false, notes: [] };
      return {
        show: true,
        // Private windows never write: reading the notes already kept is all they get.
        canCreate: !sender.tab?.incognito,
        notes: await notesForPage(d, url),
      };
    },

    'notes/create': async ({ body, tags, target, html }, sender) => {
      const page = senderPage(sender);
      if (!page || !sameSite(target.url, page)) throw new Error('A note must be on its own page.');
      if (sender.tab?.incognito) throw new Error('Backstory keeps no notes in private windows.');
      const d = await db();
      if (!pagePolicy(await getSettings(d), page).highlight)
        throw new Error('Backstory is switched off on this site.');
      const note = await createNote(d, { body, tags, target });
      // Taking a note is the user's own act: the page's reading copy is kept with it even when
      // learning is off, so the note can be read in context offline. An existing copy is kept.
      // The page sent its HTML; the copy is read here (the offscreen reader), not on the page.
      // The note is saved by now: a copy that cannot be kept is a warning, not a failed note
      // (which the reader would save again, twice).
      if (html !== undefined) {
        try {
          if (!(await pageByUrl(d, target.url))) {
            const copy = await readCopy(html, page);
            if (copy && copy.url === target.url) {
              await savePageCopy(d, copy, { actorIds: [], claimIds: [] });
            }
          }
        } catch (error) {
          return {
            note,
            warning: isQuotaError(error)
              ? "Note saved. The page's reading copy was not kept: the browser's storage for Backstory is full."
              : "Note saved. The page's reading copy could not be kept.",
          };
        }
      }
      return { note };
    },

    'review/open': async ({ noteId }) => {
      const hash = noteId ? `#/notes?note=${encodeURIComponent(noteId)}` : '#/notes';
      await browser.tabs.create({ url: browser.runtime.getURL(`/review.html${hash}`) });
      return {};
    },
  };
}

/** Asks the tab's content script to open the note editor on its selection. */
function compose(tabId: number | undefined) {
  if (tabId === undefined || tabId < 0) return;
  void sendToTab(tabId, 'notes/compose', {}).then((reply) => {
    if (!reply.ok) console.warn('[Backstory] Could not open the note editor:', reply.error);
  });
}

/** "Add a Backstory note" on a selection: opens the note editor in the page. */
export const addNoteItem: MenuItem = {
  id: ADD_NOTE_MENU_ID,
  title: 'Add a Backstory note',
  contexts: ['selection'],
  onClick(_info, tab) {
    compose(tab?.id);
  },
};

/** The "Add note" keyboard command (manifest `commands`). */
export function registerNoteCommand(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== ADD_NOTE_COMMAND) return;
    if (tab?.id !== undefined) return compose(tab.id);
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => compose(active?.id));
  });
}
