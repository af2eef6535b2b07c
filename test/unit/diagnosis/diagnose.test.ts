import { describe, expect, it } from 'vitest';
import { type DiagnoseInput, diagnose } from '@/lib/diagnosis/diagnose';
import type { Cause, Diagnosis } from '@/lib/diagnosis/model';
import { CAUSES } from '@/lib/diagnosis/tables/causes';
import { codeMeaning } from '@/lib/diagnosis/tables/codes';
import { FINGERPRINTS } from '@/lib/diagnosis/tables/fingerprints';
import { causeText } from '@/lib/i18n/diagnosis-text';
import { SAFE_HEADERS } from '@/lib/log/safe-headers';
import { FIXTURES, NOW } from '../../fixtures/responses/index';
import { t } from '../helpers/t';

function summary(d: Diagnosis, status: number) {
  return {
    name: codeMeaning(status).name,
    chain: d.chain.map((l) => l.id),
    failing: d.failing === null ? null : (d.chain[d.failing]?.id ?? 'out of range'),
    cause: d.causes[0]?.id,
  };
}

// The hold-out corpus (fixtures with expect.confidence) joins when the diagnosis model of issue 12 lands.
const OLD = FIXTURES.filter((f) => f.expect.confidence === undefined);
const HOLD_OUT = FIXTURES.filter((f) => f.expect.confidence !== undefined);

describe('diagnose: the fixture corpus', () => {
  it('has at least 30 responses', () => {
    expect(OLD.length).toBeGreaterThanOrEqual(30);
  });

  it.each(OLD.map((f) => [f.file, f] as const))('%s', (_file, fixture) => {
    expect(summary(diagnose(fixture.input, NOW), fixture.input.status)).toEqual(fixture.expect);
  });

  // The extension stores only allowlisted headers: the diagnosis must not lean on any other.
  it.each(OLD.map((f) => [f.file, f] as const))('%s, with only the allowlisted headers', (_file, fixture) => {
    const headers = Object.fromEntries(
      Object.entries(fixture.input.headers).filter(([name]) => SAFE_HEADERS.has(name)),
    );
    expect(summary(diagnose({ ...fixture.input, headers }, NOW), fixture.input.status)).toEqual(fixture.expect);
  });

  it('marks bot checks and Wi-Fi logins as false alarms, and nothing else', () => {
    const flagged = OLD.filter((f) => diagnose(f.input, NOW).falseAlarm).map((f) => f.expect.cause);
    const expected = OLD.filter((f) => f.expect.cause === 'challenge' || f.expect.cause === 'captive-portal');
    expect(flagged).toHaveLength(expected.length);
    expect(new Set(flagged)).toEqual(new Set(['challenge', 'captive-portal']));
  });
});

// What the hold-out corpus must carry, whatever the code says of it.
describe('the hold-out corpus', () => {
  it('has at least 80 responses', () => {
    expect(HOLD_OUT.length).toBeGreaterThanOrEqual(80);
  });

  it.each(HOLD_OUT.map((f) => [f.file, f] as const))('%s names its source and the code it is', (_file, fixture) => {
    expect(fixture.source).toMatch(/^(?:https:\/\/\S+|recorded: .+)$/);
    expect(fixture.expect.name).toBe(codeMeaning(fixture.input.status).name);
    expect(fixture.expect.requestIds).toBeDefined();
    expect(new Set(fixture.expect.requestIds).size).toBe(fixture.expect.requestIds?.length);
    if (fixture.expect.failing !== null) expect(fixture.expect.chain).toContain(fixture.expect.failing);
    expect(Object.keys(fixture.input.headers).every((h) => h === h.toLowerCase())).toBe(true);
    expect((fixture.input.body ?? '').length).toBeLessThanOrEqual(8192);
  });
});

