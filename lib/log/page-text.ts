import { redactUrl } from './redact';

/** Longest page text kept with an incident, in characters: what support reads, not the page. */
export const MAX_PAGE_TEXT = 160;

/** Elements whose content is never seen as text on the page. */
const UNSEEN = /<(head|script|style|noscript|template|svg|iframe|object|textarea)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  });
}

/** Whether the log's URL redaction treats a parameter of this name as a secret. */
function secretName(name: string): boolean {
  return redactUrl(`http://x.invalid/?${name}=1`).endsWith('=REDACTED');
}

/**
 * Removes secrets from free text with the log's own URL redaction (./redact.ts): every URL in
 * it, and `name=value` pairs outside URLs as if they were a query. E-mail addresses and JWTs are
 * replaced whole.
 */
function redactText(text: string): string {
  return text
    .replace(/\bhttps?:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url))
    .replace(/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, 'REDACTED')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, 'REDACTED')
    .replace(/(?<![\w.[\]%-])([\w.[\]%-]{1,40})=([^\s&]+)/g, (pair, name: string) =>
      secretName(name) ? `${name}=REDACTED` : pair,
    );
}

/** Cuts to at most `max` characters (whole code points), marking the cut with an ellipsis. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Text kept in the log, as it will be shown: control and invisible characters gone, spaces
 * collapsed, secrets redacted, at most MAX_PAGE_TEXT characters. Also re-applied to imports.
 */
export function cleanPageText(text: string): string {
  const plain = text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cut(redactText(plain), MAX_PAGE_TEXT);
}

/**
 * What the error page said, for the support report: the visible text of a bounded prefix of the
 * rendered page (markup, the head, scripts and styles removed; entities read), cleaned as
 * above. Empty when the page has no text. The page is never rendered from it, only quoted.
 */
export function pageText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(UNSEEN, ' ')
    // Tags, declarations (<!DOCTYPE>, <![endif]>), and a tag the prefix cut in half.
    .replace(/<(?:\/?[a-z]|[!?])[^>]*(?:>|$)/gi, ' ');
  return cleanPageText(decodeEntities(text));
}
