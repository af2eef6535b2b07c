import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { makeIncident } from '../helpers/incidents';

/** The status_line cell of a one-incident export. */
const cell = (value: string) => toCsv([makeIncident({ statusLine: value })]).split('\r\n')[1];

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' leading space', ' leading space'],
    ['HTTP/1.1 502 Bad Gateway', 'HTTP/1.1 502 Bad Gateway'],
    ['ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ])('cell %j → %s', (value, expected) => {
    expect(cell(value)).toContain(`,502,${expected},main_frame,`);
  });

  // A spreadsheet skips these before it decides a cell is a formula; so must we.
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@cmd', "'@cmd"],
    ['  =1+1', "'  =1+1"],
    ['\t=1+1', "'\t=1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\r=1', `"'\r=1"`],
    ['\u00a0=1+1', "' =1+1"],
    ['\ufeff=1+1', "'\ufeff=1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\u2060@x', "'\u2060@x"],
    ['＝1+1', "'=1+1"],
    ['＋1', "'+1"],
    ['－1', "'-1"],
    ['＠x', "'@x"],
    ['\u3000＝1', "' =1"],
    ['\u0007bell', "'\u0007bell"],
  ])('defuses %j → %j', (value, expected) => {
    expect(cell(value)).toContain(`,502,${expected},main_frame,`);
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
      'id,time_utc,site,status,status_line,type,method,page_url,request_url,server_ip,from_cache,server,request_id,request_id_header',
    );
    expect(lines[1]).toBe(
      '7,2026-11-27T22:41:07.123Z,example.com,502,HTTP/1.1 502 Bad Gateway,main_frame,GET,https://shop.example.com/,https://shop.example.com/,203.0.113.9,false,nginx,abc-FRA,cf-ray',
    );
    expect(lines[2]).toContain('"https://x.example/a,b?q=""1"""');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
