/**
 * One colour per status code, wherever a code is coloured: the popup's list, its chart and its
 * legend, and the toolbar badge. The common codes have their own; the rest share one.
 */

/**
 * The colour groups: the common codes each on their own, the other 5xx together, and network
 * errors (status 0: no response at all).
 */
export const CODE_GROUPS = ['500', '502', '503', '504', 'other', 'network'] as const;
export type CodeGroup = (typeof CODE_GROUPS)[number];

export function codeGroup(status: number): CodeGroup {
  if (status === 0) return 'network';
  const key = String(status);
  return (CODE_GROUPS as readonly string[]).includes(key) ? (key as CodeGroup) : 'other';
}

/**
 * Each group's colour on a light and on a dark background. As text, each has at least 4.5:1
 * against the popup's backgrounds in its scheme; the light ones carry the badge's white text.
 */
const COLOURS: Readonly<Record<CodeGroup, { light: string; dark: string }>> = {
  '500': { light: '#b3261e', dark: '#ff8a80' },
  '502': { light: '#b45309', dark: '#fdba74' },
  '503': { light: '#6d28d9', dark: '#c4b5fd' },
  '504': { light: '#0f766e', dark: '#5eead4' },
  other: { light: '#475569', dark: '#cbd5e1' },
  network: { light: '#1d4ed8', dark: '#93c5fd' },
};

/** A code's (or a group's) colour for CSS, following the colour scheme: `light-dark(#b3261e, #ff8a80)`. */
export function codeColour(code: number | CodeGroup): string {
  const { light, dark } = COLOURS[typeof code === 'number' ? codeGroup(code) : code];
  return `light-dark(${light}, ${dark})`;
}

/** A badge label's colour behind white text: a code's own, or the network errors' (`DNS`, `TLS`…). */
export function badgeColour(label: string): string {
  return COLOURS[codeGroup(/^\d+$/.test(label) ? Number(label) : 0)].light;
}
