import type { EmulatedVariant } from '../commerce';
import { catalogGid, CATALOG_TYPENAME, fixedPriceOf, shopifyDecimal, type EmulatedCatalog, type EmulatedMarket, type EmulatedPriceList, type EmulatedPublication, type FixedPrice } from '../catalogs-store';
import { gid } from '../gid';
import { expressionMatcher, parseSearchExpression } from '../search-query';
import type { EmulatedShop } from '../state';
import { companyLocationConnection } from './company-objects';
import { paginate, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError } from './context';
import { keyedPage } from './keyed-page';
import { productObject, variantObject } from './objects';

/** Catalogs, publications, price lists and markets as the Admin API shows them. */

const emptyConnection = (args: ConnectionArgs) => paginate([], args, () => '');

export function marketObject(market: EmulatedMarket) {
  return { __typename: 'Market', id: gid('Market', market.id), name: market.name, handle: market.handle };
}

export function catalogObject(shop: EmulatedShop, catalog: EmulatedCatalog) {
  const priceList = catalog.priceListId === null ? undefined : shop.catalogs.priceLists[catalog.priceListId];
  const publication = catalog.publicationId === null ? undefined : shop.catalogs.publications[catalog.publicationId];
  const locations = () => catalog.companyLocationIds.map((id) => shop.b2b.locations[id]).filter((l) => l !== undefined);
  const markets = () => catalog.marketIds.map((id) => shop.catalogs.markets[id]).filter((m) => m !== undefined);
  const common = {
    __typename: CATALOG_TYPENAME[catalog.type],
    id: catalogGid(catalog),
    title: catalog.title,
    status: catalog.status,
    operations: [],
    priceList: () => (priceList ? priceListObject(shop, priceList) : null),
    publication: () => (publication ? publicationObject(shop, publication) : null),
  };
  if (catalog.type === 'COMPANY_LOCATION') {
    return {
      ...common,
      companyLocations: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }) => companyLocationConnection(shop, locations(), args),
      companyLocationsCount: () => ({ count: locations().length, precision: 'EXACT' }),
    };
  }
  return {
    ...common,
    markets: (args: ConnectionArgs) => paginate(markets().sort((a, b) => a.id - b.id).map(marketObject), args, (m) => m.id),
    marketsCount: () => ({ count: markets().length, precision: 'EXACT' }),
  };
}

export function publicationObject(shop: EmulatedShop, publication: EmulatedPublication) {
  const catalog = publication.catalogId === null ? undefined : shop.catalogs.catalogs[publication.catalogId];
  const included = () => {
    const products = new Map(shop.products.map((p) => [p.id, p]));
    return { products, ids: publication.productIds.filter((id) => products.has(id)) };
  };
  const productPage = (args: ConnectionArgs) => {
    const { products, ids } = included();
    return keyedPage(ids, (id) => id, args, (id) => productObject(shop, products.get(id) as NonNullable<ReturnType<typeof products.get>>));
  };
  return {
    __typename: 'Publication',
    id: gid('Publication', publication.id),
    name: catalog?.title ?? '',
    autoPublish: publication.autoPublish,
    supportsFuturePublishing: false,
    catalog: () => (catalog ? catalogObject(shop, catalog) : null),
    products: productPage,
    includedProducts: (args: ConnectionArgs & { query?: string | null }) => {
      // The emulator pages the included products without the products query filters.
      if (args.query) throw new ShopifyGraphQLError('The emulator does not implement Publication.includedProducts(query:)', 'NOT_IMPLEMENTED');
      return productPage(args);
    },
    includedProductsCount: () => ({ count: included().ids.length, precision: 'EXACT' }),
    hasCollection: false,
    collections: emptyConnection,
  };
}

type PriceRow = FixedPrice & { originType: 'FIXED' | 'RELATIVE' };

/**
 * A price from the list's adjustment: the variant's price less (or plus) the percentage, in the list's currency.
 * The emulator has no exchange rates: a list in another currency than the shop's adjusts the same number.
 */
