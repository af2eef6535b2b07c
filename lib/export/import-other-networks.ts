import { hasControl, isIp, isPlausibleTime, MAX_URL_CHARS } from '@/lib/log/limits';
import type { OtherNetworksCheck, OtherNetworksProbe } from '@/lib/log/model';
import { redactUrl } from '@/lib/log/redact';

/** A field of an imported check from other networks that is not what it says; its name. */
class Bad extends Error {}

const VERDICTS = new Set(['down-for-everyone', 'just-you', 'partly-down', 'inconclusive']);
const CONTINENTS = new Set(['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA']);
const ERRORS = new Set(['timeout', 'dns', 'refused', 'reset', 'tls', 'private-address', 'other']);
const OUTCOMES = new Set(['up', 'failing', 'excluded']);
const MATCHES = new Set(['same', 'nearby', 'different']);
/** Far above the 10 probes a check asks for, far below what would hurt. */
const MAX_PROBES = 60;

const str = (v: unknown, field: string, max: number): string => {
  if (typeof v !== 'string' || v.length > max || hasControl(v)) throw new Bad(field);
  return v;
};
const int = (v: unknown, field: string, min: number, max: number): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Bad(field);
  return v;
};
const oneOf = <T extends string>(v: unknown, field: string, set: Set<string>): T => {
  if (typeof v !== 'string' || !set.has(v)) throw new Bad(field);
  return v as T;
};
const nullable = <T>(v: unknown, read: (v: unknown) => T): T | null => (v === null || v === undefined ? null : read(v));
const status = (v: unknown, field: string) => nullable(v, (x) => int(x, field, 100, 599));
const ip = (v: unknown, field: string): string => {
  const value = str(v, field, 45);
  if (!isIp(value)) throw new Bad(field);
  return value;
};
const object = (v: unknown, field: string): Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Bad(field);
  return v as Record<string, unknown>;
};

function probeOf(value: unknown, i: number): OtherNetworksProbe {
  const at = (what: string) => `probes.${i}.${what}`;
  const p = object(value, `probes.${i}`);
  const dns = p.dns ?? [];
  if (!Array.isArray(dns) || dns.length > 20) throw new Bad(at('dns'));
  return {
    country: str(p.country, at('country'), 2).toUpperCase(),
    city: str(p.city ?? '', at('city'), 100),
    continent: oneOf(p.continent, at('continent'), CONTINENTS),
    asn: int(p.asn, at('asn'), 0, 4_294_967_295),
    network: str(p.network ?? '', at('network'), 200),
    outcome: oneOf(p.outcome, at('outcome'), OUTCOMES),
    status: status(p.status, at('status')),
    error: nullable(p.error, (x) => oneOf(x, at('error'), ERRORS)),
    ttfbMs: nullable(p.ttfbMs, (x) => int(x, at('ttfbMs'), 0, 600_000)),
    ip: nullable(p.ip, (x) => ip(x, at('ip'))),
    edge: nullable(p.edge, (x) => str(x, at('edge'), 40)),
    dns: dns.map((x, j) => ip(x, at(`dns.${j}`))),
    dnsMatch: nullable(p.dnsMatch, (x) => oneOf(x, at('dnsMatch'), MATCHES)),
  };
}

/**
 * Validates a check from other networks in an imported file, field by field, within the limits
 * a check of ours has: the check as it will be kept, or the name of the first field that is
 * wrong (the file is refused then). Its address is redacted again.
 */
export function readOtherNetworks(value: unknown, now: number): OtherNetworksCheck | string {
  try {
    const v = object(value, '');
    const time = int(v.time, 'time', 0, Number.MAX_SAFE_INTEGER);
    if (!isPlausibleTime(time, now)) throw new Bad('time');
    if (v.service !== 'globalping') throw new Bad('service');
    const measurementId = str(v.measurementId, 'measurementId', 64);
    if (!/^[0-9A-Za-z]+$/.test(measurementId)) throw new Bad('measurementId');
    const target = str(v.target, 'target', MAX_URL_CHARS);
    if (!/^https?:\/\//i.test(target)) throw new Bad('target');
    const only = v.failingOnlyIn;
    if (only !== null && only !== undefined && (!Array.isArray(only) || only.length > CONTINENTS.size)) {
      throw new Bad('failingOnlyIn');
    }
    const probes = v.probes;
    if (!Array.isArray(probes) || probes.length > MAX_PROBES) throw new Bad('probes');
    return {
      time,
      service: 'globalping',
      measurementId,
      target: redactUrl(target),
      verdict: oneOf(v.verdict, 'verdict', VERDICTS),
      answered: int(v.answered, 'answered', 0, MAX_PROBES),
      failing: int(v.failing, 'failing', 0, MAX_PROBES),
      countries: int(v.countries, 'countries', 0, MAX_PROBES),
      failingOnlyIn: Array.isArray(only) ? only.map((c, i) => oneOf(c, `failingOnlyIn.${i}`, CONTINENTS)) : null,
      failingStatus: status(v.failingStatus, 'failingStatus'),
      failingError: nullable(v.failingError, (x) => oneOf(x, 'failingError', ERRORS)),
      upStatus: status(v.upStatus, 'upStatus'),
      dnsDifferent: int(v.dnsDifferent ?? 0, 'dnsDifferent', 0, MAX_PROBES),
      probes: probes.map(probeOf),
    };
  } catch (error) {
    if (error instanceof Bad) return error.message;
    throw error;
  }
}
