import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { MeasurementResponse } from '../../lib/owner-tools/globalping/schema';
import { requestProblems } from './globalping-rules';

const FIXTURES = join(import.meta.dirname, '../fixtures/globalping');

/** A recorded answer that is not a measurement: status, headers and body as the API sends them. */
export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Reads a fixture from test/fixtures/globalping/. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as T;
}

/** Which finished measurements the stub serves: an HTTP fixture and the DNS one from the same probes. */
export type Scenario = 'down-for-everyone' | 'just-you' | 'partly-down-asia' | 'probe-errors';

/** How the stub behaves. */
export type StubMode =
  /** Measurements are created and finish. With `polls` > 1, results fill in over that many polls. */
  | { kind: 'success'; scenario: Scenario; polls?: number }
  /** POST answers 429 with the hourly limit's headers. */
  | { kind: 'rate-limited' }
  /** The first GET of each measurement answers 429 with Retry-After, then as `success`. */
  | { kind: 'poll-rate-limited'; scenario: Scenario }
  /** POST answers 500 (`error-500`), or 502 with a proxy's HTML page (`error-502-proxy`). */
  | { kind: 'error'; answer?: 'error-500' | 'error-502-proxy' }
  /** POST answers 400 with the published example (whatever the request). */
  | { kind: 'validation' }
  /** POST answers 422: no probes matched. */
  | { kind: 'no-probes' }
  /** The HTTP measurement is created; the DNS one answers 429. */
  | { kind: 'dns-rate-limited'; scenario: Scenario };

/** One request the stub received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The raw body, to assert on what was sent byte for byte. */
  text: string;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  /** The schema rules the request broke (the stub answered 400 when there were any). */
  problems: string[];
}

/** A running stub of the Globalping API on loopback. */
export interface GlobalpingStub {
  /** `http://127.0.0.1:PORT` (or https with `tls`), to pass as the client's `base`. */
  url: string;
  port: number;
  server: Server;
  /** Every request, oldest first. */
  requests: ReceivedRequest[];
  mode: StubMode;
  /** Refuses a poll that comes sooner than this after the previous answer for the same id (0: off). */
  minPollIntervalMs: number;
  close(): Promise<void>;
}

interface Stored {
  finished: MeasurementResponse;
  polls: number;
  gets: number;
  lastAnswerAt: number;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

function sendRecorded(res: ServerResponse, name: string): void {
  const { status, headers, body } = fixture<RecordedAnswer>(name);
  send(res, status, headers, body);
}

/** The state of a measurement on poll `n` of `polls`: the first results final, the rest still running. */
function snapshot(m: MeasurementResponse, n: number, polls: number): MeasurementResponse {
  if (n >= polls) return m;
  const done = Math.floor((m.results.length * n) / polls);
  return {
    ...m,
    status: 'in-progress',
    results: m.results.map((r, i) =>
      i < done
        ? r
        : { probe: r.probe, result: { status: 'in-progress', rawHeaders: '', rawBody: '', rawOutput: '' } as never },
    ),
  };
}

let counter = 0;
/** A base62 id shaped like the API's. */
function newId(): string {
  counter += 1;
  return `3Stub${String(counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`.replace(
    /[^0-9A-Za-z]/g,
    '',
  );
}

/**
 * Starts a stub of the API's two measurement endpoints on 127.0.0.1 (port 0 picks a free one),
 * answering from test/fixtures/globalping/. It checks each POST against the schema's rules
 * (see globalping-rules.ts) and answers 400 as the API would when one is broken.
 */
export function startGlobalpingStub(
  mode: StubMode,
  port = 0,
  /** Serves HTTPS with this key and certificate (the end-to-end tests map api.globalping.io here). */
  tls?: { key: string; cert: string },
): Promise<GlobalpingStub> {
  const measurements = new Map<string, Stored>();
  const requests: ReceivedRequest[] = [];
  let stub: GlobalpingStub;

  const handle = (req: IncomingMessage, res: ServerResponse, text: string) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {}
    const problems = req.method === 'POST' ? requestProblems(body) : [];
    requests.push({ method: req.method ?? '', path, headers: req.headers, text, body, problems });
    const { mode } = stub;

    if (req.method === 'POST' && path === '/v1/measurements') {
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return send(res, 415, {}, { error: { type: 'unsupported_media_type', message: 'Unsupported Media Type.' } });
      }
      if (mode.kind === 'rate-limited') return sendRecorded(res, 'error-429-create');
      if (mode.kind === 'error') return sendRecorded(res, mode.answer ?? 'error-500');
      if (mode.kind === 'validation') return sendRecorded(res, 'error-400-validation');
      if (mode.kind === 'no-probes') return sendRecorded(res, 'error-422-no-probes');
      if (problems.length > 0) {
        const params = Object.fromEntries(problems.map((p) => [p.split(':')[0] ?? p, p]));
        return send(
          res,
          400,
          {},
          { error: { type: 'validation_error', message: 'Parameter validation failed.', params } },
        );
      }
      const request = body as {
        type: 'http' | 'dns';
        target: string;
        locations?: unknown;
        measurementOptions?: unknown;
      };
      if (request.type === 'dns' && mode.kind === 'dns-rate-limited') return sendRecorded(res, 'error-429-create');
      if (typeof request.locations === 'string' && !measurements.has(request.locations)) {
        return sendRecorded(res, 'error-422-no-probes');
      }
      const recorded = fixture<MeasurementResponse>(`${request.type}-${mode.scenario}`);
      const id = newId();
      const finished = {
        ...recorded,
        id,
        target: request.target,
        ...(request.measurementOptions ? { measurementOptions: request.measurementOptions } : {}),
      };
      measurements.set(id, {
        finished,
        polls: mode.kind === 'success' ? (mode.polls ?? 1) : 1,
        gets: 0,
        lastAnswerAt: 0,
      });
      return send(
        res,
        202,
        {
          location: `${stub.url}/v1/measurements/${id}`,
          'x-ratelimit-limit': '250',
          'x-ratelimit-consumed': String(finished.probesCount),
          'x-ratelimit-remaining': String(250 - finished.probesCount),
          'x-ratelimit-reset': '3600',
          'x-request-cost': String(finished.probesCount),
        },
        { id, probesCount: finished.probesCount },
      );
    }

    const get = /^\/v1\/measurements\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && get?.[1]) {
      const stored = measurements.get(get[1]);
      if (!stored) return sendRecorded(res, 'error-404');
      const now = Date.now();
      const tooSoon = stub.minPollIntervalMs > 0 && now - stored.lastAnswerAt < stub.minPollIntervalMs;
      if ((mode.kind === 'poll-rate-limited' && stored.gets === 0) || tooSoon) {
        stored.gets += 1;
        stored.lastAnswerAt = now;
        return sendRecorded(res, 'error-429-poll');
      }
      stored.gets += 1;
      const served = mode.kind === 'poll-rate-limited' ? stored.gets - 1 : stored.gets;
      const answer = snapshot(stored.finished, served, stored.polls);
      const etag = `W/"${answer.status}-${served >= stored.polls ? 'final' : served}"`;
      stored.lastAnswerAt = Date.now();
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return res.end();
      }
      return send(res, 200, { etag, 'cache-control': 'public, max-age=0' }, answer);
    }

    sendRecorded(res, 'error-404');
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      stub = {
        url: `${tls ? 'https' : 'http'}://127.0.0.1:${actual}`,
        port: actual,
        server,
        requests,
        mode,
        minPollIntervalMs: 0,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      };
      resolve(stub);
    });
  });
}
