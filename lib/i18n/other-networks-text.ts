import type { OtherNetworksCheck, OtherNetworksProbe } from '@/lib/log/model';
import type { OtherNetworksFailure } from '@/lib/owner-tools/other-networks';
import { count, type TextKey, type Translate } from './translate';

/** What the failing probes got, in a word: the status, or why there was none. */
function failedWith(status: number | null, error: OtherNetworksProbe['error'], t: Translate): string {
  if (status !== null) return String(status);
  return t(`net_error_${(error ?? 'other').replace(/-/g, '_')}` as TextKey);
}

function continents(codes: readonly string[], t: Translate): string {
  return codes.map((code) => t(`net_continent_${code}` as TextKey)).join(', ');
}

/**
 * The answer in one sentence: "Down for everyone: 8 of 8 networks in 6 countries got 502",
 * "Just you: …", "Partly down: failing in Asia only". Pure: `t` gives the words.
 */
export function verdictSentence(check: OtherNetworksCheck, t: Translate): string {
  const { answered, failing } = check;
  const failed = failedWith(check.failingStatus, check.failingError, t);
  const up = String(check.upStatus ?? '');
  switch (check.verdict) {
    case 'down-for-everyone':
      return t('net_verdict_down', count(failing), count(answered), count(check.countries), failed);
    case 'just-you':
      return t('net_verdict_just_you', count(answered - failing), count(answered), up);
    case 'partly-down':
      return check.failingOnlyIn && check.failingOnlyIn.length > 0
        ? t('net_verdict_partly_in', continents(check.failingOnlyIn, t))
        : t('net_verdict_partly', count(failing), count(answered), failed);
    default:
      if (answered === 0) return t('net_verdict_none');
      // Most got the site (one outlier at most failed, and the visitor's own page works too).
      return failing < answered - failing
        ? t('net_verdict_works', count(answered - failing), count(answered), up)
        : t('net_verdict_unclear', count(answered));
  }
}

/** A probe's status cell: the code, why it got none, or that the probe itself failed. */
export function probeStatus(probe: OtherNetworksProbe, t: Translate): string {
  if (probe.outcome === 'excluded') return t('net_excluded');
  return failedWith(probe.status, probe.error, t);
}

/** The line under the verdict when some probes' DNS disagrees with this browser's; null when none does. */
export function dnsNote(check: OtherNetworksCheck, t: Translate): string | null {
  return check.dnsDifferent > 0 ? t('net_dns_differs', count(check.dnsDifferent), count(check.probes.length)) : null;
}

/** Why there is no answer, and what to do; `time` formats the rate limit's end. */
export function failureText(failure: OtherNetworksFailure, t: Translate, time: (ms: number) => string): string {
  switch (failure.kind) {
    case 'rate-limited':
      return failure.retryAt ? t('net_failed_rate_limit', time(failure.retryAt)) : t('net_failed_rate_limit_hour');
    case 'no-probes':
      return t('net_failed_no_probes');
    case 'timeout':
      return t('net_failed_timeout');
    case 'network':
      return t('net_failed_network');
    default:
      return failure.status ? t('net_failed_api', String(failure.status)) : t('net_failed_api_plain');
  }
}
