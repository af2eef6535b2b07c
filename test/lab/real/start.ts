/**
 * `npm run lab:real [-- <setup>…]`: starts real-server set-ups (all by default) and keeps them
 * running until Ctrl-C, printing how to point a browser at them. Everything it started stops
 * on Ctrl-C, and its temp directory goes.
 */
import { cannotRun, startSetups } from './lab';
import { installCommand } from './packages';
import { SETUPS } from './setups';
import { closeAllOnSignals, Workspace } from './workspace';

const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = names.length === 0 ? SETUPS : SETUPS.filter((s) => names.includes(s.name));
for (const name of names) if (!SETUPS.some((s) => s.name === name)) throw new Error(`No set-up named ${name}`);

closeAllOnSignals();
const runnable = chosen.filter((setup) => {
  const why = cannotRun(setup);
  if (why) {
    console.error(
      `skipping ${setup.name}: ${why.reason}${why.packages.length ? ` (${installCommand(why.packages)})` : ''}`,
    );
  }
  return !why;
});

const ws = new Workspace('start');
const began = performance.now();
try {
  const started = await startSetups(ws, runnable);
  console.log(`Started ${started.length} set-ups in ${((performance.now() - began) / 1000).toFixed(1)} s:`);
  for (const s of started) console.log(`  ${s.setup.name.padEnd(34)} ${s.url.padEnd(36)} 127.0.0.1:${s.port}`);
  const direct = started.filter((s) => !s.proxy).map((s) => `MAP ${s.host} 127.0.0.1:${s.port}`);
  console.log(`\nChromium: --host-resolver-rules="${direct.join(', ')}"`);
  for (const s of started.filter((s) => s.proxy)) {
    console.log(`Through the proxy: curl -x http://127.0.0.1:${s.port} ${s.url}   (${s.setup.name})`);
  }
  console.log('\nCtrl-C stops them all.');
  await new Promise(() => {});
} catch (error) {
  await ws.close();
  throw error;
}
