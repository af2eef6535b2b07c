import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../e2e/wait';
import { type Session, startSession } from './harness';
import { OverlayPage } from './pages/overlay';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

const button = () =>
  session.extension(async (browser) => ({
    badge: await browser.action.getBadgeText({}),
    title: await browser.action.getTitle({}),
  }));

describe('access to all websites (an MV3 host permission the person can withdraw)', () => {
  it('is granted at install: no warning on the button', async () => {
    expect(await button()).toEqual({ badge: '', title: '5xx Explainer' });
  });

  it('when withdrawn, the toolbar button says so; when allowed again, failures are explained again', async () => {
    await session.setAllSitesAccess(false);
    const warned = await waitFor('the warning', async () => {
      const state = await button();
      return state.badge === '!' ? state : null;
    });
    expect(warned.title).toContain('it needs access to all websites');
    expect(warned.title).toContain('Add-ons and themes → 5xx Explainer → Permissions');

    await session.setAllSitesAccess(true);
    await waitFor('the warning to go', async () => (await button()).badge === '');
    expect((await button()).title).toBe('5xx Explainer');
    const page = await session.newPage();
    await session.visit(page, session.url('nginx-502.test'));
    expect(await new OverlayPage(session, page).waitForText()).toContain('The site didn’t answer properly');
    await page.close();
  });
});
