import { useEffect, useRef, useState } from 'preact/hooks';
import type { OtherNetworksCheck } from '@/lib/log/model';
import type { OtherNetworksApi, OtherNetworksState } from '@/lib/owner-tools/other-networks';

/** How often the page asks how far the probes have got (the background polls the API itself). */
const FOLLOW_MS = 700;

/**
 * "Check from other networks" for one address: what stands (a check kept with the incident, one
 * running or finished in the background), the consent step, and the actions. Touches the clock:
 * the page asks the background for progress while a check runs; closing the page stops asking,
 * not the check.
 */
export function useOtherNetworks(api: OtherNetworksApi, url: string, incidentId?: number, kept?: OtherNetworksCheck) {
  const [state, setState] = useState<OtherNetworksState | null>(kept ? { state: 'done', check: kept } : null);
  const [consenting, setConsenting] = useState(false);
  const [denied, setDenied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);

  const follow = (next: OtherNetworksState) => {
    if (!live.current) return;
    clearTimeout(timer.current);
    setState(next);
    if (next.state === 'running') {
      timer.current = setTimeout(() => {
        api.status(url).then(follow, () => follow({ state: 'failed', failure: { kind: 'api-error', status: null } }));
      }, FOLLOW_MS);
    }
  };

  // A check may already be running or done for this site (another page asked, or this one reopened).
  useEffect(() => {
    live.current = true;
    void api.status(url).then(
      (s) => (s.state === 'running' || s.state === 'done' || s.state === 'failed') && follow(s),
      () => undefined,
    );
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, [api, url]);

  const check = async () => {
    setDenied(false);
    const next = await api.check(url, incidentId);
    if (next.state === 'off') setConsenting(true);
    else {
      setConsenting(false);
      follow(next);
    }
  };

  return {
    state,
    consenting,
    denied,
    check,
    cancel: () => setConsenting(false),
    /** The person agreed: ask for the permission here (still inside their click), or open settings. */
    async allow(includePath: boolean) {
      if (api.consent.where === 'settings') {
        api.consent.open();
        return;
      }
      if (!(await api.consent.allow(includePath))) {
        setDenied(true);
        return;
      }
      await check();
    },
  };
}
