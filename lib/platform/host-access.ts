import type { Translate } from '@/lib/i18n/translate';

/** Access to every site: webRequest reports, and scripting injects, only where the extension may go. */
export const ALL_SITES = { origins: ['<all_urls>'] };

const WARNING_COLOR = '#8a5a00';

/** The toolbar button's global (not per-tab) state, as `browser.action` sets it. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * Says on the toolbar button whether the extension may see every site.
 *
 * An MV3 extension's host permissions are the person's to withhold. Firefox grants them at
 * install (from 127; the manifest asks for 140) but "Access your data for all websites" can be
 * switched off in about:addons → Permissions, as Chromium's site access can be set to "On
 * click". Without it webRequest reports nothing from pages and nothing can be injected: the
 * extension would fall silent with no sign. So the button shows "!" and its title says what to
 * do; a failing tab's own badge (its code) still shows over it.
 */
export async function showHostAccess(granted: boolean, button: ToolbarButton, t: Translate): Promise<void> {
  if (!granted) await button.setBadgeBackgroundColor({ color: WARNING_COLOR });
  await button.setBadgeText({ text: granted ? '' : '!' });
  await button.setTitle({ title: granted ? t('extName') : t('host_access_needed') });
}
