import { browser } from 'wxt/browser';
import { createSuffixLookup, type PslData } from './psl';
import { siteWith } from './site';

/** Where the build puts the list (wxt.config.ts, hook `build:publicAssets`). */
const PSL_FILE = '/psl.json';

let loading: Promise<(url: string) => string> | undefined;

/**
 * The extension's `siteOf` (./site.ts). Touches the browser: the Public Suffix List is fetched
 * from the extension's own file the first time a failure needs a site, then kept for the
 * worker's (or page's) life, a few milliseconds again after a restart. Healthy browsing never
 * loads it.
 */
export function loadSiteOf(): Promise<(url: string) => string> {
  loading ??= fetch(browser.runtime.getURL(PSL_FILE as '/background.js'))
    .then((response) => response.json() as Promise<PslData>)
    .then((data) => {
      const lookup = createSuffixLookup(data);
      return (url: string) => siteWith(lookup, url);
    });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
