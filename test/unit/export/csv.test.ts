import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
  ])('cell %j → %s', (value, expected) => {
    const row = toCsv([makeIncident({ statusLine: value })]).split('\r\n')[1];
    expect(row).toContain(`,502,${expected},main_frame,`);
  });

  it('writes numbers and booleans as they are, and nothing for what is missing', () => {
    const row = toCsv([makeIncident({ id: undefined, ip: null, fromCache: false })]).split('\r\n')[1];
    expect(row).toMatch(/^,2026-/);
    expect(row).toContain(',,false,');
  });

  it('writes a header row and one CRLF-terminated row per incident', () => {
    const csv = toCsv([
      makeIncident({ id: 7, headers: { server: 'nginx', 'cf-ray': 'abc-FRA' } }),
      makeIncident({ id: 8, requestUrl: 'https://x.example/a,b?q="1"' }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,time_utc,site,status,status_line,type,method,page_url,request_url,server_ip,from_cache,server,request_id,request_id_header,phase,nel_type,elapsed_time,error',
    );
    expect(lines[1]).toBe(
      '7,2026-11-27T22:41:07.123Z,example.com,502,HTTP/1.1 502 Bad Gateway,main_frame,GET,https://shop.example.com/,https://shop.example.com/,203.0.113.9,false,nginx,abc-FRA,cf-ray,,,,',
    );
    expect(lines[2]).toContain('"https://x.example/a,b?q=""1"""');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('writes a network error with status 0 and NEL’s phase, type and elapsed time, and the browser’s name', () => {
    const csv = toCsv([makeNetworkIncident('net::ERR_CONNECTION_REFUSED', { id: 3 }, 'http://shop.example.com/', 12)]);
    expect(csv.split('\r\n')[1]).toBe(
      '3,2026-11-27T22:41:07.123Z,example.com,0,,main_frame,GET,http://shop.example.com/,http://shop.example.com/,203.0.113.9,false,,,,connection,tcp.refused,12,net::ERR_CONNECTION_REFUSED',
    );
  });
});
