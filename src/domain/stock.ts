/** One ERP stock record: an item (or variant) at one ERP location. */
export interface StockFigures {
  locationCode: string;
  onHand: number;
  /** Reserved for sales orders. */
  reserved: number;
  /** Due in by today (purchase orders, transfers). */
  incoming: number;
  /** Due out by today (sales orders, transfers). */
  outgoing: number;
}

export type StockCalculation = 'off' | 'freeInventory' | 'projectedAvailable';

/**
 * Whether an ERP location code falls under a Shopify location's filter (the connector's
 * "Location Filter"): codes separated by `|`, `*` matching any run of characters; null: every location.
 */
export function matchesLocationFilter(filter: string | null, code: string): boolean {
  if (!filter) return true;
  return filter.split('|').some((part) => {
    const pattern = part.trim().toUpperCase().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${pattern}$`).test(code.toUpperCase());
  });
}

/** A location filter is codes of letters, digits, `-` and `_`, with `*` wildcards, separated by `|`. */
export function isValidLocationFilter(filter: string): boolean {
  return /^[A-Za-z0-9_*-]+(\|[A-Za-z0-9_*-]+)*$/.test(filter);
}

/**
 * The quantity a Shopify location shows for an item (reference 2.5): over the ERP locations its
 * filter takes, free inventory (on hand − reserved) or projected available today (on hand +
 * incoming − outgoing), rounded down, never below zero.
 */
export function shopStock(records: StockFigures[], calculation: Exclude<StockCalculation, 'off'>, filter: string | null): number {
  const total = records
    .filter((record) => matchesLocationFilter(filter, record.locationCode))
    .reduce((sum, record) => sum + (calculation === 'freeInventory' ? record.onHand - record.reserved : record.onHand + record.incoming - record.outgoing), 0);
  return Math.max(0, Math.floor(total));
}
