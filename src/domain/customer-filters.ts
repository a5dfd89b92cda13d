import { z } from 'zod';
import { updatedWindowTerms } from './incremental-window';
import { legacyId } from './product-filters';

const customerId = z
  .string()
  .regex(/^(gid:\/\/shopify\/Customer\/)?\d+$/, 'must be a customer id such as 123 or gid://shopify/Customer/123')
  .transform((id) => (id.startsWith('gid://') ? id : `gid://shopify/Customer/${id}`));

/** The customer sync's filters: some Shopify customers only (their cursor is their own). */
export const CustomerFilters = z.object({ customerIds: z.array(customerId).min(1).max(250).optional() }).strict();

export const CustomerOptions = z
  .object({
    /** Re-import customers changed since then (the cursor does not move). */
    since: z.iso.datetime({ offset: true }).optional(),
    overlapSeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

/** "Add customers to Shopify": the ERP customers named. */
export const AddCustomersFilters = z.object({ customerNos: z.array(z.string().min(1).max(20)).min(1).max(1000) }).strict();

export type CustomerFilters = z.infer<typeof CustomerFilters>;
export type CustomerOptions = z.infer<typeof CustomerOptions>;
export type AddCustomersFilters = z.infer<typeof AddCustomersFilters>;

/** The search query of one customer import: changed in the cursor's window (or since `since`) up to the run's start. */
export function customerImportQuery(cursor: string | null, runStart: string, filters: CustomerFilters, options: CustomerOptions): { query: string; incremental: boolean } {
  const incremental = !options.since;
  const terms = incremental ? updatedWindowTerms(cursor, runStart, options.overlapSeconds) : [`updated_at:>='${new Date(options.since as string).toISOString()}'`, `updated_at:<='${runStart}'`];
  if (filters.customerIds) terms.push(`(${filters.customerIds.map((id) => `id:${legacyId(id)}`).join(' OR ')})`);
  return { query: terms.join(' '), incremental };
}

export function customerFilterKey(filters: CustomerFilters): string {
  return filters.customerIds ? `ids=${[...filters.customerIds].sort().map(legacyId).join('+')}` : 'all';
}
