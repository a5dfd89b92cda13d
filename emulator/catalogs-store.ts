import { parseGid } from './gid';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * Catalogs (company-location and market), their publications and price lists, and the rules Shopify applies
 * to them (live captures of 2026-04, where shopify.dev is silent): a price list's fixed prices are per variant,
 * in the list's currency, an added price replaces the variant's former one, and a list serves one catalog.
 * Records are kept by id so that a lookup or a page of fixed prices does not walk the shop's other catalogs.
 */

export type CatalogType = 'COMPANY_LOCATION' | 'MARKET';
export type CatalogStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

export interface EmulatedCatalog {
  id: number;
  type: CatalogType;
  title: string;
  status: CatalogStatus;
  /** The context: company locations for a COMPANY_LOCATION catalog, markets for a MARKET one. */
  companyLocationIds: number[];
  marketIds: number[];
  publicationId: number | null;
  priceListId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedPublication {
  id: number;
  catalogId: number | null;
  autoPublish: boolean;
  /** Ascending, as `Publication.products` lists them (captured cursors carry the product id). */
  productIds: number[];
  createdAt: string;
  updatedAt: string;
}

export interface FixedPrice {
  variantId: number;
  /** Shopify's Decimal text, e.g. "12.5" (see shopifyDecimal). */
  price: string;
  compareAtPrice: string | null;
}

export interface EmulatedPriceList {
  id: number;
  name: string;
  currency: string;
  adjustment: { type: 'PERCENTAGE_DECREASE' | 'PERCENTAGE_INCREASE'; value: number };
  compareAtMode: 'ADJUSTED' | 'NULLIFY';
  catalogId: number | null;
  /** Ascending by variant id, the order of `PriceList.prices` (captured cursors carry the variant id). */
  fixedPrices: FixedPrice[];
  createdAt: string;
  updatedAt: string;
}

/** The emulator creates no markets through GraphQL; those here came with seeded market catalogs. */
export interface EmulatedMarket {
  id: number;
  name: string;
  handle: string;
}

export interface ShopCatalogs {
  catalogs: Record<string, EmulatedCatalog>;
  publications: Record<string, EmulatedPublication>;
  priceLists: Record<string, EmulatedPriceList>;
  markets: Record<string, EmulatedMarket>;
}

export function emptyCatalogs(): ShopCatalogs {
  return { catalogs: {}, publications: {}, priceLists: {}, markets: {} };
}

export const CATALOG_TYPENAME: Record<CatalogType, string> = { COMPANY_LOCATION: 'CompanyLocationCatalog', MARKET: 'MarketCatalog' };

export function catalogGid(catalog: EmulatedCatalog): string {
  return `gid://shopify/${CATALOG_TYPENAME[catalog.type]}/${catalog.id}`;
}

const CATALOG_GID = /^gid:\/\/shopify\/(Catalog|CompanyLocationCatalog|MarketCatalog|AppCatalog)\/(\d+)$/;

/** Whether an id names a catalog at all (Shopify answers "Invalid id" to a gid of another type). */
export function isCatalogGid(value: unknown): boolean {
  return CATALOG_GID.test(String(value ?? ''));
}

/** A catalog by its gid: `Catalog/<id>` or the gid of its own type. */
export function findCatalog(shop: EmulatedShop, id: unknown): EmulatedCatalog | undefined {
  const match = CATALOG_GID.exec(String(id ?? ''));
  const catalog = match ? shop.catalogs.catalogs[match[2] as string] : undefined;
  return catalog && (match?.[1] === 'Catalog' || match?.[1] === CATALOG_TYPENAME[catalog.type]) ? catalog : undefined;
}

export function findPriceList(shop: EmulatedShop, id: unknown): EmulatedPriceList | undefined {
  const numeric = parseGid(id, 'PriceList');
  return numeric === undefined ? undefined : shop.catalogs.priceLists[numeric];
}

export function findPublication(shop: EmulatedShop, id: unknown): EmulatedPublication | undefined {
  const numeric = parseGid(id, 'Publication');
  return numeric === undefined ? undefined : shop.catalogs.publications[numeric];
}

export function findMarket(shop: EmulatedShop, id: unknown): EmulatedMarket | undefined {
  const numeric = parseGid(id, 'Market');
  return numeric === undefined ? undefined : shop.catalogs.markets[numeric];
}

/**
 * A Decimal as Shopify writes MoneyV2.amount: no trailing zeros, at least one decimal ("100" → "100.0",
 * "12.50" → "12.5", captured); null when the text is no decimal number.
 */
export function shopifyDecimal(value: unknown): string | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(/e/i.test(text) ? Number(text).toFixed(10) : text);
  if (!match || (!match[2] && !match[3])) return null;
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '') || '0';
  const negative = match[1] === '-' && (whole !== '0' || fraction !== '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export interface PriceListPriceInput {
  variantId: string;
  price: { amount: unknown; currencyCode: string };
  compareAtPrice?: { amount: unknown; currencyCode: string } | null;
}

