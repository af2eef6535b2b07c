/**
 * Whether an address is this machine or its local network, whatever its spelling. The browser's
 * URL parser has already turned `2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`, `１２７.０.０.１` and
 * `%31%32%37.0.0.1` into `127.0.0.1`, and `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`; these
 * functions read what it leaves. Pure.
 */

/** IPv4 ranges that are not the public internet: [network as a 32-bit number, prefix length]. */
const LOCAL_V4: readonly [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8: "this network", 0.0.0.0 reaches the machine itself
  [0x0a000000, 8], // 10/8 private
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local (and cloud metadata at .169.254)
  [0xac100000, 12], // 172.16/12 private
  [0xc0000000, 24], // 192.0.0/24 protocol assignments
  [0xc0a80000, 16], // 192.168/16 private
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 3], // 224/3: multicast, reserved, the broadcast address
];

/** Names for this machine or a local network rather than the internet (RFC 6761, 6762, 8375). */
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|localdomain|internal|intranet|lan|home\.arpa)$/;

function v4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    n = n * 256 + Number(part);
  }
  return n;
}

function localV4(n: number): boolean {
  return LOCAL_V4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read); null if it is none. */
function v6Groups(text: string): number[] | null {
  let address = text.toLowerCase();
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (dotted) {
    const n = v4Number(dotted[1] as string);
    if (n === null) return null;
    address = `${address.slice(0, -(dotted[1] as string).length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const read = (half: string) => (half ? half.split(':') : []);
  const head = read(halves[0] as string);
  const tail = halves.length === 2 ? read(halves[1] as string) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => '0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

function localV6(g: number[]): boolean {
  const [a = 0, b = 0] = g;
  const v4 = (hi: number, lo: number) => localV4(((hi << 16) | lo) >>> 0);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return true; // :: unspecified
  if (zeros(0, 7) && g[7] === 1) return true; // ::1 loopback
  if (zeros(0, 5) && g[5] === 0xffff) return v4(g[6] as number, g[7] as number); // ::ffff:a.b.c.d mapped
  if (zeros(0, 6)) return v4(g[6] as number, g[7] as number); // ::a.b.c.d, the old compatible form
  if (a === 0x64 && b === 0xff9b && zeros(2, 6)) return v4(g[6] as number, g[7] as number); // NAT64
  if (a === 0x2002) return v4(b, g[2] as number); // 6to4
  if (a === 0x2001 && b === 0) return true; // Teredo: the IPv4 inside is hidden; not the internet's to us
  if (a === 0x100 && zeros(1, 4)) return true; // 100::/64 discard
  if ((a & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80 || (a & 0xffc0) === 0xfec0) return true; // link-local, old site-local
  return (a & 0xff00) === 0xff00; // multicast
}

/**
 * Whether an IP address (as webRequest reports it: no brackets, no port) is this machine or a
 * local network: loopback, private, link-local, unspecified, multicast, or such an IPv4 address
 * inside an IPv6 one.
 */
export function isLocalIp(ip: string): boolean {
  const v4 = v4Number(ip);
  if (v4 !== null) return localV4(v4);
  const groups = v6Groups(ip.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  return groups !== null && localV6(groups);
}

/**
 * Whether a URL's host (as the URL parser leaves it) is this machine or a local network: an
 * IP address isLocalIp says so of, `localhost` and its subdomains, a local-network name
 * (`.local`, `.internal`, `.home.arpa`…), or a single label (`intranet`, resolved on the LAN).
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isLocalIp(host);
  if (v4Number(host) !== null) return isLocalIp(host);
  return LOCAL_NAME.test(host) || !host.includes('.');
}

/** Whether a host is written as an IP address rather than a name (a name can resolve anywhere). */
export function isIpHost(hostname: string): boolean {
  return hostname.startsWith('[') || v4Number(hostname.replace(/\.$/, '')) !== null;
}
