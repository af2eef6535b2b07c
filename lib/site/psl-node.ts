import * as trie from 'tldts/dist/es6/src/data/trie.js';
import { createSuffixLookup, pslData, type SuffixLookup } from './psl';
import { siteWith } from './site';

/**
 * The Public Suffix List of the installed tldts, in memory, for Node: the build writes it to
 * `psl.json` (wxt.config.ts), and tests and benchmarks name sites with it. The extension never
 * imports this module; it loads `psl.json` (./psl-browser.ts).
 */
export const PSL = pslData(trie);

let lookup: SuffixLookup | undefined;

/** @internal The site of a URL (./site.ts), with the list in memory: for tests and benchmarks. */
export function siteOf(url: string): string {
  lookup ??= createSuffixLookup(PSL);
  return siteWith(lookup, url);
}
