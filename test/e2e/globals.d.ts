import type { Browser } from '@wxt-dev/browser';

declare global {
  /** The extension API, inside `worker.evaluate` callbacks that run in the service worker. */
  const chrome: typeof Browser;
}
