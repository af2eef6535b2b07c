import { browser } from 'wxt/browser';
import { GLOBALPING_PERMISSION } from '@/lib/owner-tools/other-networks';
import { saveSettings } from '@/lib/settings';

/**
 * The host permission "Check from other networks" needs (api.globalping.io), asked for on the
 * extension's own pages only: content scripts cannot. Touches the browser.
 */

/** Asks for the API's host permission; call it straight from the person's click. */
export function requestOtherNetworksPermission(): Promise<boolean> {
  return browser.permissions.request(GLOBALPING_PERMISSION).catch(() => false);
}

/** Gives the permission back when the setting goes off (Chromium keeps it while all sites are allowed). */
export function dropOtherNetworksPermission(): Promise<boolean> {
  return browser.permissions.remove(GLOBALPING_PERMISSION).catch(() => false);
}

/** The person agreed on this page: the permission, then the setting on (false when refused). */
export const agreeHere = {
  where: 'here' as const,
  async allow(includePath: boolean): Promise<boolean> {
    const granted = await requestOtherNetworksPermission();
    if (granted) await saveSettings(browser.storage.local, { otherNetworks: true, otherNetworksPath: includePath });
    return granted;
  },
};
