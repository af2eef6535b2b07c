import { type HttpHeader, pickSafeHeaders } from './headers';
import { redactUrl } from './redact';
import { siteOf } from './site';

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

/** One failed response, as stored in the log. URLs are redacted before they get here. */
export interface Incident {
  /** Assigned by the store. */
  id?: number;
  /** Epoch milliseconds of the response. */
  time: number;
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
}

/** True for the responses this extension explains. Kept tiny: it runs on every request. */
export function isServerError(status: number): boolean {
  return status >= 500 && status <= 599;
}

/**
 * Builds the stored record for a failed response. `pageUrl` is the URL of the page the
 * request belongs to when the caller knows it (the tab's URL); otherwise the request's own.
 */
export function createIncident(req: CompletedRequest, pageUrl?: string): Incident {
  const page = redactUrl(pageUrl ?? (req.type === 'main_frame' ? req.url : (req.documentUrl ?? req.url)));
  return {
    time: Math.round(req.timeStamp),
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
    headers: pickSafeHeaders(req.responseHeaders),
  };
}
