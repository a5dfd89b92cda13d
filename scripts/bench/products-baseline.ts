import type { ActivityDeps } from '../../src/activities/deps';
import { plannedProducts, sentFields } from '../../src/activities/product-push';
import { mapVariant, type ItemRef } from '../../src/domain/item-mapping';
import { itemChangesFrom, needsImport, type ShopifyProduct } from '../../src/domain/product-import';
import { variantInput, type VariantChange } from '../../src/domain/product-push';
import { PRODUCT_FRAGMENT, VARIANT_FRAGMENT, VARIANTS_BULK_UPDATE, type RawVariant } from '../../src/shopify/documents/products';

/**
 * The connector's request structure for products (reference 2.4), as a baseline: a page of 200
 * product ids, then per product one request for its fields and one per variant (the same fields as
 * the project's import: the same fragments), one activity per product; prices go as one
 * productVariantsBulkUpdate per product. The ERP work is the project's: the same mapping rule, the
 * same link records, the same "last sent" hashes.
 */
export const BASELINE_PRODUCT_IDS_QUERY = `#graphql
  query BaselineProductIds($after: String, $query: String) {
    products(first: 200, after: $after, query: $query) {
      edges { cursor node { id updatedAt } }
      pageInfo { hasNextPage }
    }
  }
` as const;

export const BASELINE_PRODUCT_QUERY = `#graphql
  query BaselineProduct($id: ID!) {
    product(id: $id) {
      ...ProductFields
      variants(first: 100) { nodes { id } }
    }
  }
  ${PRODUCT_FRAGMENT}
` as const;

export const BASELINE_VARIANT_QUERY = `#graphql
  query BaselineVariant($id: ID!) {
    productVariant(id: $id) { ...VariantFields }
  }
  ${VARIANT_FRAGMENT}
` as const;

const KG_PER: Record<string, number> = { KILOGRAMS: 1, GRAMS: 0.001, POUNDS: 0.45359237, OUNCES: 0.028349523125 };

/** The same reading of a variant as the project's import (`variantOf` there is not exported). */
function variantOf(raw: RawVariant): ShopifyProduct['variants'][number] {
  const weight = raw.inventoryItem.measurement.weight;
  return {
    id: raw.id, title: raw.title, sku: raw.sku || null, barcode: raw.barcode || null, price: raw.price, inventoryItemId: raw.inventoryItem.id,
    unitCost: raw.inventoryItem.unitCost?.amount ?? null,
    weightKg: weight ? Math.round(weight.value * (KG_PER[weight.unit] ?? 1) * 1000) / 1000 : null,
  };
}

/** The changed variants of one product, as the connector finds them by comparing with its local copy. */
export interface ProductPriceChanges {
  productId: string;
  variants: VariantChange[];
}

export function createProductBaselineActivities({ shopify, erp }: ActivityDeps) {
  return {
    async baselineProductIdsPage(input: { shop: string; query: string; after: string | null }): Promise<{ ids: string[]; after: string | null; hasNextPage: boolean }> {
      const { data } = await shopify.forShop(input.shop).request(BASELINE_PRODUCT_IDS_QUERY, { after: input.after, query: input.query });
      const edges = data.products.edges;
      return { ids: edges.map((e) => e.node.id), after: edges[edges.length - 1]?.cursor ?? input.after, hasNextPage: data.products.pageInfo.hasNextPage };
    },

    /** One product: its fields, then each variant, then the project's mapping and link records. */
    async baselineImportProduct(input: { shop: string; id: string }): Promise<'imported' | 'unchanged' | 'unmapped' | 'gone'> {
      const client = shopify.forShop(input.shop);
      const { data } = await client.request(BASELINE_PRODUCT_QUERY, { id: input.id });
      if (!data.product || data.product.isGiftCard) return 'gone';
      const variants = [];
      for (const { id } of data.product.variants.nodes) {
        const answer = await client.request(BASELINE_VARIANT_QUERY, { id });
        if (answer.data.productVariant) variants.push(variantOf(answer.data.productVariant));
      }
      const product: ShopifyProduct = { ...data.product, variants };
      const { shop } = input;
      const { settings } = await erp.shops.get(shop);
      const link = await erp.products.product(shop, product.id);
      if (!needsImport(product.updatedAt, link)) return 'unchanged';
      const mapped = new Map<string, ItemRef>();
      const reasons: string[] = [];
      for (const variant of product.variants) {
        const result = await mapVariant(variant, settings, erp.items);
        if ('item' in result) mapped.set(variant.id, result.item);
        else reasons.push(`variant ${variant.title}: ${result.reason}`);
      }
      const error = reasons.length ? reasons.join('; ') : null;
      if (!error && settings.shopifyCanUpdateItems) {
        for (const itemNo of new Set([...mapped.values()].map((ref) => ref.itemNo))) {
          await erp.items.update(itemNo, itemChangesFrom(product, product.variants.length === 1 ? product.variants[0] : undefined));
        }
      }
      await erp.products.saveVariants(shop, product.variants.map((variant) => ({
        shop, shopifyId: variant.id, productId: product.id, inventoryItemId: variant.inventoryItemId, sku: variant.sku, barcode: variant.barcode,
        erpItemNo: mapped.get(variant.id)?.itemNo ?? null, erpVariantCode: mapped.get(variant.id)?.variantCode ?? null,
      })), link?.variantIds ?? []);
      const firstMapped = product.variants.map((v) => mapped.get(v.id)).find(Boolean);
      await erp.products.saveProduct(
        { shop, shopifyId: product.id, title: product.title, handle: product.handle, status: product.status, erpItemNo: error ? null : (firstMapped?.itemNo ?? null), shopifyUpdatedAt: product.updatedAt, variantIds: product.variants.map((v) => v.id) },
        error,
      );
      return error ? 'unmapped' : 'imported';
    },

    /** The linked variants whose price differs from the one last sent, per product (the project's price rule and hashes). */
    async baselineChangedPrices(input: { shop: string }): Promise<ProductPriceChanges[]> {
      const { settings } = await erp.shops.get(input.shop);
      const changes: ProductPriceChanges[] = [];
      let after: string | null = null;
      for (;;) {
        const batch = await plannedProducts(erp, settings, { shop: input.shop, onlyPrices: true, filters: {} }, after);
        for (const { link, plan } of batch.planned) if (plan.variants.length) changes.push({ productId: link.shopifyId, variants: plan.variants });
        after = batch.last;
        if (!batch.more) return changes;
      }
    },

    /** One productVariantsBulkUpdate for one product's changed variants; what Shopify confirmed is recorded as sent. */
    async baselinePushProductPrices(input: { shop: string } & ProductPriceChanges): Promise<{ variantsUpdated: number; failed: number }> {
      const { data } = await shopify.forShop(input.shop).request(VARIANTS_BULK_UPDATE, { productId: input.productId, variants: input.variants.map((change) => variantInput(change)) });
      const result = data.productVariantsBulkUpdate;
      if (!result || result.userErrors.length) return { variantsUpdated: 0, failed: input.variants.length };
      for (const change of input.variants) await erp.products.variantSent(input.shop, change.variantId, sentFields(change));
      if (result.product) await erp.products.productSent(input.shop, input.productId, undefined, result.product.updatedAt);
      return { variantsUpdated: input.variants.length, failed: 0 };
    },
  };
}

export type ProductBaselineActivities = ReturnType<typeof createProductBaselineActivities>;
