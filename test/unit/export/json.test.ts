import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION, toJson } from '@/lib/export/json';
import { makeIncident } from '../helpers/incidents';

describe('JSON export', () => {
  it('wraps the incidents in a versioned envelope', () => {
    const incidents = [makeIncident({ id: 1 }), makeIncident({ id: 2, status: 504 })];
    const file = JSON.parse(toJson(incidents, Date.UTC(2026, 10, 27), '0.1.0'));
    expect(file).toEqual({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: '2026-11-27T00:00:00.000Z',
      generator: '0.1.0',
      incidents,
    });
  });
});
