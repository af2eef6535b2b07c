import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'rolldown/experimental';
import { EXTENSION_DIR } from '../e2e/harness';
import { progress, type Row } from './stats';

/** Goal stated by the project for the background and the overlay, minified. */
const GOAL_KB = 40;

/** Bytes of one bundle (one file or several chunks), as built, gzipped and minified. */
interface Sizes {
  raw: number;
  gzip: number;
  minified: number;
}

/**
 * Minifies with oxc (through rolldown, which WXT's Vite already installs), as a store
 * build with minification on would. ES modules keep their top-level names, scripts do not.
 */
function sizesOf(files: readonly string[]): Sizes {
  const sizes: Sizes = { raw: 0, gzip: 0, minified: 0 };
  for (const file of files) {
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    const module = /^\s*(import|export)\b|\bexport\s*\{/m.test(code);
    const result = minifySync(file, code, { module, compress: true, mangle: true });
    if (result.errors.length > 0) throw new Error(`Could not minify ${file}: ${result.errors[0]?.message}`);
    sizes.raw += Buffer.byteLength(code);
    sizes.gzip += gzipSync(code, { level: 9 }).length;
    sizes.minified += Buffer.byteLength(result.code);
  }
  return sizes;
}

/**
 * The JS an HTML page loads: its module scripts and modulepreloads, then every chunk those
 * import, transitively. Paths relative to the extension's root.
 */
function pageScripts(html: string): string[] {
  const source = readFileSync(join(EXTENSION_DIR, html), 'utf8');
  const queue = [...source.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.join(posix.dirname(file), m[1] as string));
    }
  }
  return [...seen];
}

/** Figure 4: what each part of the extension weighs. */
export function benchBundleSizes(): Row[] {
  progress('figure 4: bundle sizes');
  const popup = pageScripts('popup.html');
  const bundles: [string, string[], boolean][] = [
    ['background.js', ['background.js'], true],
    // "Check from other networks": the Globalping client, which the background loads only when
    // a person asks for a check (lib/platform/lazy-script.ts), never on a worker's start.
    ['globalping.js (loaded when used)', ['globalping.js'], false],
    ['content-scripts/overlay.js', ['content-scripts/overlay.js'], true],
    [`popup.html JS (${popup.length} chunks)`, popup, false],
  ];
  const rows: Row[] = [];
  const group = '4 bundle size';
  for (const [name, files, hasGoal] of bundles) {
    const { raw, gzip, minified } = sizesOf(files);
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
    const goal = hasGoal ? `goal ≤ ${GOAL_KB} kB: ${minified <= GOAL_KB * 1000 ? 'met' : 'not met'}` : '';
    const already = minified > raw * 0.95 ? 'the build is already minified' : '';
    rows.push(
      { group, label: `${name}, as built`, value: raw, unit: 'B', runs: 1, note: kb(raw) },
      { group, label: `${name}, gzip -9`, value: gzip, unit: 'B', runs: 1, note: kb(gzip) },
      {
        group,
        label: `${name}, minified (oxc)`,
        value: minified,
        unit: 'B',
        runs: 1,
        note: [kb(minified), goal, already].filter(Boolean).join('; '),
      },
    );
  }
  return rows;
}
