import { useEffect, useState } from 'preact/hooks';
import type { LogState, TabFailure } from '@/lib/failure/model';
import { t } from '@/lib/i18n/translate';
import type { Incident } from '@/lib/log/model';
import type { LogApi } from './log-api';

/**
 * "This tab": what the tab shows (undefined while it is read), and "Show explanation". That
 * asks the overlay in the tab to show its card again, and closes the popup so the card can be
 * seen; when nothing there shows it (the page removed it, the tab shows the extension's own
 * page, or the failure is a burst of API calls), the explanation opens in the popup instead.
 */
export function useThisTab(api: LogApi, version: number) {
  const [failure, setFailure] = useState<TabFailure | null | undefined>(undefined);
  const [explaining, setExplaining] = useState<{ incident: Incident; logState: LogState } | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    api.thisTab().then(setFailure, () => setFailure(null));
  }, [api, version]);

  return {
    failure,
    explaining,
    note,
    async onShow(incident: Incident) {
      if (failure?.kind === 'page' && (await api.showInTab())) {
        setNote(t('popup_shown_in_tab'));
        api.close();
        return;
      }
      setExplaining({ incident, logState: failure?.kind === 'page' ? failure.logState : 'saved' });
    },
    onBack() {
      setExplaining(null);
    },
  };
}
