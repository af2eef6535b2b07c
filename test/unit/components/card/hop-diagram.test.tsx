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
    // Two front servers that both worked read as one box that names both.
    expect(drawn('real-nginx-varnish-dead.ts')).toEqual([
      'You · Working',
      'Front server · nginx, Varnish · Working',
      'The site’s app · Probably here',
    ]);
    // What no one saw is drawn lighter than what a header names: never the bold box.
    expect(document.querySelector('.x5-hop-probably.x5-hop-implied')).not.toBeNull();
    expect(document.querySelector('.x5-hop-failed')).toBeNull();
  });

  it('draws the hop a header names as where the problem is, in the one bold box', () => {
    expect(drawn('spring-boot-500-whitelabel.ts')).toEqual([
      'You · Working',
      'The site’s app · Spring Boot · Problem here',
    ]);
    expect(document.querySelectorAll('.x5-hop-failed')).toHaveLength(1);
  });

  it('puts the visitor’s own proxy on the visitor’s side, and says what it never reached', () => {
    expect(drawn('squid-503-dns-fail.ts')).toEqual([
      'You · Working',
      'Your network · Squid · Problem here',
      'The site’s server · Not reached',
    ]);
  });

  it('draws planned maintenance as planned, not as a failure', () => {
    expect(drawn('real-nginx-maintenance.ts')).toEqual(['You · Working', 'Front server · nginx · Planned maintenance']);
    expect(document.querySelector('.x5-hop-failed')).toBeNull();
    expect(document.querySelector('.x5-hop-planned')).not.toBeNull();
  });

  it('names a server no table knows by the product it says it is', () => {
    expect(drawn('generic-tornado-500.ts')).toEqual([
      'You · Working',
      'The site’s server · TornadoServer · Problem here',
    ]);
  });

  it('draws a Wi-Fi login where the visitor is, inferred', () => {
    expect(drawn('captive-portal-511.ts')).toEqual(['Your network · Probably here']);
  });

  it('draws nothing when no one signed and the code says nothing of where, or no one can tell where', () => {
    expect(drawn('unsigned-503-no-reason.ts')).toEqual([]);
    cleanup();
    expect(drawn('unknown-599.ts')).toEqual([]);
  });

  // "Application / Application" was a bug: an inferred hop's name already says what it is.
  // Every fixture's hop labels are checked in ./card-words.test.tsx.
  it('never repeats a label as its product', () => {
    for (const hop of drawn('wordpress-database-error.ts')) {
      const [name, product] = hop.split(' · ');
      expect(product, hop).not.toBe(name);
    }
  });
});
