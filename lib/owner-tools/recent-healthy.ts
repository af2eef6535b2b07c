/**
 * The last few top-level pages that loaded without a server error, so "Is it just me?" can say
 * whether other sites are loading right now. Memory only, on purpose: noting a page must cost
 * next to nothing on the hot path, and a stopped worker simply answers "don't know".
 */
export class RecentHealthy {
  private readonly urls: string[] = [];
  private readonly times: number[] = [];
  private readonly ips: (string | undefined)[] = [];
  private next = 0;

  constructor(private readonly size = 16) {}

  /** Notes a page that loaded fine, and the server IP it came from. Array writes; nothing is parsed here. */
  note(url: string, time: number, ip?: string): void {
    this.urls[this.next] = url;
    this.times[this.next] = time;
    this.ips[this.next] = ip;
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

  /**
   * The server IP the newest page of `host` that loaded fine came from, when this worker saw
   * one: what ./outbound.ts compares a check's IP with.
   */
  ipOf(host: string): string | null {
    for (let k = 1; k <= this.urls.length; k++) {
      const i = (this.next - k + this.size) % this.size;
      const ip = this.ips[i];
      if (!ip) continue;
      try {
        if (new URL(this.urls[i] as string).host === host) return ip;
      } catch {}
    }
    return null;
  }
}
