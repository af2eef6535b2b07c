import { describe, expect, it } from 'vitest';
import { parseImport } from '@/lib/export/import';
import { toJson } from '@/lib/export/json';
import { makeIncident } from '../helpers/incidents';

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
    const incidents = [
      makeIncident({ id: 4, count: 3, pageText: '502 Bad Gateway nginx/1.25.3' }),
      makeIncident({ id: 5, status: 504, ip: null }),
    ];
    const result = parseImport(toJson(incidents, 0, '0.1.0'), 'phone hotspot');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incidents).toEqual(
      incidents.map(({ id, ...rest }) => ({ ...rest, source: 'phone hotspot', tabId: -1 })),
    );
  });

  it.each([
    ['{not json', { key: 'import_not_json' }],
    ['"a string"', { key: 'import_not_ours' }],
    [JSON.stringify({ format: 'har', log: {} }), { key: 'import_not_ours' }],
    [file([], { version: 99 }), { key: 'import_newer' }],
    [file([], { incidents: 'x' }), { key: 'import_no_list' }],
    [file([null]), { key: 'import_damaged', subs: ['#1'] }],
    [file([{ ...makeIncident(), time: 'yesterday' }]), { key: 'import_damaged', subs: ['#1 time'] }],
    [file([{ ...makeIncident(), status: 200 }]), { key: 'import_damaged', subs: ['#1 status'] }],
    [
      file([makeIncident(), { ...makeIncident(), requestUrl: 'javascript:alert(1)' }]),
      { key: 'import_damaged', subs: ['#2 requestUrl'] },
    ],
    [file([{ ...makeIncident(), pageUrl: 'x'.repeat(10_000) }]), { key: 'import_damaged', subs: ['#1 pageUrl'] }],
    [file([{ ...makeIncident(), headers: [] }]), { key: 'import_damaged', subs: ['#1 headers'] }],
    [file([{ ...makeIncident(), pageText: 'x'.repeat(161) }]), { key: 'import_damaged', subs: ['#1 pageText'] }],
    [file([{ ...makeIncident(), pageText: { html: '<b>' } }]), { key: 'import_damaged', subs: ['#1 pageText'] }],
  ])('rejects %s', (text, error) => {
    expect(parseImport(text, 'x')).toEqual({ ok: false, error });
  });

  it('strips what a hostile file smuggles in', () => {
    const hostile = {
      ...makeIncident(),
      requestUrl: 'https://a.example/?token=LEAK#frag',
      headers: { server: '<img src=x onerror=alert(1)>', 'set-cookie': 'sid=LEAK', authorization: 'Bearer LEAK' },
      pageText: 'Reset at https://a.example/r?token=LEAK\u0000\n now',
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
    expect(incident?.pageText).toBe('Reset at https://a.example/r?token=REDACTED now');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