export interface PriceProblem {
  field: Array<string | number>;
  message: string;
  code: string;
}

export const VARIANT_NOT_FOUND = 'Product variant ID does not exist.';
const CURRENCY_MISMATCH = "The specified currency does not match the price list's currency.";

/** The ids of the shop's variants, to check many prices against at once. */
export function variantIdSet(shop: EmulatedShop): Set<number> {
  const ids = new Set<number>();
  for (const product of shop.products) for (const variant of product.variants) ids.add(variant.id);
  return ids;
}

/**
 * The fixed prices an input asks for, or every problem (captured): an unknown variant is VARIANT_NOT_FOUND and
 * its currencies go unchecked; a price or compare-at price in another currency than the list's is
 * PRICE_LIST_CURRENCY_MISMATCH on that money's `currencyCode`. The same variant twice: the last one counts.
 */
export function planFixedPrices(priceList: EmulatedPriceList, inputs: PriceListPriceInput[], variants: Set<number>, path: string): { prices: FixedPrice[] } | { problems: PriceProblem[] } {
  const problems: PriceProblem[] = [];
  const byVariant = new Map<number, FixedPrice>();
  inputs.forEach((input, index) => {
    const variantId = parseGid(input.variantId, 'ProductVariant');
    if (variantId === undefined || !variants.has(variantId)) {
      problems.push({ field: [path, index, 'variantId'], message: VARIANT_NOT_FOUND, code: 'VARIANT_NOT_FOUND' });
      return;
    }
    const moneys = [['price', input.price], ['compareAtPrice', input.compareAtPrice]] as const;
    for (const [name, money] of moneys) {
      if (money && money.currencyCode !== priceList.currency) problems.push({ field: [path, index, name, 'currencyCode'], message: CURRENCY_MISMATCH, code: 'PRICE_LIST_CURRENCY_MISMATCH' });
    }
    const price = shopifyDecimal(input.price.amount);
    const compareAtPrice = input.compareAtPrice ? shopifyDecimal(input.compareAtPrice.amount) : null;
    // The Decimal scalar refuses such text before the mutation runs; the emulator answers it here.
    if (price === null) problems.push({ field: [path, index, 'price', 'amount'], message: 'Amount is invalid', code: 'BLANK' });
    if (input.compareAtPrice && compareAtPrice === null) problems.push({ field: [path, index, 'compareAtPrice', 'amount'], message: 'Amount is invalid', code: 'BLANK' });
    byVariant.delete(variantId);
    byVariant.set(variantId, { variantId, price: price ?? '0.0', compareAtPrice });
  });
  return problems.length > 0 ? { problems } : { prices: [...byVariant.values()] };
}

/** Adds or replaces fixed prices, keeping the list ascending by variant id (one merge, not one insert each). */
export function upsertFixedPrices(state: EmulatorState, priceList: EmulatedPriceList, prices: FixedPrice[]): void {
  if (prices.length === 0) return;
  const incoming = [...prices].sort((a, b) => a.variantId - b.variantId);
  const merged: FixedPrice[] = [];
  const current = priceList.fixedPrices;
  let i = 0;
  let j = 0;
  while (i < current.length || j < incoming.length) {
    const a = current[i];
    const b = incoming[j];
    if (b === undefined || (a !== undefined && a.variantId < b.variantId)) {
      merged.push(a as FixedPrice);
      i += 1;
    } else {
      merged.push(b);
      if (a !== undefined && a.variantId === b.variantId) i += 1;
      j += 1;
    }
  }
  priceList.fixedPrices = merged;
  priceList.updatedAt = state.now();
}

