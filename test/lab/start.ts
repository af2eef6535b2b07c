/**
 * `npm start`: the failure lab and a Chromium with the built extension, opened on the lab's
 * index page. `npm start -- --headless` visits every scenario instead and writes
 * screenshots to test/lab/screenshots/ (for machines without a display).
 * `npm run lab` (`--lab-only`) starts just the lab, for a browser of your own.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSession } from '../e2e/harness';
import { OverlayPage } from '../e2e/pages/overlay';
import { PopupPage } from '../e2e/pages/popup';
import { startNetworkLab } from './network';
import { SCENARIOS } from './scenarios';
import { startLab } from './server';

const SHOTS = resolve(import.meta.dirname, 'screenshots');
const args = new Set(process.argv.slice(2));

async function labOnly(): Promise<void> {
  const lab = await startLab(Number(process.env.LAB_PORT) || 8502);
  console.log(`Failure lab on http://127.0.0.1:${lab.port}/`);
  console.log(
    `Start a browser with --host-resolver-rules="MAP *.test 127.0.0.1:${lab.port}" and open http://lab.test/`,
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = join(SHOTS, name);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

async function screenshots(): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const session = await startSession({ headless: true });
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    // Still pictures: no fade-in caught halfway (the closed shadow root is out of Playwright's reach).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const scenario of SCENARIOS.filter((s) => s.screenshot !== false)) {
      const failing = scenario.response.status >= 500;
      const name = scenario.host.replace('.test', '');
      const overlay = new OverlayPage(page);
      await page.goto(session.url(scenario.host)).catch(() => undefined);
      let view: string | null = null;
      if (scenario.host === 'empty-502.test') await page.waitForURL(/explain\.html/);
      else if (failing) view = await overlay.firstView();
      else await page.waitForLoadState('load');
      // What the person sees first; a page that explains itself gets its small pill.
      await shoot(page, `${name}.png`);
      // And the card it opens into.
      if (view === 'pill') {
        await overlay.openCard();
        await shoot(page, `${name}-open.png`);
      }
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(session.url('nginx-502.test'));
    await new OverlayPage(page).waitForText();
    await shoot(page, 'nginx-502-dark.png');
    // The toolbar popup at its real size, opened on the tab that shows the 502.
    const popup = await PopupPage.open(session, 'http://nginx-502.test/*');
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.page.getByRole('img', { name: /Failures over time/ }).waitFor();
    await shoot(popup.page, 'popup.png');
  } finally {
    await session.close();
  }
}

async function interactive(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display found. Run "npm start -- --headless" to write screenshots instead.');
    process.exit(1);
  }
  // The sites that cannot be reached (refused.test, nx.test, expired.test…: test/lab/network.ts) too.
  const net = await startNetworkLab();
  // Chromium reads the lab CA's trust from HOME; X still needs the person's own authority file.
  const xauthority = process.env.XAUTHORITY ?? join(homedir(), '.Xauthority');
  const session = await startSession({
    headless: false,
    hostRules: net.hostRules,
    env: { HOME: net.home, XAUTHORITY: xauthority },
  });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto('http://lab.test/');
  console.log('Chromium is open on the failure lab (http://lab.test/). Close the browser to stop.');
  console.log(`Sites that cannot be reached: ${Object.keys(net.ports).join(', ')}, nx.test (https for the TLS ones).`);
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await session.lab.close();
  await net.close();
}

if (args.has('--lab-only')) await labOnly();
else if (args.has('--headless')) await screenshots();
else await interactive();
