import { defineConfig } from 'wxt';

// See README "Permissions" for why each one is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  manifest: {
    name: '5xx Explainer',
    description:
      'Explains server errors (500, 502, 503, 504…) in plain words: what broke, what you can do, and a record for support.',
    permissions: ['webRequest', 'webNavigation', 'scripting', 'storage'],
    host_permissions: ['<all_urls>'],
    action: { default_title: '5xx Explainer' },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
});
