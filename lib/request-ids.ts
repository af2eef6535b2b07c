/** Headers that carry an ID a support team can trace, most specific first. */
export const REQUEST_ID_HEADERS = [
  'cf-ray',
  'x-amz-cf-id',
  'x-vercel-id',
  'x-nf-request-id',
  'x-fastly-request-id',
  'x-akamai-request-id',
  'x-azure-ref',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-github-request-id',
  'x-request-id',
  'x-correlation-id',
  'traceparent',
] as const;

/** The request IDs present in a set of (lower-cased) headers, in the order above. */
export function requestIds(headers: Record<string, string>): { header: string; value: string }[] {
  return REQUEST_ID_HEADERS.filter((h) => headers[h]).map((header) => ({ header, value: headers[header] as string }));
}
