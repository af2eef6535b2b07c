import { describe, expect, it } from 'vitest';
import { signChain } from '@/lib/diagnosis/chain';
import { type DiagnoseInput, diagnose } from '@/lib/diagnosis/diagnose';
import type { Cause } from '@/lib/diagnosis/model';
import { CAUSES } from '@/lib/diagnosis/tables/causes';
import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { FINGERPRINTS } from '@/lib/diagnosis/tables/fingerprints';
import { WORDS } from '@/lib/diagnosis/tables/words';
import { causeText } from '@/lib/i18n/diagnosis-text';
import { isSafeHeader } from '@/lib/log/safe-headers';
import { FIXTURES, NOW } from '../../fixtures/responses/index';
import { expected, sourceGroup, summarise } from '../../fixtures/summary';
import { t } from '../helpers/t';

const byFile = (file: string) => {
  const fixture = FIXTURES.find((f) => f.file === file);
  if (!fixture) throw new Error(`no fixture ${file}`);
  return fixture;
};

describe('diagnose: the fixture corpus', () => {
  it('has at least 150 responses from at least 30 vendors, recorded and published', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(150);
    const vendors = new Set(
      FIXTURES.flatMap((f) => f.expect.chain.filter((id) => FINGERPRINTS.some((r) => r.id === id))),
    );
    expect(vendors.size).toBeGreaterThanOrEqual(30);
    expect(FIXTURES.filter((f) => sourceGroup(f) === 'recorded').length).toBeGreaterThanOrEqual(40);
    expect(FIXTURES.filter((f) => sourceGroup(f) === 'world').length).toBeGreaterThanOrEqual(80);
  });

  // Vendor, chain order, failing layer, cause, confidence and request IDs, for every fixture.
  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    expect(summarise(diagnose(fixture.input, NOW), fixture.input.status)).toEqual(expected(fixture));
  });

  // The extension stores only allowlisted headers: the diagnosis must not lean on any other.
  it.each(FIXTURES.map((f) => [f.file, f] as const))(
    '%s, with only the headers the extension keeps',
    (_file, fixture) => {
      const headers = Object.fromEntries(Object.entries(fixture.input.headers).filter(([name]) => isSafeHeader(name)));
      expect(summarise(diagnose({ ...fixture.input, headers }, NOW), fixture.input.status)).toEqual(expected(fixture));
    },
  );

  it('marks bot checks and Wi-Fi logins as false alarms, and nothing else', () => {
    for (const f of FIXTURES) {
      const alarm = f.expect.cause === 'challenge' || f.expect.cause === 'captive-portal';
      expect(diagnose(f.input, NOW).falseAlarm, f.file).toBe(alarm);
    }
  });

  // Only a response that carries no status-specific meaning may end with no layer at all: a 503
  // that does not say who or why (or says only "maintenance"), and codes no one has defined.
  it('ends with an empty chain only when the status says nothing of where', () => {
    for (const f of FIXTURES) {
      const d = diagnose(f.input, NOW);
      if (d.chain.length > 0) continue;
      expect(
        f.input.status === 503 ? ['unavailable', 'maintenance'] : ['unknown'],
        `${f.file} (${f.input.status}) has no chain`,
      ).toContain(d.causes[0]?.id);
      expect(codeMeaning(f.input.status).name === 'Server Error' || f.input.status === 503, f.file).toBe(true);
    }
  });
});

// What the hold-out corpus must carry, whatever the code says of it.
describe('the hold-out corpus (issue 12)', () => {
  const holdOut = FIXTURES.filter((f) => sourceGroup(f) !== 'hand-written');

  it.each(holdOut.map((f) => [f.file, f] as const))('%s names its source and the code it is', (_file, fixture) => {
    expect(fixture.source).toMatch(/^(?:https:\/\/\S+|recorded: .+)$/);
    expect(fixture.expect.name).toBe(codeMeaning(fixture.input.status).name);
    expect(Object.keys(fixture.input.headers).every((h) => h === h.toLowerCase())).toBe(true);
    expect((fixture.input.body ?? '').length).toBeLessThanOrEqual(8192);
  });

  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s states a consistent expectation', (_file, fixture) => {
    const ids = fixture.expect.requestIds ?? [];
    expect(fixture.expect.confidence).toMatch(/^(?:high|medium|low)$/);
    expect(new Set(ids).size).toBe(ids.length);
    if (fixture.expect.failing !== null) expect(fixture.expect.chain).toContain(fixture.expect.failing);
  });
});

