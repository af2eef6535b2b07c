import { defineConfig } from 'wxt';
import { PSL } from './lib/site/psl-node';

// See README "Permissions" for why each one is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'webRequest',
      'webNavigation',
      'scripting',
      'storage',
      'alarms',
      // "Copy details for support" copies from an extension context, never the page, and with no
      // click of its own there: Firefox's background page writes with clipboardWrite; Chromium's
      // service worker has an offscreen document do it, which needs both (lib/platform/clipboard.ts).
      'clipboardWrite',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: ['<all_urls>'],
    optional_permissions: ['notifications'],
    // "Check from other networks" (off by default): asked for when the person agrees to send a
    // failing site's address to Globalping's API, and only then (README, Privacy).
    optional_host_permissions: ['https://api.globalping.io/*'],
    action: { default_title: '__MSG_extName__' },
    // Firefox's default for Manifest V3 pages adds upgrade-insecure-requests, which would turn a
    // check of an http:// site into one of https:// (another address). Chromium's has none.
    ...(browser === 'firefox' ? { content_security_policy: { extension_pages: "script-src 'self'" } } : {}),
  }),
  // Firefox gets the same MV3 extension as Chrome (WXT would default to MV2 there): one manifest
  // shape (`action`, `host_permissions`), one event-driven background whose state survives in
  // `storage.session`, and MV2's end in sight. See README "Firefox".
  manifestVersion: 3,
  // Both are set by the hook below (Chrome would warn about a `browser_specific_settings` key);
  // WXT checks for them before hooks run.
  suppressWarnings: { firefoxId: true, firefoxDataCollection: true },
  hooks: {
    // The Public Suffix List, as data the background loads on its first failure instead of
    // carrying tldts's 250 kB in its bundle (lib/site/psl-browser.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({
        relativeDest: 'psl.json',
        contents: JSON.stringify(PSL),
      });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      manifest.browser_specific_settings = {
        gecko: {
          // Fixed, so that storage, the log and granted permissions survive reinstalls and updates.
          id: '5xx-explainer@fivexx-explainer',
          // 140, an ESR: grants MV3 host permissions at install (from 127; before, a person had to
          // allow each site) and reads data_collection_permissions. Nothing is collected: the log
          // stays on the machine.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      } as typeof manifest.browser_specific_settings;
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});
