import { describe, expect, it } from 'vitest';
import { requestProblems } from '../../../stubs/globalping-rules';

// The stub is only worth its answers if it refuses what the API refuses.
describe("the stub's schema rules", () => {
  const ok = { type: 'http', target: 'shop.example.com', locations: [{ continent: 'EU', limit: 2 }] };

  it.each([
    [
      'the spec example (ping, magic locations)',
      { type: 'ping', target: 'cdn.jsdelivr.net', locations: [{ magic: 'FR' }] },
      ['type: this stub serves http and dns measurements only'],
    ],
    ['an http request', ok, []],
    ['a reused measurement id', { type: 'dns', target: 'shop.example.com', locations: 'PY5fMsREMmIq45VR' }, []],
    ['an unknown type', { ...ok, type: 'curl' }, ['type: "type" must be one of [ping, traceroute, dns, mtr, http]']],
    ['no target', { type: 'http' }, ['target: "target" must be a valid domain name']],
    ['a private target', { ...ok, target: '192.168.1.1' }, ['target: "target" must be a valid domain name']],
    [
      'a limit over 50',
      { type: 'http', target: 'shop.example.com', limit: 51 },
      ['limit: "limit" must be between 1 and 50'],
    ],
    [
      'a limit of 0',
      { type: 'http', target: 'shop.example.com', limit: 0 },
      ['limit: "limit" must be between 1 and 50'],
    ],
    [
      'a location limit beside a global one',
      { ...ok, limit: 5 },
      ['locations[0].limit: "locations[0].limit" is not allowed when a global limit is set'],
    ],
    [
      'location limits over 50 in all',
      {
        ...ok,
        locations: [
          { continent: 'EU', limit: 30 },
          { continent: 'NA', limit: 30 },
        ],
      },
      ['locations: the sum of limits must be less than or equal to 50'],
    ],
    [
      'a location naming no place',
      { ...ok, locations: [{ limit: 2 }] },
      [expect.stringMatching(/^locations\[0\]: must contain at least one of/)],
    ],
    [
      'a continent that is not one',
      { ...ok, locations: [{ continent: 'EUROPE' }] },
      ['locations[0].continent: must be a valid two-letter continent code'],
    ],
    [
      'magic with five filters',
      { ...ok, locations: [{ magic: 'a+b+c+d+e' }] },
      ['locations[0].magic: must contain at most 4 combined filters'],
    ],
    ['an unknown top-level field', { ...ok, probes: 3 }, ['probes: "probes" is not allowed']],
    [
      'a request header (we never send one)',
      { ...ok, measurementOptions: { request: { method: 'POST', cookie: 'x' } } },
      [
        'measurementOptions.request.cookie: "measurementOptions.request.cookie" is not allowed',
        'measurementOptions.request.method: must be one of [GET, HEAD, OPTIONS]',
      ],
    ],
    [
      'a port out of range',
      { ...ok, measurementOptions: { port: 70000 } },
      ['measurementOptions.port: must be a valid port'],
    ],
    [
      'a DNS query type that is not one',
      { type: 'dns', target: 'shop.example.com', measurementOptions: { query: { type: 'AA' } } },
      [expect.stringMatching(/^measurementOptions\.query\.type: must be one of/)],
    ],
    ['a timeout over 30 s', { ...ok, timeout: 60 }, ['timeout: "timeout" must be between 5 and 30']],
    ['not an object', 'type=http', ['value: "value" must be of type object']],
  ])('%s', (_, body, expected) => {
    expect(requestProblems(body)).toEqual(expected);
  });
});
