import { describe, expect, it } from 'vitest';
import { badgeColour, CODE_GROUPS, codeColour, codeGroup } from '@/lib/log/palette';

describe('one colour per code', () => {
  it.each([
    [500, '500'],
    [502, '502'],
    [503, '503'],
    [504, '504'],
    [522, 'other'],
    [599, 'other'],
    [0, 'network'],
  ])('%i is coloured as %s', (status, group) => {
    expect(codeGroup(status)).toBe(group);
    expect(codeColour(status)).toBe(codeColour(group as (typeof CODE_GROUPS)[number]));
  });

  it('gives every group its own colour, for light and dark, and the badge the light one', () => {
    const colours = CODE_GROUPS.map((g) => codeColour(g));
    expect(new Set(colours).size).toBe(CODE_GROUPS.length);
    for (const colour of colours) expect(colour).toMatch(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/);
    expect(codeColour(502)).toContain(badgeColour('502'));
    // A network error's badge (its layer: DNS, TCP, TLS) takes the network errors' colour.
    expect(codeColour(0)).toContain(badgeColour('DNS'));
  });
});
