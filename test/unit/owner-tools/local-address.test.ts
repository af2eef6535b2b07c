import { describe, expect, it } from 'vitest';
import { isIpHost, isLocalHost, isLocalIp } from '@/lib/owner-tools/local-address';

/** The host as the URL parser leaves it: what the extension reads, whatever the page wrote. */
const host = (url: string) => new URL(url).hostname;

describe('isLocalHost, through the URL parser', () => {
  it.each([
    // Loopback in every spelling the parser normalises to 127.0.0.1 or ::1
    'http://127.0.0.1/',
    'http://127.1/',
    'http://127.0.0.1./',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.1/',
    'http://0x7f.0x0.0x0.0x1/',
    'http://0177.0.0.1/',
    'http://0177.1/',
    'http://%31%32%37.0.0.1/',
    'http://１２７.０.０.１/',
    'http://127.255.255.254/',
    'http://[::1]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[2002:7f00:1::]/',
    // Names for this machine and local networks
    'http://localhost/',
    'http://LOCALHOST/',
    'http://localhost./',
    'http://app.localhost/',
    'http://printer.local/',
    'http://router.home.arpa/',
    'http://db.internal/',
    'http://intranet/',
    // Private, link-local, unspecified, carrier-grade NAT, multicast, broadcast
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://3232235777/',
    'http://169.254.169.254/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://0/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::]/',
    'http://[fd12:3456:789a::1]/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://[fec0::1]/',
    'http://[ff02::1]/',
    'http://[::ffff:192.168.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
  ])('%s is local', (url) => {
    expect(isLocalHost(host(url))).toBe(true);
  });

  it.each([
    'http://example.com/',
    'http://8.8.8.8/',
    'http://134744072/',
    'http://172.32.0.1/',
    'http://172.15.255.255/',
    'http://192.169.0.1/',
    'http://100.128.0.1/',
    'http://203.0.113.9/',
    'http://[2001:db8::1]/',
    'http://[2606:4700::1111]/',
    'http://[::ffff:8.8.8.8]/',
    'http://localhost.example.com/',
    'http://local.example.com/',
    'http://xn--bcher-kva.example/',
  ])('%s is not', (url) => {
    expect(isLocalHost(host(url))).toBe(false);
  });
});

describe('isLocalIp, as webRequest reports it', () => {
  it.each([
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['fe80::1%eth0', true],
    ['10.20.30.40', true],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
    ['not an ip', false],
    ['1:2:3:4:5:6:7:8:9', false],
  ])('%s → %s', (ip, local) => {
    expect(isLocalIp(ip)).toBe(local);
  });
});

describe('isIpHost', () => {
  it.each([
    ['http://2130706433/', true],
    ['http://[::1]/', true],
    ['http://example.com/', false],
    ['http://localhost/', false],
  ])('%s → %s', (url, ip) => {
    expect(isIpHost(host(url))).toBe(ip);
  });
});
