/**
 * Longest body prefix the diagnosis reads: the overlay sends at most this much of the page it
 * is shown on. Its own module, so the overlay does not carry the fingerprint tables for it.
 */
export const MAX_BODY_CHARS = 8192;
