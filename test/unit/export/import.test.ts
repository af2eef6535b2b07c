import { describe, expect, it } from 'vitest';
import { parseImport } from '@/lib/export/import';
import { toJson } from '@/lib/export/json';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';

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

  it('round-trips network errors, checking their NEL phase and type against the browser’s name', () => {
    const refused = makeNetworkIncident('net::ERR_CONNECTION_REFUSED', { id: 6 });
    const dns = makeNetworkIncident('NS_ERROR_UNKNOWN_HOST', { id: 7 }, 'http://nx.example.com/', null);
    const result = parseImport(toJson([refused, dns], 0, '0.1.0'), 'laptop');
    expect(result.ok && result.incidents.map((i) => [i.status, i.network])).toEqual([
      [
        0,
        {
          error: 'net::ERR_CONNECTION_REFUSED',
          id: 'refused',
          phase: 'connection',
          type: 'tcp.refused',
          elapsed_time: 35,
          server_ip: '203.0.113.9',
        },
      ],
      [
        0,
        {
          error: 'NS_ERROR_UNKNOWN_HOST',
          id: 'name-not-resolved',
          phase: 'dns',
          type: 'dns.name_not_resolved',
          elapsed_time: null,
          server_ip: '',
        },
      ],
    ]);
    expect(result.ok && result.incidents[0]?.diagnosis.chain.map((l) => l.id)).toEqual(['resolver', 'server']);
  });

  it.each([
    ['a type that is not the error’s', { type: 'dns.name_not_resolved' }, '#1 network.type'],
    ['a phase that is not the error’s', { phase: 'application' }, '#1 network.phase'],
    ['an error no table explains', { error: 'net::ERR_ABORTED', id: 'made-up' }, '#1 network.error'],
    ['a negative elapsed time', { elapsed_time: -5 }, '#1 network.elapsed_time'],
  ])('refuses a network error with %s', (_what, change, field) => {
    const incident = makeNetworkIncident('net::ERR_CONNECTION_REFUSED');
    const bad = { ...incident, network: { ...incident.network, ...change } };
    expect(parseImport(file([bad]), 'x')).toEqual({ ok: false, error: { key: 'import_damaged', subs: [field] } });
  });

  it('refuses a status other than 0 on a network error, and 0 on anything else', () => {
    const incident = makeNetworkIncident('net::ERR_CONNECTION_REFUSED');
    expect(parseImport(file([{ ...incident, status: 502 }]), 'x')).toMatchObject({ ok: false });
    expect(parseImport(file([makeIncident({ status: 0 })]), 'x')).toMatchObject({ ok: false });
  });
});
