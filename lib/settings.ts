/**
 * Everything a person can set: the fields, their defaults, their limits and how a value is
 * checked, for storage (migrateSettings) and the options form alike. Stored in extension
 * storage, not IndexedDB. Pure: the storage area is passed in.
 */

/** Everything a person can set, with its default. */
export interface Settings {
  /** Show the explanation card on failing pages. */
  overlay: boolean;
  /** Show a small notice when a page's own requests (API calls, frames) fail. */
  apiNotices: boolean;
  /** Status codes the person chose not to have explained (they are still logged). */
  mutedCodes: number[];
  /** Sites (registrable domains) where no overlay or notice is shown. */
  quietSites: string[];
  /** Incidents older than this many days are deleted. */
  retentionDays: number;
  /** At most this many incidents are kept; the oldest go first. */
  retentionCount: number;
  /** Log failures from private (incognito) windows too. */
  logPrivate: boolean;
  /** The person's name for the network they are on ("office wifi"), stored with each incident. */
  networkLabel: string;
  /** Look up a failing site's status page: contacts a host the person did not visit, so opt-in. */
  statusPages: boolean;
  /** Status page addresses the person entered, by site. */
  statusPageUrls: Record<string, string>;
  /** The popup shows times in UTC rather than in the machine's zone (its UTC switch). */
  timesInUtc: boolean;
  /**
   * "Check from other networks": sends a failing site's address to Globalping's API when the
   * person asks for a check. Off until they agree (the first use explains what is sent).
   */
  otherNetworks: boolean;
  /** With it, the page's path and query (secrets removed) are sent too, not only the site's address. */
  otherNetworksPath: boolean;
  /** Sites (registrable domains) the person said are theirs ("This is my site"): the card opens its owner's view there. */
  mySites: string[];
}

/** @internal Exported for tests and benchmarks; the extension reads settings through loadSettings. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  overlay: true,
  apiNotices: true,
  mutedCodes: [],
  quietSites: [],
  retentionDays: 90,
  retentionCount: 50_000,
  logPrivate: false,
  networkLabel: '',
  statusPages: false,
  statusPageUrls: {},
  timesInUtc: false,
  otherNetworks: false,
  otherNetworksPath: false,
  mySites: [],
});

/** Bumped when a stored field changes meaning; `migrateSettings` upgrades older objects. */
const SETTINGS_VERSION = 1;
const SETTINGS_KEY = 'settings';

/** The numbers a person may set, inclusive. */
export const LIMITS = { retentionDays: [1, 3650], retentionCount: [100, 1_000_000] } as const;
export type NumberField = keyof typeof LIMITS;

/** The most sites "This is my site" keeps: the newest win. */
const MAX_MY_SITES = 200;

/** The longest network label kept. */
export const MAX_NETWORK_LABEL = 80;

/** True when `value` is a whole number the field allows. */
export function withinLimits(field: NumberField, value: number): boolean {
  const [min, max] = LIMITS[field];
  return Number.isInteger(value) && value >= min && value <= max;
}

/** A status page settings keep: under a plain site name, an http(s) address. */
function keepsStatusPage(site: string, url: unknown): url is string {
  return /^[a-z0-9.-]{1,253}$/i.test(site) && typeof url === 'string' && /^https?:\/\/[^\s]{1,300}$/i.test(url);
}

/**
 * The site a person means by what they typed for "Don't explain errors on this site" (a name
 * or an address); null when it is not one.
 */
export function quietSiteOf(text: string, siteOf: (url: string) => string): string | null {
  const typed = text.trim();
  if (!/^[a-z0-9.-]+$/i.test(typed.replace(/^https?:\/\//i, '').split('/')[0] ?? '')) return null;
  const site = siteOf(/^https?:\/\//i.test(typed) ? typed : `http://${typed}`);
  return site.includes('.') ? site : null;
}

/** A status page a person entered for a site, as it will be kept; null when either is not valid. */
export function statusPageOf(
  siteText: string,
  urlText: string,
  siteOf: (url: string) => string,
): { site: string; url: string } | null {
  const site = siteOf(`http://${siteText.trim()}`);
  const url = urlText.trim();
  return site.includes('.') && keepsStatusPage(site, url) ? { site, url } : null;
}

function clamp(value: unknown, [min, max]: readonly [number, number], fallback: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** Only http(s) addresses under plain site names are kept. */
function statusUrls(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [site, url] of Object.entries(value).slice(0, 200)) {
    if (keepsStatusPage(site, url)) out[site] = url;
  }
  return out;
}

/**
 * Reads whatever is stored (any older version, or garbage) into valid current settings:
 * unknown keys dropped, wrong types replaced by defaults, numbers clamped.
 */
function migrateSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const bool = (
    key: 'overlay' | 'apiNotices' | 'logPrivate' | 'statusPages' | 'timesInUtc' | 'otherNetworks' | 'otherNetworksPath',
  ) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : DEFAULT_SETTINGS[key]);
  const list = <T>(key: string, ok: (v: unknown) => v is T): T[] =>
    Array.isArray(raw[key]) ? [...new Set((raw[key] as unknown[]).filter(ok))] : [];
  return {
    overlay: bool('overlay'),
    apiNotices: bool('apiNotices'),
    mutedCodes: list(
      'mutedCodes',
      (v): v is number => Number.isInteger(v) && (v as number) >= 500 && (v as number) <= 599,
    ),
    quietSites: list('quietSites', (v): v is string => typeof v === 'string' && v.length > 0 && v.length < 256),
    retentionDays: clamp(raw.retentionDays, LIMITS.retentionDays, DEFAULT_SETTINGS.retentionDays),
    retentionCount: clamp(raw.retentionCount, LIMITS.retentionCount, DEFAULT_SETTINGS.retentionCount),
    logPrivate: bool('logPrivate'),
    networkLabel: typeof raw.networkLabel === 'string' ? raw.networkLabel.slice(0, MAX_NETWORK_LABEL) : '',
    statusPages: bool('statusPages'),
    statusPageUrls: statusUrls(raw.statusPageUrls),
    timesInUtc: bool('timesInUtc'),
    otherNetworks: bool('otherNetworks'),
    otherNetworksPath: bool('otherNetworksPath'),
    mySites: list('mySites', (v): v is string => typeof v === 'string' && /^[a-z0-9.-]{1,253}$/i.test(v)).slice(
      -MAX_MY_SITES,
    ),
  };
}

/** The storage area settings live in (browser.storage.local in the extension). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY] as { version?: number; value?: unknown } | undefined;
  return migrateSettings(stored?.value);
}

/** Saves a change and returns the settings as stored. */
export async function saveSettings(area: SettingsArea, patch: Partial<Settings>): Promise<Settings> {
  const next = migrateSettings({ ...(await loadSettings(area)), ...patch });
  await area.set({ [SETTINGS_KEY]: { version: SETTINGS_VERSION, value: next } });
  return next;
}

/** Whether the person said a site is theirs ("This is my site"). */
export async function isMySite(area: SettingsArea, site: string): Promise<boolean> {
  return (await loadSettings(area)).mySites.includes(site);
}

/** Remembers (or forgets) that a site is the person's own; whether it is now. */
export async function saveMySite(area: SettingsArea, site: string, mine: boolean): Promise<boolean> {
  const { mySites } = await loadSettings(area);
  if (mySites.includes(site) !== mine) {
    const others = mySites.filter((s) => s !== site);
    const saved = await saveSettings(area, { mySites: mine ? [...others, site] : others });
    return saved.mySites.includes(site);
  }
  return mine;
}
