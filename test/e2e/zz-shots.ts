import { startSession } from './harness';
import { OverlayPage } from './pages/overlay';

const session = await startSession();
const out = '/tmp/card/shots';
for (const scheme of ['light', 'dark'] as const) {
  for (const host of ['nginx-502.test', 'cloudflare-522.test', 'maintenance-503.test', 'app-500.test']) {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(session.url(host));
    const overlay = new OverlayPage(page);
    await new Promise((r) => setTimeout(r, 2500));
    await page.screenshot({ path: `${out}/${host}-${scheme}.png` });
    if (!(await overlay.isShown())) {
      try {
        await overlay.click('.x5-pill');
        await new Promise((r) => setTimeout(r, 800));
        await page.screenshot({ path: `${out}/${host}-${scheme}-open.png` });
      } catch (e) {
        console.log(host, String(e));
      }
    }
    console.log(host, scheme, JSON.stringify(await overlay.text()));
    await page.close();
  }
}
await session.close();
