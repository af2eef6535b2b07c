import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HopDiagram } from '@/components/card/hop-diagram';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { FIXTURES, NOW } from '../../../fixtures/responses/index';
import { englishBrowser } from '../../helpers/i18n-browser';

beforeEach(englishBrowser);
afterEach(cleanup);

/** The diagram as a person reads it: one line per hop. */
function drawn(file: string): string[] {
  const fixture = FIXTURES.find((f) => f.file === file);
  if (!fixture) throw new Error(file);
  render(<HopDiagram diagnosis={diagnose(fixture.input, NOW)} />);
  const list = screen.queryByRole('list', { name: 'Where it failed' });
  if (!list) return [];
  return within(list)
    .getAllByRole('listitem')
    .map((li) => [...li.querySelectorAll('span')].map((s) => s.textContent).join(' · '));
}

describe('the hop diagram', () => {
  it('draws every server in order, who passed the answer on as working, and the inferred hop as probable', () => {
    expect(drawn('real-nginx-varnish-dead.ts')).toEqual([
      'You · Your browser',
      'nginx · Front server · Working',
      'Varnish · Front server · Working',
      'The site’s app · Probably here',
    ]);
  });

  it('puts the visitor’s own proxy on the visitor’s side, and says what it never reached', () => {
    expect(drawn('squid-503-dns-fail.ts')).toEqual([
      'You · Your browser',
      'Squid · Your network · Problem here',
      'The site’s server · Not reached',
    ]);
  });

  it('draws planned maintenance as planned, not as a failure', () => {
    expect(drawn('real-nginx-maintenance.ts')).toEqual([
      'You · Your browser',
      'nginx · Front server · Planned maintenance',
    ]);
    expect(document.querySelector('.x5-hop-failed')).toBeNull();
    expect(document.querySelector('.x5-hop-planned')).not.toBeNull();
  });

  it('names a server no table knows by the product it says it is', () => {
    expect(drawn('generic-tornado-500.ts')).toEqual([
      'You · Your browser',
      'TornadoServer · The site’s server · Problem here',
    ]);
  });

  it('draws a Wi-Fi login where the visitor is, inferred', () => {
    expect(drawn('captive-portal-511.ts')).toEqual(['Your network · Probably here']);
  });

  it('draws nothing when no one signed and the code says nothing of where', () => {
    expect(drawn('unsigned-503-no-reason.ts')).toEqual([]);
  });

  // "Application / Application" was a bug: an inferred hop's name already says what it is.
  it.each(FIXTURES.map((f) => [f.file] as const))('%s: no hop repeats its own label', (file) => {
    for (const hop of drawn(file)) {
      const [name, kind] = hop.split(' · ');
      expect(kind, hop).not.toBe(name);
    }
    cleanup();
  });
});
