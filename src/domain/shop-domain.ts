import { z } from 'zod';

export const SHOP_DOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
export const ShopDomainSchema = z.string().regex(SHOP_DOMAIN_PATTERN, 'must be a shop domain such as my-store.myshopify.com (lower case)');
