import { describe, expect, it } from 'vitest';
import { edgeLocation } from '@/lib/diagnosis/edge-location';

describe('edgeLocation', () => {
  it.each([
    [{ 'cf-ray': '8e2a1b3c4d5e6f70-FRA' }, { pop: 'FRA', airport: 'FRA', city: 'Frankfurt', header: 'cf-ray' }],
    [
      { 'x-amz-cf-pop': 'IAD89-C1' },
      { pop: 'IAD89-C1', airport: 'IAD', city: 'Washington, D.C.', header: 'x-amz-cf-pop' },
    ],
    [{ 'x-amz-cf-pop': 'HIO50-C2' }, { pop: 'HIO50-C2', airport: 'HIO', city: null, header: 'x-amz-cf-pop' }],
    // Fastly with shielding: the last node is the one the visitor reached.
    [
      { 'x-served-by': 'cache-iad-kiad7000107-IAD, cache-ams21034-AMS' },
      { pop: 'AMS', airport: 'AMS', city: 'Amsterdam', header: 'x-served-by' },
    ],
    [
      { 'x-vercel-id': 'fra1::iad1::8jqlk-1731585600000-4f3e' },
      { pop: 'fra1', airport: 'FRA', city: 'Frankfurt', header: 'x-vercel-id' },
    ],
    [
      { 'x-vercel-id': 'sin1::abcd-1731585600000' },
      { pop: 'sin1', airport: 'SIN', city: 'Singapore', header: 'x-vercel-id' },
    ],
  ])('%j', (headers, expected) => {
    expect(edgeLocation(headers)).toEqual(expected);
  });

  it.each([
    [{}],
    [{ 'cf-ray': '8e2a1b3c4d5e6f70' }],
    [{ 'x-served-by': 'web-01' }],
    [{ 'x-vercel-id': 'not-a-vercel-id' }],
    [{ 'x-amz-cf-pop': '<b>FRA</b>' }],
  ])('finds none in %j', (headers) => {
    expect(edgeLocation(headers)).toBeNull();
  });

  it('prefers the first vendor header in its table', () => {
    expect(edgeLocation({ 'x-vercel-id': 'fra1::x', 'cf-ray': '8e2a1b3c4d5e6f70-LHR' })?.airport).toBe('LHR');
  });
});
