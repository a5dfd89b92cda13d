import { parseGid } from '../gid';
import type { EmulatedProduct, EmulatedVariant } from '../commerce';
import { paginate, type ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { productObject, variantObject } from './objects';
import { userError } from './user-errors';

interface VariantInput {
  price?: string;
  compareAtPrice?: string | null;
  barcode?: string | null;
  inventoryItem?: { sku?: string | null };
  optionValues?: Array<{ name?: string; optionName?: string }>;
}

export const productResolvers: ResolverModule = {
  query: {
    product: (args, { shop }) => {
      const product = shop.products.find((p) => p.id === parseGid(args.id, 'Product'));
      return product ? productObject(shop, product) : null;
    },
    productVariant: (args, { shop }) => {
      const variant = shop.products.flatMap((p) => p.variants).find((v) => v.id === parseGid(args.id, 'ProductVariant'));
      return variant ? variantObject(shop, variant) : null;
    },
    products: (args, { shop }) => paginate(shop.products.map((p) => productObject(shop, p)), args as ConnectionArgs, (p) => p.id),
  },
  mutation: {
    productCreate: (args, { shop, state }) => {
      const input = (args.product ?? args.input ?? {}) as { title?: string; vendor?: string; productType?: string; status?: EmulatedProduct['status']; handle?: string; tags?: string[] };
      if (!input.title || !input.title.trim()) return { product: null, userErrors: [userError(['title'], "Title can't be blank", 'BLANK')] };
      const now = state.now();
      const id = state.nextId(shop);
      const product: EmulatedProduct = {
        id,
        title: input.title,
        vendor: input.vendor ?? shop.name,
        productType: input.productType ?? '',
        status: input.status ?? 'ACTIVE',
        handle: input.handle ?? input.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
        tags: input.tags ?? [],
        createdAt: now,
        updatedAt: now,
        variants: [],
      };
      // Shopify gives every new product a standalone "Default Title" variant.
      product.variants.push({ id: state.nextId(shop), productId: id, title: 'Default Title', sku: null, barcode: null, price: '0.00', compareAtPrice: null, inventoryItemId: state.nextId(shop), createdAt: now, updatedAt: now });
      shop.products.push(product);
      return { product: productObject(shop, product), userErrors: [] };
    },
    productVariantsBulkCreate: (args, { shop, state }) => {
      const product = shop.products.find((p) => p.id === parseGid(args.productId, 'Product'));
      if (!product) return { product: null, productVariants: null, userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
      const inputs = args.variants as VariantInput[];
      const errors = inputs.flatMap((input, index) =>
        input.price !== undefined && !(Number(input.price) >= 0) ? [userError(['variants', index, 'price'], 'Price must be greater than or equal to 0', 'GREATER_THAN_OR_EQUAL_TO')] : [],
      );
      if (errors.length) return { product: null, productVariants: null, userErrors: errors };
      const now = state.now();
      const created: EmulatedVariant[] = inputs.map((input) => ({
        id: state.nextId(shop),
        productId: product.id,
        title: input.optionValues?.map((o) => o.name).filter(Boolean).join(' / ') || 'Default Title',
        sku: input.inventoryItem?.sku ?? null,
        barcode: input.barcode ?? null,
        price: Number(input.price ?? 0).toFixed(2),
        compareAtPrice: input.compareAtPrice ?? null,
        inventoryItemId: state.nextId(shop),
        createdAt: now,
        updatedAt: now,
      }));
      const standalone = product.variants.length === 1 && product.variants[0]?.title === 'Default Title' && !product.variants[0].sku;
      if (standalone && args.strategy !== 'PRESERVE_STANDALONE_VARIANT') product.variants = [];
      product.variants.push(...created);
      product.updatedAt = now;
      return { product: productObject(shop, product), productVariants: created.map((v) => variantObject(shop, v)), userErrors: [] };
    },
  },
};
