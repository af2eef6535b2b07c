import { useEffect, useState } from 'preact/hooks';
import type { MySiteStore } from '@/components/card/use-my-site';
import type { Burst, OverlayPayload } from '@/lib/failure/model';
import type { CheckRecord } from '@/lib/log/model';
import type { CheckResult } from '@/lib/owner-tools/reload-when-back';
import type { SiteStatus } from '@/lib/owner-tools/status-page';
import { BurstNotice } from './burst-notice';
import { Overlay } from './overlay';

export interface Props {
  initial: OverlayPayload;
  root: ShadowRoot;
  /** Subscribes to bursts the background reports later; returns the unsubscribe. */
  subscribe: (onBurst: (burst: Burst) => void) => () => void;
  /**
   * Hands over what the popup's "Show explanation" runs: it shows the card again (after × or –)
   * and says whether it is on screen; false when this overlay has no card, or the page removed it.
   */
  onShowRequest?: (show: () => boolean) => void;
  check: () => Promise<CheckResult>;
  checkNow: () => Promise<CheckRecord>;
  /** The overlay's site's status page (the background knows which site). */
  siteStatus: () => Promise<SiteStatus | null>;
  /** "Copy details for support": the background copies the report, never the page. */
  copyReport: () => Promise<boolean>;
  /** "This is my site" for the tab's site, kept by the background. */
  mySite: MySiteStore;
  reload: () => void;
  /** "Go back", after a form. */
  back: () => void;
  /** "Don't explain errors on this site": settles once the background has saved it. */
  onQuiet: () => Promise<unknown>;
  /** The notice's "Details": opens the popup on this tab; false when the browser does not let it. */
  openDetails?: () => Promise<boolean>;
}

/** What the overlay script shows in a page: the failing page's explanation, or a burst notice. */
export function OverlayApp(props: Props) {
  const {
    initial,
    root,
    subscribe,
    check,
    checkNow,
    siteStatus,
    copyReport,
    mySite,
    reload,
    back,
    onQuiet,
    onShowRequest,
    openDetails,
  } = props;
  const [payload, setPayload] = useState<OverlayPayload | null>(initial);
  // Counts the popup's "Show explanation" requests: each one brings the card back whole.
  const [shown, setShown] = useState(0);
  // A notice dismissed for one burst stays away until the next burst.
  const [dismissedBurst, setDismissedBurst] = useState<number | null>(null);

  useEffect(
    () =>
      subscribe((burst) => {
        setPayload((current) => (current?.kind === 'page' ? current : { kind: 'notice', burst }));
      }),
    [subscribe],
  );

  useEffect(
    () =>
      onShowRequest?.(() => {
        if (initial.kind !== 'page' || !root.host.isConnected) return false;
        setPayload(initial);
        setShown((n) => n + 1);
        return true;
      }),
    [onShowRequest, initial, root],
  );

  if (!payload) return null;
  if (payload.kind === 'page') {
    return (
      <Overlay
        incident={payload.incident}
        logState={payload.logState}
        root={root}
        shown={shown}
        check={check}
        checkNow={checkNow}
        siteStatus={siteStatus}
        copyReport={copyReport}
        mySite={mySite}
        reload={reload}
        back={back}
        onClose={() => setPayload(null)}
        // Closes once the choice is saved, so that a reload right after it is already quiet.
        onQuiet={() => void onQuiet().finally(() => setPayload(null))}
      />
    );
  }
  if (payload.burst.id === dismissedBurst) return null;
  return (
    <BurstNotice
      burst={payload.burst}
      onDismiss={() => setDismissedBurst(payload.burst.id)}
      {...(openDetails ? { onDetails: openDetails } : {})}
    />
  );
}
