/**
 * Words that say what went wrong whoever wrote them: read in the body prefix, tested by the cause
 * rows (./causes.ts) by id like a fingerprint's signatures, but signing no layer. Narrow on purpose:
 * the boilerplate of error pages ("maintenance downtime or capacity problems", "temporary overload
 * or scheduled maintenance", "Either the server is overloaded or…") must not count.
 */
export interface Words {
  id: string;
  pattern: RegExp;
}

export const WORDS: readonly Words[] = [
  {
    id: 'maintenance-words',
    pattern:
      /\b(?:down|closed|offline) for (?:scheduled |planned )?maintenance\b|\bunder maintenance\b|\bmaintenance mode\b|<title>[^<>]{0,80}\bmaintenance\b/i,
  },
  {
    id: 'database-words',
    pattern:
      /Unable to acquire JDBC Connection|JDBCConnectionException|SQLSTATE\[(?:HY000\] \[200[26]|08\d{3}\])|PG::ConnectionBad|ECONNREFUSED [\d.]{7,15}:(?:5432|3306|27017|6379|1433)\b/,
  },
  { id: 'refused-words', pattern: /\bConnection (?:is )?refused\b/ },
  {
    id: 'rate-limit-words',
    pattern: /<Code>SlowDown<\/Code>|Please reduce your request rate|\brate limit(?:ed| exceeded)\b/i,
  },
  // CloudLinux's page for a hosting account over its CPU, memory or process limits (LiteSpeed, Apache).
  { id: 'resource-limit-words', pattern: /<TITLE>508 Resource Limit Is Reached<\/TITLE>/i },
  // A server's own canned 500 page, as a framework no table knows writes it (Tornado's write_error).
  { id: 'canned-500-page', pattern: /^\s{0,10}<html><title>500: Internal Server Error<\/title>/ },
];
