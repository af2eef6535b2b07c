/** Where per-tab state survives a service-worker restart (storage.session in the browser). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Per-tab state kept in the session area under one key. Memory is only a cache in front of
 * it, so a service worker stopped between two events loses nothing.
 */
export class TabState<T> {
  private cache: Map<number, T> | undefined;

  constructor(
    private readonly area: SessionArea,
    private readonly key: string,
  ) {}

  private async load(): Promise<Map<number, T>> {
    if (!this.cache) {
      const stored = (await this.area.get(this.key))[this.key] as [number, T][] | undefined;
      this.cache ??= new Map(stored ?? []);
    }
    return this.cache;
  }

  private async save(map: Map<number, T>): Promise<void> {
    await this.area.set({ [this.key]: [...map] });
  }

  async get(tabId: number): Promise<T | undefined> {
    return (await this.load()).get(tabId);
  }

  async set(tabId: number, value: T): Promise<void> {
    const map = await this.load();
    map.set(tabId, value);
    await this.save(map);
  }

  /**
   * Replaces the tab's entry with what `next` makes of it, with no other change in between:
   * concurrent events (a burst of failures) each see the one before.
   */
  async update(tabId: number, next: (current: T | undefined) => T): Promise<T> {
    const map = await this.load();
    const value = next(map.get(tabId));
    map.set(tabId, value);
    await this.save(map);
    return value;
  }

  /** Removes and returns the tab's entry. */
  async take(tabId: number): Promise<T | undefined> {
    const map = await this.load();
    const entry = map.get(tabId);
    if (entry !== undefined) {
      map.delete(tabId);
      await this.save(map);
    }
    return entry;
  }
}
