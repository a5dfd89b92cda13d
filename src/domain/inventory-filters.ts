import { z } from 'zod';

const variantId = z
  .string()
  .regex(/^(gid:\/\/shopify\/ProductVariant\/)?\d+$/, 'must be a variant id such as 123 or gid://shopify/ProductVariant/123')
  .transform((id) => (id.startsWith('gid://') ? id : `gid://shopify/ProductVariant/${id}`));

/** The inventory sync's filters (the connector's "Variant ID Filter", and more). */
export const InventoryFilters = z
  .object({
    variantIds: z.array(variantId).min(1).max(1000).optional(),
    itemNos: z.array(z.string().min(1).max(20)).min(1).max(1000).optional(),
    /** Shopify locations, by name or id. */
    locations: z.array(z.string().min(1).max(255)).min(1).max(50).optional(),
  })
  .strict();

export const InventoryOptions = z
  .object({
    /** Read every level from Shopify first (one bulk query) and repair what drifted there. */
    full: z.boolean().optional(),
  })
  .strict();

export type InventoryFilters = z.infer<typeof InventoryFilters>;
export type InventoryOptions = z.infer<typeof InventoryOptions>;