describe('diagnose: conventions', () => {
  const diagnoses = FIXTURES.map((f) => ({ fixture: f, d: diagnose(f.input, NOW) }));
  const matched = new Set(FIXTURES.flatMap((f) => [...signChain(signInput(f.input)).matched.keys()]));

  it.each(FINGERPRINTS.map((row) => [row.id, row] as const))('fingerprint %s is signed by a fixture', (id) => {
    expect(diagnoses.some(({ d }) => d.chain.some((l) => l.id === id && !l.implied))).toBe(true);
  });

  it.each([...FINGERPRINTS.flatMap((row) => row.signatures.map((s) => s.id)), ...WORDS.map((w) => w.id)])(
    'signature %s is matched by a fixture',
    (id) => {
      expect(matched.has(id)).toBe(true);
    },
  );

  it.each(CAUSES.map((row) => [row.id] as const))('cause %s is the first cause of a fixture', (id) => {
    expect(FIXTURES.some((f) => f.expect.cause === id)).toBe(true);
  });

  it('has unique fingerprint, signature, words and cause ids', () => {
    const ids = [
      ...FINGERPRINTS.flatMap((row) => [row.id, ...row.signatures.map((s) => s.id)]),
      ...WORDS.map((w) => w.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CAUSES.map((c) => c.id)).size).toBe(CAUSES.length);
  });

  it('names only signatures, words, vendors and absorbed layers that exist', () => {
    const signatures = new Set([
      ...FINGERPRINTS.flatMap((row) => row.signatures.map((s) => s.id)),
      ...WORDS.map((w) => w.id),
    ]);
    const vendors = new Set(FINGERPRINTS.map((row) => row.id));
    for (const row of CAUSES) {
      for (const c of row.when) {
        for (const id of c.signature ?? []) expect(signatures, `${row.id} names ${id}`).toContain(id);
        for (const id of [...(c.vendor ? [c.vendor] : []), ...(c.writer ?? [])]) {
          expect(vendors, `${row.id} names ${id}`).toContain(id);
        }
      }
    }
    for (const row of FINGERPRINTS) {
      for (const id of row.absorbs ?? [])
        expect(vendors.has(id) || id.startsWith('generic:'), `${row.id} absorbs ${id}`).toBe(true);
    }
  });

  it('uses no stateful (global or sticky) regular expressions', () => {
    const patterns = [...FINGERPRINTS.flatMap((row) => row.signatures), ...WORDS];
    for (const s of patterns) expect(s.pattern.flags, s.id).not.toMatch(/[gy]/);
  });

  it('reads only headers the extension keeps', () => {
    const headers = FINGERPRINTS.flatMap((row) => row.signatures.flatMap((s) => (s.header ? [s.header] : [])));
    expect(headers.filter((h) => !isSafeHeader(h))).toEqual([]);
  });

  it('ties every cause to evidence, and every layer that signed to its own', () => {
    for (const { fixture, d } of diagnoses) {
      for (const cause of d.causes.filter((c) => c.id !== 'unknown')) {
        expect(cause.evidence.length, `${fixture.file}: ${cause.id}`).toBeGreaterThan(0);
      }
      for (const layer of d.chain)
        expect(layer.evidence.length > 0, `${fixture.file}: ${layer.id}`).toBe(!layer.implied);
    }
  });

  it('leaves no template placeholder in any explanation', () => {
    for (const { d } of diagnoses) {
      for (const c of d.causes) {
        expect(`${causeText(d, c, 'visitor', t)} ${causeText(d, c, 'owner', t)}`).not.toMatch(/[{}$]|cause_/);
      }
    }
  });
});

/** What signChain reads of a fixture, as diagnose() gives it. */
function signInput(input: DiagnoseInput) {
  const reason = /^HTTP\/[\d.]+ \d{3} (.+)$/.exec(input.statusLine ?? '')?.[1] ?? '';
  return { headers: input.headers, body: input.body ?? '', reason, url: input.url };
}

