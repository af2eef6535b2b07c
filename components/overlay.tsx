import { useEffect, useRef } from 'preact/hooks';
import type { Incident } from '@/lib/incident';
import { ExplanationCard } from './explanation-card';

export interface Props {
  incident: Incident;
  onRetry: () => void;
  onClose: () => void;
}

/**
 * The card floating over the failing page, as a non-modal dialog: the page under it keeps
 * working. It takes focus only when nothing on the page has it, and Esc closes it.
 */
export function Overlay({ incident, onRetry, onClose }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div class="x5-overlay" role="dialog" aria-labelledby="x5-heading" tabIndex={-1} ref={dialog}>
      <ExplanationCard incident={incident} onRetry={onRetry} onClose={onClose} headingId="x5-heading" />
    </div>
  );
}
