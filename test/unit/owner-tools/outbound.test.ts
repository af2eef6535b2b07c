import { describe, expect, it } from 'vitest';
import {
  RATE_MAX,
  RATE_WINDOW_MS,
  refuseAnswer,
  refuseTarget,
  requestTarget,
  takeSlot,
} from '@/lib/owner-tools/outbound';

const publicPage = { url: 'https://shop.example.com/cart', ip: '203.0.113.9' };
const localPage = { url: 'http://localhost:3000/', ip: '127.0.0.1' };
const intranetPage = { url: 'http://wiki.corp.example.com/', ip: '10.1.2.3' };

describe('requestTarget', () => {
  it('asks for http(s) only, without credentials or fragment', () => {
    expect(requestTarget('https://u:p@a.example/x?q=1#frag')?.href).toBe('https://a.example/x?q=1');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:,x', 'ftp://a.example/', 'not a url']) {
      expect(requestTarget(url)).toBeNull();
    }
  });
});

describe('refuseTarget', () => {
  it.each([
    ['http://127.0.0.1:8080/admin', publicPage, 'local'],
    ['http://2130706433/', publicPage, 'local'],
    ['http://[::ffff:7f00:1]/', publicPage, 'local'],
    ['http://169.254.169.254/latest/meta-data/', publicPage, 'local'],
    ['http://status.localhost/api/v2/status.json', publicPage, 'local'],
    ['http://192.168.1.1/', publicPage, 'local'],
    ['javascript:alert(1)', publicPage, 'scheme'],
    ['http://127.0.0.1:3000/', localPage, null],
    ['http://status.localhost/', localPage, null],
    ['http://10.9.9.9/', intranetPage, null],
    ['https://shop.example.com/', publicPage, null],
    ['https://status.example.com/api/v2/status.json', publicPage, null],
  ] as const)('%s for %o → %s', (url, page, refusal) => {
    expect(refuseTarget(requestTarget(url), page)).toBe(refusal);
  });
});

describe('refuseAnswer: a name that resolved to a local address (DNS rebinding)', () => {
  const target = new URL('https://shop.example.com/');
  it.each([
    ['127.0.0.1', publicPage, 'rebinding'],
    ['10.0.0.7', publicPage, 'rebinding'],
    ['::ffff:192.168.0.1', publicPage, 'rebinding'],
    [undefined, publicPage, 'rebinding'],
    ['203.0.113.9', publicPage, null],
    ['10.1.2.3', intranetPage, null],
    ['127.0.0.1', localPage, null],
  ] as const)('answer from %s for %o → %s', (ip, page, refusal) => {
    expect(refuseAnswer(target, ip, page)).toBe(refusal);
  });

  it('leaves an address written as an IP to refuseTarget', () => {
    expect(refuseAnswer(new URL('http://203.0.113.9/'), undefined, publicPage)).toBeNull();
  });

  it('counts a page with no known IP on a public name as public', () => {
    expect(refuseAnswer(target, '127.0.0.1', { url: 'https://shop.example.com/', ip: null })).toBe('rebinding');
  });
});

describe('takeSlot', () => {
  it(`lets ${RATE_MAX} requests a site through per window, then refuses until the oldest ages out`, () => {
    let recent: number[] = [];
    const allowed: boolean[] = [];
    for (let i = 0; i < RATE_MAX + 2; i++) {
      const slot = takeSlot(recent, 1000 + i);
      allowed.push(slot.allowed);
      recent = slot.recent;
    }
    expect(allowed).toEqual([...Array(RATE_MAX).fill(true), false, false]);
    expect(takeSlot(recent, 1000 + RATE_WINDOW_MS).allowed).toBe(true);
  });

  it('forgets times from the future (a clock set back) and from before the window', () => {
    expect(takeSlot([5e12, 5e12, 5e12, 5e12, 5e12, 5e12, 0], 1e6)).toEqual({ allowed: true, recent: [1e6] });
  });
});
