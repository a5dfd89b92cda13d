import { findCompanyLocation } from '../b2b-store';
import {
  findCatalog,
  findMarket,
  findPriceList,
  findPublication,
  isCatalogGid,
  linkPriceList,
  linkPublication,
  newCatalog,
  newPriceList,
  newPublication,
  planFixedPrices,
  removeFixedPrices,
  upsertFixedPrices,
  variantIdSet,
  VARIANT_NOT_FOUND,
  fixedPriceOf,
  type CatalogStatus,
  type EmulatedCatalog,
  type EmulatedPriceList,
  type FixedPrice,
  type PriceListPriceInput,
} from '../catalogs-store';
import { parseGid } from '../gid';
import { expressionMatcher, parseSearchExpression, type FieldKinds, type FieldReader } from '../search-query';
import type { EmulatedShop, EmulatorState } from '../state';
import { catalogObject, priceListObject, priceListPriceObject, publicationObject } from './catalog-objects';
import { paginate, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError, type ResolverModule } from './context';
import { sortedPage, sortKeyOf, type SortValue } from './sorted-page';
import { userError, type UserError } from './user-errors';

/**
 * Catalogs, publications and price lists. Messages and codes are Shopify's, from live captures of 2026-04
 * where shopify.dev is silent; the few marked "assumed" were not captured.
 */

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The `catalogs` filters of 2026-10; `title` matches words as the captured `title:<slug>` search did. */
function catalogFields(shop: EmulatedShop): Record<string, FieldReader<EmulatedCatalog>> {
  return {
    default: (c) => words(c.title),
    id: (c) => c.id,
    title: (c) => c.title,
    status: (c) => c.status,
    company_location_id: (c) => c.companyLocationIds,
    company_id: (c) => c.companyLocationIds.map((id) => shop.b2b.locations[id]?.companyId).filter((id): id is number => id !== undefined),
    market_id: (c) => c.marketIds,
    // No app catalogs nor managed countries in the emulator.
    app_id: () => null,
    managed_country_id: () => null,
  };
}
const CATALOG_KINDS: FieldKinds = { id: 'number', title: 'tokens', company_location_id: 'number', company_id: 'number', market_id: 'number', app_id: 'number', managed_country_id: 'number' };

const CATALOG_SORTS: Record<string, (c: EmulatedCatalog) => SortValue> = {
  ID: (c) => c.id,
  RELEVANCE: (c) => c.id,
  TITLE: (c) => c.title.toLowerCase(),
  TYPE: (c) => c.type,
};

function matchingCatalogs(shop: EmulatedShop, args: { type?: unknown; query?: unknown }): EmulatedCatalog[] {
  const matches = expressionMatcher(parseSearchExpression(typeof args.query === 'string' ? args.query : null), catalogFields(shop), CATALOG_KINDS);
  const type = args.type ?? null;
  return Object.values(shop.catalogs.catalogs).filter((c) => (type === null || c.type === type) && matches(c));
}

const TITLE_MAX = 255;

interface CatalogContextInput {
  companyLocationIds?: string[] | null;
  marketIds?: string[] | null;
}

interface CatalogInput {
  title?: string | null;
  status?: CatalogStatus | null;
  context?: CatalogContextInput | null;
  priceListId?: string | null;
  publicationId?: string | null;
}

/** The context's ids, or its refusals; exactly one kind of context (captured). */
function readContext(shop: EmulatedShop, context: CatalogContextInput, errors: UserError[]): Pick<EmulatedCatalog, 'type' | 'companyLocationIds' | 'marketIds'> | undefined {
  const locations = context.companyLocationIds ?? [];
  const markets = context.marketIds ?? [];
  if ((locations.length > 0) === (markets.length > 0)) {
    errors.push(userError(['input', 'context'], 'Must provide exactly one context type.', 'MUST_PROVIDE_EXACTLY_ONE_CONTEXT_TYPE'));
    return undefined;
  }
  const locationIds = locations.map((id, index) => {
    const location = findCompanyLocation(shop, id);
    if (!location) errors.push(userError(['input', 'context', 'companyLocationIds', index], 'A company location within the catalog does not exist.', 'COMPANY_LOCATION_NOT_FOUND'));
    return location?.id;
  });
  const marketIds = markets.map((id, index) => {
    const market = findMarket(shop, id);
    if (!market) errors.push(userError(['input', 'context', 'marketIds', index], 'Market not found.', 'MARKET_NOT_FOUND'));
    return market?.id;
  });
  const known = (ids: Array<number | undefined>) => [...new Set(ids.filter((id): id is number => id !== undefined))];
  return locations.length > 0
    ? { type: 'COMPANY_LOCATION', companyLocationIds: known(locationIds), marketIds: [] }
    : { type: 'MARKET', companyLocationIds: [], marketIds: known(marketIds) };
}

