import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExplanationCard } from '@/components/card/explanation-card';
import { OtherNetworksContext } from '@/components/card/other-networks-api';
import type { OtherNetworksCheck } from '@/lib/log/model';
import type { OtherNetworksApi, OtherNetworksState } from '@/lib/owner-tools/other-networks';
import { englishBrowser } from '../../helpers/i18n-browser';
import { makeIncident } from '../../helpers/incidents';

beforeEach(englishBrowser);
afterEach(cleanup);

const CHECK: OtherNetworksCheck = {
  time: Date.UTC(2026, 10, 27, 22, 45),
  service: 'globalping',
  measurementId: 'PY5fMsREMmIq45VR',
  target: 'https://shop.example.com/',
  verdict: 'down-for-everyone',
  answered: 2,
  failing: 2,
  countries: 2,
  failingOnlyIn: null,
  failingStatus: 502,
  failingError: null,
  upStatus: null,
  dnsDifferent: 1,
  probes: [
    {
      country: 'DE',
      city: 'Frankfurt',
      continent: 'EU',
      asn: 3320,
      network: 'Deutsche Telekom AG',
      outcome: 'failing',
      status: 502,
      error: null,
      ttfbMs: 48,
      ip: '104.21.48.7',
      edge: 'FRA',
      dns: ['104.21.48.7'],
      dnsMatch: 'same',
    },
    {
      country: 'JP',
      city: 'Tokyo',
      continent: 'AS',
      asn: 2516,
      network: 'KDDI',
      outcome: 'failing',
      status: null,
      error: 'timeout',
      ttfbMs: null,
      ip: null,
      edge: null,
      dns: ['198.51.100.7'],
      dnsMatch: 'different',
    },
  ],
};

/** The card on a page that offers the check, with the background's answers scripted. */
function card(answers: OtherNetworksState[], consent: OtherNetworksApi['consent']) {
  const api: OtherNetworksApi = {
    check: vi.fn(async (): Promise<OtherNetworksState> => answers.shift() ?? { state: 'idle' }),
    status: vi.fn(async (): Promise<OtherNetworksState> => answers.shift() ?? { state: 'idle' }),
    consent,
  };
  render(
    <OtherNetworksContext.Provider value={api}>
      <ExplanationCard incident={makeIncident({ id: 3 })} logState="saved" onRetry={() => {}} />
    </OtherNetworksContext.Provider>,
  );
  return api;
}

describe('check from other networks, in the card', () => {
  it('is not offered where the page provides no way to ask', () => {
    render(<ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} />);
    expect(screen.queryByText('Is it down for everyone?')).toBeNull();
  });

  it('explains what is sent before anything is, then asks, shows progress and the answer', async () => {
    const allow = vi.fn(async () => true);
    const api = card([{ state: 'idle' }, { state: 'off' }, { state: 'running', done: 1, total: 2 }], {
      where: 'here',
      allow,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check from other networks' }));
    const consent = await screen.findByRole('region', { name: 'Check this site from other networks?' });
    expect(consent.textContent).toContain('shop.example.com');
    expect(consent.textContent).toContain('Globalping');
    expect(api.check).toHaveBeenCalledWith('https://shop.example.com/', 3);
    fireEvent.click(screen.getByRole('checkbox', { name: /path and query/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Allow and check' }));
    expect(await screen.findByText('Asking other networks… 1 of 2 answered')).toBeTruthy();
    expect(allow).toHaveBeenCalledWith(true);
  });

  it('shows the verdict first, then a row per probe, and flags DNS that disagrees', () => {
    render(
      <OtherNetworksContext.Provider
        value={{
          check: vi.fn(),
          status: async () => ({ state: 'idle' }),
          consent: { where: 'settings', open: vi.fn() },
        }}
      >
        <ExplanationCard incident={makeIncident({ otherNetworks: CHECK })} logState="saved" onRetry={() => {}} />
      </OtherNetworksContext.Provider>,
    );
    expect(screen.getByText('Down for everyone: 2 of 2 networks in 2 countries got 502')).toBeTruthy();
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows[1]).toBe('Frankfurt, DEDeutsche Telekom AG50248 ms104.21.48.7FRA');
    expect(rows[2]).toBe('Tokyo, JPKDDItimed out—198.51.100.7other DNS—');
  });

  it('in the overlay, sends the person to the settings to agree', async () => {
    const open = vi.fn();
    card([{ state: 'idle' }, { state: 'off' }], { where: 'settings', open });
    fireEvent.click(screen.getByRole('button', { name: 'Check from other networks' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open settings to allow it' }));
    expect(open).toHaveBeenCalledOnce();
    expect(screen.queryByRole('checkbox', { name: /path and query/ })).toBeNull();
  });

  it('says a rate limit plainly, with when to try again', async () => {
    card([{ state: 'failed', failure: { kind: 'rate-limited', retryAt: null } }], { where: 'settings', open: vi.fn() });
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Globalping's limit for free checks is used up. Try again in an hour.",
    );
  });
});
