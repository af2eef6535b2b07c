/**
 * Message ids built from table ids. Kept apart from the tables themselves so that the overlay,
 * which renders a stored diagnosis, does not carry the fingerprint and cause tables.
 */

/**
 * The message-id prefix of a cause's words: `cause_<id>_visitor` (for someone who has never
 * heard of a proxy) and `cause_<id>_owner` (for the site owner: concrete checks). In both, $1
 * is the blamed layer's name and $2 a wait such as "in about 5 minutes".
 */
export function causeMessageId(id: string): string {
  return `cause_${id.replace(/-/g, '_')}`;
}

/** The message id of the owner's first check for a vendor: `check_<id>`. */
export function checkMessageId(fingerprintId: string): string {
  return `check_${fingerprintId.replace(/-/g, '_')}`;
}
