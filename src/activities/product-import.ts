import { Context } from '@temporalio/activity';
import { mapVariant, type ItemRef } from '../domain/item-mapping';
import { itemChangesFrom, needsImport, newItemFrom, type ShopifyProduct, type ShopifyVariant } from '../domain/product-import';
import type { ShopSettings } from '../domain/shop-settings';
import type { Erp } from '../erp/db';
import type { NewVariantLink } from '../erp/shopify-products';
import type { ShopifyAdminClient } from '../shopify/client';
import { PRODUCT_MORE_VARIANTS_QUERY, PRODUCT_VARIANTS_PER_PAGE, PRODUCTS_PAGE_QUERY, PRODUCTS_PER_PAGE, type RawVariant } from '../shopify/documents/products';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { prefetchedPages } from './prefetched-pages';
import { checkpoint } from './run-guard';

export interface ProductImportStep {
  shop: string;
  query: string;
  after: string | null;
  /** Stop after this long and hand back the page cursor, so the workflow's history stays small. */
  maxMillis: number;
}

export interface ProductImportCounts {
  fetched: number;
  imported: number;
  unchanged: number;
  itemsCreated: number;
  itemsUpdated: number;
  unmapped: number;
  variantsUnlinked: number;
  requests: number;
}

export interface ProductImportStepResult extends ProductImportCounts {
  after: string | null;
  done: boolean;
  pages: number;
}

const KG_PER: Record<string, number> = { KILOGRAMS: 1, GRAMS: 0.001, POUNDS: 0.45359237, OUNCES: 0.028349523125 };

function variantOf(raw: RawVariant): ShopifyVariant {
  const weight = raw.inventoryItem.measurement.weight;
  return {
    id: raw.id,
    title: raw.title,
    sku: raw.sku || null,
    barcode: raw.barcode || null,
    price: raw.price,
    inventoryItemId: raw.inventoryItem.id,
    unitCost: raw.inventoryItem.unitCost?.amount ?? null,
    weightKg: weight ? Math.round(weight.value * (KG_PER[weight.unit] ?? 1) * 1000) / 1000 : null,
  };
}

async function allVariants(client: ShopifyAdminClient, productId: string, first: RawVariant[], hasMore: boolean, after: string | null): Promise<{ variants: RawVariant[]; requests: number }> {
  const variants = [...first];
  let requests = 0;
  let cursor = after;
  let more = hasMore;
  while (more) {
    const { data } = await client.request(PRODUCT_MORE_VARIANTS_QUERY, { id: productId, after: cursor });
    requests += 1;
    if (!data.product) break;
    variants.push(...data.product.variants.nodes);
    more = data.product.variants.pageInfo.hasNextPage;
    cursor = data.product.variants.pageInfo.endCursor ?? null;
  }
  return { variants, requests };
}

type Outcome = 'imported' | 'unchanged';

/**
 * Imports one product (reference 2.4, Shopify → ERP): each variant keeps its link or is mapped by the
 * SKU rule, then by barcode; mapped items are updated when Shopify may update them; unmapped ones
 * become new items from the template when the shop says so, else the product is unmapped with the
 * reason. Safe to repeat: links are upserts, a created item is found again by its origin.
 */
async function importProduct(erp: Erp, shop: string, settings: ShopSettings, product: ShopifyProduct, counts: ProductImportCounts): Promise<Outcome> {
  const link = await erp.products.product(shop, product.id);
  if (!needsImport(product.updatedAt, link)) return 'unchanged';
  const known = await erp.products.variantsById(shop, product.variants.map((v) => v.id));
  const mapped = new Map<string, ItemRef>();
  const reasons: string[] = [];
  for (const variant of product.variants) {
    const linked = known.get(variant.id);
    if (linked?.erpItemNo && (await erp.items.get(linked.erpItemNo))) {
      mapped.set(variant.id, { itemNo: linked.erpItemNo, variantCode: linked.erpVariantCode });
      continue;
    }
    const result = await mapVariant(variant, settings, erp.items);
    if ('item' in result) mapped.set(variant.id, result.item);
    else reasons.push(`variant ${variant.title}: ${result.reason}`);
  }
  let error: string | null = null;
  if (reasons.length && settings.autoCreateUnknownItems) {
    error = await createItems(erp, shop, settings, product, mapped, counts);
  } else if (reasons.length) {
    error = `${reasons.join('; ')}; turn on autoCreateUnknownItems (with an item template) to create items for unmapped products`;
  }
  if (!error && settings.shopifyCanUpdateItems && product.variants.length) {
    for (const itemNo of new Set([...mapped.values()].map((ref) => ref.itemNo))) {
      const single = product.variants.length === 1 ? product.variants[0] : undefined;
      await erp.items.update(itemNo, itemChangesFrom(product, single));
      counts.itemsUpdated += 1;
    }
  }
  const firstMapped = product.variants.map((v) => mapped.get(v.id)).find(Boolean);
  const variantLinks: NewVariantLink[] = product.variants.map((variant) => ({
    shop,
    shopifyId: variant.id,
    productId: product.id,
    inventoryItemId: variant.inventoryItemId,
    sku: variant.sku,
    barcode: variant.barcode,
    erpItemNo: mapped.get(variant.id)?.itemNo ?? null,
    erpVariantCode: mapped.get(variant.id)?.variantCode ?? null,
  }));
  const { unlinked } = await erp.products.saveVariants(shop, variantLinks, link?.variantIds ?? []);
  counts.variantsUnlinked += unlinked;
  await erp.products.saveProduct(
    { shop, shopifyId: product.id, title: product.title, handle: product.handle, status: product.status, erpItemNo: error ? null : (firstMapped?.itemNo ?? null), shopifyUpdatedAt: product.updatedAt, variantIds: product.variants.map((v) => v.id) },
    error,
  );
  if (error) counts.unmapped += 1;
  return 'imported';
}

