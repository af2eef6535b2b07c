import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExplanationCard } from '@/components/card/explanation-card';
import type { MySite } from '@/components/card/use-my-site';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { NOW } from '../../../fixtures/responses/index';
import { englishBrowser } from '../../helpers/i18n-browser';
import { claimedFixture, makeCheck, makeIncident, makeNetworkIncident } from '../../helpers/incidents';

beforeEach(englishBrowser);
afterEach(cleanup);

const idle = { state: { phase: 'idle' as const }, start: () => {}, stop: () => {} };

/** The buttons a person sees without opening "More details". */
function visibleButtons(container: Element): string[] {
  return [...container.querySelectorAll('button')].filter((b) => !b.closest('details')).map((b) => b.textContent ?? '');
}

describe('the explanation card', () => {
  it('gives one primary action and one secondary, and keeps the rest under More details', () => {
    const checkNow = vi.fn(async () => makeCheck());
    const { container } = render(
      <ExplanationCard
        incident={makeIncident()}
        logState="saved"
        onRetry={() => {}}
        reload={idle}
        checkNow={checkNow}
      />,
    );
    expect(visibleButtons(container)).toEqual(['Try again', 'Copy details for support']);
    const more = container.querySelector('details.x5-more') as HTMLDetailsElement;
    expect(more.open).toBe(false);
    expect(within(more).getByText('More details')).toBeTruthy();
    // The code's name, Check now and "This is my site" live in there.
    expect(more.textContent).toContain('Error 502 · Bad Gateway');
    expect(within(more).getByRole('button', { name: 'Check now' })).toBeTruthy();
    expect(within(more).getByRole('checkbox', { name: 'This is my site' })).toBeTruthy();
    expect(container.querySelector('.x5-head')?.textContent).not.toContain('Bad Gateway');
  });

  it('opens and closes the owner’s view behind “This is my site”', () => {
    render(<ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} reload={idle} />);
    expect(screen.queryByRole('region', { name: 'For the site’s owner' })).toBeNull();
    const toggle = screen.getByRole('checkbox', { name: 'This is my site' });
    fireEvent.click(toggle);
    expect(screen.getByRole('region', { name: 'For the site’s owner' }).textContent).toContain('nginx');
    fireEvent.click(toggle);
    expect(screen.queryByRole('region', { name: 'For the site’s owner' })).toBeNull();
  });

  it('opens More details and the owner’s view on a site the person said is theirs, and saves a change', () => {
    const set = vi.fn();
    const mySite: MySite = { mine: true, set };
    const { container } = render(
      <ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} mySite={mySite} />,
    );
    expect((container.querySelector('details.x5-more') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByRole('region', { name: 'For the site’s owner' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'This is my site' }));
    expect(set).toHaveBeenCalledWith(false);
  });

  it('checks the page from More details and says what the check found', async () => {
    const checkNow = vi.fn(async () => makeCheck({ site: 'example.com', status: 200, ttfbMs: 42 }));
    render(<ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} checkNow={checkNow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(checkNow).toHaveBeenCalledOnce();
    expect((await screen.findByText(/42 ms/)).getAttribute('role')).toBe('status');
  });

  it('after a form, offers “Go back” and says to check the form went through, never “Try again”', () => {
    const back = vi.fn();
    const retry = vi.fn();
    const { container } = render(
      <ExplanationCard incident={makeIncident({ method: 'POST' })} logState="private" onRetry={retry} onBack={back} />,
    );
    expect(visibleButtons(container)).toEqual(['Go back', 'Copy details for support']);
    expect(container.querySelector('.x5-step')?.textContent).toBe(
      'Check whether your form went through before sending it again.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    expect(back).toHaveBeenCalledOnce();
    expect(retry).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /Don’t explain errors on/ })).toBeNull();
  });

  it('while waiting for the site: “Stop waiting” and a countdown, and no second “try again”', () => {
    const stop = vi.fn();
    const waiting = { state: { phase: 'waiting' as const, seconds: 102, attempt: 0 }, start: () => {}, stop };
    const { container } = render(
      <ExplanationCard
        incident={claimedFixture('real-nginx-maintenance.ts')}
        logState="saved"
        onRetry={() => {}}
        reload={waiting}
      />,
    );
    expect(visibleButtons(container)).toEqual(['Stop waiting', 'Copy details for support']);
    expect(screen.getByRole('status').textContent).toBe('Reloading when back · 1:42');
    expect(container.querySelector('.x5-step')?.textContent).toBe('We’ll reload when the site is back.');
    // Planned work is drawn in a calm colour, not as a failure.
    expect(container.querySelector('.x5-card')?.classList.contains('x5-card-neutral')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Stop waiting' }));
    expect(stop).toHaveBeenCalledOnce();
  });

  it('says “try another network” only where the network or the edge could be at fault', () => {
    const tip = 'If it keeps failing, try another network, such as your phone’s mobile data.';
    const { container, unmount } = render(
      <ExplanationCard
        incident={claimedFixture('tomcat-500-exception-report.ts')}
        logState="saved"
        onRetry={() => {}}
      />,
    );
    expect(container.textContent).not.toContain('another network');
    unmount();
    const reset = makeNetworkIncident('net::ERR_CONNECTION_RESET');
    const second = render(<ExplanationCard incident={reset} logState="saved" onRetry={() => {}} />);
    expect(second.container.querySelector('.x5-tip')?.textContent).toBe(tip);
  });

  it('links the site’s status page only when its address is known, and as a link only', () => {
    const status = {
      indicator: 'major' as const,
      description: 'Major System Outage',
      url: 'https://status.example.com/api/v2/status.json',
    };
    const { container, unmount } = render(
      <ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} siteStatus={status} />,
    );
    const link = screen.getByRole('link', { name: /major outage/ }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://status.example.com');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    unmount();
    const hostile = { ...status, url: 'javascript:alert(1)//api/v2/status.json' };
    const again = render(
      <ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} siteStatus={hostile} />,
    );
    expect(again.container.querySelector('a')).toBeNull();
    expect(container.textContent).not.toContain('status page');
  });

  it('explains a site that cannot be reached: its title, the hops and one next step, the browser’s error in More details', () => {
    const incident = makeNetworkIncident('net::ERR_NAME_NOT_RESOLVED', {}, 'http://shop.example.com/');
    const { container } = render(
      <ExplanationCard incident={incident} logState="saved" onRetry={() => {}} reload={idle} />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This site’s address can’t be found');
    expect(container.querySelector('details.x5-more')?.textContent).toContain(
      'net::ERR_NAME_NOT_RESOLVED · dns.name_not_resolved',
    );
    expect(container.querySelector('.x5-code')?.textContent).toBe('DNS');
    const hops = [...container.querySelectorAll('.x5-hop')].map((li) => [
      li.querySelector('.x5-hop-name')?.textContent,
      li.querySelector('.x5-hop-state')?.textContent,
    ]);
    expect(hops).toEqual([
      ['You', 'Working'],
      ['Your network / DNS', 'Problem here'],
      ['Site’s server', 'Not reached'],
    ]);
    expect(container.querySelector('.x5-step')?.textContent).toBe('Check that the address is spelled right.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'This is my site' }));
    expect(screen.getByRole('region', { name: 'For the site’s owner' }).textContent).toContain('dig NAME');
  });

  it('says a bot check is not an outage, in a calm colour, with what to do', async () => {
    const d = diagnose(
      { status: 503, headers: { server: 'cloudflare', 'cf-mitigated': 'challenge' }, url: 'https://a.example/' },
      NOW,
    );
    const { container } = render(
      <ExplanationCard incident={makeIncident({ status: 503, diagnosis: d })} logState="saved" onRetry={() => {}} />,
    );
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('This is probably not an outage'));
    expect(container.querySelector('.x5-step')?.textContent).toBe('Do what the page asks, or wait a few seconds.');
    expect(container.querySelector('.x5-card')?.classList.contains('x5-card-neutral')).toBe(true);
  });
});
