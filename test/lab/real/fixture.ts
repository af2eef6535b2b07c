/**
 * Turning what a set-up really sent into a fixture file of the corpus
 * (test/fixtures/responses/real-<setup>.ts), normalised only where runs differ.
 */
import { codeMeaning } from '../../../lib/diagnosis/tables/codes';
import type { Answer } from './lab';
import { packageVersion } from './packages';
import { requestIdFor, type Setup } from './setups';

/** Every recorded Date header becomes this (the corpus's NOW); other dates keep their distance. */
export const FIXED_DATE = Date.UTC(2024, 10, 14, 12, 0, 0);
/** The lab's ports become 40001, 40002… in the order the set-up took them. */
export const FIXED_PORT_BASE = 40001;
/** Tomcat's session cookie, which is new on every run. */
export const FIXED_SESSION = '0123456789ABCDEF0123456789ABCDEF';

/** The body as the extension reads it: at most 8 KB. */
export const BODY_LIMIT = 8192;

const HTTP_DATE =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT\b/g;

export const NORMALISED = `Normalised so that recordings compare: the Date header → ${new Date(FIXED_DATE).toUTCString()} (other dates in headers and page keep their distance from it); the lab's ports → ${FIXED_PORT_BASE}, ${FIXED_PORT_BASE + 1}… in the order the set-up took them; Tomcat's JSESSIONID → a fixed value. Varnish XIDs and the time taken are as measured.`;

/** Replaces what changes from run to run (dates, ports, session ids); nothing else. */
export function normalise(answer: Answer, url: string, ports: readonly number[]): { answer: Answer; url: string } {
  const sent = Date.parse(answer.headers.date ?? '');
  const shift = (text: string) =>
    text.replace(HTTP_DATE, (match) =>
      Number.isNaN(sent)
        ? new Date(FIXED_DATE).toUTCString()
        : new Date(FIXED_DATE + Date.parse(match) - sent).toUTCString(),
    );
  const portMap = new Map(ports.map((p, i) => [String(p), String(FIXED_PORT_BASE + i)]));
  // Ports only where they appear as ports (`host:port`, Apache's `Port N`): a Varnish XID may be the same number.
  const portPattern = ports.length > 0 ? new RegExp(`(?<=:|Port )(?:${ports.join('|')})\\b`, 'g') : null;
  const fix = (text: string) => {
    let out = shift(text).replace(/JSESSIONID=[0-9A-F]{32}/g, `JSESSIONID=${FIXED_SESSION}`);
    if (portPattern) out = out.replace(portPattern, (p) => portMap.get(p) ?? p);
    return out;
  };
  return {
    url: fix(url),
    answer: {
      ...answer,
      headers: Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k, fix(v)])),
      body: fix(answer.body),
    },
  };
}

/** The request IDs of the truth, resolved against what was sent (Varnish's XIDs change per run). */
export function truthRequestIds(setup: Setup, answer: Answer): string[] {
  const ids: string[] = [];
  for (const source of setup.truth.requestIds) {
    if (source === 'app') ids.push(requestIdFor(setup));
    else {
      ids.push(...(answer.headers['x-varnish'] ?? '').split(/\s+/).filter(Boolean));
      for (const m of answer.body.matchAll(/XID: (\d+)/g)) ids.push(m[1] as string);
    }
  }
  return [...new Set(ids)];
}

/** Where the recording comes from, e.g. `recorded: Debian 12 nginx 1.22.1 + varnish 7.1.1, …`. */
export function sourceLine(setup: Setup, day: string): string {
  const packages = setup.packages.map((p) => `${p} ${packageVersion(p)}`).join(' + ');
  return `recorded: Debian 12 ${packages}, test/lab/real setup "${setup.name}", ${day}`;
}

function templateLiteral(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  let out = '';
  for (const c of escaped) {
    const code = c.charCodeAt(0);
    // Line feeds and tabs stay as they are; a carriage return or any other control character is escaped.
    if (c === '\r') out += '\\r';
    else if ((code < 0x20 && c !== '\n' && c !== '\t') || code === 0x7f)
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `\`${out}\``;
}

/** Line comments of at most 100 characters. */
function wrapComment(text: string): string {
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(/\s+/)) {
    if (line.length + 1 + word.length > 100 && line !== '//') {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The fixture file's text (formatted by Biome afterwards). */
export function fixtureSource(setup: Setup, recorded: Answer, url: string, day: string): string {
  const body = recorded.body.length > BODY_LIMIT ? recorded.body.slice(0, BODY_LIMIT) : recorded.body;
  const expect = {
    name: codeMeaning(recorded.status).name,
    chain: setup.truth.chain,
    failing: setup.truth.failing,
    cause: setup.truth.cause,
    confidence: setup.truth.confidence,
    requestIds: truthRequestIds(setup, recorded),
  };
  const headers = Object.entries(recorded.headers)
    .map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join('\n');
  const header = wrapComment(
    `Recorded by \`npm run fixtures:record\` (test/lab/real/): what Debian 12's own servers sent in the set-up "${setup.name}" (${setup.servers}; fails: ${setup.fails}). Do not edit by hand: record again. ${NORMALISED} The body is cut at ${BODY_LIMIT} characters, as the extension reads it. \`expect\` is the set-up's truth (what really failed, see test/lab/real/setups.ts), not what any code says.`,
  );
  return `${header}
import type { ResponseFixture } from './index';

export default {
  title: ${JSON.stringify(setup.title)},
  source: ${JSON.stringify(sourceLine(setup, day))},
  input: {
    status: ${recorded.status},
    statusLine: ${JSON.stringify(recorded.statusLine)},
    url: ${JSON.stringify(url)},
    durationMs: ${recorded.durationMs},
    headers: {
${headers}
    },
    body: ${templateLiteral(body)},
  },
  expect: ${JSON.stringify(expect)},
} satisfies ResponseFixture;
`;
}
