import { z } from 'zod';

const catalogId = z
  .string()
  .regex(/^(gid:\/\/shopify\/(CompanyLocationCatalog|MarketCatalog|Catalog)\/)?\d+$/, 'must be a catalog id such as 123 or gid://shopify/CompanyLocationCatalog/123')
  .transform((id) => (id.startsWith('gid://') ? id : `gid://shopify/CompanyLocationCatalog/${id}`));

/** The catalogs task: company-location catalogs, market catalogs, or both (no filter). */
export const CatalogFilters = z.object({ type: z.enum(['companyLocation', 'market']).optional() }).strict();

/** The catalog prices task: the catalogs named, or every catalog with syncPrices on. */
export const CatalogPriceFilters = z.object({ catalogIds: z.array(catalogId).min(1).max(500).optional() }).strict();

export type CatalogFilters = z.infer<typeof CatalogFilters>;
export type CatalogPriceFilters = z.infer<typeof CatalogPriceFilters>;
