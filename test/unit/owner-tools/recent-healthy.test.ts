import { describe, expect, it } from 'vitest';
import { RecentHealthy } from '@/lib/owner-tools/recent-healthy';

describe('recently healthy pages', () => {
  it('does not know before it has seen a page, then lists other hosts seen lately', () => {
    const recent = new RecentHealthy(3);
    expect(recent.hostsSince(0, 'a.com')).toBeNull();
    recent.note('https://a.com/x', 10);
    recent.note('https://b.com/', 20);
    recent.note('https://c.com/', 30);
    recent.note('https://d.com/', 40);
    expect(recent.hostsSince(25, 'c.com')).toEqual(['d.com']);
    expect(recent.hostsSince(0, 'x.com')?.sort()).toEqual(['b.com', 'c.com', 'd.com']);
  });
});
