import { Context } from '@temporalio/activity';
import { planProductPush, variantInput, type ProductPushPlan, type PushItem } from '../domain/product-push';
import type { ProductFilters } from '../domain/product-filters';
import type { ShopSettings } from '../domain/shop-settings';
import type { Erp } from '../erp/db';
import type { ItemDocument } from '../erp/items';
import type { ProductLink, VariantLink } from '../erp/shopify-products';
import type { ShopifyAdminClient } from '../shopify/client';
import { PRODUCT_UPDATE, VARIANTS_BULK_CREATE, VARIANTS_BULK_UPDATE } from '../shopify/documents/products';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

/** Linked products read from the ERP at a time. */
const PRODUCTS_PER_BATCH = 100;
/** Variants per productVariantsBulkUpdate call (Shopify allows up to 2,048 per product; requests stay small). */
const VARIANTS_PER_CALL = 250;

export interface PushScope {
  shop: string;
  onlyPrices: boolean;
  filters: ProductFilters;
}

export interface PushCounts {
  products: number;
  productsUpdated: number;
  variantsUpdated: number;
  variantsCreated: number;
  skipped: number;
  failed: number;
  requests: number;
}

export interface PushStepResult extends PushCounts {
  after: string | null;
  done: boolean;
}

/** One linked product with its item, its variant links and what it needs. */
export interface PlannedProduct {
  link: ProductLink;
  item: ItemDocument;
  variants: VariantLink[];
  plan: ProductPushPlan;
}

export function pushItemOf(item: ItemDocument): PushItem {
  return { ...item, no: item._id };
}

/** The next batch of linked products after `after`, each with its push plan. Products whose item is gone are skipped. */
export async function plannedProducts(erp: Erp, settings: ShopSettings, scope: PushScope, after: string | null): Promise<{ planned: PlannedProduct[]; last: string | null; more: boolean }> {
  const links = (await erp.products.linkedProducts(scope.shop, after, PRODUCTS_PER_BATCH, scope.filters.itemNos, scope.filters.productIds)).filter(
    (link) => !scope.filters.status || scope.filters.status.includes(link.status as 'ACTIVE'),
  );
  const items = await erp.items.many(links.map((link) => link.erpItemNo as string));
  const variants = await erp.products.variantsOf(scope.shop, links.map((link) => link.shopifyId));
  const planned: PlannedProduct[] = [];
  for (const link of links) {
    const item = items.get(link.erpItemNo as string);
    if (!item) continue;
    const own = variants.filter((v) => v.productId === link.shopifyId && v.erpItemNo === item._id);
    planned.push({ link, item, variants: own, plan: planProductPush(pushItemOf(item), link.productHash, own, settings, scope.onlyPrices) });
  }
  const last = links.length ? links[links.length - 1]?._id ?? null : after;
  return { planned, last, more: links.length === PRODUCTS_PER_BATCH };
}

function userErrorText(errors: ReadonlyArray<{ field?: readonly string[] | null; message: string }>): string {
  return errors.map((e) => (e.field?.length ? `${e.field.join('.')}: ${e.message}` : e.message)).join('; ');
}

/**
 * Sends what one product needs, in at most three calls: productUpdate for its fields,
 * productVariantsBulkUpdate for its changed variants (unless the bulk path carries them) and
 * productVariantsBulkCreate for the item's new variants. A link records a hash only once Shopify
 * confirmed the value, so a failure is sent again next run.
 */
