import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, migrateSettings, type SettingsArea, saveSettings } from '@/lib/settings';

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
  ])('repairs %j', (stored, expected) => {
    expect(migrateSettings(stored)).toEqual(expected);
  });
});
