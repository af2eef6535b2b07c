/**
 * `npm run fixtures:compare`: what the extension's diagnosis says about each recorded
 * real-server fixture, next to the set-up's truth. The counts are the "before" (or "after")
 * figures for issue 12; the table shows where they differ.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnose } from '../../../lib/diagnosis/diagnose';
import type { ResponseFixture } from '../../fixtures/responses/index';
// The corpus's NOW (index.ts exports it too, but loads its fixtures through Vite's import.meta.glob).
import { FIXED_DATE as NOW } from './fixture';

const DIR = resolve(import.meta.dirname, '../../fixtures/responses');
const files = readdirSync(DIR)
  .filter((f) => f.startsWith('real-') && f.endsWith('.ts'))
  .sort();

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const score = { chain: 0, failing: 0, cause: 0, all: 0 };
const rows: string[][] = [['fixture', 'chain (code | truth)', 'failing (code | truth)', 'cause (code | truth)']];
for (const file of files) {
  const fixture = ((await import(pathToFileURL(join(DIR, file)).href)) as { default: ResponseFixture }).default;
  const d = diagnose(fixture.input, NOW);
  const chain = d.chain.map((l) => l.id);
  const failing = d.failing === null ? null : (d.chain[d.failing]?.id ?? null);
  const cause = d.causes[0]?.id ?? null;
  const ok = {
    chain: same(chain, fixture.expect.chain),
    failing: failing === fixture.expect.failing,
    cause: cause === fixture.expect.cause,
  };
  score.chain += Number(ok.chain);
  score.failing += Number(ok.failing);
  score.cause += Number(ok.cause);
  score.all += Number(ok.chain && ok.failing && ok.cause);
  const mark = (good: boolean, code: string, truth: string) => (good ? `✓ ${code}` : `✗ ${code} | ${truth}`);
  rows.push([
    file.replace(/^real-|\.ts$/g, ''),
    mark(ok.chain, chain.join('→') || '(none)', fixture.expect.chain.join('→')),
    mark(ok.failing, String(failing), String(fixture.expect.failing)),
    mark(ok.cause, String(cause), fixture.expect.cause),
  ]);
}

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
const n = files.length;
console.log(
  `\n${n} recorded fixtures. Right chain: ${score.chain}/${n}; right failing layer: ${score.failing}/${n}; right cause: ${score.cause}/${n}; all three: ${score.all}/${n}.`,
);
