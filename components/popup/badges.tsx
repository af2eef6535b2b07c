/** A status code, coloured by its tens (`code-500`, `code-520`…). */
export function CodeBadge({ status }: { status: number }) {
  return <span class={`code code-${Math.floor(status / 10) * 10}`}>{status}</span>;
}

/** A moment, in the reader's local format, machine-readable in its attribute. */
export function Moment({ ms }: { ms: number }) {
  const date = new Date(ms);
  return <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>;
}
