import { describe, expect, it } from 'vitest';
import {
  dnsMeasurement,
  httpMeasurement,
  locationsFor,
  PROBE_LOCATIONS,
  targetOf,
} from '../../../../lib/owner-tools/globalping/request';
import { requestProblems } from '../../../stubs/globalping-rules';

describe('targetOf', () => {
  it.each([
    ['https://shop.example.com/cart?id=1', { host: 'shop.example.com', protocol: 'HTTPS', port: null, isIp: false }],
    ['http://shop.example.com:8080/', { host: 'shop.example.com', protocol: 'HTTP', port: 8080, isIp: false }],
    ['https://shop.example.com./', { host: 'shop.example.com', protocol: 'HTTPS', port: null, isIp: false }],
    ['https://93.184.215.14/', { host: '93.184.215.14', protocol: 'HTTPS', port: null, isIp: true }],
    ['https://[2606:4700::6812:3007]/', { host: '[2606:4700::6812:3007]', protocol: 'HTTPS', port: null, isIp: true }],
  ])('%s can be measured', (url, expected) => {
    expect(targetOf(url)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['not a url', 'not-a-url'],
    ['ftp://files.example.com/', 'not-http'],
    ['chrome://settings/', 'not-http'],
    ['http://localhost:3000/', 'not-public'],
    ['http://app.localhost/', 'not-public'],
    ['http://intranet/', 'not-public'],
    ['http://printer.local/', 'not-public'],
    ['http://router.home.arpa/', 'not-public'],
    ['http://wiki.corp.internal/', 'not-public'],
    ['http://myapp.test/', 'not-public'],
    ['http://127.0.0.1:8080/', 'not-public'],
    ['http://10.1.2.3/', 'not-public'],
    ['http://172.20.0.5/', 'not-public'],
    ['http://192.168.1.1/', 'not-public'],
    ['http://169.254.169.254/latest/meta-data/', 'not-public'],
    ['http://100.64.0.1/', 'not-public'],
    ['http://0x7f.1/', 'not-public'],
    ['http://[::1]/', 'not-public'],
    ['http://[fd12:3456::1]/', 'not-public'],
    ['http://[fe80::1]/', 'not-public'],
    ['http://[::ffff:10.0.0.1]/', 'not-public'],
  ])('%s cannot (%s)', (url, problem) => {
    expect(targetOf(url)).toEqual({ ok: false, problem });
  });

  it('does not take a public address in a neighbouring range for a private one', () => {
    expect(targetOf('http://172.32.0.1/').ok).toBe(true);
    expect(targetOf('http://11.0.0.1/').ok).toBe(true);
  });
});

describe('locationsFor', () => {
  it('spreads 9 probes over six continents', () => {
    const locations = locationsFor(null);
    expect(locations.map((l) => l.continent)).toEqual(['EU', 'NA', 'AS', 'SA', 'OC', 'AF']);
    expect(locations.reduce((sum, l) => sum + (l.limit ?? 1), 0)).toBe(9);
  });

  it("adds one probe in the visitor's country, making 10", () => {
    const locations = locationsFor('de');
    expect(locations.at(-1)).toEqual({ country: 'DE', limit: 1 });
    expect(locations.reduce((sum, l) => sum + (l.limit ?? 1), 0)).toBe(10);
  });

  it.each([[''], ['Germany'], ['D'], [undefined]])('ignores a country that is not a code (%j)', (country) => {
    expect(locationsFor(country)).toHaveLength(PROBE_LOCATIONS.length);
  });

  it('does not let a caller change the shared table', () => {
    const first = locationsFor(null)[0];
    if (first) first.limit = 40;
    expect(PROBE_LOCATIONS[0]?.limit).toBe(2);
  });
});

describe('httpMeasurement', () => {
  const url = 'https://user:pw@shop.example.com/orders/8812/invoice?token=s3cr3t&lang=de#section';

  it("without consent asks for the site's / only", () => {
    const plan = httpMeasurement({ url, includePath: false, visitorCountry: 'DE' });
    expect(plan).toEqual({
      ok: true,
      request: {
        type: 'http',
        target: 'shop.example.com',
        inProgressUpdates: true,
        locations: locationsFor('DE'),
        measurementOptions: { request: { method: 'GET', path: '/' }, protocol: 'HTTPS' },
      },
    });
    const text = JSON.stringify(plan);
    for (const secret of ['orders', '8812', 'token', 's3cr3t', 'lang', 'section', 'user', 'pw']) {
      expect(text).not.toContain(secret);
    }
  });

  it('with consent sends the path and the query, secrets redacted, never the fragment or credentials', () => {
    const plan = httpMeasurement({ url, includePath: true, method: 'HEAD' });
    if (!plan.ok) throw new Error('expected a plan');
    expect(plan.request.measurementOptions).toEqual({
      request: { method: 'HEAD', path: '/orders/8812/invoice', query: 'token=REDACTED&lang=de' },
      protocol: 'HTTPS',
    });
    const text = JSON.stringify(plan);
    for (const secret of ['s3cr3t', 'section', 'user', 'pw']) expect(text).not.toContain(secret);
  });

  it('keeps an explicit port and plain HTTP', () => {
    const plan = httpMeasurement({ url: 'http://shop.example.com:8080/', includePath: false });
    expect(plan.ok && plan.request.measurementOptions).toEqual({
      request: { method: 'GET', path: '/' },
      protocol: 'HTTP',
      port: 8080,
    });
  });

  it('sends no empty query', () => {
    const plan = httpMeasurement({ url: 'https://shop.example.com/cart?', includePath: true });
    expect(plan.ok && plan.request.measurementOptions).toEqual({
      request: { method: 'GET', path: '/cart' },
      protocol: 'HTTPS',
    });
  });

  it('refuses an address only this machine or network can reach', () => {
    expect(httpMeasurement({ url: 'http://localhost:5173/', includePath: true })).toEqual({
      ok: false,
      problem: 'not-public',
    });
  });

  it.each([[false], [true]])('builds a request the schema accepts (consent %s)', (includePath) => {
    const plan = httpMeasurement({ url, includePath, visitorCountry: 'JP' });
    expect(plan.ok && requestProblems(plan.request)).toEqual([]);
  });
});

describe('dnsMeasurement', () => {
  it("looks up A records from the HTTP measurement's probes", () => {
    const request = dnsMeasurement('https://shop.example.com/x', '3Vq8sTRpK2mYw1xZa0001Kf4q', '104.21.48.7');
    expect(request).toEqual({
      type: 'dns',
      target: 'shop.example.com',
      inProgressUpdates: true,
      locations: '3Vq8sTRpK2mYw1xZa0001Kf4q',
      measurementOptions: { query: { type: 'A' } },
    });
    expect(requestProblems(request)).toEqual([]);
  });

  it('looks up AAAA when the visitor reached the site over IPv6', () => {
    expect(dnsMeasurement('https://shop.example.com/', 'abc', '2606:4700:3030::6815:3007')?.measurementOptions).toEqual(
      {
        query: { type: 'AAAA' },
      },
    );
  });

  it('has nothing to look up for an IP address or a local name', () => {
    expect(dnsMeasurement('https://93.184.215.14/', 'abc', null)).toBeNull();
    expect(dnsMeasurement('http://localhost/', 'abc', null)).toBeNull();
  });
});
