import { browser } from 'wxt/browser';
import { GLOBALPING_PERMISSION, type OtherNetworksApi } from '@/lib/owner-tools/other-networks';
import { saveSettings } from '@/lib/settings';
import { send } from './send';

/**
 * The person agreed on one of the extension's pages: asks for the API's host permission (call
 * it straight from their click) and, once granted, turns the setting on. False when refused.
 * Touches the browser.
 */
async function allowOtherNetworks(includePath: boolean): Promise<boolean> {
  const granted = await requestOtherNetworksPermission();
  if (granted) await saveSettings(browser.storage.local, { otherNetworks: true, otherNetworksPath: includePath });
  return granted;
}

/** Asks for the API's host permission; call it straight from the person's click. */
export function requestOtherNetworksPermission(): Promise<boolean> {
  return browser.permissions.request(GLOBALPING_PERMISSION).catch(() => false);
}

/** Gives the permission back when the setting goes off (Chromium keeps it while all sites are allowed). */
export function dropOtherNetworksPermission(): Promise<boolean> {
  return browser.permissions.remove(GLOBALPING_PERMISSION).catch(() => false);
}

/**
 * "Check from other networks" through the background's messages. Extension pages let the person
 * agree where they are (`here`); the overlay, which may not ask for a permission, opens the settings.
 */
export function otherNetworksClient(where: 'here' | 'settings'): OtherNetworksApi {
  return {
    check: (url, incidentId) => send('networks:check', { url, ...(incidentId === undefined ? {} : { incidentId }) }),
    status: (url) => send('networks:status', { url }),
    consent:
      where === 'here'
        ? { where, allow: allowOtherNetworks }
        : { where, open: () => void send('networks:setup', {}).catch(() => false) },
  };
}
