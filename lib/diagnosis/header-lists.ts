import type { LayerKind } from './model';

/**
 * The headers that each layer on the way back may sign with an entry of its own: a `Server`
 * product (proxies that keep the inner one may add theirs, as Caddy does), a `Via` hop, an
 * `X-Powered-By` runtime. Their entries are read one by one.
 */
export const LIST_HEADERS: ReadonlySet<string> = new Set(['server', 'via', 'x-powered-by']);

/** What kind of layer an entry no fingerprint knows is, by the header it is in, and where it usually sits. */
export const GENERIC_LAYER: Readonly<Record<string, { kind: LayerKind; depth: number }>> = {
  // A Via entry is a proxy by definition.
  via: { kind: 'proxy', depth: 36 },
  // A Server we cannot see inside: the site's own server, as far as anyone can tell.
  server: { kind: 'origin', depth: 50 },
  'x-powered-by': { kind: 'application', depth: 59 },
};

/** Longest header value read: stored values are capped at about this length anyway. */
const MAX_VALUE = 512;
/** More entries than this in one header is not a chain of servers. */
const MAX_ENTRIES = 16;

/** A list header's entries: split at commas outside parentheses (a Via comment may hold commas). */
export function listEntries(value: string): string[] {
  const text = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value;
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((e) => e !== '').slice(0, MAX_ENTRIES);
}

const PRODUCT = /^([A-Za-z][\w.+-]{0,39})/;
// `1.1 proxy.example.net (Product/1.0)`: the product in the comment, else the host or pseudonym.
const VIA_COMMENT = /\(([A-Za-z][\w.+-]{0,39})/;
const VIA_RECEIVED_BY = /^(?:[A-Za-z]{1,10}\/)?[\d.]{1,5}\s{1,4}([A-Za-z0-9][\w.-]{0,59})/;

/**
 * The product an entry names, as written (`TornadoServer`, `uvicorn`, `proxy.corp.example`), or
 * null when the entry names nothing readable.
 */
export function productOf(header: string, entry: string): string | null {
  const m = header === 'via' ? (VIA_COMMENT.exec(entry) ?? VIA_RECEIVED_BY.exec(entry)) : PRODUCT.exec(entry);
  return m?.[1] ?? null;
}

/** `TornadoServer` → `tornadoserver`, `proxy.corp.example` → `proxy-corp-example`. */
export function slug(product: string): string {
  return product
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
