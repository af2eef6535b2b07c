import { diagnose } from '@/lib/diagnosis/diagnose';
import type { Diagnosis } from '@/lib/diagnosis/model';
import { LOCAL_SOURCE } from './model';
import { redactUrl } from './redact';
import { type HttpHeader, pickSafeHeaders } from './safe-headers';

/** The webRequest request types whose failure can break what a person sees. */
export const WATCHED_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest', 'script', 'stylesheet'] as const;

/** What `webRequest.onCompleted` hands us: the fields we read, nothing more. */
export interface CompletedRequest {
  requestId: string;
  url: string;
  method: string;
  type: string;
  statusCode: number;
  statusLine?: string;
  tabId: number;
  frameId: number;
  ip?: string;
  fromCache: boolean;
  timeStamp: number;
  /** Chromium: the origin that started the request. */
  initiator?: string;
  /** Firefox: the URL of the document that made the request. */
  documentUrl?: string;
  responseHeaders?: HttpHeader[];
}

/** Where the failure was seen from: the network and the software. */
export interface Vantage {
  /** The browser's own name and version, e.g. "Chromium 156.0.8078.108". */
  browser: string;
  /** This extension's version. */
  extension: string;
  /** navigator.onLine at the time, when known. */
  online?: boolean;
  /** Network Information API: connection type ("wifi", "cellular"…), when the browser tells. */
  connection?: string;
  /** Network Information API: effective type ("4g", "3g"…), when the browser tells. */
  effectiveType?: string;
  /** The person's own label for the network ("office wifi"), empty when unset. */
  networkLabel: string;
}

export { LOCAL_SOURCE } from './model';

/** One failed response, as stored in the log. URLs are redacted before they get here. */
export interface Incident {
  /** Assigned by the store. */
  id?: number;
  /** Epoch milliseconds of the (first) failure. */
  time: number;
  /** Epoch milliseconds of the last failure coalesced into this incident. */
  lastTime: number;
  /** How many failures this incident stands for (repeats within a short window coalesce). */
  count: number;
  /** The machine's UTC offset at `time`, minutes east of UTC, for the local-time rendering. */
  tzOffset: number;
  /** The page the person was on (for a top-level failure, the failing URL itself). */
  pageUrl: string;
  requestUrl: string;
  /** Registrable domain of the page: the key the log is grouped by. */
  site: string;
  status: number;
  statusLine: string;
  /** webRequest type: main_frame, sub_frame, xmlhttprequest, script, stylesheet. */
  type: string;
  method: string;
  tabId: number;
  frameId: number;
  ip: string | null;
  fromCache: boolean;
  /** An allowlisted subset of the response headers (see lib/headers.ts). */
  headers: Record<string, string>;
  vantage: Vantage;
  /** LOCAL_SOURCE, or the label of the imported file it came from. */
  source: string;
  /** Which layers answered, which failed and why (lib/diagnose.ts): ids and evidence, no prose. */
  diagnosis: Diagnosis;
}

/** What the caller knows beyond the request itself. */
export interface IncidentContext {
  /** The page the request belongs to (the tab's URL), when known. */
  pageUrl?: string;
  tzOffset: number;
  vantage: Vantage;
  /**
   * The registrable domain of a URL (lib/site.ts, or the background's lazily loaded list in
   * lib/psl-loader.ts): passed in, so that the background does not carry the list.
   */
  siteOf: (url: string) => string;
}

/** Diagnoses the incident again with a bounded prefix of its page's body. */
export function withBody(incident: Incident, body: string): Incident {
  const diagnosis = diagnose(
    {
      status: incident.status,
      statusLine: incident.statusLine,
      headers: incident.headers,
      body,
      url: incident.requestUrl,
    },
    incident.time,
  );
  return { ...incident, diagnosis };
}

/** True for the responses this extension explains. Kept tiny: it runs on every request. */
export function isServerError(status: number): boolean {
  return status >= 500 && status <= 599;
}

/**
 * Builds the stored record for a failed response. The page is the tab's URL when the
 * caller knows it; otherwise the request's own (top level) or its document's (Firefox).
 */
export function createIncident(req: CompletedRequest, context: IncidentContext): Incident {
  const { pageUrl, tzOffset, vantage, siteOf } = context;
  const page = redactUrl(pageUrl ?? (req.type === 'main_frame' ? req.url : (req.documentUrl ?? req.url)));
  const time = Math.round(req.timeStamp);
  const headers = pickSafeHeaders(req.responseHeaders);
  return {
    time,
    lastTime: time,
    count: 1,
    tzOffset,
    pageUrl: page,
    requestUrl: redactUrl(req.url),
    site: siteOf(page),
    status: req.statusCode,
    statusLine: req.statusLine ?? String(req.statusCode),
    type: req.type,
    method: req.method,
    tabId: req.tabId,
    frameId: req.frameId,
    ip: req.ip ?? null,
    fromCache: req.fromCache,
    headers,
    vantage,
    source: LOCAL_SOURCE,
    // Headers only here: the body, when there is one, reaches us later from the page (see diagnose.ts).
    diagnosis: diagnose({ status: req.statusCode, statusLine: req.statusLine, headers, url: req.url }, time),
  };
}
