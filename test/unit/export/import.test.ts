import { describe, expect, it } from 'vitest';
import { importLabel, parseImport } from '@/lib/export/import';
import { toJson } from '@/lib/export/json';
import { type CompletedRequest, createIncident } from '@/lib/log/incident';
import { MAX_URL_CHARS } from '@/lib/log/limits';
import { siteOf } from '@/lib/site/psl-node';
import { CONTEXT, makeIncident, makeNetworkIncident } from '../helpers/incidents';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const YEAR = 365.25 * 86_400_000;

const file = (incidents: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: '5xx-explainer-log',
    version: 1,
    exportedAt: '2026-11-27T00:00:00.000Z',
    incidents,
    ...extra,
  });

const parse = (text: string, source = 'x') => parseImport(text, source, NOW, siteOf);

describe('import', () => {
  it('round-trips a JSON export, labelled with its source', () => {
    const incidents = [
      makeIncident({ id: 4, count: 3, pageText: '502 Bad Gateway nginx/1.25.3' }),
      makeIncident({ id: 5, status: 504, statusLine: 'HTTP/1.1 504 Gateway Timeout', ip: null }),
    ];
    const result = parse(toJson(incidents, 0, '0.1.0'), 'phone hotspot');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.incidents).toEqual(
      incidents.map(({ id, ...rest }) => ({ ...rest, source: 'phone hotspot', tabId: -1 })),
    );
  });

  it('reads back what recording keeps of a 20 KB address and a 300-character status line', () => {
    const request: CompletedRequest = {
      requestId: '1',
      url: `https://shop.example.com/search?q=${'shoes-'.repeat(3500)}&page=2`,
      method: 'GET',
      type: 'main_frame',
      statusCode: 502,
      statusLine: `HTTP/1.1 502 ${'Bad Gateway '.repeat(25)}`,
      tabId: 3,
      frameId: 0,
      fromCache: false,
      timeStamp: NOW - 1000,
      responseHeaders: [{ name: 'x-request-id', value: 'r'.repeat(2000) }],
    };
    const recorded = createIncident(request, CONTEXT);
    expect(recorded.requestUrl.length).toBeLessThanOrEqual(MAX_URL_CHARS);
    expect(request.url.length).toBeGreaterThan(20_000);
    const result = parse(toJson([recorded], NOW, '0.1.0'));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.incidents[0]?.requestUrl).toBe(recorded.requestUrl);
    expect(result.incidents[0]?.statusLine).toBe(recorded.statusLine);
    expect(result.incidents[0]?.headers).toEqual(recorded.headers);
  });

  it('recomputes the site from the page, whatever the file says', () => {
    const hostile = { ...makeIncident(), pageUrl: 'http://intranet.corp.example.com/admin', site: 'example.org' };
    const result = parse(file([hostile]));
    expect(result.ok && result.incidents[0]?.site).toBe('example.com');
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
    [
      file([{ ...makeIncident(), pageUrl: `https://a.example/?q=${'x'.repeat(MAX_URL_CHARS)}` }]),
      { key: 'import_damaged', subs: ['#1 pageUrl'] },
    ],
    [file([{ ...makeIncident(), headers: [] }]), { key: 'import_damaged', subs: ['#1 headers'] }],
    [file([{ ...makeIncident(), pageText: 'x'.repeat(161) }]), { key: 'import_damaged', subs: ['#1 pageText'] }],
    [file([{ ...makeIncident(), pageText: { html: '<b>' } }]), { key: 'import_damaged', subs: ['#1 pageText'] }],
    [file([{ ...makeIncident(), pageText: 'Bad\u0000 gateway' }]), { key: 'import_damaged', subs: ['#1 pageText'] }],
  ])('refuses %s', (text, error) => {
    expect(parse(text)).toEqual({ ok: false, error });
  });

  // What a hostile file can put in each field, and what it is refused as.
  it.each([
    ['a time in year 275760', { time: 8.64e15 }, 'import_time', '#1 time'],
    ['a time eleven years ago', { time: NOW - 11 * YEAR, lastTime: NOW - 11 * YEAR }, 'import_time', '#1 time'],
    ['a time two days ahead', { time: NOW + 2 * 86_400_000 }, 'import_time', '#1 time'],
    ['a last time in year 275760', { time: NOW - 1000, lastTime: 8.64e15 }, 'import_time', '#1 lastTime'],
    ['a last time before the first', { time: NOW - 1000, lastTime: NOW - 2000 }, 'import_damaged', '#1 lastTime'],
    ['a fractional time', { time: NOW - 0.5 }, 'import_damaged', '#1 time'],
    ['a count of a billion', { count: 1e9 }, 'import_damaged', '#1 count'],
    ['a count of zero', { count: 0 }, 'import_damaged', '#1 count'],
    ['a method with a header in it', { method: 'GET\r\nX-Evil: 1' }, 'import_damaged', '#1 method'],
    ['a method with a space', { method: 'GET /admin' }, 'import_damaged', '#1 method'],
    ['free text as the method', { method: '<img src=x>' }, 'import_damaged', '#1 method'],
    ['an unknown type', { type: 'evil' }, 'import_damaged', '#1 type'],
    ['free text as the ip', { ip: 'call 555-0100' }, 'import_damaged', '#1 ip'],
    ['an address with a port as the ip', { ip: '203.0.113.9:443' }, 'import_damaged', '#1 ip'],
    ['an ip out of range', { ip: '256.1.1.1' }, 'import_damaged', '#1 ip'],
    ['a status line for another status', { statusLine: 'HTTP/1.1 200 OK' }, 'import_damaged', '#1 statusLine'],
    ['free text as the status line', { statusLine: 'Please call support' }, 'import_damaged', '#1 statusLine'],
    ['a status line with a line break', { statusLine: 'HTTP/1.1 502 Bad\nGateway' }, 'import_damaged', '#1 statusLine'],
    [
      'a status line of 300 characters',
      { statusLine: `HTTP/1.1 502 ${'x'.repeat(300)}` },
      'import_damaged',
      '#1 statusLine',
    ],
    ['a header value with a control character', { headers: { server: 'nginx\u0007' } }, 'import_damaged', '#1 headers'],
    [
      'a network label with a line break',
      { vantage: { networkLabel: 'home\r\nwifi' } },
      'import_damaged',
      '#1 networkLabel',
    ],
    [
      'a network label of 200 characters',
      { vantage: { networkLabel: 'x'.repeat(200) } },
      'import_damaged',
      '#1 networkLabel',
    ],
    ['a vantage that is a string', { vantage: 'x' }, 'import_damaged', '#1 vantage'],
    ['a time zone of a week', { tzOffset: 10_080 }, 'import_damaged', '#1 tzOffset'],
    ['a page on a non-http scheme', { pageUrl: 'file:///etc/passwd' }, 'import_damaged', '#1 pageUrl'],
    ['a page address with a line break', { pageUrl: 'https://a.example/\nx' }, 'import_damaged', '#1 pageUrl'],
  ])('refuses a file with %s, whole', (_what, fields, key, field) => {
    const text = file([makeIncident({ time: NOW - 1000, lastTime: NOW - 1000 }), { ...makeIncident(), ...fields }]);
    expect(parse(text)).toEqual({ ok: false, error: { key, subs: [field.replace('#1', '#2')] } });
  });

  it('keeps times from ten years back to a day ahead, and IPv6 addresses', () => {
    const incidents = [
      makeIncident({ time: NOW - 9.9 * YEAR, lastTime: NOW - 9.9 * YEAR }),
      makeIncident({ time: NOW + 3_600_000, lastTime: NOW + 3_600_000, ip: '2001:db8::1' }),
    ];
    expect(parse(file(incidents)).ok).toBe(true);
  });

  it('strips what a hostile file smuggles in', () => {
    const hostile = {
      ...makeIncident(),
      requestUrl: 'https://a.example/?token=LEAK#frag',
      pageUrl: 'https://a.example/reset/AbCdEf0123456789XyZ?next=%2Fx%3Fkey%3DLEAK',
      headers: {
        server: '<img src=x onerror=alert(1)>',
        link: '<https://a.example/?sig=LEAK>; rel=preload',
        'set-cookie': 'sid=LEAK',
        authorization: 'Bearer LEAK',
      },
      pageText: 'Reset at https://a.example/r?token=LEAK now',
      __proto__: { polluted: true },
      extra: 'field',
      tabId: 77,
    };
    const result = parse(file([hostile]), 'colleague');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [incident] = result.incidents;
    expect(JSON.stringify(incident)).not.toMatch(/LEAK|AbCdEf0123456789XyZ/);
    expect(incident).not.toHaveProperty('extra');
    expect(incident?.tabId).toBe(-1);
    expect(incident?.headers).toEqual({
      server: '<img src=x onerror=alert(1)>',
      link: '<https://a.example/?sig=REDACTED>; rel=preload',
    });
    expect(incident?.pageText).toBe('Reset at https://a.example/r?token=REDACTED now');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips network errors, checking their NEL phase and type against the browser’s name', () => {
    const refused = makeNetworkIncident('net::ERR_CONNECTION_REFUSED', { id: 6 });
    const dns = makeNetworkIncident('NS_ERROR_UNKNOWN_HOST', { id: 7 }, 'http://nx.example.com/', null);
    const result = parse(toJson([refused, dns], 0, '0.1.0'), 'laptop');
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
    expect(parse(file([bad]), 'x')).toEqual({ ok: false, error: { key: 'import_damaged', subs: [field] } });
  });

  it('refuses a status other than 0 on a network error, and 0 on anything else', () => {
    const incident = makeNetworkIncident('net::ERR_CONNECTION_REFUSED');
    expect(parse(file([{ ...incident, status: 502 }]), 'x')).toMatchObject({ ok: false });
    expect(parse(file([makeIncident({ status: 0 })]), 'x')).toMatchObject({ ok: false });
  });
});

describe('importLabel', () => {
  it.each([
    ['phone-hotspot.json', 'phone-hotspot'],
    ['a\nb\u0000c.json', 'a b c'],
    ['.json', 'import'],
    ['this browser.json', 'this browser (import)'],
    [`${'x'.repeat(200)}.json`, 'x'.repeat(80)],
  ])('%j → %j', (name, label) => {
    expect(importLabel(name)).toBe(label);
  });
});