describe('diagnose: conventions', () => {
  const diagnoses = FIXTURES.map((f) => ({ fixture: f, d: diagnose(f.input, NOW) }));
  const matchedSignatures = new Set(
    diagnoses.flatMap(({ fixture }) =>
      FINGERPRINTS.flatMap((row) =>
        row.signatures
          .filter((s) => {
            const value = s.header ? fixture.input.headers[s.header] : fixture.input.body;
            return value !== undefined && s.pattern.test(value);
          })
          .map((s) => s.id),
      ),
    ),
  );

  it.each(FINGERPRINTS.map((row) => [row.id, row] as const))('fingerprint %s is signed by a fixture', (id) => {
    expect(diagnoses.some(({ d }) => d.chain.some((l) => l.id === id && !l.implied))).toBe(true);
  });

  it.each(FINGERPRINTS.flatMap((row) => row.signatures.map((s) => [s.id] as const)))(
    'signature %s is matched by a fixture',
    (id) => {
      expect(matchedSignatures.has(id)).toBe(true);
    },
  );

  it.each(CAUSES.map((row) => [row.id] as const))('cause %s is the first cause of a fixture', (id) => {
    expect(FIXTURES.some((f) => f.expect.cause === id)).toBe(true);
  });

  it('has unique fingerprint, signature and cause ids', () => {
    const ids = FINGERPRINTS.flatMap((row) => [row.id, ...row.signatures.map((s) => s.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CAUSES.map((c) => c.id)).size).toBe(CAUSES.length);
  });

  it('names only signatures and vendors that exist', () => {
    const signatures = new Set(FINGERPRINTS.flatMap((row) => row.signatures.map((s) => s.id)));
    const vendors = new Set(FINGERPRINTS.map((row) => row.id));
    for (const row of CAUSES) {
      for (const c of row.when) {
        for (const id of c.signature ?? []) expect(signatures, `${row.id} names ${id}`).toContain(id);
        if (c.vendor) expect(vendors, `${row.id} names ${c.vendor}`).toContain(c.vendor);
      }
    }
  });

  it('uses no stateful (global or sticky) regular expressions', () => {
    for (const s of FINGERPRINTS.flatMap((row) => row.signatures)) expect(s.pattern.flags, s.id).not.toMatch(/[gy]/);
  });

  it('reads only headers the extension keeps', () => {
    const headers = FINGERPRINTS.flatMap((row) => row.signatures.flatMap((s) => (s.header ? [s.header] : [])));
    expect(headers.filter((h) => !SAFE_HEADERS.has(h))).toEqual([]);
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

describe('diagnose: required behaviours', () => {
  const base: DiagnoseInput = { status: 502, headers: { server: 'nginx' }, url: 'https://example.com/' };

  it('blames the app behind nginx for a fast 502, and names nginx for the owner', () => {
    const d = diagnose({ ...base, durationMs: 8 }, NOW);
    expect(d.causes[0]?.id).toBe('upstream-down');
    expect(d.chain[d.failing ?? -1]).toMatchObject({ id: 'app', implied: true });
    expect(causeText(d, d.causes[0] as Cause, 'owner', t)).toContain('nginx');
    expect(d.causes[0]?.evidence).toContainEqual({ source: 'timing', text: 'answered in 8 ms' });
  });

  it('does not call a slow 502 "down"', () => {
    expect(diagnose({ ...base, durationMs: 30_000 }, NOW).causes[0]?.id).toBe('upstream-bad-answer');
  });

  it('says when a 503 with Retry-After should be over', () => {
    const d = diagnose({ ...base, status: 503, headers: { server: 'nginx', 'retry-after': '600' } }, NOW);
    expect(d.causes[0]?.id).toBe('maintenance');
    expect(causeText(d, d.causes[0] as Cause, 'visitor', t)).toContain('back in about 10 minutes');
    expect(d.retryAfter).toEqual({ seconds: 600, at: NOW + 600_000, form: 'delay' });
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

  it('falls back honestly for an unknown code from an unknown server', () => {
    const d = diagnose({ ...base, status: 597, headers: { server: 'mystery' } }, NOW);
    expect(codeMeaning(597)).toMatchObject({ code: 597, name: 'Server Error' });
    expect(d.causes.map((c) => c.id)).toEqual(['unknown']);
    expect(causeText(d, d.causes[0] as Cause, 'visitor', t)).toMatch(/can’t tell which/);
    expect(d.failing).toBeNull();
  });

  it.each([
    ['nginx-503-maintenance.ts', ['maintenance', 'overloaded']],
    ['fastly-503-backend-unhealthy.ts', ['upstream-down', 'edge-origin-error']],
    // Varnish sends Retry-After: 5 with every failed fetch: its own words win over "maintenance".
    ['varnish-503-backend-fetch-failed.ts', ['upstream-bad-answer']],
    ['wordpress-database-error.ts', ['wp-database']],
  ])('ranks the causes that fit %s', (file, ids) => {
    const fixture = FIXTURES.find((f) => f.file === file);
    expect(fixture).toBeDefined();
    expect(diagnose(fixture?.input ?? base, NOW).causes.map((c) => c.id)).toEqual(ids);
  });

  it('quotes the clue that shows which layer wrote the error', () => {
    const fixture = FIXTURES.find((f) => f.file === 'cloudflare-nginx-502.ts');
    const cause = diagnose(fixture?.input ?? base, NOW).causes[0];
    expect(cause?.evidence[0]).toEqual({ source: 'body', text: '<hr><center>nginx</center>' });
  });

  it('gives request IDs, page IDs and the edge location', () => {
    const cloudfront = FIXTURES.find((f) => f.file === 'cloudfront-502.ts');
    const d = diagnose(cloudfront?.input ?? base, NOW);
    expect(d.requestIds[0]).toEqual({ header: 'x-amz-cf-id', value: cloudfront?.input.headers['x-amz-cf-id'] });
    expect(d.pageIds).toEqual([{ label: 'CloudFront Request ID', value: cloudfront?.input.headers['x-amz-cf-id'] }]);
    expect(d.edge).toEqual({ pop: 'FRA56-P5', airport: 'FRA', city: 'Frankfurt', header: 'x-amz-cf-pop' });
  });

  it('does not mutate its input', () => {
    const input: DiagnoseInput = { ...base, headers: { ...base.headers } };
    const copy = structuredClone(input);
    diagnose(input, NOW);
    expect(input).toEqual(copy);
  });
});
