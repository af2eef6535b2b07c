import type { Settings } from '@/lib/settings';

/** What each section of the options page is given: the settings as stored, and a way to change them. */
export interface SectionProps {
  settings: Settings;
  apply: (patch: Partial<Settings>) => Promise<void>;
}
