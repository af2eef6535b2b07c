import { diagnose } from '@/lib/diagnosis/diagnose';
import { diagnoseNetworkError } from '@/lib/diagnosis/network';
import type { NetworkErrorRow } from '@/lib/diagnosis/tables/network-errors';
import { keepText, MAX_STATUS_LINE, VANTAGE_LIMITS } from './limits';
import { type Incident, LOCAL_SOURCE, type Vantage } from './model';
import { pageText } from './page-text';
import { redactHeaders, redactUrl } from './redact';
import { type HttpHeader, pickSafeHeaders } from './safe-headers';

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
  /** Chromium: the document that made the request, and whether it is the one on screen (`active`). */
  documentId?: string;
  documentLifecycle?: string;
  /** Firefox: whether the request came from a private window. */
  incognito?: boolean;
  responseHeaders?: HttpHeader[];
}

/** What `webRequest.onErrorOccurred` hands us: the fields we read, nothing more. */
export interface FailedRequest {
  requestId: string;
  url: string;
  method: string;
  type: string;
  tabId: number;
  frameId: number;
  ip?: string | null;
  fromCache: boolean;
  timeStamp: number;
  /** The browser's name for the error: `net::ERR_CONNECTION_REFUSED`, `NS_ERROR_UNKNOWN_HOST`… */
  error: string;
  initiator?: string;
  documentUrl?: string;
  documentId?: string;
  documentLifecycle?: string;
  /** Firefox: whether the request came from a private window. */
  incognito?: boolean;
}

/** What the caller knows beyond the request itself. */
export interface IncidentContext {
  /** The page the request belongs to (the tab's URL), when known. */
  pageUrl?: string;
  tzOffset: number;
  vantage: Vantage;
  /**
   * The site of a URL (lib/site/): passed in, so that the background can load the Public Suffix
   * List when it first needs it instead of carrying it.
   */
  siteOf: (url: string) => string;
  /** How long the answer took, when the background saw the request go out (top-level pages). */
  durationMs?: number;
}

/**
 * Diagnoses the incident again with a bounded prefix of its page's body and the time its answer
 * took, and keeps what the page said (the body itself is never kept).
 */
export function withBody(incident: Incident, body: string, durationMs?: number): Incident {
  const diagnosis = diagnose(
    {
      status: incident.status,
      statusLine: incident.statusLine,
      headers: incident.headers,
      body,
      url: incident.requestUrl,
      durationMs,
    },
    incident.time,
  );
  const text = pageText(body);
  return { ...incident, diagnosis, ...(text ? { pageText: text } : {}) };
}

/** The fields every record has, whatever failed. */
type Base = Omit<Incident, 'status' | 'statusLine' | 'headers' | 'diagnosis' | 'network'>;

/**
 * The page is the tab's URL when the caller knows it; otherwise the request's own (top level)
 * or its document's (Firefox).
 */
function base(req: CompletedRequest | FailedRequest, context: IncidentContext): Base {
  const { pageUrl, tzOffset, vantage, siteOf } = context;
  const page = redactUrl(pageUrl ?? (req.type === 'main_frame' ? req.url : (req.documentUrl ?? req.url)));
  const time = Math.round(req.timeStamp);
  return {
    time,
    lastTime: time,
    count: 1,
    tzOffset,
    pageUrl: page,
    requestUrl: redactUrl(req.url),
    site: siteOf(page),
    type: req.type,
    method: req.method,
    tabId: req.tabId,
    frameId: req.frameId,
    ip: req.ip || null,
    fromCache: req.fromCache,
    vantage: { ...vantage, browser: keepText(vantage.browser, VANTAGE_LIMITS.browser) },
    source: LOCAL_SOURCE,
  };
}

/** Builds the stored record for a failed response (a status of 500 or more). */
export function createIncident(req: CompletedRequest, context: IncidentContext): Incident {
  const record = base(req, context);
  const headers = redactHeaders(pickSafeHeaders(req.responseHeaders));
  // Cut to what an import accepts (./limits.ts), so that an export always reads back.
  const statusLine = keepText(req.statusLine ?? String(req.statusCode), MAX_STATUS_LINE);
  return {
    ...record,
    status: req.statusCode,
    statusLine,
    headers,
    // Headers only here: the body, when there is one, reaches us later from the page (see lib/diagnosis/diagnose.ts).
    diagnosis: diagnose(
      { status: req.statusCode, statusLine, headers, url: req.url, durationMs: context.durationMs },
      record.time,
    ),
  };
}

/**
 * Builds the stored record for a request that got no response (a network error classified as
 * `row`). The context's `durationMs` is NEL's `elapsed_time`, when known.
 */
export function createNetworkIncident(req: FailedRequest, row: NetworkErrorRow, context: IncidentContext): Incident {
  const record = base(req, context);
  const error = req.error.slice(0, 200);
  return {
    ...record,
    status: 0,
    statusLine: '',
    headers: {},
    diagnosis: diagnoseNetworkError(row, error),
    network: {
      error,
      id: row.id,
      phase: row.phase,
      type: row.type,
      elapsed_time: context.durationMs === undefined ? null : Math.round(context.durationMs),
      // NEL reports no server for a DNS failure: there was none.
      server_ip: row.phase === 'dns' ? '' : (record.ip ?? ''),
    },
  };
}
