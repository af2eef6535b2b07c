/**
 * The built extension in Chromium against Debian's real servers (test/lab/real), each failing
 * the way its set-up makes it fail. The assertions are the set-ups' truth, not what today's
 * code says: every real server is named in the card's hop diagram, in the right order, the hop
 * that failed is the one marked, and a layer that only passed the answer on is never marked.
 *
 * Part of `npm run test:e2e` (and so `npm test`); `npm run test:e2e:real` runs it alone.
 *
 * A missing Debian package skips the set-ups that need it, with the command that installs it in
 * the test's name (and the forward-proxy set-ups skip, saying why, where port 53 cannot be bound).
 * CI installs them all and runs as root (.ci/run): there a skip is a failure.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotRun, type Started, startSetups } from '../lab/real/lab';
import { installCommand, type RealPackage } from '../lab/real/packages';
import { SETUPS, type Setup } from '../lab/real/setups';
import { Workspace } from '../lab/real/workspace';
import { type Session, startSession } from './harness';
import { type Hop, OverlayPage, readHops } from './pages/overlay';
import { waitFor } from './wait';

const messages = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const impliedName = (id: string) => messages[`layer_${id}`]?.message ?? id;

/** How the card may name each layer of the truth. */
const NAMES: Record<string, RegExp> = {
  nginx: /^nginx\b/i,
  apache: /^apache\b(?!.*tomcat)/i,
  haproxy: /^haproxy\b/i,
  varnish: /^varnish\b/i,
  squid: /^squid\b/i,
  caddy: /^caddy\b/i,
  lighttpd: /^lighttpd\b/i,
  tomcat: /\btomcat\b/i,
};
const nameOf = (id: string) => NAMES[id] ?? new RegExp(`^${impliedName(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const blocked = new Map(SETUPS.map((s) => [s.name, cannotRun(s)]));
const runnable = SETUPS.filter((s) => !blocked.get(s.name));
const missing = [...new Set([...blocked.values()].flatMap((b) => b?.packages ?? []))] as RealPackage[];
if (missing.length > 0) {
  console.warn(`Real-server set-ups skipped: missing Debian packages. Install with: ${installCommand(missing)}`);
}

// CI installs every server and runs as root: nothing may be skipped there.
it.runIf(Boolean(process.env.CI))('runs every set-up in CI', () => {
  const why = [...blocked].filter(([, b]) => b).map(([name, b]) => `${name}: ${b?.reason}`);
  expect(why, missing.length > 0 ? `install with: ${installCommand(missing)}` : undefined).toEqual([]);
});

let ws: Workspace;
let session: Session;
const started = new Map<string, Started>();

beforeAll(async () => {
  if (runnable.length === 0) return;
  ws = new Workspace('e2e');
  for (const s of await startSetups(ws, runnable)) started.set(s.setup.name, s);
  const all = [...started.values()];
  const hostRules = all.filter((s) => !s.proxy).map((s) => `MAP ${s.host} 127.0.0.1:${s.port}`);
  // The visitor's own proxy: a PAC script sends each forward-proxy set-up's site through its Squid.
  const pac = `function FindProxyForURL(url, host) {
${all
  .filter((s) => s.proxy)
  .map((s) => `  if (host === ${JSON.stringify(new URL(s.url).hostname)}) return 'PROXY 127.0.0.1:${s.port}';`)
  .join('\n')}
  return 'DIRECT';
}`;
  session = await startSession({
    hostRules,
    args: [`--proxy-pac-url=data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pac).toString('base64')}`],
  });
}, 240_000);

afterAll(async () => {
  await session?.close();
  await ws?.close();
});

interface Card {
  /** Where the card is: the overlay on the error page, or the explanation page (empty bodies). */
  where: 'overlay' | 'explanation page';
  /** The status the server answered the navigation with. */
  status: number;
  text: string;
  /** The hop diagram after "You" (empty when the card draws none). */
  hops: Hop[];
}

const visits = new Map<string, Promise<Card>>();

/**
 * The diagram as layers: a box names the products of its hop ("Front server · nginx"), or
 * several when neighbours read the same ("nginx, Varnish", both working); a hop no header names
 * is its label ("The site’s app"). Marked: where the problem is, seen or probable.
 */
function layers(hops: Hop[]): { name: string; failed: boolean }[] {
  return hops.flatMap((h) =>
    (h.product ? h.product.split(', ') : [h.name]).map((name) => ({ name, failed: h.failed || h.probably })),
  );
}

/** Opens the set-up's address as a person would and reads the card that comes up (once per set-up). */
function visit(setup: Setup): Promise<Card> {
  let card = visits.get(setup.name);
  if (!card) {
    card = (async () => {
      const target = started.get(setup.name);
      if (!target) throw new Error(`${setup.name} did not start`);
      const page = await session.context.newPage();
      try {
        // An empty 5xx body ends on Chromium's own error page, and goto rejects: the extension
        // then shows its explanation page in the tab.
        const response = page.waitForEvent('response', (r) => r.url() === target.url);
        await page.goto(target.url).catch(() => undefined);
        const status = (await response).status();
        const overlay = new OverlayPage(page);
        const onExplainPage = () => /^chrome-extension:\/\/.*\/explain\.html/.test(page.url());
        await waitFor(
          `the card for ${setup.name}`,
          async () =>
            onExplainPage()
              ? (await page.locator('details.x5-more').count()) > 0
              : (await overlay.isShown()) || (await overlay.has('.x5-pill')),
          20_000,
        );
        // The code's name is under More details; a page that explains itself starts as a pill.
        if (onExplainPage()) {
          await page.getByText('More details').click();
          const text = await page.locator('body').innerText();
          const list = await page.$('.x5-hops');
          const hops = (await list?.evaluate(readHops)) ?? [];
          return { where: 'explanation page', status, text, hops: hops.slice(1) };
        }
        await overlay.openCard();
        const text = await overlay.openMoreDetails();
        return { where: 'overlay', status, text, hops: ((await overlay.hops()) ?? []).slice(1) };
      } finally {
        await page.close();
      }
    })();
    visits.set(setup.name, card);
  }
  return card;
}

describe.each(SETUPS.map((s) => [s.name, s] as const))('%s', (name, setup) => {
  const why = blocked.get(name);
  const skipped = why
    ? ` — skipped: ${why.packages.length > 0 ? `install with: ${installCommand(why.packages)}` : why.reason}`
    : '';

  it.skipIf(!!why)(`the card comes up with the code${skipped}`, async () => {
    const card = await visit(setup);
    expect(card.status).toBeGreaterThanOrEqual(500);
    expect(card.text).toContain(`Error ${card.status}`);
  });

  it.skipIf(!!why)(`the card draws the truth: ${setup.truth.chain.join(' → ') || '(no chain)'}${skipped}`, async () => {
    const card = await visit(setup);
    const { chain, failing, cause } = setup.truth;
    const planned = cause === 'maintenance';
    const drawn = layers(card.hops);
    // A layer that only passed the answer on (outside the failing one) is never marked.
    const passersOn = failing === null ? [] : chain.slice(0, chain.indexOf(failing));
    const blamed = drawn.filter((h) => h.failed && passersOn.some((id) => nameOf(id).test(h.name)));
    expect(
      blamed.map((h) => h.name),
      'a hop that only passed the answer on is marked failed',
    ).toEqual([]);
    // Every server named, outermost first; the failing hop marked, and planned maintenance not drawn as a failure.
    expect(drawn).toEqual(
      chain.map((id) => ({ name: expect.stringMatching(nameOf(id)), failed: id === failing && !planned })),
    );
  });
});
