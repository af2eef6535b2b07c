/**
 * The rules `POST /v1/measurements` checks, for an anonymous user, as the published schema
 * states them (https://api.globalping.io/v1/spec.yaml, `MeasurementRequest` and what it refers
 * to) and as the API's own validation enforces them (jsdelivr/globalping
 * src/measurement/schema/*.ts at 52c0c19): additional properties are errors, `limit` is 1–50,
 * a location's `limit` is 1–50 and not allowed beside a global `limit`, location limits add up
 * to at most 50, a location names at least one place, `magic` combines at most 4 filters.
 * Each problem is `path: message`.
 */

const TYPES = ['ping', 'traceroute', 'dns', 'mtr', 'http'];
const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'];
const LOCATION_KEYS = ['continent', 'region', 'country', 'state', 'city', 'network', 'asn', 'magic', 'tags'];
const DNS_TYPES = [
  'A',
  'AAAA',
  'ANY',
  'CNAME',
  'DNSKEY',
  'DS',
  'HTTPS',
  'MX',
  'NS',
  'NSEC',
  'PTR',
  'RRSIG',
  'SOA',
  'TXT',
  'SRV',
  'SVCB',
];
const ANONYMOUS_MAX_PROBES = 50;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (v: unknown, allowed: readonly string[]) => typeof v === 'string' && allowed.includes(v.toUpperCase());

function unknownKeys(value: Json, allowed: readonly string[], path: string): string[] {
  return Object.keys(value)
    .filter((k) => !allowed.includes(k))
    .map((k) => `${path}${k}: "${path}${k}" is not allowed`);
}

/** A host name the API would take as a target: labels of letters, digits, `-` and `_`, and a top-level name of letters. */
function isTarget(target: unknown): boolean {
  if (typeof target !== 'string' || target.length > 253) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(target))
    return !/^(10|127|0)\.|^192\.168\.|^169\.254\.|^172\.(1[6-9]|2\d|3[01])\./.test(target);
  const labels = target.split('.');
  return (
    labels.length > 1 &&
    labels.every((l) => /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i.test(l)) &&
    /^[a-z]{2,}$/i.test(labels.at(-1) ?? '')
  );
}

function locationProblems(locations: unknown, globalLimit: boolean): string[] {
  // An earlier measurement's id; an unknown one is a 422, not a 400 (see the stub).
  if (typeof locations === 'string') {
    return locations.length > 128 ? ['locations: "locations" length must be less than or equal to 128'] : [];
  }
  if (!Array.isArray(locations)) return ['locations: "locations" must be one of [string, array]'];
  if (locations.length > 128) return ['locations: "locations" must contain less than or equal to 128 items'];
  const problems: string[] = [];
  let sum = 0;
  for (const [i, location] of (locations as unknown[]).entries()) {
    const path = `locations[${i}].`;
    if (!isObject(location)) {
      problems.push(`locations[${i}]: must be of type object`);
      continue;
    }
    problems.push(...unknownKeys(location, [...LOCATION_KEYS, 'limit'], path));
    if (!LOCATION_KEYS.some((k) => k in location))
      problems.push(`locations[${i}]: must contain at least one of [${LOCATION_KEYS.join(', ')}]`);
    if ('continent' in location && !oneOf(location.continent, CONTINENTS))
      problems.push(`${path}continent: must be a valid two-letter continent code`);
    if ('country' in location && !(typeof location.country === 'string' && /^[a-z]{2}$/i.test(location.country)))
      problems.push(`${path}country: must be a valid two-letter ISO code`);
    if ('asn' in location && !isInt(location.asn, 1, Number.MAX_SAFE_INTEGER))
      problems.push(`${path}asn: must be a positive integer`);
    if (
      'magic' in location &&
      !(
        typeof location.magic === 'string' &&
        location.magic.length >= 1 &&
        location.magic.length <= 128 &&
        location.magic.split('+').length <= 4
      )
    ) {
      problems.push(`${path}magic: must contain at most 4 combined filters`);
    }
    if ('limit' in location) {
      if (globalLimit) problems.push(`${path}limit: "${path}limit" is not allowed when a global limit is set`);
      else if (!isInt(location.limit, 1, ANONYMOUS_MAX_PROBES))
        problems.push(`${path}limit: must be between 1 and ${ANONYMOUS_MAX_PROBES}`);
    }
    sum += isInt(location.limit, 1, Number.MAX_SAFE_INTEGER) ? (location.limit as number) : 1;
  }
  if (!globalLimit && sum > ANONYMOUS_MAX_PROBES)
    problems.push(`locations: the sum of limits must be less than or equal to ${ANONYMOUS_MAX_PROBES}`);
  return problems;
}

