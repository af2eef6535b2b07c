import { knownCode } from '@/lib/diagnosis/tables/codes';

/**
 * Text keys built from table ids. Kept apart from the tables' logic so that the overlay, which
 * renders a stored diagnosis, does not carry the fingerprint and cause tables.
 * test/unit/i18n/keys.test.ts checks that every key built here exists.
 */

/**
 * The key prefix of a status's words: `code_502`, or `code_other` for codes we do not know.
 * `_title` is the card's title, `_visitor` plain sentences for a visitor who has never heard of
 * a proxy, `_owner` the words for the site owner (may be technical).
 */
export function codeKey(status: number): string {
  return knownCode(status) ? `code_${status}` : 'code_other';
}

/**
 * The key prefix of a cause's words: `cause_<id>_visitor` (for someone who has never heard of
 * a proxy) and `cause_<id>_owner` (for the site owner: concrete checks). In both, $1 is the
 * blamed layer's name and $2 a wait such as "in about 5 minutes".
 */
export function causeKey(id: string): string {
  return `cause_${id.replace(/-/g, '_')}`;
}

/** Causes specific enough to be the card's title (the code's own title would say less, or contradict them). */
const TITLED_CAUSES: ReadonlySet<string> = new Set(['maintenance', 'network-proxy-dns', 'network-proxy-unreachable']);

/** The key of a cause's own title (`cause_<id>_title`), or null when the code's title serves. */
export function causeTitleKey(id: string): string | null {
  return TITLED_CAUSES.has(id) ? `${causeKey(id)}_title` : null;
}

/**
 * The key of where a vendor's owner should look first: `check_<id>` (the key predates the
 * glossary's "check", which is a request the extension makes; these are not checks).
 */
export function lookFirstKey(fingerprintId: string): string {
  return fingerprintId.startsWith('generic:') ? 'check_generic' : `check_${fingerprintId.replace(/-/g, '_')}`;
}
