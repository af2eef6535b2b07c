import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Zone } from '@/lib/log/time';

/** Which clock the popup's times are read on: the machine's zone, or UTC (its switch). */
export const ZoneContext = createContext<Zone>({ utc: false });

export function useZone(): Zone {
  return useContext(ZoneContext);
}