/**
 * Creates the items an unmapped product needs: the whole item from the template when no variant is
 * mapped, else the missing variants on the mapped item. Returns an error message, or null.
 */
async function createItems(erp: Erp, shop: string, settings: ShopSettings, product: ShopifyProduct, mapped: Map<string, ItemRef>, counts: ProductImportCounts): Promise<string | null> {
  const template = settings.itemTemplateCode ? await erp.itemTemplates.get(settings.itemTemplateCode) : null;
  if (!template) return `item template ${settings.itemTemplateCode ?? '(none)'} does not exist: set itemTemplateCode to an existing template`;
  const unmapped = product.variants.filter((v) => !mapped.has(v.id));
  const mappedItem = [...mapped.values()][0];
  const plan = newItemFrom(product, settings);
  if (mappedItem) {
    for (const variant of unmapped) {
      const planned = plan.variants.find((v) => v.shopifyVariantId === variant.id);
      const code = planned?.code ?? `${settings.variantPrefix}${product.variants.indexOf(variant) + 1}`;
      await erp.items.addVariant(mappedItem.itemNo, code, variant.title, variant.barcode);
      mapped.set(variant.id, { itemNo: mappedItem.itemNo, variantCode: code.toUpperCase() });
    }
    return null;
  }
  const origin = `${shop}|${product.id}`;
  const existing = await erp.items.byOrigin(origin);
  const itemNo = existing?._id ?? plan.itemNo ?? (await erp.numbers.next(`item:${template._id}`, template.numberPrefix));
  if (!existing) {
    await erp.items.upsert({
      no: itemNo,
      origin,
      description: plan.description,
      unitPrice: plan.unitPrice,
      unitCost: plan.unitCost,
      grossWeight: plan.grossWeight,
      vatPercent: template.vatPercent,
      priceIncludesVat: template.priceIncludesVat,
      baseUnitOfMeasure: template.baseUnitOfMeasure,
      itemCategory: plan.itemCategory ?? template.itemCategory,
      vendorName: plan.vendorName,
      tags: plan.tags,
      extendedText: plan.extendedText,
      vendorItemNo: plan.vendorItemNo ?? undefined,
      variants: plan.variants.map((v) => ({ code: v.code, description: v.description })),
      barcodes: [
        ...(plan.barcode ? [{ barcode: plan.barcode }] : []),
        ...plan.variants.filter((v) => v.barcode).map((v) => ({ barcode: v.barcode as string, variantCode: v.code })),
      ],
    });
    counts.itemsCreated += 1;
  }
  for (const variant of product.variants) {
    const planned = plan.variants.find((v) => v.shopifyVariantId === variant.id);
    mapped.set(variant.id, { itemNo, variantCode: planned ? planned.code.toUpperCase() : null });
  }
  return null;
}

export function createProductImportActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    /**
     * Imports pages of products until done or out of time. Each page is one request for 15 products
     * with up to 10 variants each; the next page is fetched while this one is stored. Safe to
     * retry: importing a product again is a no-op, and a retry resumes at the last page reported.
     */
    async importProductPages(step: ProductImportStep): Promise<ProductImportStepResult> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      const client = shopify.forShop(step.shop);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const result: ProductImportStepResult = { fetched: 0, imported: 0, unchanged: 0, itemsCreated: 0, itemsUpdated: 0, unmapped: 0, variantsUnlinked: 0, requests: 0, after, done: false, pages: 0 };
      const fetchPage = async (from: string | null) => (await client.request(PRODUCTS_PAGE_QUERY, { first: PRODUCTS_PER_PAGE, after: from, query: step.query, variants: PRODUCT_VARIANTS_PER_PAGE })).data.products;
      for await (const page of prefetchedPages(fetchPage, after, () => Date.now() - started < step.maxMillis)) {
        result.requests += 1;
        result.pages += 1;
        for (const raw of page.nodes) {
          await checkpoint({ after }); // the pages before this one are stored: a retry resumes here
          if (raw.isGiftCard) continue;
          const more = await allVariants(client, raw.id, raw.variants.nodes, raw.variants.pageInfo.hasNextPage, raw.variants.pageInfo.endCursor ?? null);
          result.requests += more.requests;
          const product: ShopifyProduct = { ...raw, variants: more.variants.map(variantOf) };
          result[await importProduct(erp, step.shop, settings, product, result)] += 1;
        }
        result.fetched += page.nodes.length;
        after = page.pageInfo.endCursor ?? null;
        result.after = after;
        result.done = !page.pageInfo.hasNextPage;
      }
      return result;
    },
  });
}

export type ProductImportActivities = ReturnType<typeof createProductImportActivities>;
