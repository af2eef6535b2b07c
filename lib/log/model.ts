import type { Diagnosis } from '@/lib/diagnosis/model';
import type { NelPhase } from '@/lib/diagnosis/tables/network-errors';

/** What the log holds: incidents, their per-site and hourly counts, and checks. Types and their constants. */

/** The log an incident came from when it was seen in this browser (imports carry their file's label). */
export const LOCAL_SOURCE = 'this browser';

/**
 * One failure, as stored in the log: a response with a status of 500 or more, or a request that
 * got no response at all (a network error: `status` 0 and `network` set, as HAR and NEL write
 * it). URLs are redacted before they get here.
 */
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
  /** The HTTP status; 0 for a network error (no response). */
  status: number;
  statusLine: string;
  /** webRequest type: main_frame, sub_frame, xmlhttprequest, script, stylesheet. */
  type: string;
  method: string;
  tabId: number;
  frameId: number;
  ip: string | null;
  fromCache: boolean;
  /** An allowlisted subset of the response headers (lib/log/safe-headers.ts). */
  headers: Record<string, string>;
  vantage: Vantage;
  /** LOCAL_SOURCE, or the label of the imported file it came from. */
  source: string;
  /** Which layers answered, which failed and why (lib/diagnosis/): ids and evidence, no prose. */
  diagnosis: Diagnosis;
  /**
   * What the error page said: its visible text, secrets removed, at most 160 characters
   * (./page-text.ts). Read when the overlay claims the page; absent for sub-requests, for pages
   * the overlay never ran on, and for pages with no text.
   */
  pageText?: string;
  /** For a network error only: what the browser reported, in NEL's terms. */
  network?: NetworkFailure;
  /** The latest "Check from other networks" of this failure (Globalping), when one was made. */
  otherNetworks?: OtherNetworksCheck;
}

/**
 * A request that got no HTTP response, as the browser reported it and the W3C Network Error
 * Logging spec names it (lib/diagnosis/tables/network-errors.ts). The NEL fields keep NEL's
 * names, so that exports read like NEL reports.
 */
export interface NetworkFailure {
  /** The browser's own name for the error: `net::ERR_CONNECTION_REFUSED`, `NS_ERROR_UNKNOWN_HOST`… */
  error: string;
  /** The row of lib/diagnosis/tables/network-errors.ts that explains it. */
  id: string;
  phase: NelPhase;
  /** The NEL type, e.g. `tcp.refused`. */
  type: string;
  /** Milliseconds from the start of the request until it failed; null when not known. */
  elapsed_time: number | null;
  /** The server's IP address when the browser reached one; empty when it did not say (always for `dns`). */
  server_ip: string;
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

/** A site in the log, with how many incidents it has and when the last one was. */
export interface SiteSummary {
  site: string;
  /** Incidents (each may stand for several coalesced failures). */
  count: number;
  /** Epoch ms of the site's latest failure. */
  last: number;
}

/** How many failures (coalesced repeats counted in full) one site had in one hour with one status. */
export interface HourlyCount {
  site: string;
  /** Hours since 1970-01-01T00:00Z. */
  hour: number;
  status: number;
  count: number;
}

export const HOUR_MS = 3_600_000;

/**
 * Why a check got no status at all: no answer in time, no answer, or not made (`refused`: not
 * a page the person is on, or a local address for a page that is not local, or a name that
 * resolved to one; `private`: a private window; `limited`: the site was checked often enough
 * this minute). Only the first two are logged.
 */
type CheckError = 'timeout' | 'unreachable' | 'refused' | 'private' | 'limited';

/**
 * One check ("Check now", or a watch's), as the log keeps it: what the site answered, from which
 * network, how fast. Reload when it's back's checks are not logged.
 */
export interface CheckRecord {
  id?: number;
  /** Epoch ms when the check was sent. */
  time: number;
  tzOffset: number;
  site: string;
  /** The address checked (redacted). */
  url: string;
  /** The status, or null when nothing answered (see `error`). */
  status: number | null;
  statusLine: string;
  error?: CheckError;
  /** Milliseconds until the response's headers arrived (time to first byte, as the browser sees it). */
  ttfbMs: number | null;
  ip: string | null;
  headers: Record<string, string>;
  /** Who answered: layers, edge location, and for a 5xx the likely cause. */
  diagnosis: Diagnosis;
  /** The network label set when the check ran. */
  networkLabel: string;
  /** A person's "Check now", or a watch's periodic check. */
  kind: 'check' | 'watch';
}

/** The answer of a check from other networks, in one word (the sentence comes from the message files). */
type OtherNetworksVerdict = 'down-for-everyone' | 'just-you' | 'partly-down' | 'inconclusive';

/** Why a probe got no HTTP answer. */
type ProbeErrorKind = 'timeout' | 'dns' | 'refused' | 'reset' | 'tls' | 'private-address' | 'other';

/** One probe of a check from other networks: where it was, what it got, what its DNS said. */
export interface OtherNetworksProbe {
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  /** Continent code: AF, AN, AS, EU, NA, OC, SA. */
  continent: string;
  asn: number;
  /** The network's name, such as "Deutsche Telekom AG". */
  network: string;
  /** The site answered below 500 (`up`), failed (`failing`), or the probe itself did not tell (`excluded`). */
  outcome: 'up' | 'failing' | 'excluded';
  status: number | null;
  error: ProbeErrorKind | null;
  /** Time to first byte, from the start of the request (DNS, connection and TLS included). */
  ttfbMs: number | null;
  /** The server address the probe connected to. */
  ip: string | null;
  /** The CDN location that answered, where the headers name one (`FRA56-P5`). */
  edge: string | null;
  /** The probe's DNS answers for the host (A or AAAA). */
  dns: string[];
  /** How they compare with the address this browser connected to; null when it cannot tell. */
  dnsMatch: 'same' | 'nearby' | 'different' | null;
}

/**
 * "Check from other networks": what probes of Globalping's network got for the failing site,
 * asked for by the person, with the answer in one word and the counts its sentence needs.
 */
export interface OtherNetworksCheck {
  /** Epoch ms when it was asked for. */
  time: number;
  /** The service that measured it. */
  service: 'globalping';
  /** Globalping's id of the HTTP measurement (its results stay at the API about 7 days). */
  measurementId: string;
  /** The address measured, as sent: the site's root, or its redacted path and query when the person agreed. */
  target: string;
  verdict: OtherNetworksVerdict;
  /** Probes that answered for the site (not counting probes that failed on their own side). */
  answered: number;
  failing: number;
  /** Distinct countries among those. */
  countries: number;
  /** For `partly-down`: the continents where it fails, when the others have no failures. */
  failingOnlyIn: string[] | null;
  /** What most failing probes got: a status, or an error when they got none. */
  failingStatus: number | null;
  failingError: ProbeErrorKind | null;
  /** What most probes that got through got. */
  upStatus: number | null;
  /** Probes whose DNS answers share nothing with this browser's server address. */
  dnsDifferent: number;
  probes: OtherNetworksProbe[];
}
