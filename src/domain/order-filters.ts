import { z } from 'zod';
import { updatedWindowTerms } from './incremental-window';

/**
 * The order import's filters (the connector's request page of report 30104) and options. Statuses
 * go into Shopify's search query; the country filter is applied to what comes back.
 */
export const OrderImportFilters = z
  .object({
    financialStatus: z.enum(['PAID', 'PENDING', 'AUTHORIZED', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED']).optional(),
    fulfillmentStatus: z.enum(['UNFULFILLED', 'PARTIALLY_FULFILLED', 'FULFILLED']).optional(),
    channel: z.union([z.string().regex(/^[a-z0-9_-]+$/), z.array(z.string().regex(/^[a-z0-9_-]+$/)).min(1)]).optional(),
    tag: z.string().min(1).max(255).regex(/^[^'"]+$/, 'must not contain quotes').optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FR').optional(),
  })
  .strict();

export const OrderImportOptions = z
  .object({
    /** Import orders created in this period, closed ones included (older orders from before go-live). */
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    /** Re-read this much before the cursor, so an order updated at the boundary is not missed. */
    overlapSeconds: z.number().int().min(0).max(86_400).optional(),
    /**
     * Read the orders through one bulk query instead of pages: true forces it, false forbids it; by
     * default only a shop's first import (no cursor yet, no date range) takes it.
     */
    bulk: z.boolean().optional(),
  })
  .strict()
  .refine((o) => !o.until || !!o.since, { message: 'until needs since', path: ['until'] })
  // A range that ends before it starts would import nothing, silently.
  .refine((o) => !o.until || !o.since || Date.parse(o.until) >= Date.parse(o.since), { message: 'must not be before since', path: ['until'] });

export type OrderImportFilters = z.infer<typeof OrderImportFilters>;
export type OrderImportOptions = z.infer<typeof OrderImportOptions>;


const FULFILLMENT_SEARCH: Record<NonNullable<OrderImportFilters['fulfillmentStatus']>, string> = {
  UNFULFILLED: 'unfulfilled',
  PARTIALLY_FULFILLED: 'partial',
  FULFILLED: 'fulfilled',
};

export interface OrderImportPlan {
  query: string;
  /** Whether the run moves the cursor (a date-range import does not). */
  incremental: boolean;
}

/**
 * The Shopify search query of one import: changed since the cursor (minus the overlap window, with
 * `>=` where the connector's strict `>` could miss an order) up to the run's start, open orders up to
 * the run's start on a first run, or a created-at range (closed orders included); plus the status,
 * channel and tag filters. Pages come in `UPDATED_AT` order: an order edited during the run is past
 * the upper bound, left for the next run, whose cursor never passes this run's start.
 */
export function planOrderQuery(cursor: string | null, filters: OrderImportFilters, options: OrderImportOptions, runStart: string): OrderImportPlan {
  const terms: string[] = [];
  let incremental = true;
  if (options.since) {
    incremental = false;
    terms.push(`created_at:>='${options.since}'`);
    if (options.until) terms.push(`created_at:<='${options.until}'`);
  } else if (cursor) {
    terms.push(...updatedWindowTerms(cursor, runStart, options.overlapSeconds));
  } else {
    terms.push('status:open', ...updatedWindowTerms(null, runStart));
  }
  if (filters.financialStatus) terms.push(`financial_status:${filters.financialStatus.toLowerCase()}`);
  if (filters.fulfillmentStatus) terms.push(`fulfillment_status:${FULFILLMENT_SEARCH[filters.fulfillmentStatus]}`);
  if (filters.channel) terms.push(`channel:${[filters.channel].flat().join(',')}`);
  if (filters.tag) terms.push(`tag:'${filters.tag}'`);
  return { query: terms.join(' '), incremental };
}

/** Whether a run reads its orders through a bulk query: forced or forbidden by `options.bulk`, else only a first import. */
export function wantsBulkLoad(cursor: string | null, options: OrderImportOptions): boolean {
  return options.bulk ?? (!cursor && !options.since);
}

/** A stable name for a filter set: runs with different filters keep different cursors. */
export function filterKey(filters: OrderImportFilters): string {
  const entries = Object.entries(filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? 'all' : entries.map(([k, v]) => `${k}=${[v].flat().join('+')}`).join(',');
}
