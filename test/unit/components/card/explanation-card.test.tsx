import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExplanationCard } from '@/components/card/explanation-card';
import { englishBrowser } from '../../helpers/i18n-browser';
import { makeCheck, makeIncident, makeNetworkIncident } from '../../helpers/incidents';

beforeEach(englishBrowser);
afterEach(cleanup);

const idle = { state: { phase: 'idle' as const }, start: () => {}, stop: () => {} };

describe('the explanation card', () => {
  it('opens and closes the owner’s view behind “This is my site”', () => {
    render(<ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} reload={idle} />);
    expect(screen.queryByRole('region', { name: 'For the site’s owner' })).toBeNull();
    const toggle = screen.getByRole('checkbox', { name: 'This is my site' });
    fireEvent.click(toggle);
    expect(screen.getByRole('region', { name: 'For the site’s owner' }).textContent).toContain('nginx');
    fireEvent.click(toggle);
    expect(screen.queryByRole('region', { name: 'For the site’s owner' })).toBeNull();
  });

  it('checks the page from the card and says what the check found', async () => {
    const checkNow = vi.fn(async () => makeCheck({ site: 'example.com', status: 200, ttfbMs: 42 }));
    render(<ExplanationCard incident={makeIncident()} logState="saved" onRetry={() => {}} checkNow={checkNow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(checkNow).toHaveBeenCalledOnce();
    expect((await screen.findByText(/42 ms/)).getAttribute('role')).toBe('status');
  });

  it('offers no reload for a form that was sent, and says why', () => {
    render(<ExplanationCard incident={makeIncident({ method: 'POST' })} logState="private" onRetry={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Reload when it’s back' })).toBeNull();
    expect(screen.getByRole('status').textContent).not.toBe('');
    expect(screen.queryByRole('button', { name: /Don’t explain errors on/ })).toBeNull();
  });

  it('explains a site that cannot be reached: its title, the browser’s error, the hops and the next steps', () => {
    const incident = makeNetworkIncident('net::ERR_NAME_NOT_RESOLVED', {}, 'http://shop.example.com/');
    const { container } = render(
      <ExplanationCard incident={incident} logState="saved" onRetry={() => {}} reload={idle} />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This site’s address can’t be found');
    expect(container.textContent).toContain('net::ERR_NAME_NOT_RESOLVED · dns.name_not_resolved');
    expect(container.querySelector('.x5-code')?.textContent).toBe('DNS');
    const hops = [...container.querySelectorAll('.x5-hop')].map((li) => [
      li.querySelector('.x5-hop-name')?.textContent,
      li.classList.contains('x5-hop-failed'),
      li.classList.contains('x5-hop-not-reached'),
    ]);
    expect(hops).toEqual([
      ['You', false, false],
      ['Your network / DNS', true, false],
      ['Site’s server', false, true],
    ]);
    expect(container.textContent).toContain('Check that the address is spelled right.');
    expect(container.textContent).not.toContain('status page');
    fireEvent.click(screen.getByRole('checkbox', { name: 'This is my site' }));
    expect(screen.getByRole('region', { name: 'For the site’s owner' }).textContent).toContain('dig NAME');
  });
});
