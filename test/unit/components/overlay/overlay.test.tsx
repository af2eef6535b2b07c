import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { explainsItself } from '@/components/card/situation';
import { Overlay, type Props } from '@/components/overlay/overlay';
import type { Incident } from '@/lib/log/model';
import { englishBrowser } from '../../helpers/i18n-browser';
import { claimedFixture, makeCheck } from '../../helpers/incidents';

beforeEach(englishBrowser);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function overlay(incident: Incident, over: Partial<Props> = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const props: Props = {
    incident,
    logState: 'saved',
    root: host.attachShadow({ mode: 'open' }),
    check: vi.fn(async () => ({ status: 503, retryAfter: null })),
    checkNow: vi.fn(async () => makeCheck()),
    siteStatus: async () => null,
    copyReport: async () => true,
    mySite: { load: async () => false, save: async () => true },
    reload: vi.fn(),
    back: vi.fn(),
    onClose: vi.fn(),
    onQuiet: vi.fn(),
    ...over,
  };
  render(<Overlay {...props} />);
  return props;
}

describe('the overlay fits the situation', () => {
  it('a bot check: no card, a small neutral notice that says it is not an outage', () => {
    const props = overlay(claimedFixture('cloudflare-challenge.ts'));
    expect(screen.queryByRole('dialog')).toBeNull();
    const notice = screen.getByRole('status');
    expect(notice.textContent).toBe(
      'Security check by Cloudflare — this is not an outage. Follow the steps on the page.',
    );
    expect(notice.closest('.x5-notice-neutral')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss this notice' }));
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it('a Wi-Fi login: the same notice, in the Wi-Fi’s words', () => {
    overlay(claimedFixture('captive-portal-511.ts'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Your Wi-Fi wants you to sign in — this is not an outage/);
  });

  it('a page that explains itself: a pill that opens the card on click', () => {
    overlay(claimedFixture('cloudflare-522.ts'));
    expect(screen.queryByRole('dialog')).toBeNull();
    const pill = screen.getByRole('button', { name: '522 · What happened?' });
    fireEvent.click(pill);
    expect(screen.getByRole('dialog').textContent).toContain(
      'Cloudflare could not reach the site’s own server in time.',
    );
  });

  it('a server’s default page: the card at once', () => {
    overlay(claimedFixture('real-nginx-dead-upstream.ts'));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('maintenance: the countdown starts by itself, and × keeps the wait going as a pill', async () => {
    vi.useFakeTimers();
    const props = overlay(claimedFixture('real-caddy-maintenance.ts'));
    expect(screen.getByRole('dialog').querySelector('.x5-card-neutral')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Stop waiting' })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(screen.getByText('Reloading when back · 9:57').getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Close explanation' }));
    expect(props.onClose).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Reloading when back · 9:57' })).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(screen.getByRole('button', { name: 'Reloading when back · 9:55' })).toBeTruthy();
    // The wait ends with the check that finds the site back: the page reloads.
    vi.mocked(props.check).mockResolvedValue({ status: 200, retryAfter: null });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(600_000);
    });
    expect(props.reload).toHaveBeenCalledOnce();
  });

  it('× without a wait closes the card', () => {
    const props = overlay(claimedFixture('real-nginx-dead-upstream.ts'));
    fireEvent.click(screen.getByRole('button', { name: 'Close explanation' }));
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it('after a form: “Go back”, no countdown even with Retry-After, nothing sent again', async () => {
    vi.useFakeTimers();
    const props = overlay(claimedFixture('real-nginx-maintenance.ts', { method: 'POST' }));
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    expect(props.back).toHaveBeenCalledOnce();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(700_000);
    });
    expect(props.check).not.toHaveBeenCalled();
    expect(props.reload).not.toHaveBeenCalled();
  });
});

describe('which pages explain themselves', () => {
  const pill = (file: string) => explainsItself(claimedFixture(file));
  it.each([
    'cloudflare-522.ts',
    'cloudfront-504.ts',
    'github-503-unicorn-page.ts',
    'real-nginx-app-500.ts',
    'real-haproxy-maintenance.ts',
  ])('%s does: a vendor’s page for visitors, or the site’s own', (file) => {
    expect(pill(file)).toBe(true);
  });
  it.each([
    'real-nginx-dead-upstream.ts',
    'apache-500.ts',
    'tomcat-500-exception-report.ts',
    'squid-503-dns-fail.ts',
    'real-varnish-dead-upstream.ts',
    'cloudflare-521.ts',
    'cloudflare-challenge.ts',
  ])('%s does not: a default page, a code only, or a false alarm', (file) => {
    expect(pill(file)).toBe(false);
  });
});
