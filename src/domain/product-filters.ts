import { z } from 'zod';
import { updatedWindowTerms } from './incremental-window';

const productId = z
  .string()
  .regex(/^(gid:\/\/shopify\/Product\/)?\d+$/, 'must be a product id such as 123 or gid://shopify/Product/123')
  .transform((id) => (id.startsWith('gid://') ? id : `gid://shopify/Product/${id}`));

/** The product sync's filters (the connector's request page of report 30108). */
export const ProductFilters = z
  .object({
    productIds: z.array(productId).min(1).max(250).optional(),
    itemNos: z.array(z.string().min(1).max(20)).min(1).max(250).optional(),
    status: z.array(z.enum(['ACTIVE', 'DRAFT', 'ARCHIVED', 'UNLISTED'])).min(1).optional(),
  })
  .strict();

export const ProductOptions = z
  .object({
    /** Send only price, compare-at price and cost of linked variants (whatever the shop's direction). */
    onlySyncPrices: z.boolean().optional(),
    /** Re-import products changed since then (the cursor does not move). */
    since: z.iso.datetime({ offset: true }).optional(),
    overlapSeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

export type ProductFilters = z.infer<typeof ProductFilters>;
export type ProductOptions = z.infer<typeof ProductOptions>;

/** Legacy id of a product gid, as the `id:` search term takes it. */
export function legacyId(gid: string): string {
  return gid.slice(gid.lastIndexOf('/') + 1);
}

/**
 * The Shopify search query of one product import: changed in the cursor's window (or since the
 * `since` option) up to the run's start, gift cards left out, and the filters. `productIds` are the
 * filter's and those of the products linked to `itemNos`.
 */
export function productImportQuery(cursor: string | null, runStart: string, filters: ProductFilters, options: ProductOptions, productIds: string[] | undefined): { query: string; incremental: boolean } {
  const incremental = !options.since;
  const terms = incremental ? updatedWindowTerms(cursor, runStart, options.overlapSeconds) : [`updated_at:>='${new Date(options.since as string).toISOString()}'`, `updated_at:<='${runStart}'`];
  terms.push('gift_card:false');
  if (filters.status) terms.push(`status:${filters.status.map((s) => s.toLowerCase()).join(',')}`);
  if (productIds) terms.push(`(${productIds.map((id) => `id:${legacyId(id)}`).join(' OR ')})`);
  return { query: terms.join(' '), incremental };
}

/** A stable name for a filter set: runs with different filters keep different cursors. */
export function productFilterKey(filters: ProductFilters): string {
  const parts = [
    filters.productIds ? `ids=${[...filters.productIds].sort().map(legacyId).join('+')}` : '',
    filters.itemNos ? `items=${[...filters.itemNos].sort().join('+')}` : '',
    filters.status ? `status=${[...filters.status].sort().join('+')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(',') : 'all';
}
