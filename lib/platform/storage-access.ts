/** A storage area as far as its access level goes (`setAccessLevel` is missing where unsupported). */
interface Restrictable {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps a storage area from content scripts: only the extension's own pages and its background
 * may read or write it. Chromium supports this for storage.local from version 140; Firefox
 * (ESR 153 included) has no setAccessLevel at all (bug 1724754), so there a content script can
 * still read and write it, and nothing in it may be trusted more than a message. False when the
 * browser cannot.
 */
export async function restrictStorage(area: object): Promise<boolean> {
  const restrictable = area as Restrictable;
  if (typeof restrictable.setAccessLevel !== 'function') return false;
  try {
    await restrictable.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}
