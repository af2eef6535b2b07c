/**
 * Query parameters whose values are secrets often enough that we never store them.
 * Matched case-insensitively against the whole parameter name.
 */
const SECRET_PARAMS: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'key',
  'api_key',
  'apikey',
  'auth',
  'code',
  'password',
  'passwd',
  'secret',
  'client_secret',
  'session',
  'sessionid',
  'sid',
  'sig',
  'signature',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
]);

const REDACTED = 'REDACTED';

/**
 * Strips what a URL can carry that must not be stored: credentials in the authority,
 * the fragment (OAuth implicit flows put tokens there), and the values of secret-looking
 * query parameters. Returns the input unchanged when it is not a parseable URL.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  if (url.search) {
    // Rebuild by hand: URLSearchParams would re-encode every untouched value.
    const parts = url.search.slice(1).split('&');
    url.search = parts
      .map((part) => {
        const eq = part.indexOf('=');
        const name = eq === -1 ? part : part.slice(0, eq);
        let decoded = name;
        try {
          decoded = decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {}
        return SECRET_PARAMS.has(decoded.toLowerCase()) && eq !== -1 ? `${name}=${REDACTED}` : part;
      })
      .join('&');
  }
  return url.href;
}
