import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isMySite,
  loadSettings,
  quietSiteOf,
  type SettingsArea,
  saveMySite,
  saveSettings,
  statusPageOf,
  withinLimits,
} from '@/lib/settings';
import { siteOf } from '@/lib/site/psl-node';

function memoryArea(): SettingsArea {
  const data: Record<string, unknown> = {};
  return {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await loadSettings(memoryArea())).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a change and keeps the rest', async () => {
    const area = memoryArea();
    await saveSettings(area, { overlay: false, networkLabel: 'office wifi' });
    expect(await loadSettings(area)).toEqual({ ...DEFAULT_SETTINGS, overlay: false, networkLabel: 'office wifi' });
  });

  it.each([
    [null, DEFAULT_SETTINGS],
    ['garbage', DEFAULT_SETTINGS],
    [
      { overlay: 'yes', retentionDays: -5 },
      { ...DEFAULT_SETTINGS, retentionDays: 1 },
    ],
    [{ retentionCount: 1e12 }, { ...DEFAULT_SETTINGS, retentionCount: 1_000_000 }],
    [{ mutedCodes: [503, 503, 404, '502', 599] }, { ...DEFAULT_SETTINGS, mutedCodes: [503, 599] }],
    [{ quietSites: ['a.com', '', 7, 'a.com'] }, { ...DEFAULT_SETTINGS, quietSites: ['a.com'] }],
    [
      { networkLabel: 'x'.repeat(200), unknown: 1 },
      { ...DEFAULT_SETTINGS, networkLabel: 'x'.repeat(80) },
    ],
    [
      {
        statusPages: true,
        statusPageUrls: { 'a.com': 'https://status.a.com', 'b.com': 'javascript:alert(1)', 'c d': 'https://x' },
      },
      { ...DEFAULT_SETTINGS, statusPages: true, statusPageUrls: { 'a.com': 'https://status.a.com' } },
    ],
    [
      { mySites: ['shop.example', 'shop.example', 'http://x/', '', 42, 'a.com'] },
      { ...DEFAULT_SETTINGS, mySites: ['shop.example', 'a.com'] },
    ],
  ])('repairs %j', async (stored, expected) => {
    const area = memoryArea();
    await area.set({ settings: { version: 1, value: stored } });
    expect(await loadSettings(area)).toEqual(expected);
  });
});

describe('“This is my site”', () => {
  it('remembers a site and forgets it, keeping the other sites and settings', async () => {
    const area = memoryArea();
    await saveSettings(area, { networkLabel: 'office wifi' });
    expect(await saveMySite(area, 'shop.example', true)).toBe(true);
    expect(await saveMySite(area, 'blog.example', true)).toBe(true);
    expect(await saveMySite(area, 'shop.example', true)).toBe(true);
    expect(await isMySite(area, 'shop.example')).toBe(true);
    expect(await saveMySite(area, 'shop.example', false)).toBe(false);
    expect(await loadSettings(area)).toEqual({
      ...DEFAULT_SETTINGS,
      networkLabel: 'office wifi',
      mySites: ['blog.example'],
    });
  });

  it('keeps at most 200 sites, the newest', async () => {
    const area = memoryArea();
    await saveSettings(area, { mySites: Array.from({ length: 200 }, (_, i) => `s${i}.example`) });
    await saveMySite(area, 'new.example', true);
    const { mySites } = await loadSettings(area);
    expect(mySites).toHaveLength(200);
    expect(mySites.at(-1)).toBe('new.example');
    expect(mySites).not.toContain('s0.example');
  });
});

describe('what the options form may save', () => {
  it.each([
    ['retentionDays', 1, true],
    ['retentionDays', 3650, true],
    ['retentionDays', 0, false],
    ['retentionDays', 1.5, false],
    ['retentionCount', 99, false],
    ['retentionCount', 1_000_000, true],
  ] as const)('%s = %d → %s', (field, value, ok) => {
    expect(withinLimits(field, value)).toBe(ok);
  });

  it.each([
    ['example.com', 'example.com'],
    ['https://www.Nginx-502.test/some/page', 'nginx-502.test'],
    ['  shop.example.co.uk ', 'example.co.uk'],
    ['not a site!', null],
    ['localhost', null],
  ])('quiet site %j → %j', (text, site) => {
    expect(quietSiteOf(text, siteOf)).toBe(site);
  });

  it.each([
    ['www.example.com', ' https://status.example.com ', { site: 'example.com', url: 'https://status.example.com' }],
    ['example.com', 'status.example.com', null],
    ['localhost', 'https://status.example.com', null],
    ['example.com', `https://status.example.com/${'x'.repeat(300)}`, null],
  ])('status page %j, %j → %j', (site, url, page) => {
    expect(statusPageOf(site, url, siteOf)).toEqual(page);
  });
});
