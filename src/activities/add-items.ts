import { Context } from '@temporalio/activity';
import { changeHash } from '../domain/change-hash';
import { variantPrice } from '../domain/item-prices';
import { productFieldsFor, skuFor, variantFieldsFor } from '../domain/product-fields';
import { priceContextOf, VARIANT_OPTION_NAME } from '../domain/product-push';
import type { ShopSettings } from '../domain/shop-settings';
import type { Erp } from '../erp/db';
import type { ItemDocument } from '../erp/items';
import type { ShopifyAdminClient } from '../shopify/client';
import { PRODUCT_SET, PRODUCTS_BY_SKU_QUERY, PRODUCTS_PER_SKU_QUERY, SKUS_PER_QUERY, type RawProduct, type RawVariant } from '../shopify/documents/products';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { pushItemOf } from './product-push';
import { checkpoint } from './run-guard';

export interface AddItemsStep {
  shop: string;
  /** The items to add; absent: every item not linked yet. */
  itemNos?: string[];
  after: string | null;
  maxMillis: number;
}

export interface AddItemsCounts {
  created: number;
  linkedExisting: number;
  alreadyLinked: number;
  skipped: number;
  requests: number;
}

const ITEMS_PER_BATCH = 20;

/** The handle a product created for an item gets: it makes creating it again (a retried call) find the same product. */
export function handleFor(item: ItemDocument): string {
  const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug(item.description) || 'item'}-${slug(item._id)}`.slice(0, 255);
}

type Planned = { variantCode: string | null; sku: string | null; input: Record<string, unknown>; priceHash: string; fieldsHash: string; sentPrice: { price: string; compareAtPrice: string | null; cost: string | null } };

/** The productSet input of an item (all its fields, its variants with their prices), or why it cannot be added. */
function productInputOf(item: ItemDocument, settings: ShopSettings): { product: Record<string, unknown>; variants: Planned[] } | { reason: string } {
  if (item.blocked) return { reason: `item ${item._id} is blocked` };
  const codes = item.variants.filter((v) => !v.blocked).map((v) => v.code);
  const variantCodes: Array<string | null> = codes.length ? codes : [null];
  const variants: Planned[] = [];
  for (const code of variantCodes) {
    const price = variantPrice(pushItemOf(item), code, priceContextOf(settings));
    if ('reason' in price) return { reason: price.reason };
    const fields = variantFieldsFor(pushItemOf(item), code, settings);
    variants.push({
      variantCode: code,
      sku: fields.sku,
      priceHash: changeHash(price),
      fieldsHash: changeHash(fields),
      sentPrice: price,
      input: {
        optionValues: [{ optionName: code ? VARIANT_OPTION_NAME : 'Title', name: code ?? 'Default Title' }],
        price: price.price,
        compareAtPrice: price.compareAtPrice,
        ...(fields.sku ? { sku: fields.sku } : {}),
        barcode: fields.barcode,
        taxable: fields.taxable,
        inventoryPolicy: fields.inventoryPolicy,
        inventoryItem: { tracked: settings.inventoryTracked, ...(price.cost ? { cost: price.cost } : {}), measurement: { weight: { unit: 'KILOGRAMS', value: fields.weightKg } } },
      },
    });
  }
  const fields = productFieldsFor(pushItemOf(item), { ...settings, productFields: ['title', 'description', 'vendor', 'productType', 'tags', 'status'] });
  return {
    product: {
      ...fields,
      handle: handleFor(item),
      productOptions: [{ name: codes.length ? VARIANT_OPTION_NAME : 'Title', values: (codes.length ? codes : ['Default Title']).map((name) => ({ name })) }],
      variants: variants.map((v) => v.input),
    },
    variants,
  };
}

async function linkProduct(erp: Erp, shop: string, item: ItemDocument, product: RawProduct & { variants: { nodes: RawVariant[] } }, planned: Planned[] | undefined, settings: ShopSettings): Promise<void> {
  for (const variant of product.variants.nodes) {
    const match = planned?.find((p) => p.sku !== null && p.sku === variant.sku) ?? planned?.find((p) => p.variantCode === (variant.selectedOptions.find((o) => o.name === VARIANT_OPTION_NAME)?.value ?? null));
    const code = match?.variantCode ?? item.variants.find((v) => skuFor(pushItemOf(item), v.code, settings) === variant.sku)?.code ?? null;
    await erp.products.saveVariant({ shop, shopifyId: variant.id, productId: product.id, inventoryItemId: variant.inventoryItem.id, sku: variant.sku ?? null, barcode: variant.barcode ?? null, erpItemNo: item._id, erpVariantCode: code });
    if (match) await erp.products.variantSent(shop, variant.id, { priceHash: match.priceHash, fieldsHash: match.fieldsHash, sentPrice: match.sentPrice });
  }
  await erp.products.saveProduct({ shop, shopifyId: product.id, title: product.title, handle: product.handle, status: product.status, erpItemNo: item._id, shopifyUpdatedAt: product.updatedAt, variantIds: product.variants.nodes.map((v) => v.id) }, null);
  await erp.products.productSent(shop, product.id, planned ? changeHash(productFieldsFor(pushItemOf(item), settings)) : undefined, product.updatedAt);
}

/** The products that already carry any of these SKUs, by SKU (one request for a batch of items). */
async function productsBySku(client: ShopifyAdminClient, skus: string[]) {
  const bySku = new Map<string, RawProduct & { variants: { nodes: RawVariant[] } }>();
  let requests = 0;
  for (let start = 0; start < skus.length; start += SKUS_PER_QUERY) {
    const chunk = skus.slice(start, start + SKUS_PER_QUERY);
    const query = chunk.map((sku) => `sku:"${sku.replace(/["\\]/g, '')}"`).join(' OR ');
    const { data } = await client.request(PRODUCTS_BY_SKU_QUERY, { query, first: PRODUCTS_PER_SKU_QUERY });
    requests += 1;
    for (const product of data.products.nodes) for (const variant of product.variants.nodes) if (variant.sku && chunk.includes(variant.sku)) bySku.set(variant.sku, product);
  }
  return { bySku, requests };
}

