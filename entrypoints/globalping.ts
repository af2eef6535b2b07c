import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { finishCheck, startCheck } from '@/lib/owner-tools/globalping/run';
import { GLOBALPING_GLOBAL, type GlobalpingModule } from '@/lib/owner-tools/other-networks';

// The Globalping client, built as a script of its own (/globalping.js) that the background
// loads only when a person asks for a check from other networks (lib/platform/lazy-script.ts).
export default defineUnlistedScript(() => {
  const module: GlobalpingModule = { startCheck, finishCheck };
  (globalThis as Record<string, unknown>)[GLOBALPING_GLOBAL] = module;
});
