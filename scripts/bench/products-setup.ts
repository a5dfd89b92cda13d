import type { ProductSeed } from '../../emulator/admin-api';
import type { SeededProduct } from '../../emulator/admin-client';
import type { Harness } from './harness';
import { random } from './seeded-random';

/**
 * The products benchmark's catalog: products seeded in the emulator (SKU `<item no>|<variant code>`)
 * and the ERP items they map to, with one price per variant below the list price (so that a variant's
 * price is its own price line, and the list price is the compare-at price).
 */
export interface Catalog {
  prefix: string;
  products: number;
  codes: string[];
}

export const LIST_PRICE = '30.00';
const SEED_CHUNK = 250;

export const itemNo = (catalog: Catalog, index: number): string => `${catalog.prefix}${String(index + 1).padStart(4, '0')}`;
/** The price of a variant before the benchmark changes it: 20.00, 21.00, … by its place in the item. */
export const basePrice = (variant: number): string => `${20 + variant}.00`;
/** The changed price: half a unit more, still below the list price. */
export const changedPrice = (variant: number): string => `${20 + variant}.50`;

/** Seeds the products in the emulator (outside the rate limit) and upserts their items in the ERP. */
export async function seedCatalog(h: Harness, shop: string, catalog: Catalog): Promise<SeededProduct[]> {
  const seeded: SeededProduct[] = [];
  for (let start = 0; start < catalog.products; start += SEED_CHUNK) {
    const seeds: ProductSeed[] = [];
    for (let i = start; i < Math.min(catalog.products, start + SEED_CHUNK); i += 1) {
      const no = itemNo(catalog, i);
      seeds.push({
        title: `Bench product ${no}`,
        vendor: 'Bench vendor',
        productType: 'Bench',
        tags: ['bench'],
        descriptionHtml: `<p>Product ${no}</p>`,
        options: [{ name: 'Size', values: catalog.codes }],
        variants: catalog.codes.map((code, v) => ({ sku: `${no}|${code}`, price: basePrice(v), optionValues: [{ optionName: 'Size', name: code }], weight: { unit: 'GRAMS' as const, value: 250 } })),
      });
    }
    seeded.push(...(await h.admin.seedProducts(shop, seeds)));
  }
  for (let i = 0; i < catalog.products; i += 1) {
    const no = itemNo(catalog, i);
    await h.erp.items.upsert({
      no,
      description: `Bench product ${no}`,
      unitPrice: LIST_PRICE,
      unitCost: '12.00',
      variants: catalog.codes.map((code) => ({ code })),
      prices: catalog.codes.map((code, v) => ({ variantCode: code, unitPrice: basePrice(v) })),
    });
  }
  return seeded;
}

export interface ChangedVariant {
  product: number;
  variant: number;
  productId: string;
  variantId: string;
  price: string;
}

/** Picks `count` distinct variants at random (fixed seed) and raises their ERP price line by 0.50. */
export async function changePrices(h: Harness, catalog: Catalog, seeded: SeededProduct[], count: number, seed = 20_260_101): Promise<ChangedVariant[]> {
  const next = random(seed);
  const all = Array.from({ length: catalog.products * catalog.codes.length }, (_, i) => i);
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  const chosen = all.slice(0, count).map((flat) => {
    const product = Math.floor(flat / catalog.codes.length);
    const variant = flat % catalog.codes.length;
    const record = seeded[product];
    const variantId = record?.variants[variant]?.id;
    if (!record || !variantId) throw new Error(`no seeded variant ${product}/${variant}`);
    return { product, variant, productId: record.id, variantId, price: changedPrice(variant) };
  });
  const byProduct = new Map<number, Set<number>>();
  for (const c of chosen) byProduct.set(c.product, (byProduct.get(c.product) ?? new Set()).add(c.variant));
  for (const [product, variants] of byProduct) {
    const prices = catalog.codes.map((code, v) => ({ priceGroup: null, variantCode: code, currencyCode: null, unitPrice: variants.has(v) ? changedPrice(v) : basePrice(v), allowLineDiscount: true }));
    await h.erp.items.update(itemNo(catalog, product), { prices });
  }
  return chosen;
}
