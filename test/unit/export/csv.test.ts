import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/export/csv';
import { withBody } from '@/lib/log/incident';
import type { Incident } from '@/lib/log/model';
import { makeIncident, makeNetworkIncident } from '../helpers/incidents';

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
      'id,time_utc,site,status,status_line,type,method,page_url,request_url,server_ip,from_cache,server,request_id,request_id_header,' +
        'count,last_time_utc,time_local,failing_layer,cause,confidence,false_alarm,page_id,edge,retry_after,' +
        'phase,nel_type,elapsed_time,error,' +
        'other_networks,other_networks_failing,other_networks_time_utc,other_networks_id',
    );
    expect(lines[1]).toMatch(
      /^7,2026-11-27T22:41:07\.123Z,example\.com,502,HTTP\/1\.1 502 Bad Gateway,main_frame,GET,https:\/\/shop\.example\.com\/,https:\/\/shop\.example\.com\/,203\.0\.113\.9,false,nginx,abc-FRA,cf-ray,/,
    );
    expect(lines[2]).toContain('"https://x.example/a,b?q=""1"""');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  /** The row of one incident as a map from column to cell. */
  function row(incident: Incident): Record<string, string> {
    const [head, cells] = toCsv([incident]).split('\r\n');
    const names = head?.split(',') ?? [];
    const values = cells?.split(',') ?? [];
    return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  }

  it('says how often, when last and when in local time, who failed and why, and how sure', () => {
    const time = Date.UTC(2026, 10, 27, 22, 41, 7, 123);
    const incident = makeIncident({ time, lastTime: time + 59_000, count: 4, tzOffset: -300 });
    expect(row(incident)).toMatchObject({
      count: '4',
      last_time_utc: '2026-11-27T22:42:06.123Z',
      time_local: '2026-11-27T17:41:07.123-05:00',
      failing_layer: incident.diagnosis.chain[incident.diagnosis.failing ?? -1]?.id ?? '',
      cause: incident.diagnosis.causes[0]?.id,
      false_alarm: 'false',
    });
    expect(row(incident).failing_layer).not.toBe('');
  });

  it('writes how sure the diagnosis is', () => {
    const incident = makeIncident();
    expect(row(incident).confidence).toBe(incident.diagnosis.confidence);
    const sure = { ...incident, diagnosis: { ...incident.diagnosis, confidence: 'high' as const } };
    expect(row(sure).confidence).toBe('high');
  });

  it('writes the page’s ID, the edge location and Retry-After from the diagnosis', () => {
    const time = Date.UTC(2024, 10, 14, 12, 0, 0);
    const body = '<p>Cloudflare Ray ID: <strong>8e2a1b3c4d5e6f72</strong></p>';
    const headers = { server: 'cloudflare', 'cf-ray': '8e2a1b3c4d5e6f72-LHR', 'retry-after': '120' };
    const incident = withBody(makeIncident({ time, status: 503, statusLine: 'HTTP/2 503', headers }), body);
    // The page repeats the header's Ray ID: it is the request ID, not a second one.
    expect(row(incident)).toMatchObject({
      request_id: '8e2a1b3c4d5e6f72-LHR',
      page_id: '',
      edge: 'LHR',
      retry_after: '120',
    });
    const { 'cf-ray': _ray, ...withoutRay } = headers;
    const pageOnly = withBody(makeIncident({ time, status: 503, statusLine: 'HTTP/2 503', headers: withoutRay }), body);
    expect(row(pageOnly).page_id).toBe('8e2a1b3c4d5e6f72');
  });

  it('says when the failure is a false alarm (a bot check)', () => {
    const incident = withBody(
      makeIncident({
        status: 503,
        statusLine: 'HTTP/2 503',
        headers: { server: 'cloudflare', 'cf-mitigated': 'challenge' },
      }),
      '<title>Just a moment...</title>',
    );
    expect(incident.diagnosis.falseAlarm).toBe(true);
    expect(row(incident).false_alarm).toBe('true');
  });

  it('writes a network error with status 0 and NEL’s phase, type and elapsed time, and the browser’s name', () => {
    const incident = makeNetworkIncident('net::ERR_CONNECTION_REFUSED', { id: 3 }, 'http://shop.example.com/', 12);
    expect(row(incident)).toMatchObject({
      id: '3',
      status: '0',
      status_line: '',
      page_url: 'http://shop.example.com/',
      server_ip: '203.0.113.9',
      phase: 'connection',
      nel_type: 'tcp.refused',
      elapsed_time: '12',
      error: 'net::ERR_CONNECTION_REFUSED',
    });
  });
});