function relativePrice(priceList: EmulatedPriceList, variant: EmulatedVariant): PriceRow {
  const factor = priceList.adjustment.type === 'PERCENTAGE_INCREASE' ? 1 + priceList.adjustment.value / 100 : 1 - priceList.adjustment.value / 100;
  const adjust = (amount: string) => shopifyDecimal((Math.round(Number(amount) * factor * 100) / 100).toFixed(2)) ?? '0.0';
  const compareAtPrice = variant.compareAtPrice === null || priceList.compareAtMode === 'NULLIFY' ? null : adjust(variant.compareAtPrice);
  return { variantId: variant.id, price: adjust(variant.price), compareAtPrice, originType: 'RELATIVE' };
}

export function priceListPriceObject(shop: EmulatedShop, priceList: EmulatedPriceList, row: PriceRow, variant: EmulatedVariant) {
  return {
    __typename: 'PriceListPrice',
    originType: row.originType,
    price: { amount: row.price, currencyCode: priceList.currency },
    compareAtPrice: row.compareAtPrice === null ? null : { amount: row.compareAtPrice, currencyCode: priceList.currency },
    variant: () => variantObject(shop, variant),
    quantityPriceBreaks: emptyConnection,
  };
}

/** The `prices` filters of 2026-10: id, product_id and variant_id (a price's id is its variant's). */
function priceMatcher(query: string | null | undefined, variants: Map<number, EmulatedVariant>) {
  return expressionMatcher<PriceRow>(
    parseSearchExpression(query),
    { id: (p) => p.variantId, variant_id: (p) => p.variantId, product_id: (p) => variants.get(p.variantId)?.productId ?? null },
    { id: 'number', variant_id: 'number', product_id: 'number' },
  );
}

/**
 * `PriceList.prices`, ascending by variant id (captured cursors): FIXED the list's own prices, RELATIVE the
 * other variants' adjusted prices, both without originType. Fixed prices are paged by binary search.
 */
export function priceListPrices(shop: EmulatedShop, priceList: EmulatedPriceList, args: ConnectionArgs & { originType?: string | null; query?: string | null }) {
  const variants = new Map<number, EmulatedVariant>();
  for (const product of shop.products) for (const variant of product.variants) variants.set(variant.id, variant);
  const toObject = (row: PriceRow) => priceListPriceObject(shop, priceList, row, variants.get(row.variantId) as EmulatedVariant);
  // A variant deleted since keeps no price (Shopify drops it with the variant).
  const fixed = priceList.fixedPrices.every((p) => variants.has(p.variantId)) ? priceList.fixedPrices : priceList.fixedPrices.filter((p) => variants.has(p.variantId));
  if (args.originType === 'FIXED' && !args.query) return keyedPage(fixed, (p) => p.variantId, args, (p) => toObject({ ...p, originType: 'FIXED' }));
  let rows: PriceRow[];
  if (args.originType === 'FIXED') {
    rows = fixed.map((p) => ({ ...p, originType: 'FIXED' as const }));
  } else {
    rows = [...variants.values()]
      .sort((a, b) => a.id - b.id)
      .flatMap((variant): PriceRow[] => {
        const fixed = fixedPriceOf(priceList, variant.id);
        if (fixed) return args.originType === 'RELATIVE' ? [] : [{ ...fixed, originType: 'FIXED' }];
        return [relativePrice(priceList, variant)];
      });
  }
  if (args.query) rows = rows.filter(priceMatcher(args.query, variants));
  return keyedPage(rows, (row) => row.variantId, args, toObject);
}

export function priceListObject(shop: EmulatedShop, priceList: EmulatedPriceList) {
  const catalog = priceList.catalogId === null ? undefined : shop.catalogs.catalogs[priceList.catalogId];
  return {
    __typename: 'PriceList',
    id: gid('PriceList', priceList.id),
    name: priceList.name,
    currency: priceList.currency,
    fixedPricesCount: priceList.fixedPrices.length,
    parent: { adjustment: priceList.adjustment, settings: { compareAtMode: priceList.compareAtMode } },
    catalog: () => (catalog ? catalogObject(shop, catalog) : null),
    prices: (args: ConnectionArgs & { originType?: string | null; query?: string | null }) => priceListPrices(shop, priceList, args),
    quantityRules: emptyConnection,
  };
}
