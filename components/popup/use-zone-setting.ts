import { useEffect, useState } from 'preact/hooks';
import { uiLanguage } from '@/lib/i18n/translate';
import type { Zone } from '@/lib/log/time';
import type { LogApi } from './log-api';

/** The clock the popup's times are read on, and its switch: local time or UTC, remembered. */
export function useZoneSetting(api: LogApi) {
  const [utc, setUtc] = useState(false);
  useEffect(() => {
    api.timesInUtc().then(setUtc, () => undefined);
  }, [api]);
  const zone: Zone = { utc, locale: uiLanguage() };
  return {
    zone,
    toggle() {
      setUtc(!utc);
      void api.setTimesInUtc(!utc);
    },
  };
}
