import type { ExportFormat } from '@/lib/export/files';
import type { TabFailure } from '@/lib/failure/model';
import type { Phrase } from '@/lib/i18n/translate';
import type { Query } from '@/lib/log/incidents';
import type { CheckRecord, HourlyCount, Incident, SiteSummary } from '@/lib/log/model';
import type { JustMeAnswer } from '@/lib/owner-tools/just-me';
import type { Watch, WatchEvent } from '@/lib/owner-tools/watch';

/**
 * Everything the popup reads and does, passed in by entrypoints/popup/main.tsx so that the popup
 * is testable without a browser. Types only.
 */
export interface LogApi {
  /** The address of the tab the popup is about; null on pages that are not http(s). */
  currentTab: URL | null;
  /** What that tab shows ("This tab"): its failure, else its page's burst; null when nothing. */
  thisTab(): Promise<TabFailure | null>;
  /** Asks the overlay in that tab to show its card again; false when nothing there showed it. */
  showInTab(): Promise<boolean>;
  /** Try again, from the explanation shown in the popup: reloads that tab. */
  reloadTab(): void;
  /** Closes the popup once its job is done (not when it is open as a page of its own). */
  close(): void;
  /** Whether times show in UTC rather than local time (remembered in the settings). */
  timesInUtc(): Promise<boolean>;
  setTimesInUtc(utc: boolean): Promise<void>;
  summaries(): Promise<SiteSummary[]>;
  incidents(query: Query): Promise<Incident[]>;
  /** A site's failures per hour and status (the chart's data). */
  hourly(site: string, sinceHour: number): Promise<HourlyCount[]>;
  exportLog(format: ExportFormat, site: string | null): Promise<void>;
  /** Imports a JSON export; how many incidents were added, or why the file was refused. */
  importLog(file: File): Promise<{ ok: true; count: number; source: string } | { ok: false; error: Phrase }>;
  clearSite(site: string): Promise<void>;
  clearAll(): Promise<void>;
  now(): number;
  check(url: string): Promise<CheckRecord>;
  siteChecks(site: string): Promise<CheckRecord[]>;
  justMe(site: string): Promise<JustMeAnswer>;
  watches(): Promise<{ watches: Watch[]; events: WatchEvent[] }>;
  /** Asks for the notifications permission (in the click's user gesture), then starts the watch. */
  startWatch(
    url: string,
    intervalMinutes: number,
    durationMinutes: number,
  ): Promise<{ watch: Watch | null; notifications: Promise<boolean> }>;
  stopWatch(site: string): Promise<void>;
  notificationsAllowed(): Promise<boolean>;
}
