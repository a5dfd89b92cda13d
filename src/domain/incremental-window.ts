/**
 * The cursor rules of every incremental import (orders, products, and the tasks to come): read what
 * changed since the cursor minus an overlap window, up to the run's start, in `UPDATED_AT` order; the
 * next cursor is never later than the run's start, so a record changed while the run reads is read
 * again next time rather than missed.
 */
export const DEFAULT_OVERLAP_SECONDS = 300;

/** The lower bound of an incremental read: the cursor minus the overlap window. */
export function overlapFrom(cursor: string, overlapSeconds = DEFAULT_OVERLAP_SECONDS): string {
  return new Date(Date.parse(cursor) - overlapSeconds * 1000).toISOString();
}

/** Shopify search terms for "changed in the window": `>=` at the bottom (the connector's `>` can miss a record at the boundary), `<=` the run's start at the top. */
export function updatedWindowTerms(cursor: string | null, runStart: string, overlapSeconds = DEFAULT_OVERLAP_SECONDS): string[] {
  const terms = cursor ? [`updated_at:>='${overlapFrom(cursor, overlapSeconds)}'`] : [];
  terms.push(`updated_at:<='${runStart}'`);
  return terms;
}

/** The cursor after a complete read: the newest change seen, but never past the run's start. */
export function nextCursor(newestSeen: string | null, runStart: string): string {
  if (!newestSeen) return runStart;
  return newestSeen < runStart ? newestSeen : runStart;
}
