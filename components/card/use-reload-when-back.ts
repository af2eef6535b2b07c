import { useEffect, useRef, useState } from 'preact/hooks';
import { isUp } from '@/lib/owner-tools/check';
import { type CheckResult, MAX_CHECKS, nextDelay, type ReloadState } from '@/lib/owner-tools/reload-when-back';

/** "Reload when it's back" as the card drives it: where it stands, and how to start and stop it. */
export interface ReloadWhenBack {
  state: ReloadState;
  start: () => void;
  stop: () => void;
}

/**
 * "Reload when it's back" for one page: counts down, asks `check` (the background) whether the
 * address answers again, and calls `onBack` when it does. With `autoStart` it starts at once
 * (the site said when to come back, or is in maintenance). Touches the clock: the timer lives in
 * the page showing the failure, so closing or leaving the tab ends it. Its pure twin, the
 * schedule, is lib/owner-tools/reload-when-back.ts.
 */
export function useReloadWhenBack(
  check: () => Promise<CheckResult>,
  firstRetryAfter: number | null,
  onBack: () => void,
  autoStart = false,
): ReloadWhenBack {
  const [state, setState] = useState<ReloadState>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const run = useRef(0);

  const stop = () => {
    run.current++;
    clearTimeout(timer.current);
    setState({ phase: 'idle' });
  };

  const schedule = (id: number, attempt: number, retryAfter: number | null) => {
    if (attempt >= MAX_CHECKS) {
      setState({ phase: 'gave-up' });
      return;
    }
    let seconds = nextDelay(attempt, retryAfter);
    setState({ phase: 'waiting', seconds, attempt });
    const tick = () => {
      if (run.current !== id) return;
      seconds--;
      if (seconds > 0) {
        setState({ phase: 'waiting', seconds, attempt });
        timer.current = setTimeout(tick, 1000);
        return;
      }
      setState({ phase: 'checking', attempt });
      check()
        .catch((): CheckResult => ({ status: null, retryAfter: null }))
        .then((result) => {
          if (run.current !== id) return;
          if (isUp(result)) {
            setState({ phase: 'back' });
            onBack();
          } else schedule(id, attempt + 1, result.retryAfter);
        });
    };
    timer.current = setTimeout(tick, 1000);
  };

  const start = () => {
    const id = ++run.current;
    schedule(id, 0, firstRetryAfter);
  };

  useEffect(() => {
    if (autoStart) start();
    return () => {
      run.current++;
      clearTimeout(timer.current);
    };
  }, []);
  return { state, start, stop };
}
