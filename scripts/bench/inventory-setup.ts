import type { ProductSeed } from '../../emulator/admin-api';
import type { SeededProduct } from '../../emulator/admin-client';
import { Merchant } from '../../emulator/merchant-client';
import { itemDocumentFields } from '../../src/erp/items';
import type { SyncProductsResult } from '../../src/workflows/sync-products';
import { TOKEN, type Harness } from './harness';

/**
 * The inventory benchmark's setup, none of it measured: a catalog of items with five variants and
 * stock at the ERP locations EAST and WEST, the same products seeded in each shop (tracked, stocked at
 * both Shopify locations), linked by the project's products import, and the shop's locations Lyon and
 * Paris showing the free inventory of EAST and WEST.
 */
export const CODES = ['XS', 'S', 'M', 'L', 'XL'];
export const ERP_LOCATIONS = ['EAST', 'WEST'] as const;
export const SHOP_LOCATIONS = [{ name: 'Lyon', filter: 'EAST' }, { name: 'Paris', filter: 'WEST' }] as const;
const SEED_CHUNK = 500;
const ACTIVATIONS_PER_REQUEST = 50;
/**
 * BENCH_INVENTORY_LINK=import links the products with the project's products import (syncProducts,
 * syncItem fromShopify); by default the same link records are written directly, because the import's
 * mapping takes minutes per thousand products on FerretDB (see the report).
 */
const LINK_BY_IMPORT = process.env.BENCH_INVENTORY_LINK === 'import';

export const invItemNo = (index: number): string => `I${String(index + 1).padStart(5, '0')}`;
/** The ERP on-hand quantity before the change: never 0 (Shopify's levels start at 0, so every quantity is sent on a first push). */
export const baseOnHand = (product: number, variant: number, location: number): number => 1 + ((product * 7 + variant * 3 + location * 5) % 40);

/** Items (with variants) and their stock at EAST and WEST, written in bulk: the stock records and their change log take change numbers 1…n, as `erp.stock.set` would. */
export async function seedErpCatalog(h: Harness, products: number): Promise<void> {
  const items = h.erp.db.collection('items');
  const stock = h.erp.db.collection('itemStock');
  const stockChanges = h.erp.db.collection('stockChanges');
  let seq = 0;
  const now = new Date();
  for (let start = 0; start < products; start += SEED_CHUNK) {
    const docs = [];
    const records = [];
    const changes = [];
    for (let p = start; p < Math.min(products, start + SEED_CHUNK); p += 1) {
      const no = invItemNo(p);
      docs.push({ _id: no, ...itemDocumentFields({ no, description: `Stock item ${no}`, unitPrice: '10.00', variants: CODES.map((code) => ({ code })) }) });
      for (const [v, code] of CODES.entries()) {
        const locations: Record<string, object> = {};
        for (const [l, locationCode] of ERP_LOCATIONS.entries()) {
          seq += 1;
          locations[locationCode] = { onHand: baseOnHand(p, v, l), seq, changedAt: now };
          changes.push({ _id: String(seq).padStart(15, '0'), itemNo: no, variantCode: code, locationCode });
        }
        records.push({ _id: `${no}|${code}`, itemNo: no, variantCode: code, locations });
      }
    }
    await items.insertMany(docs as never[]);
    await stock.insertMany(records as never[]);
    await stockChanges.insertMany(changes as never[]);
  }
  await h.erp.db.collection<{ _id: string; last: number }>('numberSeries').updateOne({ _id: 'stockChange' }, { $set: { last: seq } }, { upsert: true });
}

/**
 * A shop with the catalog: products seeded (SKU `<item no>|<code>`, tracked), its locations read and
 * configured, the products linked by one products import, and every inventory item stocked at the
 * second location too (Shopify stocks a new variant at the first location only). Runs at 0 ms and with a
 * large bucket; the caller sets the measured latency and plan afterwards.
 */
