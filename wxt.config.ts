import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { TABLE_FILE } from './lib/match/common-words';
import { GENERATED } from './scripts/lib/common-words';
import { quietContentScriptContext } from './scripts/lib/quiet-context';

// A fixed key gives the unpacked extension a stable id in Chromium (tests, demo, bookmarks of
// the review page). It is a public key only; the matching private key is not used anywhere.
const DEV_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtKr5SsjX/S7iwHcF6VOZhA0VfswPF//JvFYU5abdW2cCSXs6QtjRP3Bua92d3EodFX86BZO6t5lUofRMhCXJYl0YydnstX0B0JgzqruY1mHkuhCeK8TxhWtzUYe9y5mae4MX6ljkVb81v/E9ZXPSLupXr6lZdffWtNQtyShL6SIh4n72Joq5dM3ucusuW2FTw0fDSlbGxX1nMgxMTcGHhc7aFNeo9qZ7fJ0NA/ZNixDltqZbCANQ3AmaKuflQMVU8J2+Y2vFHKQQlb6T66ru04G8bxfcFqtaO+DaXkFBtVaUH1y7x7amD/7ut9r17WrLPgP+wFbYK5/YrYU3ol18LwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The alias rule's common words, a file of the extension rather than code of the background
    // (lib/match/common-words.ts reads it at the first compile).
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: GENERATED, relativeDest: TABLE_FILE });
    },
  },
  vite: () => ({
    plugins: [
      preact(),
      quietContentScriptContext(),
      {
        // zod 4 ships comments Rollup cannot place; harmless, and noise in every build. Filtered
        // by a plugin's log hook: a `build.rollupOptions.onwarn` filter here let all 12 through.
        name: 'backstory:quiet-zod-annotations',
        onLog: (_level, log) =>
          !(log.code === 'INVALID_ANNOTATION' && log.id?.includes('node_modules/zod')),
      },
    ],
  }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'News in context: who said what, who denied it, and the history behind it — highlighted where you read and write.',
    ...(browser === 'chrome' ? { key: DEV_KEY, minimum_chrome_version: '116' } : {}),
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      ...(browser === 'chrome' ? ['sidePanel', 'offscreen'] : []),
    ],
    // Subscribed packs are fetched by the background: https anywhere, http only on this machine.
    host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: 'Backstory' },
    // Keyboard commands (change them at chrome://extensions/shortcuts). The content script also
    // answers the highlight keys on the page when the browser did not bind them.
    commands: {
      'add-note': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Add a note on the selected text',
      },
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next Backstory highlight and show its card',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous Backstory highlight and show its card',
      },
      // A shortcut to open the panel: through the toolbar button on Chrome (which opens the side
      // panel, see setPanelBehavior), straight to the sidebar on Firefox.
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the Backstory panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              strict_min_version: '140.0',
              // Backstory collects nothing: everything stays in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