/** The price list and publication an input attaches, each free or already this catalog's (captured: TAKEN). */
function readLinks(shop: EmulatedShop, input: CatalogInput, catalog: EmulatedCatalog | undefined, errors: UserError[]) {
  let priceList: EmulatedPriceList | undefined;
  if (input.priceListId) {
    priceList = findPriceList(shop, input.priceListId);
    if (!priceList) errors.push(userError(['input', 'priceListId'], 'Price list not found.', 'PRICE_LIST_NOT_FOUND'));
    else if (priceList.catalogId !== null && priceList.catalogId !== catalog?.id) errors.push(userError(['input', 'priceListId'], 'Price list has already been taken', 'TAKEN'));
  }
  let publication;
  if (input.publicationId) {
    publication = findPublication(shop, input.publicationId);
    if (!publication) errors.push(userError(['input', 'publicationId'], 'Publication not found.', 'PUBLICATION_NOT_FOUND'));
    // Assumed, as for price lists.
    else if (publication.catalogId !== null && publication.catalogId !== catalog?.id) errors.push(userError(['input', 'publicationId'], 'Publication has already been taken', 'TAKEN'));
  }
  return { priceList, publication };
}

function readTitle(title: string | null | undefined, errors: UserError[]): string | undefined {
  if (title === undefined) return undefined;
  const trimmed = (title ?? '').trim();
  if (!trimmed) errors.push(userError(['input', 'title'], "Title can't be blank", 'BLANK'));
  else if (trimmed.length > TITLE_MAX) errors.push(userError(['input', 'title'], `Title is too long (maximum is ${TITLE_MAX} characters)`, 'TOO_LONG'));
  return trimmed;
}

function catalogCreate(shop: EmulatedShop, state: EmulatorState, input: CatalogInput) {
  const errors: UserError[] = [];
  const title = readTitle(input.title ?? '', errors);
  const context = readContext(shop, input.context ?? {}, errors);
  const links = readLinks(shop, input, undefined, errors);
  if (errors.length > 0 || !context || title === undefined) return { catalog: null, userErrors: errors };
  const catalog = newCatalog(state, shop, { ...context, title, status: input.status ?? 'ACTIVE' });
  if (links.priceList) linkPriceList(shop, catalog, links.priceList);
  if (links.publication) linkPublication(shop, catalog, links.publication);
  return { catalog: catalogObject(shop, catalog), userErrors: [] };
}

function catalogUpdate(shop: EmulatedShop, state: EmulatorState, id: unknown, input: CatalogInput) {
  const catalog = findCatalog(shop, id);
  if (!catalog) return { catalog: null, userErrors: [userError(['id'], 'Catalog does not exist', 'CATALOG_NOT_FOUND')] };
  const errors: UserError[] = [];
  const title = readTitle(input.title, errors);
  const context = input.context ? readContext(shop, input.context, errors) : undefined;
  if (context && context.type !== catalog.type) errors.push(userError(['input', 'context'], 'Cannot change context to specified type.', 'INVALID_CONTEXT_CHANGE'));
  const links = readLinks(shop, input, catalog, errors);
  if (errors.length > 0) return { catalog: null, userErrors: errors };
  if (title !== undefined) catalog.title = title;
  if (input.status) catalog.status = input.status;
  if (context) Object.assign(catalog, { companyLocationIds: context.companyLocationIds, marketIds: context.marketIds });
  if (links.priceList) linkPriceList(shop, catalog, links.priceList);
  if (links.publication) linkPublication(shop, catalog, links.publication);
  catalog.updatedAt = state.now();
  return { catalog: catalogObject(shop, catalog), userErrors: [] };
}