export async function prepareShop(h: Harness, shop: string, products: number, emulatorUrl: string): Promise<void> {
  await h.addShop(
    { domain: shop, plan: 'plus', currencyCode: 'EUR', latencyMs: 0, bucketSize: 1_000_000, locations: SHOP_LOCATIONS.map((l) => ({ name: l.name })) },
    { syncItem: 'fromShopify', skuMapping: 'itemNoAndVariantCode', inventoryTracked: true },
  );
  const seeded: SeededProduct[] = [];
  for (let start = 0; start < products; start += SEED_CHUNK) {
    const seeds: ProductSeed[] = [];
    for (let p = start; p < Math.min(products, start + SEED_CHUNK); p += 1) {
      const no = invItemNo(p);
      seeds.push({
        title: `Stock product ${no}`,
        options: [{ name: 'Size', values: CODES }],
        variants: CODES.map((code) => ({ sku: `${no}|${code}`, price: '10.00', tracked: true, optionValues: [{ optionName: 'Size', name: code }] })),
      });
    }
    seeded.push(...(await h.admin.seedProducts(shop, seeds)));
  }
  await h.run('refreshShopInfo', `bench-inventory-refresh-${shop}`, { shop });
  for (const location of SHOP_LOCATIONS) {
    if (!(await h.erp.locations.configure(shop, location.name, { stockCalculation: 'freeInventory', locationFilter: location.filter }))) throw new Error(`${shop} has no location ${location.name}`);
  }
  const started = Date.now();
  if (LINK_BY_IMPORT) {
    const imported = await h.run<SyncProductsResult>('syncProducts', `bench-inventory-import-${shop}`, { shop });
    if (imported.result.imported !== products || imported.result.unmapped) throw new Error(`${shop} setup import: ${JSON.stringify(imported.result)}`);
  } else {
    await writeLinks(h, shop, seeded);
  }
  console.log(`  ${shop}: ${products} products linked ${LINK_BY_IMPORT ? 'by the products import' : 'directly'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await stockEverywhere(h, shop, emulatorUrl);
}

/** Activates every inventory item at the locations it is not stocked at yet, 50 per request (aliased inventoryActivate). */
async function stockEverywhere(h: Harness, shop: string, emulatorUrl: string): Promise<void> {
  const merchant = new Merchant(emulatorUrl, shop, TOKEN);
  const levels = await h.admin.inventoryLevels(shop);
  const locations = (await h.erp.locations.list(shop)).map((l) => l.shopifyId);
  const stocked = new Set(levels.map((l) => `${l.inventoryItemId}|${l.locationId}`));
  const missing: Array<{ item: string; location: string }> = [];
  for (const item of new Set(levels.map((l) => l.inventoryItemId))) {
    for (const location of locations) if (!stocked.has(`${item}|${location}`)) missing.push({ item, location });
  }
  const gidOf = (kind: string, id: string) => (id.startsWith('gid://') ? id : `gid://shopify/${kind}/${id}`);
  for (let start = 0; start < missing.length; start += ACTIVATIONS_PER_REQUEST) {
    const chunk = missing.slice(start, start + ACTIVATIONS_PER_REQUEST);
    const fields = chunk.map((m, i) => `a${i}: inventoryActivate(inventoryItemId: "${gidOf('InventoryItem', m.item)}", locationId: "${gidOf('Location', m.location)}", available: 0) @idempotent(key: "setup-${start + i}") { userErrors { message } }`);
    const data = await merchant.graphql<Record<string, { userErrors: Array<{ message: string }> }>>(`mutation { ${fields.join('\n')} }`);
    const errors = Object.values(data).flatMap((r) => r.userErrors);
    if (errors.length) throw new Error(`${shop} setup activation: ${errors.map((e) => e.message).join('; ')}`);
  }
  const after = await h.admin.inventoryLevels(shop);
  if (after.length !== stocked.size + missing.length) throw new Error(`${shop} setup: ${after.length} levels after activation, expected ${stocked.size + missing.length}`);
}

/** The link records the products import writes for these products (SKU `<item no>|<code>`), in bulk. */
async function writeLinks(h: Harness, shop: string, seeded: SeededProduct[]): Promise<void> {
  const itemIds = new Map((await h.admin.inventoryLevels(shop)).map((l) => [l.sku, l.inventoryItemId]));
  const now = new Date().toISOString();
  for (let start = 0; start < seeded.length; start += SEED_CHUNK) {
    const chunk = seeded.slice(start, start + SEED_CHUNK);
    const products = chunk.map((p) => {
      const itemNo = (p.variants[0]?.sku ?? '').split('|')[0] as string;
      return { _id: `${shop}|${p.id}`, shop, shopifyId: p.id, title: `Stock product ${itemNo}`, handle: p.handle, status: 'ACTIVE', erpItemNo: itemNo, shopifyUpdatedAt: now, lastUpdatedByErp: null, productHash: null, error: null, variantIds: p.variants.map((v) => v.id) };
    });
    const variants = chunk.flatMap((p) => p.variants.map((v) => {
      const [itemNo, code] = (v.sku ?? '').split('|');
      const inventoryItemId = itemIds.get(v.sku);
      if (!inventoryItemId) throw new Error(`${shop}: no inventory item for ${v.sku}`);
      return { _id: `${shop}|${v.id}`, shop, shopifyId: v.id, productId: p.id, inventoryItemId, sku: v.sku, barcode: null, erpItemNo: itemNo, erpVariantCode: code, priceHash: null, fieldsHash: null, sentPrice: null };
    }));
    await h.erp.db.collection('shopifyProducts').insertMany(products as never[]);
    await h.erp.db.collection('shopifyVariants').insertMany(variants as never[]);
  }
}