async function pushProduct(erp: Erp, client: ShopifyAdminClient, shop: string, product: PlannedProduct, sendVariants: boolean, counts: PushCounts): Promise<void> {
  const { link, plan } = product;
  const id = link.shopifyId;
  for (const skipped of plan.skipped) {
    await erp.skipped.record(shop, 'productVariant', skipped.recordId, skipped.reason);
    counts.skipped += 1;
  }
  if (plan.product) {
    const { data } = await client.request(PRODUCT_UPDATE, { product: { id, ...plan.product.fields } });
    counts.requests += 1;
    const result = data.productUpdate;
    if (!result?.product || result.userErrors.length) {
      await erp.products.productError(shop, id, `Shopify refused the product update: ${userErrorText(result?.userErrors ?? [])}`);
      counts.failed += 1;
    } else {
      await erp.products.productSent(shop, id, plan.product.hash, result.product.updatedAt);
      counts.productsUpdated += 1;
    }
  }
  if (sendVariants) {
    for (let start = 0; start < plan.variants.length; start += VARIANTS_PER_CALL) {
      const changes = plan.variants.slice(start, start + VARIANTS_PER_CALL);
      const { data } = await client.request(VARIANTS_BULK_UPDATE, { productId: id, variants: changes.map((change) => variantInput(change)) });
      counts.requests += 1;
      const result = data.productVariantsBulkUpdate;
      const failedIndexes = new Map<number, string>();
      for (const error of result?.userErrors ?? []) {
        const index = Number(error.field?.[1]);
        failedIndexes.set(Number.isInteger(index) ? index : -1, error.message);
      }
      for (const [index, change] of changes.entries()) {
        const failure = failedIndexes.get(index) ?? failedIndexes.get(-1);
        if (failure !== undefined || !result) {
          await erp.skipped.record(shop, 'productVariant', change.variantId, `Shopify refused the variant update: ${failure ?? 'no answer'}`);
          counts.failed += 1;
          continue;
        }
        await erp.products.variantSent(shop, change.variantId, sentFields(change));
        counts.variantsUpdated += 1;
      }
      if (result?.product) await erp.products.productSent(shop, id, undefined, result.product.updatedAt);
    }
  }
  if (plan.newVariants.length) {
    const { data } = await client.request(VARIANTS_BULK_CREATE, { productId: id, variants: plan.newVariants.map((variant) => variantInput(variant, variant.variantCode)) });
    counts.requests += 1;
    const result = data.productVariantsBulkCreate;
    if (!result?.productVariants || result.userErrors.length) {
      await erp.skipped.record(shop, 'product', id, `Shopify refused the new variants of item ${product.item._id}: ${userErrorText(result?.userErrors ?? [])}`);
      counts.failed += plan.newVariants.length;
      return;
    }
    for (const [index, created] of result.productVariants.entries()) {
      const planned = plan.newVariants[index];
      if (!planned) continue;
      await erp.products.saveVariant({
        shop,
        shopifyId: created.id,
        productId: id,
        inventoryItemId: created.inventoryItem.id,
        sku: created.sku ?? null,
        barcode: planned.fields.barcode,
        erpItemNo: product.item._id,
        erpVariantCode: planned.variantCode,
      });
      await erp.products.variantSent(shop, created.id, sentFields(planned));
      counts.variantsCreated += 1;
    }
    await erp.products.addVariantIds(shop, id, result.productVariants.map((v) => v.id));
    if (result.product) await erp.products.productSent(shop, id, undefined, result.product.updatedAt);
  }
}

export function sentFields(change: { price?: { price: string; compareAtPrice: string | null; cost: string | null }; priceHash?: string; fieldsHash?: string }) {
  return {
    ...(change.priceHash ? { priceHash: change.priceHash, sentPrice: change.price } : {}),
    ...(change.fieldsHash ? { fieldsHash: change.fieldsHash } : {}),
  };
}

export function createProductPushActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    /** How many linked variants and products need sending: the workflow picks ordinary calls or a bulk mutation by it. */
    async countProductChanges(scope: PushScope): Promise<{ products: number; changedVariants: number; productUpdates: number; newVariants: number }> {
      const { settings } = await erp.shops.get(scope.shop);
      const totals = { products: 0, changedVariants: 0, productUpdates: 0, newVariants: 0 };
      let after: string | null = null;
      for (;;) {
        await checkpoint();
        const batch = await plannedProducts(erp, settings, scope, after);
        for (const { plan } of batch.planned) {
          totals.products += 1;
          totals.changedVariants += plan.variants.length;
          totals.productUpdates += plan.product ? 1 : 0;
          totals.newVariants += plan.newVariants.length;
        }
        after = batch.last;
        if (!batch.more) return totals;
      }
    },

    /**
     * Sends linked products' changes with ordinary calls until done or out of time (`variants: false`
     * leaves variant updates to a bulk mutation). Safe to retry: a sent value's hash is recorded, so a
     * repeated step sends only what Shopify has not confirmed.
     */
    async pushProductChanges(step: PushScope & { after: string | null; maxMillis: number; variants: boolean }): Promise<PushStepResult> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      const client = shopify.forShop(step.shop);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const result: PushStepResult = { products: 0, productsUpdated: 0, variantsUpdated: 0, variantsCreated: 0, skipped: 0, failed: 0, requests: 0, after, done: false };
      for (;;) {
        const batch = await plannedProducts(erp, settings, step, after);
        for (const product of batch.planned) {
          await checkpoint({ after });
          await pushProduct(erp, client, step.shop, product, step.variants, result);
          result.products += 1;
          after = product.link._id;
          result.after = after;
        }
        after = batch.last;
        result.after = after;
        if (!batch.more) {
          result.done = true;
          return result;
        }
        if (Date.now() - started >= step.maxMillis) return result;
      }
    },
  });
}

export type ProductPushActivities = ReturnType<typeof createProductPushActivities>;
