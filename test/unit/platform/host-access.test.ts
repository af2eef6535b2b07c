import { describe, expect, it } from 'vitest';
import { showHostAccess, type ToolbarButton } from '@/lib/platform/host-access';
import { t } from '../helpers/t';

function fakeButton() {
  const state = { badge: 'stale', title: 'stale', color: '' };
  const button: ToolbarButton = {
    async setBadgeText({ text }) {
      state.badge = text;
    },
    async setBadgeBackgroundColor({ color }) {
      state.color = color;
    },
    async setTitle({ title }) {
      state.title = title;
    },
  };
  return { state, button };
}

describe('showHostAccess', () => {
  it('warns on the button when access to all sites is withheld, and says where to allow it', async () => {
    const { state, button } = fakeButton();
    await showHostAccess(false, button, t);
    expect(state.badge).toBe('!');
    expect(state.color).not.toBe('');
    expect(state.title).toContain('needs access to all websites');
    expect(state.title).toContain('Permissions');
  });

  it('clears the warning when access is granted', async () => {
    const { state, button } = fakeButton();
    await showHostAccess(false, button, t);
    await showHostAccess(true, button, t);
    expect(state.badge).toBe('');
    expect(state.title).toBe('5xx Explainer');
  });
});
