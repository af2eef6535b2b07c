import { describe, expect, it } from 'vitest';
import { toHar } from '@/lib/export/har';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';

/** The HAR 1.2 fields every entry must carry, with their types (from the spec). */
function checkHar12(har: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(what);
  const h = har as { log?: Record<string, unknown> };
  need(typeof h.log === 'object', 'log');
  const log = h.log ?? {};
  need(log.version === '1.2', 'log.version');
  const creator = log.creator as Record<string, unknown> | undefined;
  need(typeof creator?.name === 'string' && typeof creator?.version === 'string', 'log.creator');
  need(Array.isArray(log.entries), 'log.entries');
  for (const [i, e] of ((log.entries as Record<string, unknown>[]) ?? []).entries()) {
    const req = e.request as Record<string, unknown>;
    const res = e.response as Record<string, unknown>;
    const timings = e.timings as Record<string, unknown>;
    need(!Number.isNaN(Date.parse(e.startedDateTime as string)), `entries[${i}].startedDateTime`);
    need(typeof e.time === 'number', `entries[${i}].time`);
    need(typeof e.cache === 'object', `entries[${i}].cache`);
    for (const k of ['method', 'url', 'httpVersion']) need(typeof req?.[k] === 'string', `request.${k}`);
    for (const k of ['cookies', 'headers', 'queryString']) need(Array.isArray(req?.[k]), `request.${k}`);
    for (const k of ['headersSize', 'bodySize']) need(typeof req?.[k] === 'number', `request.${k}`);
    for (const k of ['status', 'headersSize', 'bodySize']) need(typeof res?.[k] === 'number', `response.${k}`);
    for (const k of ['statusText', 'httpVersion', 'redirectURL']) need(typeof res?.[k] === 'string', `response.${k}`);
    for (const k of ['cookies', 'headers']) need(Array.isArray(res?.[k]), `response.${k}`);
    const content = res?.content as Record<string, unknown>;
    need(typeof content?.size === 'number' && typeof content?.mimeType === 'string', 'response.content');
    for (const k of ['send', 'wait', 'receive'])
      need(typeof timings?.[k] === 'number' && (timings[k] as number) >= 0, `timings.${k}`);
  }
  return problems;
}

describe('HAR export', () => {
  it('writes a structurally valid HAR 1.2 log of the failing requests', () => {
    const har = toHar(
      [
        makeIncident({
          requestUrl: 'https://api.example.com/v1/orders?page=2&token=REDACTED',
          method: 'POST',
          headers: { server: 'cloudflare', 'cf-ray': '8f2b-FRA', 'content-type': 'text/html' },
          count: 3,
          lastTime: Date.UTC(2026, 10, 27, 22, 42, 0, 0),
        }),
        makeIncident({ statusLine: 'HTTP/2 504', status: 504, ip: null }),
      ],
      '0.1.0',
    );
    expect(checkHar12(JSON.parse(JSON.stringify(har)))).toEqual([]);
    const [first, second] = har.log.entries;
    expect(first).toMatchObject({
      startedDateTime: '2026-11-27T22:41:07.123Z',
      serverIPAddress: '203.0.113.9',
      comment: '3 failures until 2026-11-27T22:42:00.000Z',
      request: {
        method: 'POST',
        url: 'https://api.example.com/v1/orders?page=2&token=REDACTED',
        queryString: [
          { name: 'page', value: '2' },
          { name: 'token', value: 'REDACTED' },
        ],
      },
      response: { status: 502, statusText: 'Bad Gateway', httpVersion: 'HTTP/1.1', content: { mimeType: 'text/html' } },
    });
    expect(first?.response.headers).toContainEqual({ name: 'cf-ray', value: '8f2b-FRA' });
    expect(second).toMatchObject({ response: { status: 504, statusText: '', httpVersion: 'HTTP/2' } });
    expect(second).not.toHaveProperty('serverIPAddress');
  });

  it.each([
    ['HTTP/1.1 502 Bad Gateway', 'HTTP/1.1', 'Bad Gateway'],
    ['HTTP/1.1 504 Gateway Time-out', 'HTTP/1.1', 'Gateway Time-out'],
    ['HTTP/2 503', 'HTTP/2', ''],
    ['502', '', ''],
  ])('status line %s', (line, httpVersion, statusText) => {
    const { response } = toHar([makeIncident({ statusLine: line })], '0.1.0').log.entries[0] ?? {};
    expect(response).toMatchObject({ httpVersion: httpVersion || 'HTTP/1.1', statusText });
  });

  it('validates every field a tool could replay: no CR or LF anywhere, methods and header names are tokens', () => {
    const evil = makeIncident({
      method: 'GET\r\nX-Evil: 1',
      statusLine: 'HTTP/1.1 502 Bad\r\nSet-Cookie: a=b',
      requestUrl: 'https://a.example/p?q=%0D%0AX-Evil%3A%201',
      ip: 'not\nan ip',
      headers: { server: 'nginx\r\nX-Evil: 1', 'bad name': 'x', 'x-request-id': 'ok' },
      site: 'a.example\r\n',
      source: 'file\nname',
    });
    const entry = toHar([evil], '0.1.0').log.entries[0];
    const text = JSON.stringify(entry);
    expect(JSON.parse(text)).toEqual(entry);
    expect(text).not.toMatch(/\\r|\\n/);
    expect(entry?.request.method).toBe('');
    expect(entry?.response.statusText).toBe('Bad Set-Cookie: a=b');
    expect(entry?.response.headers).toEqual([
      { name: 'server', value: 'nginx X-Evil: 1' },
      { name: 'x-request-id', value: 'ok' },
    ]);
    expect(entry?.request.queryString).toEqual([{ name: 'q', value: ' X-Evil: 1' }]);
    expect(entry).not.toHaveProperty('serverIPAddress');
    expect(entry?._site).toBe('a.example ');
    expect(checkHar12(JSON.parse(JSON.stringify({ log: { ...toHar([evil], '0.1.0').log } })))).toEqual([]);
  });

  it('writes a network error the way DevTools does: status 0, _error, and NEL’s fields', () => {
    const har = toHar(
      [makeNetworkIncident('net::ERR_CERT_DATE_INVALID', {}, 'https://shop.example.com/', 48)],
      '0.1.0',
    );
    expect(checkHar12(har)).toEqual([]);
    expect(har.log.entries[0]).toMatchObject({
      time: 48,
      response: { status: 0 },
      serverIPAddress: '203.0.113.9',
      _error: 'net::ERR_CERT_DATE_INVALID',
      _nel: { phase: 'connection', type: 'tls.cert.date_invalid', elapsed_time: 48, server_ip: '203.0.113.9' },
    });
  });

  it('labels a false alarm (a bot check) as not an outage, and nothing else', async () => {
    const { diagnose } = await import('@/lib/diagnosis/diagnose');
    const botCheck = diagnose(
      { status: 503, headers: { server: 'cloudflare', 'cf-mitigated': 'challenge' }, url: 'https://shop.example.com/' },
      0,
    );
    const har = toHar([makeIncident({ status: 503, diagnosis: botCheck }), makeIncident()], '0.1.0');
    expect(har.log.entries.map((e) => e._falseAlarm)).toEqual([true, undefined]);
    expect(checkHar12(har)).toEqual([]);
  });
});
