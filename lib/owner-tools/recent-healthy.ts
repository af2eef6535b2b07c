/**
 * The last few top-level pages that loaded without a server error, so "Is it just me?" can say
 * whether other sites are loading right now. Memory only, on purpose: noting a page must cost
 * next to nothing on the hot path, and a stopped worker simply answers "don't know".
 */
export class RecentHealthy {
  private readonly urls: string[] = [];
  private readonly times: number[] = [];
  private next = 0;

  constructor(private readonly size = 16) {}

  /** Notes a page that loaded fine. Two array writes; nothing is parsed here. */
  note(url: string, time: number): void {
    this.urls[this.next] = url;
    this.times[this.next] = time;
    this.next = (this.next + 1) % this.size;
  }

  /**
   * Hosts other than `exceptHost` that loaded fine since `since`; null when this worker has seen
   * no page at all yet (it may have just started), so the answer is "don't know", not "none".
   */
  hostsSince(since: number, exceptHost: string): string[] | null {
    if (this.urls.length === 0) return null;
    const hosts = new Set<string>();
    for (let i = 0; i < this.urls.length; i++) {
      if ((this.times[i] ?? 0) < since) continue;
      try {
        const host = new URL(this.urls[i] as string).host;
        if (host !== exceptHost) hosts.add(host);
      } catch {}
    }
    return [...hosts];
  }
}