export function removeFixedPrices(state: EmulatorState, priceList: EmulatedPriceList, variantIds: Set<number>): void {
  priceList.fixedPrices = priceList.fixedPrices.filter((p) => !variantIds.has(p.variantId));
  priceList.updatedAt = state.now();
}

/** The fixed price of a variant, by binary search. */
export function fixedPriceOf(priceList: EmulatedPriceList, variantId: number): FixedPrice | undefined {
  const prices = priceList.fixedPrices;
  let lo = 0;
  let hi = prices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = prices[mid] as FixedPrice;
    if (at.variantId === variantId) return at;
    if (at.variantId < variantId) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function newPriceList(state: EmulatorState, shop: EmulatedShop, fields: Pick<EmulatedPriceList, 'name' | 'currency'> & Partial<Pick<EmulatedPriceList, 'adjustment' | 'compareAtMode'>>): EmulatedPriceList {
  const now = state.now();
  const priceList: EmulatedPriceList = {
    id: state.nextId(shop),
    name: fields.name,
    currency: fields.currency,
    adjustment: fields.adjustment ?? { type: 'PERCENTAGE_DECREASE', value: 0 },
    compareAtMode: fields.compareAtMode ?? 'ADJUSTED',
    catalogId: null,
    fixedPrices: [],
    createdAt: now,
    updatedAt: now,
  };
  shop.catalogs.priceLists[priceList.id] = priceList;
  return priceList;
}

export function newPublication(state: EmulatorState, shop: EmulatedShop, productIds: number[] = [], autoPublish = false): EmulatedPublication {
  const now = state.now();
  const publication: EmulatedPublication = { id: state.nextId(shop), catalogId: null, autoPublish, productIds: [...new Set(productIds)].sort((a, b) => a - b), createdAt: now, updatedAt: now };
  shop.catalogs.publications[publication.id] = publication;
  return publication;
}

export function newCatalog(state: EmulatorState, shop: EmulatedShop, fields: Pick<EmulatedCatalog, 'type' | 'title' | 'status' | 'companyLocationIds' | 'marketIds'>): EmulatedCatalog {
  const now = state.now();
  const catalog: EmulatedCatalog = { id: state.nextId(shop), ...fields, publicationId: null, priceListId: null, createdAt: now, updatedAt: now };
  shop.catalogs.catalogs[catalog.id] = catalog;
  return catalog;
}

/** Links a price list to a catalog; one formerly linked to either side is unlinked (PriceListCreateInput.catalogId). */
export function linkPriceList(shop: EmulatedShop, catalog: EmulatedCatalog, priceList: EmulatedPriceList): void {
  const formerList = catalog.priceListId === null ? undefined : shop.catalogs.priceLists[catalog.priceListId];
  if (formerList) formerList.catalogId = null;
  const formerCatalog = priceList.catalogId === null ? undefined : shop.catalogs.catalogs[priceList.catalogId];
  if (formerCatalog) formerCatalog.priceListId = null;
  catalog.priceListId = priceList.id;
  priceList.catalogId = catalog.id;
}

export function linkPublication(shop: EmulatedShop, catalog: EmulatedCatalog, publication: EmulatedPublication): void {
  const formerPublication = catalog.publicationId === null ? undefined : shop.catalogs.publications[catalog.publicationId];
  if (formerPublication) formerPublication.catalogId = null;
  const formerCatalog = publication.catalogId === null ? undefined : shop.catalogs.catalogs[publication.catalogId];
  if (formerCatalog) formerCatalog.publicationId = null;
  catalog.publicationId = publication.id;
  publication.catalogId = catalog.id;
}

/** The market a seed names, made on first mention: markets are the Markets area's, not modelled beyond their id. */
export function ensureMarket(shop: EmulatedShop, id: number): EmulatedMarket {
  const known = shop.catalogs.markets[id];
  if (known) return known;
  const market = { id, name: `Market ${id}`, handle: `market-${id}` };
  shop.catalogs.markets[id] = market;
  return market;
}
