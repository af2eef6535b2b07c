/**
 * Code the background loads only when a person uses what needs it (a built script of its own,
 * such as /globalping.js), so that every start of the worker, and the hot path, do without it.
 *
 * Chromium's service worker refuses `import()` ("disallowed on ServiceWorkerGlobalScope by the
 * HTML specification") and `importScripts()` of a script it did not see while installing
 * (checked on Chromium 156). So, there, the install event imports it once (which runs it once,
 * at install or update only), and later worker starts import it again from the installed copy
 * when it is first used. Firefox's background is a page: a script element (a computed import()
 * is what addons.mozilla.org's linter warns about). Touches the worker's or page's scope.
 */

type Scope = typeof globalThis & { importScripts?: (...urls: string[]) => void };

/**
 * Lets the worker import `path` later. Call it while the background script is first evaluated
 * (inside defineBackground's main): the install event must be listened to then.
 */
export function registerLazyScript(path: string): void {
  const scope = globalThis as Scope;
  if (typeof scope.importScripts !== 'function') return;
  scope.addEventListener('install', () => scope.importScripts?.(path));
}

/** Runs the script once in this worker or page, unless `loaded()` says it already has. */
export async function loadLazyScript(path: string, loaded: () => boolean): Promise<void> {
  if (loaded()) return;
  const scope = globalThis as Scope;
  if (typeof scope.importScripts === 'function') {
    scope.importScripts(path);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = path;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${path}`));
    document.head.append(script);
  });
}
