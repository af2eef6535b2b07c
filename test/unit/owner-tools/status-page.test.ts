import { describe, expect, it } from 'vitest';
import { parseStatusJson, statusPageCandidates } from '@/lib/owner-tools/status-page';

describe('status pages', () => {
  it('looks at the person’s address, then the built-in list, then the status. subdomain', () => {
    expect(statusPageCandidates('github.com', { 'github.com': 'https://my.status/' })).toEqual([
      'https://my.status/api/v2/status.json',
      'https://www.githubstatus.com/api/v2/status.json',
      'https://status.github.com/api/v2/status.json',
    ]);
    expect(statusPageCandidates('shop.test', {}, 'http:')).toEqual(['http://status.shop.test/api/v2/status.json']);
  });

  it.each([
    [
      '{"status":{"indicator":"major","description":"Major System Outage"}}',
      { indicator: 'major', description: 'Major System Outage' },
    ],
    ['{"status":{"indicator":"none"}}', { indicator: 'none', description: '' }],
    ['{"status":{"indicator":"<script>"}}', null],
    ['<html>', null],
    [
      `{"status":{"indicator":"minor","description":"${'x'.repeat(500)}"}}`,
      { indicator: 'minor', description: 'x'.repeat(120) },
    ],
  ])('reads %s', (text, expected) => {
    const status = parseStatusJson(text, 'u');
    expect(status === null ? null : { indicator: status.indicator, description: status.description }).toEqual(expected);
  });
});