describe('diagnose: required behaviours', () => {
  const base: DiagnoseInput = { status: 502, headers: { server: 'nginx' }, url: 'https://example.com/' };

  it('blames the app behind nginx for a fast 502, and names nginx for the owner', () => {
    const d = diagnose({ ...base, durationMs: 8 }, NOW);
    expect(d.causes[0]?.id).toBe('upstream-down');
    expect(d.confidence).toBe('medium');
    expect(d.chain[d.failing ?? -1]).toMatchObject({ id: 'app', implied: true });
    expect(causeText(d, d.causes[0] as Cause, 'owner', t)).toContain('nginx');
    expect(d.causes[0]?.evidence).toContainEqual({ source: 'timing', text: '8' });
  });

  it('does not call a slow 502 "down", nor a 502 it cannot time', () => {
    expect(diagnose({ ...base, durationMs: 30_000 }, NOW).causes[0]?.id).toBe('upstream-bad-answer');
    expect(diagnose(base, NOW).causes[0]?.id).toBe('upstream-failed');
  });

  it.each([Number.NaN, -5, Number.POSITIVE_INFINITY, 5e9])('ignores a time taken of %s', (durationMs) => {
    expect(diagnose({ ...base, durationMs }, NOW).causes[0]?.id).toBe('upstream-failed');
  });

  it('says when a 503 with Retry-After should be over', () => {
    const d = diagnose({ ...base, status: 503, headers: { server: 'nginx', 'retry-after': '600' } }, NOW);
    expect(d.causes[0]?.id).toBe('maintenance');
    expect(causeText(d, d.causes[0] as Cause, 'visitor', t)).toContain('back in about 10 minutes');
    expect(d.retryAfter).toEqual({ seconds: 600, at: NOW + 600_000, form: 'delay' });
  });

  it('never calls a 503 without maintenance evidence "being worked on"', () => {
    const cases: Record<string, string>[] = [
      { server: 'nginx' },
      {},
      { server: 'Varnish', 'retry-after': '5', via: '1.1 varnish (Varnish/7.1)' },
    ];
    for (const headers of cases) {
      const d = diagnose({ ...base, status: 503, headers }, NOW);
      expect(d.causes.map((c) => c.id)).not.toContain('maintenance');
    }
    // Retry-After: 0 names no window either.
    expect(diagnose({ ...base, status: 503, headers: { 'retry-after': '0' } }, NOW).causes[0]?.id).toBe('unavailable');
  });

  it('tells the owner of a 511 that the site is fine', () => {
    const d = diagnose({ ...base, status: 511, headers: {} }, NOW);
    expect(d.falseAlarm).toBe(true);
    expect(d.chain).toEqual([expect.objectContaining({ id: 'network', kind: 'network', implied: true })]);
    expect(d.causes.map((c) => c.id)).toEqual(['captive-portal']);
  });

  it('keeps only the false alarm when a challenge page carries an outage code', () => {
    const d = diagnose({ ...base, status: 503, headers: { server: 'cloudflare', 'cf-mitigated': 'challenge' } }, NOW);
    expect(d.causes.map((c) => c.id)).toEqual(['challenge']);
    expect(d.failing).toBeNull();
  });

  it('falls back honestly for an unknown code, naming the server that sent it', () => {
    const d = diagnose({ ...base, status: 597, headers: { server: 'Mystery/2.0' } }, NOW);
    expect(codeMeaning(597)).toMatchObject({ code: 597, name: 'Server Error' });
    expect(d.causes.map((c) => c.id)).toEqual(['unknown']);
    expect(d.chain.map((l) => [l.id, l.vendor])).toEqual([['generic:mystery', 'Mystery']]);
    expect(causeText(d, d.causes[0] as Cause, 'visitor', t)).toMatch(/can’t tell which/);
    expect(d.failing).toBeNull();
    expect(d.confidence).toBe('low');
  });

  it.each([
    ['real-varnish-slow-upstream.ts', ['upstream-timeout', 'upstream-failed']],
    ['real-varnish-dead-upstream.ts', ['upstream-down', 'upstream-failed']],
    // Varnish sends Retry-After: 5 with every failed fetch: that is no maintenance window.
    ['varnish-503-backend-fetch-failed.ts', ['upstream-failed']],
    ['nginx-503-maintenance.ts', ['maintenance']],
    ['wordpress-database-error.ts', ['wp-database']],
  ])('ranks the causes that fit %s', (file, ids) => {
    expect(diagnose(byFile(file).input, NOW).causes.map((c) => c.id)).toEqual(ids);
  });

  it('quotes the clue that shows which layer wrote the error', () => {
    const cause = diagnose(byFile('cloudflare-nginx-502.ts').input, NOW).causes[0];
    expect(cause?.evidence[0]).toEqual({ source: 'body', text: '<hr><center>nginx</center>' });
  });

  it('gives request IDs once each, page IDs and the edge location', () => {
    const cloudfront = byFile('cloudfront-502.ts');
    const d = diagnose(cloudfront.input, NOW);
    expect(d.requestIds[0]).toEqual({ header: 'x-amz-cf-id', value: cloudfront.input.headers['x-amz-cf-id'] });
    // The page prints the same ID: it is not given twice.
    expect(d.pageIds).toEqual([]);
    expect(d.edge).toEqual({ pop: 'FRA56-P5', airport: 'FRA', city: 'Frankfurt', header: 'x-amz-cf-pop' });
  });

  it('does not mutate its input', () => {
    const input: DiagnoseInput = { ...base, headers: { ...base.headers } };
    const copy = structuredClone(input);
    diagnose(input, NOW);
    expect(input).toEqual(copy);
  });
});
