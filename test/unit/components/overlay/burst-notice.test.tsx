import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BurstNotice } from '@/components/overlay/burst-notice';
import type { Burst } from '@/lib/failure/model';
import { englishBrowser } from '../../helpers/i18n-browser';

beforeEach(englishBrowser);
afterEach(cleanup);

const burst: Burst = { id: 1, status: 503, count: 3, first: 1, last: 2, host: 'api.example.com' };
const HINT = 'Click the 5xx Explainer button in the toolbar to see them.';

describe('the notice’s Details', () => {
  it('opens the popup, and says nothing more when it did', async () => {
    let asked = 0;
    render(<BurstNotice burst={burst} onDismiss={() => undefined} onDetails={async () => ++asked > 0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    await Promise.resolve();
    expect(asked).toBe(1);
    expect(screen.queryByText(HINT)).toBeNull();
  });

  it('says what to click where the browser would not open the popup', async () => {
    render(<BurstNotice burst={burst} onDismiss={() => undefined} onDetails={async () => false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(await screen.findByText(HINT)).toBeTruthy();
  });

  it('is not offered without a way to open the popup', () => {
    render(<BurstNotice burst={burst} onDismiss={() => undefined} />);
    expect(screen.queryByRole('button', { name: 'Details' })).toBeNull();
  });
});
