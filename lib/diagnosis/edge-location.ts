/** The CDN or platform location (point of presence) that answered, read from its headers. */
export interface EdgeLocation {
  /** The location as the vendor wrote it: `FRA`, `FRA56-P5`, `fra1`. */
  pop: string;
  /** The three-letter airport code vendors name their locations after, upper-case. */
  airport: string;
  /** The city for common airport codes; null when the small table below does not know it. */
  city: string | null;
  /** The header it came from. */
  header: string;
}

interface PopSource {
  header: string;
  /** Group 1: the vendor's POP name; group 2: the airport code inside it. */
  pattern: RegExp;
}

/** One row per vendor header that names a location; the first one present wins. */
const POP_SOURCES: readonly PopSource[] = [
  // Cloudflare: `8e2a1b3c4d5e6f70-FRA`, the suffix is the data centre.
  { header: 'cf-ray', pattern: /-(([A-Z]{3}))\s*$/ },
  // CloudFront: `FRA56-P5`.
  { header: 'x-amz-cf-pop', pattern: /^\s*(([A-Z]{3})\d+(?:-[A-Z0-9]+)?)\s*$/i },
  // Fastly: `cache-iad-kiad7000107-IAD, cache-fra-etou8220141-FRA`; with shielding the last node
  // is the one nearest the visitor.
  { header: 'x-served-by', pattern: /-(([A-Z]{3}))\s*$/ },
  // Vercel: `fra1::iad1::…`, the first segment is the edge region.
  { header: 'x-vercel-id', pattern: /^\s*(([a-z]{3})\d*)::/i },
];

/** Common airport codes used as POP names, with the city a visitor would recognise. */
const CITIES: Readonly<Record<string, string>> = {
  AMS: 'Amsterdam',
  ARN: 'Stockholm',
  ATL: 'Atlanta',
  BKK: 'Bangkok',
  BOM: 'Mumbai',
  BOS: 'Boston',
  BRU: 'Brussels',
  CDG: 'Paris',
  CGK: 'Jakarta',
  CPH: 'Copenhagen',
  DEL: 'Delhi',
  DEN: 'Denver',
  DFW: 'Dallas',
  DUB: 'Dublin',
  DXB: 'Dubai',
  EWR: 'Newark',
  FRA: 'Frankfurt',
  GRU: 'São Paulo',
  HEL: 'Helsinki',
  HKG: 'Hong Kong',
  HND: 'Tokyo',
  IAD: 'Washington, D.C.',
  ICN: 'Seoul',
  JFK: 'New York',
  JNB: 'Johannesburg',
  KIX: 'Osaka',
  LAX: 'Los Angeles',
  LHR: 'London',
  MAD: 'Madrid',
  MEL: 'Melbourne',
  MIA: 'Miami',
  MRS: 'Marseille',
  MXP: 'Milan',
  NRT: 'Tokyo',
  ORD: 'Chicago',
  OSL: 'Oslo',
  PDX: 'Portland',
  PRG: 'Prague',
  SCL: 'Santiago',
  SEA: 'Seattle',
  SFO: 'San Francisco',
  SIN: 'Singapore',
  SJC: 'San Jose',
  SYD: 'Sydney',
  TPE: 'Taipei',
  VIE: 'Vienna',
  WAW: 'Warsaw',
  YUL: 'Montreal',
  YYZ: 'Toronto',
  ZRH: 'Zurich',
};

/** Where the edge that answered sits, from the first header that names it; null when none does. */
export function edgeLocation(headers: Record<string, string>): EdgeLocation | null {
  for (const { header, pattern } of POP_SOURCES) {
    const value = headers[header];
    if (!value) continue;
    const m = pattern.exec(value);
    if (!m?.[1] || !m[2]) continue;
    const airport = m[2].toUpperCase();
    return { pop: m[1], airport, city: CITIES[airport] ?? null, header };
  }
  return null;
}