function httpOptionProblems(o: Json): string[] {
  const problems = unknownKeys(o, ['request', 'resolver', 'protocol', 'port', 'ipVersion'], 'measurementOptions.');
  if ('protocol' in o && !oneOf(o.protocol, ['HTTP', 'HTTPS', 'HTTP2']))
    problems.push('measurementOptions.protocol: must be one of [HTTP, HTTPS, HTTP2]');
  if ('port' in o && !isInt(o.port, 0, 65535)) problems.push('measurementOptions.port: must be a valid port');
  if ('request' in o) {
    const r = o.request;
    if (!isObject(r)) return [...problems, 'measurementOptions.request: must be of type object'];
    problems.push(...unknownKeys(r, ['method', 'host', 'path', 'query', 'headers'], 'measurementOptions.request.'));
    if ('method' in r && !oneOf(r.method, ['GET', 'HEAD', 'OPTIONS']))
      problems.push('measurementOptions.request.method: must be one of [GET, HEAD, OPTIONS]');
    for (const k of ['path', 'query'] as const) {
      if (k in r && !(typeof r[k] === 'string' && (r[k] as string).length <= 16384))
        problems.push(`measurementOptions.request.${k}: must be a string of at most 16384 characters`);
    }
  }
  return problems;
}

function dnsOptionProblems(o: Json): string[] {
  const problems = unknownKeys(
    o,
    ['query', 'resolver', 'protocol', 'port', 'trace', 'ipVersion'],
    'measurementOptions.',
  );
  if ('query' in o) {
    const q = o.query;
    if (!isObject(q)) return [...problems, 'measurementOptions.query: must be of type object'];
    problems.push(...unknownKeys(q, ['type'], 'measurementOptions.query.'));
    if ('type' in q && !oneOf(q.type, DNS_TYPES))
      problems.push(`measurementOptions.query.type: must be one of [${DNS_TYPES.join(', ')}]`);
  }
  if ('protocol' in o && !oneOf(o.protocol, ['UDP', 'TCP']))
    problems.push('measurementOptions.protocol: must be one of [UDP, TCP]');
  return problems;
}

/** What is wrong with a request body, by the rules above; empty when nothing is. */
export function requestProblems(body: unknown): string[] {
  if (!isObject(body)) return ['value: "value" must be of type object'];
  const problems = unknownKeys(
    body,
    ['type', 'target', 'inProgressUpdates', 'locations', 'limit', 'timeout', 'measurementOptions'],
    '',
  );
  if (
    !oneOf(
      body.type,
      TYPES.map((t) => t.toUpperCase()),
    )
  )
    problems.push(`type: "type" must be one of [${TYPES.join(', ')}]`);
  else if (!['http', 'dns'].includes(String(body.type).toLowerCase()))
    problems.push('type: this stub serves http and dns measurements only');
  if (!isTarget(body.target)) problems.push('target: "target" must be a valid domain name');
  if ('inProgressUpdates' in body && typeof body.inProgressUpdates !== 'boolean')
    problems.push('inProgressUpdates: must be a boolean');
  if ('limit' in body && !isInt(body.limit, 1, ANONYMOUS_MAX_PROBES))
    problems.push(`limit: "limit" must be between 1 and ${ANONYMOUS_MAX_PROBES}`);
  if ('timeout' in body && !isInt(body.timeout, 5, 30)) problems.push('timeout: "timeout" must be between 5 and 30');
  if ('locations' in body) problems.push(...locationProblems(body.locations, 'limit' in body));
  if ('measurementOptions' in body) {
    const o = body.measurementOptions;
    if (!isObject(o)) problems.push('measurementOptions: must be of type object');
    else if (String(body.type).toLowerCase() === 'http') problems.push(...httpOptionProblems(o));
    else if (String(body.type).toLowerCase() === 'dns') problems.push(...dnsOptionProblems(o));
  }
  return problems;
}