function catalogDelete(shop: EmulatedShop, id: unknown, deleteDependents: boolean) {
  const catalog = findCatalog(shop, id);
  if (!catalog) return { deletedId: null, userErrors: [userError(['id'], 'Catalog does not exist', 'CATALOG_NOT_FOUND')] };
  const priceList = catalog.priceListId === null ? undefined : shop.catalogs.priceLists[catalog.priceListId];
  const publication = catalog.publicationId === null ? undefined : shop.catalogs.publications[catalog.publicationId];
  if (priceList) {
    if (deleteDependents) delete shop.catalogs.priceLists[priceList.id];
    else priceList.catalogId = null;
  }
  if (publication) {
    if (deleteDependents) delete shop.catalogs.publications[publication.id];
    else publication.catalogId = null;
  }
  const deletedId = catalogObject(shop, catalog).id;
  delete shop.catalogs.catalogs[catalog.id];
  return { deletedId, userErrors: [] };
}

function publicationCreate(shop: EmulatedShop, state: EmulatorState, input: { catalogId?: string | null; autoPublish?: boolean | null; defaultState?: string | null }) {
  const catalog = input.catalogId ? findCatalog(shop, input.catalogId) : undefined;
  if (input.catalogId && !catalog) {
    return { publication: null, userErrors: [userError(['input', 'catalogId'], `A catalog was not found for id= ${input.catalogId}.`, 'CATALOG_NOT_FOUND')] };
  }
  const productIds = input.defaultState === 'ALL_PRODUCTS' ? shop.products.map((p) => p.id) : [];
  const publication = newPublication(state, shop, productIds, input.autoPublish ?? false);
  if (catalog) linkPublication(shop, catalog, publication);
  return { publication: publicationObject(shop, publication), userErrors: [] };
}

/** At most 50 publishables per call (PublicationUpdateInput); products only, as catalog publications hold. */
const MAX_PUBLISHABLES = 50;

function publicationUpdate(shop: EmulatedShop, state: EmulatorState, id: unknown, input: { autoPublish?: boolean | null; publishablesToAdd?: string[] | null; publishablesToRemove?: string[] | null }) {
  const publication = findPublication(shop, id);
  // Assumed message: the enum's description.
  if (!publication) return { publication: null, userErrors: [userError(['id'], 'Publication not found.', 'PUBLICATION_NOT_FOUND')] };
  const errors: UserError[] = [];
  const productIds = (field: 'publishablesToAdd' | 'publishablesToRemove') => {
    const ids = input[field] ?? [];
    if (ids.length > MAX_PUBLISHABLES) errors.push(userError(['input', field], `The limit for simultaneous publication updates is ${MAX_PUBLISHABLES}.`, 'PUBLICATION_UPDATE_LIMIT_EXCEEDED'));
    return ids.map((raw, index) => {
      const productId = parseGid(raw, 'Product');
      if (productId === undefined || !shop.products.some((p) => p.id === productId)) errors.push(userError(['input', field, index], 'Publishable ID not found.', 'INVALID_PUBLISHABLE_ID'));
      return productId ?? 0;
    });
  };
  const toAdd = productIds('publishablesToAdd');
  const toRemove = new Set(productIds('publishablesToRemove'));
  if (errors.length > 0) return { publication: null, userErrors: errors };
  publication.productIds = [...new Set([...publication.productIds, ...toAdd])].filter((pid) => !toRemove.has(pid)).sort((a, b) => a - b);
  if (input.autoPublish !== undefined && input.autoPublish !== null) publication.autoPublish = input.autoPublish;
  publication.updatedAt = state.now();
  return { publication: publicationObject(shop, publication), userErrors: [] };
}

interface PriceListCreateInput {
  name: string;
  currency: string;
  parent: { adjustment: { type: 'PERCENTAGE_DECREASE' | 'PERCENTAGE_INCREASE'; value: number }; settings?: { compareAtMode?: 'ADJUSTED' | 'NULLIFY' } | null };
  catalogId?: string | null;
}

const ADJUSTMENT_MESSAGE = 'The adjustment value must be a positive value and not be greater than 100% for PERCENTAGE_DECREASE and not be greater than 1000% for PERCENTAGE_INCREASE.';