export function createAddItemsActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    /**
     * Adds ERP items to Shopify as products (the connector's report 30106): an item already linked is
     * passed over; a SKU Shopify already has is linked (or reported, per `addItemsExistingSku`); the
     * rest are created with their variants and prices by `productSet`, identified by a handle made
     * from the item, so a retried call finds the product it created instead of making a second one.
     */
    async addItemsToShopify(step: AddItemsStep): Promise<AddItemsCounts & { after: string | null; done: boolean }> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      const client = shopify.forShop(step.shop);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const counts: AddItemsCounts = { created: 0, linkedExisting: 0, alreadyLinked: 0, skipped: 0, requests: 0 };
      if (step.itemNos && after === null) {
        const known = await erp.items.many(step.itemNos);
        for (const missing of step.itemNos.filter((no) => !known.has(no))) {
          await erp.skipped.record(step.shop, 'item', missing, `not added to Shopify: item ${missing} does not exist`);
          counts.skipped += 1;
        }
      }
      for (;;) {
        const items = await erp.items.page(after, ITEMS_PER_BATCH, step.itemNos);
        const linked = await erp.products.linkedItemNos(step.shop, items.map((i) => i._id));
        const todo = items.filter((item) => !linked.has(item._id));
        counts.alreadyLinked += items.length - todo.length;
        const inputs = new Map(todo.map((item) => [item._id, productInputOf(item, settings)]));
        const skus = [...inputs.values()].flatMap((input) => ('variants' in input ? input.variants.map((v) => v.sku).filter((s): s is string => !!s) : []));
        const { bySku: existing, requests } = await productsBySku(client, skus);
        counts.requests += requests;
        for (const item of todo) {
          await checkpoint({ after });
          const input = inputs.get(item._id);
          if (!input || 'reason' in input) {
            await erp.skipped.record(step.shop, 'item', item._id, `not added to Shopify: ${input?.reason ?? 'no input'}`);
            counts.skipped += 1;
            continue;
          }
          const found = input.variants.map((v) => (v.sku ? existing.get(v.sku) : undefined)).find(Boolean);
          if (found && found.handle !== handleFor(item)) {
            if (settings.addItemsExistingSku === 'report') {
              await erp.skipped.record(step.shop, 'item', item._id, `not added: Shopify product ${found.id} already has SKU ${input.variants.find((v) => v.sku && existing.has(v.sku))?.sku}`);
              counts.skipped += 1;
            } else {
              await linkProduct(erp, step.shop, item, found, undefined, settings);
              counts.linkedExisting += 1;
            }
            continue;
          }
          const { data } = await client.request(PRODUCT_SET, { identifier: { handle: handleFor(item) }, input: input.product });
          counts.requests += 1;
          const result = data.productSet;
          if (!result?.product || result.userErrors.length) {
            await erp.skipped.record(step.shop, 'item', item._id, `Shopify refused the product: ${(result?.userErrors ?? []).map((e) => `${e.field?.join('.') ?? ''} ${e.message}`.trim()).join('; ')}`);
            counts.skipped += 1;
            continue;
          }
          await linkProduct(erp, step.shop, item, result.product, input.variants, settings);
          counts.created += 1;
        }
        after = items.length ? (items[items.length - 1]?._id ?? after) : after;
        if (items.length < ITEMS_PER_BATCH) return { ...counts, after, done: true };
        if (Date.now() - started >= step.maxMillis) return { ...counts, after, done: false };
      }
    },
  });
}

export type AddItemsActivities = ReturnType<typeof createAddItemsActivities>;
