import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so extension pages' CSP
 * does not stop it) and returns the serious and critical violations, readably.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    async (context) =>
      (
        await (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: unknown[] }> } }).axe.run(
          context ?? document,
        )
      ).violations,
    selector ?? null,
  )) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`,
    );
}
