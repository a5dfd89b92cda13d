import { z } from 'zod';
import { ProductFilters } from './product-filters';

/** The image sync's filters: which linked products' pictures. */
export const ImageFilters = z.object({ productIds: ProductFilters.shape.productIds, itemNos: ProductFilters.shape.itemNos }).strict();
export type ImageFilters = z.infer<typeof ImageFilters>;
