import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietSitesSection } from '@/components/options/quiet-sites-section';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { siteOf } from '@/lib/site/psl-node';
import { englishBrowser } from '../../helpers/i18n-browser';

beforeEach(englishBrowser);
afterEach(cleanup);

function add(text: string) {
  fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
}

describe('sites where nothing is shown', () => {
  it('refuses what is not a site, keeps what was typed, and saves nothing', () => {
    const apply = vi.fn(async () => {});
    render(<QuietSitesSection settings={{ ...DEFAULT_SETTINGS }} apply={apply} siteOf={siteOf} />);
    add('not a site!');
    expect(screen.getByRole('alert').textContent).toBe('Enter a site name such as example.com.');
    expect((screen.getByLabelText('Add a site') as HTMLInputElement).value).toBe('not a site!');
    expect(apply).not.toHaveBeenCalled();
  });

  it('saves the site an address belongs to, once', () => {
    const apply = vi.fn(async () => {});
    render(
      <QuietSitesSection settings={{ ...DEFAULT_SETTINGS, quietSites: ['b.org'] }} apply={apply} siteOf={siteOf} />,
    );
    add('https://www.Shop.Example.co.uk/cart');
    expect(apply).toHaveBeenCalledWith({ quietSites: ['b.org', 'example.co.uk'] });
    add('b.org');
    expect(apply).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