function priceListCreate(shop: EmulatedShop, state: EmulatorState, input: PriceListCreateInput) {
  const errors: UserError[] = [];
  const name = input.name.trim();
  // Assumed message for a blank name; the others are captured.
  if (!name) errors.push(userError(['input', 'name'], "Name can't be blank", 'BLANK'));
  else if (name.length > TITLE_MAX) errors.push(userError(['input', 'name'], `Name is too long (maximum is ${TITLE_MAX} characters)`, 'TOO_LONG'));
  else if (Object.values(shop.catalogs.priceLists).some((p) => p.name.toLowerCase() === name.toLowerCase())) errors.push(userError(['input', 'name'], 'Name has already been taken', 'TAKEN'));
  const { type, value } = input.parent.adjustment;
  if (value < 0 || (type === 'PERCENTAGE_DECREASE' && value > 100) || (type === 'PERCENTAGE_INCREASE' && value > 1000)) {
    errors.push(userError(['input', 'parent', 'adjustment', 'value'], ADJUSTMENT_MESSAGE, 'INVALID_ADJUSTMENT_VALUE'));
  }
  let catalog: EmulatedCatalog | undefined;
  if (input.catalogId) {
    if (!isCatalogGid(input.catalogId)) throw new ShopifyGraphQLError(`Invalid id: ${input.catalogId}`, 'RESOURCE_NOT_FOUND');
    catalog = findCatalog(shop, input.catalogId);
    if (!catalog) errors.push(userError(['input', 'catalogId'], 'Catalog does not exist.', 'CATALOG_DOES_NOT_EXIST'));
    else if (catalog.priceListId !== null) errors.push(userError(['input', 'catalogId'], 'Catalog has a price list already assigned.', 'CATALOG_TAKEN'));
  }
  if (errors.length > 0) return { priceList: null, userErrors: errors };
  const priceList = newPriceList(state, shop, { name, currency: input.currency, adjustment: { type, value }, compareAtMode: input.parent.settings?.compareAtMode ?? 'ADJUSTED' });
  if (catalog) linkPriceList(shop, catalog, priceList);
  return { priceList: priceListObject(shop, priceList), userErrors: [] };
}

const PRICE_LIST_NOT_FOUND = userError(['priceListId'], 'Price list does not exist.', 'PRICE_LIST_NOT_FOUND');

function priceObjects(shop: EmulatedShop, priceList: EmulatedPriceList, prices: FixedPrice[]) {
  const variants = new Map(shop.products.flatMap((p) => p.variants).map((v) => [v.id, v]));
  return prices.flatMap((p) => {
    const variant = variants.get(p.variantId);
    return variant ? [priceListPriceObject(shop, priceList, { ...p, originType: 'FIXED' }, variant)] : [];
  });
}

/** Variants whose fixed prices to delete, or why not (captured): unknown variant, or no fixed price for it. */
function planDeletion(shop: EmulatedShop, priceList: EmulatedPriceList, ids: string[], field: string, errors: UserError[]): number[] {
  const variants = variantIdSet(shop);
  return ids.flatMap((raw, index) => {
    const variantId = parseGid(raw, 'ProductVariant');
    if (variantId === undefined || !variants.has(variantId)) {
      errors.push(userError([field, index], VARIANT_NOT_FOUND, 'VARIANT_NOT_FOUND'));
      return [];
    }
    if (!fixedPriceOf(priceList, variantId)) {
      errors.push(userError([field, index], 'Only fixed prices can be deleted.', 'PRICE_NOT_FIXED'));
      return [];
    }
    return [variantId];
  });
}

