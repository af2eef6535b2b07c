import type { OtherNetworksApi } from '@/lib/owner-tools/other-networks';
import { send } from './send';

/**
 * "Check from other networks" through the background's messages, with the way the person agrees
 * where it is shown: extension pages ask for the permission themselves
 * (lib/platform/other-networks-permission.ts); the overlay, which may not, opens the settings.
 */
export function otherNetworksClient(
  consent?: Extract<OtherNetworksApi['consent'], { where: 'here' }>,
): OtherNetworksApi {
  return {
    check: (url, incidentId) => send('networks:check', { url, ...(incidentId === undefined ? {} : { incidentId }) }),
    status: (url) => send('networks:status', { url }),
    consent: consent ?? { where: 'settings', open: () => void send('networks:setup', {}).catch(() => false) },
  };
}
