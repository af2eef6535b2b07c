import type { Incident } from './incident';

/** A top-level failure waiting for its document to show the explanation. */
export interface Pending {
  /** The failing URL exactly as requested (not redacted: it is matched, never stored on disk). */
  url: string;
  incident: Incident;
}

/** Where pending entries survive a service-worker restart (storage.session in the browser). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'pending';

/**
 * Pending explanations by tab. Memory is only a cache in front of the session area, so a
 * service worker stopped between the failure and the document's commit loses nothing.
 */
export class PendingByTab {
  private cache: Map<number, Pending> | undefined;

  constructor(private readonly area: SessionArea) {}

  private async load(): Promise<Map<number, Pending>> {
    if (!this.cache) {
      const stored = (await this.area.get(KEY))[KEY] as [number, Pending][] | undefined;
      this.cache ??= new Map(stored ?? []);
    }
    return this.cache;
  }

  private async save(map: Map<number, Pending>): Promise<void> {
    await this.area.set({ [KEY]: [...map] });
  }

  async get(tabId: number): Promise<Pending | undefined> {
    return (await this.load()).get(tabId);
  }

  async set(tabId: number, pending: Pending): Promise<void> {
    const map = await this.load();
    map.set(tabId, pending);
    await this.save(map);
  }

  /** Removes and returns the tab's entry. */
  async take(tabId: number): Promise<Pending | undefined> {
    const map = await this.load();
    const entry = map.get(tabId);
    if (entry) {
      map.delete(tabId);
      await this.save(map);
    }
    return entry;
  }
}