export const catalogResolvers: ResolverModule = {
  query: {
    catalogs: (args, { shop }) => sortedPage(matchingCatalogs(shop, args), args as ConnectionArgs, sortKeyOf(CATALOG_SORTS, args.sortKey), (c) => catalogObject(shop, c)),
    catalogsCount: (args, { shop }) => {
      const total = matchingCatalogs(shop, args).length;
      const limit = typeof args.limit === 'number' ? args.limit : null;
      return limit !== null && total > limit ? { count: limit, precision: 'AT_LEAST' } : { count: total, precision: 'EXACT' };
    },
    catalog: (args, { shop }) => {
      const catalog = findCatalog(shop, args.id);
      return catalog ? catalogObject(shop, catalog) : null;
    },
    publication: (args, { shop }) => {
      const publication = findPublication(shop, args.id);
      return publication ? publicationObject(shop, publication) : null;
    },
    priceList: (args, { shop }) => {
      const priceList = findPriceList(shop, args.id);
      return priceList ? priceListObject(shop, priceList) : null;
    },
    priceLists: (args, { shop }) => {
      if (args.sortKey && args.sortKey !== 'ID') throw new ShopifyGraphQLError(`The emulator does not implement priceLists(sortKey: ${String(args.sortKey)})`, 'NOT_IMPLEMENTED');
      return paginate(Object.values(shop.catalogs.priceLists).map((p) => priceListObject(shop, p)), args as ConnectionArgs, (p) => p.id);
    },
  },
  mutation: {
    catalogCreate: (args, { shop, state }) => catalogCreate(shop, state, args.input as CatalogInput),
    catalogUpdate: (args, { shop, state }) => catalogUpdate(shop, state, args.id, args.input as CatalogInput),
    catalogDelete: (args, { shop }) => catalogDelete(shop, args.id, args.deleteDependentResources === true),
    publicationCreate: (args, { shop, state }) => publicationCreate(shop, state, (args.input ?? {}) as Parameters<typeof publicationCreate>[2]),
    publicationUpdate: (args, { shop, state }) => publicationUpdate(shop, state, args.id, (args.input ?? {}) as Parameters<typeof publicationUpdate>[3]),
    priceListCreate: (args, { shop, state }) => priceListCreate(shop, state, args.input as PriceListCreateInput),
    priceListFixedPricesAdd: (args, { shop, state }) => {
      const priceList = findPriceList(shop, args.priceListId);
      if (!priceList) return { prices: null, userErrors: [PRICE_LIST_NOT_FOUND] };
      const planned = planFixedPrices(priceList, args.prices as PriceListPriceInput[], variantIdSet(shop), 'prices');
      if ('problems' in planned) return { prices: [], userErrors: planned.problems.map((p) => userError(p.field, p.message, p.code)) };
      upsertFixedPrices(state, priceList, planned.prices);
      return { prices: priceObjects(shop, priceList, planned.prices), userErrors: [] };
    },
    priceListFixedPricesDelete: (args, { shop, state }) => {
      const priceList = findPriceList(shop, args.priceListId);
      if (!priceList) return { deletedFixedPriceVariantIds: null, userErrors: [PRICE_LIST_NOT_FOUND] };
      const errors: UserError[] = [];
      const ids = planDeletion(shop, priceList, args.variantIds as string[], 'variantIds', errors);
      if (errors.length > 0) return { deletedFixedPriceVariantIds: [], userErrors: errors };
      removeFixedPrices(state, priceList, new Set(ids));
      return { deletedFixedPriceVariantIds: ids.map((id) => `gid://shopify/ProductVariant/${id}`), userErrors: [] };
    },
    priceListFixedPricesUpdate: (args, { shop, state }) => {
      const priceList = findPriceList(shop, args.priceListId);
      if (!priceList) return { priceList: null, pricesAdded: null, deletedFixedPriceVariantIds: null, userErrors: [PRICE_LIST_NOT_FOUND] };
      const errors: UserError[] = [];
      const planned = planFixedPrices(priceList, args.pricesToAdd as PriceListPriceInput[], variantIdSet(shop), 'pricesToAdd');
      if ('problems' in planned) errors.push(...planned.problems.map((p) => userError(p.field, p.message, p.code)));
      const ids = planDeletion(shop, priceList, args.variantIdsToDelete as string[], 'variantIdsToDelete', errors);
      if (errors.length > 0 || 'problems' in planned) return { priceList: priceListObject(shop, priceList), pricesAdded: [], deletedFixedPriceVariantIds: [], userErrors: errors };
      removeFixedPrices(state, priceList, new Set(ids));
      upsertFixedPrices(state, priceList, planned.prices);
      return { priceList: priceListObject(shop, priceList), pricesAdded: priceObjects(shop, priceList, planned.prices), deletedFixedPriceVariantIds: ids.map((id) => `gid://shopify/ProductVariant/${id}`), userErrors: [] };
    },
  },
};
