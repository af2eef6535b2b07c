import { hasControl, isIp, isMethod } from '@/lib/log/limits';
import type { Incident } from '@/lib/log/model';
import { isoUtc } from '@/lib/log/time';

interface HarHeader {
  name: string;
  value: string;
}

/** The parts of HAR 1.2 we write (http://www.softwareishard.com/blog/har-12-spec/). */
export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    queryString: HarHeader[];
    headersSize: -1;
    bodySize: -1;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: -1;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  serverIPAddress?: string;
  comment?: string;
  /** Custom fields (HAR allows them with a leading underscore). */
  _site: string;
  _type: string;
  _count: number;
  _lastTime: string;
  _source: string;
  /** Present (true) for a false alarm: a bot check or a Wi-Fi login, not an outage. */
  _falseAlarm?: true;
  /** A network error: the browser's name for it, as DevTools writes it in its HAR files. */
  _error?: string;
  /** A network error as a NEL report body: `phase`, `type`, `elapsed_time`, `server_ip`. */
  _nel?: { phase: string; type: string; elapsed_time: number | null; server_ip: string };
}

/** Splits "HTTP/1.1 502 Bad Gateway" into version and reason; HTTP/2 lines carry no reason. */
function parseStatusLine(line: string): { httpVersion: string; statusText: string } {
  const match = /^(HTTP\/\d(?:\.\d)?)\s+\d{3}\s*(.*)$/i.exec(text(line).trim());
  return match ? { httpVersion: match[1] as string, statusText: match[2] ?? '' } : { httpVersion: '', statusText: '' };
}

/**
 * A string field as HAR tools may safely use it: no CR, LF or other control character, which a
 * tool replaying the request could turn into a header of its own (`GET\r\nX-Evil: 1`).
 */
function text(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

/** Header-like pairs with a token name and a clean value; anything else is left out. */
function pairs(entries: Iterable<[string, string]>, nameIsToken: boolean): HarHeader[] {
  const out: HarHeader[] = [];
  for (const [name, value] of entries) {
    if (nameIsToken ? !isMethod(name) : hasControl(name)) continue;
    out.push({ name, value: text(value) });
  }
  return out;
}

function queryString(url: string): HarHeader[] {
  try {
    return pairs(new URL(url).searchParams, false);
  } catch {
    return [];
  }
}

/** What a coalesced entry stands for, and what other networks got (in English: HAR has no locale). */
function comment(incident: Incident): string {
  const parts: string[] = [];
  if (incident.count > 1) parts.push(`${incident.count} failures until ${isoUtc(incident.lastTime)}`);
  const n = incident.otherNetworks;
  if (n) {
    const got = n.failingStatus ?? n.failingError ?? n.upStatus ?? '';
    parts.push(
      `Other networks (Globalping ${n.measurementId}, ${isoUtc(n.time)}): ${n.verdict}, ${n.failing} of ${n.answered} failing${got === '' ? '' : ` (${got})`}`,
    );
  }
  return text(parts.join('; '));
}

/**
 * The failing requests as HAR 1.2, so DevTools and HAR viewers open them. We never see
 * timings or bodies, so those are zero; request headers are not kept (cookies, auth). A network
 * error is written the way DevTools writes one: status 0 and `_error`; its `time` is NEL's
 * elapsed time when known.
 */
export function toHar(incidents: readonly Incident[], version: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: '5xx Explainer', version },
      entries: incidents.map((incident): HarEntry => {
        const { httpVersion, statusText } = parseStatusLine(incident.statusLine);
        const net = incident.network;
        return {
          startedDateTime: isoUtc(incident.time),
          time: net?.elapsed_time ?? 0,
          request: {
            // Validated again: a method that is not a token is left empty rather than written.
            method: isMethod(incident.method) ? incident.method : '',
            url: text(incident.requestUrl),
            httpVersion: httpVersion || 'HTTP/1.1',
            cookies: [],
            headers: [],
            queryString: queryString(incident.requestUrl),
            headersSize: -1,
            bodySize: -1,
          },
          response: {
            status: incident.status,
            statusText,
            httpVersion: httpVersion || 'HTTP/1.1',
            cookies: [],
            headers: pairs(Object.entries(incident.headers), true),
            content: { size: 0, mimeType: text(incident.headers['content-type'] ?? '') },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
          ...(incident.ip && isIp(incident.ip) ? { serverIPAddress: incident.ip } : {}),
          ...(comment(incident) ? { comment: comment(incident) } : {}),
          _site: text(incident.site),
          _type: text(incident.type),
          _count: incident.count,
          _lastTime: isoUtc(incident.lastTime),
          _source: text(incident.source),
          ...(incident.diagnosis.falseAlarm ? { _falseAlarm: true as const } : {}),
          ...(net
            ? {
                _error: text(net.error),
                _nel: {
                  phase: text(net.phase),
                  type: text(net.type),
                  elapsed_time: net.elapsed_time,
                  server_ip: text(net.server_ip),
                },
              }
            : {}),
        };
      }),
    },
  };
}
