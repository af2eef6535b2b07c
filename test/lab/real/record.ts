/**
 * `npm run fixtures:record [-- <setup>… ] [--skip-missing]`: starts each real-server set-up,
 * asks it for its page once as a browser navigation would, and writes what came back into
 * test/fixtures/responses/real-<setup>.ts with the set-up's truth as `expect`.
 *
 * A missing Debian package stops it with the command that installs it, unless --skip-missing
 * is given, in which case those set-ups are left out (and named).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixtureSource, normalise } from './fixture';
import { browserGet, cannotRun, startSetup } from './lab';
import { installCommand, type RealPackage } from './packages';
import { SETUPS } from './setups';
import { closeAllOnSignals, Workspace } from './workspace';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'test/fixtures/responses');

const args = process.argv.slice(2);
const skipMissing = args.includes('--skip-missing');
const names = args.filter((a) => !a.startsWith('--'));
const chosen = names.length === 0 ? SETUPS : SETUPS.filter((s) => names.includes(s.name));
for (const name of names) if (!SETUPS.some((s) => s.name === name)) throw new Error(`No set-up named ${name}`);

closeAllOnSignals();

const blocked = chosen.map((setup) => ({ setup, why: cannotRun(setup) })).filter((b) => b.why !== null);
if (blocked.length > 0) {
  const packages = [...new Set(blocked.flatMap((b) => b.why?.packages ?? []))] as RealPackage[];
  for (const b of blocked) console.error(`cannot run ${b.setup.name}: ${b.why?.reason}`);
  if (packages.length > 0) console.error(`Install the missing packages with: ${installCommand(packages)}`);
  if (!skipMissing) {
    console.error('Nothing recorded. Pass --skip-missing to record the other set-ups only.');
    process.exit(1);
  }
}
const runnable = chosen.filter((s) => !blocked.some((b) => b.setup === s));

const day = new Date().toISOString().slice(0, 10);
const began = performance.now();
const written: string[] = [];
const rows: string[] = [];
for (const setup of runnable) {
  const t0 = performance.now();
  const ws = new Workspace(setup.name);
  try {
    const started = await startSetup(ws, setup);
    const startMs = performance.now() - t0;
    const answer = await browserGet(started);
    const fixed = normalise(answer, started.url, ws.allocatedPorts());
    const file = join(OUT, `real-${setup.name}.ts`);
    writeFileSync(file, fixtureSource(setup, fixed.answer, fixed.url, day));
    written.push(file);
    rows.push(
      `${setup.name.padEnd(34)} ${answer.statusLine.padEnd(36)} start ${String(Math.round(startMs)).padStart(5)} ms, answer ${String(answer.durationMs).padStart(5)} ms`,
    );
    console.log(rows.at(-1));
  } finally {
    await ws.close();
  }
}

if (written.length > 0) {
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', ...written], { stdio: 'ignore' });
}
console.log(
  `\nRecorded ${written.length} fixture${written.length === 1 ? '' : 's'} in ${((performance.now() - began) / 1000).toFixed(1)} s` +
    (blocked.length > 0 ? `; skipped ${blocked.map((b) => b.setup.name).join(', ')}` : ''),
);
