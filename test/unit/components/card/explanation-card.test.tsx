import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExplanationCard } from '@/components/card/explanation-card';
import { englishBrowser } from '../../helpers/i18n-browser';
import { makeCheck, makeIncident } from '../../helpers/incidents';

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
});
