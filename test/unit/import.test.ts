import { describe, expect, it } from 'vitest';
import { parseImport } from '../../lib/export/import';
import { toJson } from '../../lib/export/json';
import { makeIncident } from './helpers/incidents';

const file = (incidents: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: '5xx-explainer-log',
    version: 1,
    exportedAt: '2026-11-27T00:00:00.000Z',
    incidents,
    ...extra,
  });

describe('import', () => {
  it('round-trips a JSON export, labelled with its source', () => {
    const incidents = [makeIncident({ id: 4, count: 3 }), makeIncident({ id: 5, status: 504, ip: null })];
    const result = parseImport(toJson(incidents, 0, '0.1.0'), 'phone hotspot');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incidents).toEqual(
      incidents.map(({ id, ...rest }) => ({ ...rest, source: 'phone hotspot', tabId: -1 })),
    );
  });

  it.each([
    ['{not json', 'The file is not valid JSON.'],
    ['"a string"', 'The file is not a 5xx Explainer log export.'],
    [JSON.stringify({ format: 'har', log: {} }), 'The file is not a 5xx Explainer log export.'],
    [file([], { version: 99 }), 'The file comes from a newer version of 5xx Explainer. Update the extension first.'],
    [file([], { incidents: 'x' }), 'The file has no list of incidents.'],
    [file([null]), 'The file is damaged: incident 1 is not an object.'],
    [file([{ ...makeIncident(), time: 'yesterday' }]), 'The file is damaged: incident 1: time is not a valid number.'],
    [file([{ ...makeIncident(), status: 200 }]), 'The file is damaged: incident 1: status is not a valid number.'],
    [
      file([makeIncident(), { ...makeIncident(), requestUrl: 'javascript:alert(1)' }]),
      'The file is damaged: incident 2: requestUrl is not an http(s) address.',
    ],
    [
      file([{ ...makeIncident(), pageUrl: 'x'.repeat(10_000) }]),
      'The file is damaged: incident 1: pageUrl is not text.',
    ],
    [file([{ ...makeIncident(), headers: [] }]), 'The file is damaged: incident 1: headers are not an object.'],
  ])('rejects %s', (text, error) => {
    expect(parseImport(text, 'x')).toEqual({ ok: false, error });
  });

  it('strips what a hostile file smuggles in', () => {
    const hostile = {
      ...makeIncident(),
      requestUrl: 'https://a.example/?token=LEAK#frag',
      headers: { server: '<img src=x onerror=alert(1)>', 'set-cookie': 'sid=LEAK', authorization: 'Bearer LEAK' },
      __proto__: { polluted: true },
      extra: 'field',
      tabId: 77,
    };
    const result = parseImport(file([hostile]), 'colleague');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [incident] = result.incidents;
    expect(JSON.stringify(incident)).not.toContain('LEAK');
    expect(incident).not.toHaveProperty('extra');
    expect(incident?.tabId).toBe(-1);
    expect(incident?.headers).toEqual({ server: '<img src=x onerror=alert(1)>' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
