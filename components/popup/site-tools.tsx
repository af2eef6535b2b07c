import { useState } from 'preact/hooks';
import { OtherNetworks } from '@/components/card/other-networks';
import { edgeName } from '@/lib/i18n/diagnosis-text';
import { count, type Phrase, phraseText, t } from '@/lib/i18n/translate';
import type { CheckRecord, Incident } from '@/lib/log/model';
import { formatTime } from '@/lib/log/time';
import { checkSentence, isUp } from '@/lib/owner-tools/check';
import type { JustMeAnswer } from '@/lib/owner-tools/just-me';
import type { Watch, WatchEvent } from '@/lib/owner-tools/watch';
import { type LanePoint, NetworkLanes } from './network-lanes';
import { useZone } from './zone';

export interface Props {
  site: string;
  /** The result of the last "Check now", and how it compares with the last failure. */
  check: CheckRecord | null;
  checking: boolean;
  comparison: Phrase | null;
  onCheck: () => void;
  watch: Watch | null;
  /** What watches of this site found, newest first. */
  events: readonly WatchEvent[];
  /** Reads the watch state again. */
  onRefresh: () => void;
  /** Whether watch notifications can be shown. */
  notifications: boolean;
  onWatch: (intervalMinutes: number, durationMinutes: number) => void;
  onStopWatch: () => void;
  justMe: JustMeAnswer | null;
  onJustMe: () => void;
  lanes: readonly LanePoint[];
  /** "Check from other networks": the address to check and the failure it is about; null when there is none. */
  networks: { url: string; incident: Incident | undefined } | null;
}

const INTERVALS = [1, 5, 15, 60];
const DURATIONS = [30, 60, 240, 1440];

/** The check sentence, and which edge location answered. */
function checkLine(check: CheckRecord): string {
  const edge = check.status !== null && check.diagnosis.edge;
  const sentence = checkSentence(check, t);
  return edge ? `${sentence} ${t('tools_check_result_pop', edgeName(edge))}` : sentence;
}

/**
 * Site-owner tools for one site: check it from here, watch it, "is it just me?", compare
 * networks. The popup folds them under their heading.
 */
export function SiteTools(props: Props) {
  const zone = useZone();
  const [interval, setInterval] = useState(5);
  const [duration, setDuration] = useState(60);
  const { check, watch, justMe } = props;
  return (
    <div class="tools-body">
      <div class="row-controls">
        <button type="button" onClick={props.onCheck} disabled={props.checking}>
          {props.checking ? t('tools_checking') : t('tools_check')}
        </button>
        <button type="button" onClick={props.onJustMe}>
          {t('tools_just_me')}
        </button>
      </div>
      <div role="status">
        {check && (
          <p class={isUp(check) ? 'ok' : 'error'}>
            {checkLine(check)} {props.comparison && phraseText(t, props.comparison)}
          </p>
        )}
      </div>
      {justMe && (
        <section class="just-me" aria-label={t('tools_just_me')}>
          <p>
            <strong>{phraseText(t, justMe.conclusion)}</strong>
          </p>
          <ul>
            {justMe.findings.map((f) => (
              <li key={f.key + JSON.stringify(f.subs ?? [])}>{phraseText(t, f)}</li>
            ))}
          </ul>
        </section>
      )}
      {props.networks && (
        <OtherNetworks
          url={props.networks.url}
          incidentId={props.networks.incident?.id}
          kept={props.networks.incident?.otherNetworks}
        />
      )}
      {watch ? (
        <div class="row-controls">
          <span>{t('tools_watching', count(watch.intervalMinutes), formatTime(watch.until, 'moment', zone))}</span>
          <button type="button" onClick={props.onStopWatch}>
            {t('tools_watch_stop')}
          </button>
        </div>
      ) : (
        <div class="row-controls">
          <label>
            {t('tools_watch_every')}{' '}
            <select value={interval} onChange={(e) => setInterval(Number((e.target as HTMLSelectElement).value))}>
              {INTERVALS.map((m) => (
                <option key={m} value={m}>
                  {t('tools_watch_minutes', count(m))}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('tools_watch_for')}{' '}
            <select value={duration} onChange={(e) => setDuration(Number((e.target as HTMLSelectElement).value))}>
              {DURATIONS.map((m) => (
                <option key={m} value={m}>
                  {m < 60 ? t('tools_watch_minutes', count(m)) : t('tools_watch_hours', count(m / 60))}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => props.onWatch(interval, duration)}>
            {t('tools_watch')}
          </button>
        </div>
      )}
      {watch && !props.notifications && <p class="muted">{t('tools_watch_notify_off')}</p>}
      {props.events.length > 0 && (
        <ul class="watch-events" aria-label={t('tools_watch_events')}>
          {props.events.map((e) => (
            <li key={`${e.time}-${e.kind}`}>
              {t(
                e.kind === 'failed' ? 'tools_event_failed' : 'tools_event_recovered',
                formatTime(e.time, 'moment', zone),
                e.status === null ? '—' : String(e.status),
              )}
            </li>
          ))}
        </ul>
      )}
      {watch && (
        <button type="button" class="link" onClick={props.onRefresh}>
          {t('tools_refresh')}
        </button>
      )}
      <h3>{t('tools_networks')}</h3>
      <NetworkLanes points={props.lanes} />
    </div>
  );
}
