import type { EmulatedProduct, EmulatedVariant } from '../commerce';
import { gid, parseGid } from '../gid';
import {
  buildOptions,
  DEFAULT_OPTION_NAME,
  DEFAULT_OPTION_VALUE,
  findProduct,
  findVariant,
  handleOwner,
  materializeOptions,
  MAX_OPTIONS,
  newVariant,
  applyVariantFields,
  renumber,
  setSelection,
  touch,
} from '../products-store';
import { expressionMatcher, parseSearchExpression, rewriteTagNot, type FieldKinds, type FieldReader } from '../search-query';
import type { EmulatedShop, EmulatorState } from '../state';
import type { ConnectionArgs } from './connection';
import { ShopifyGraphQLError, type ResolverModule } from './context';
import { productObject, variantObject } from './objects';
import { addProductMedia, applyProductFiles, checkCreateMedia, type CreateMediaInput } from './media-inputs';
import { planProductSet, productFieldsOf, resolveHandle, type ProductFieldsInput, type ProductSetInput, type ProductSetPlan } from './product-inputs';
import { variantMutations } from './product-variants';
import { sortedPage, sortKeyOf, type SortValue } from './sorted-page';
import { userError, type UserError } from './user-errors';

const PRODUCT_SORTS: Record<string, (p: EmulatedProduct) => SortValue> = {
  ID: (p) => p.id,
  RELEVANCE: (p) => p.id,
  UPDATED_AT: (p) => p.updatedAt,
  CREATED_AT: (p) => p.createdAt,
  TITLE: (p) => p.title.toLowerCase(),
  VENDOR: (p) => p.vendor.toLowerCase(),
  PRODUCT_TYPE: (p) => p.productType.toLowerCase(),
};

const VARIANT_SORTS: Record<string, (v: EmulatedVariant) => SortValue> = {
  ID: (v) => v.id,
  RELEVANCE: (v) => v.id,
  SKU: (v) => v.sku ?? '',
  TITLE: (v) => v.title.toLowerCase(),
  POSITION: (v) => v.position,
};

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const DATE_AND_ID: FieldKinds = { updated_at: 'date', created_at: 'date', id: 'number', variant_id: 'number', product_id: 'number', price: 'number' };

/** The `products` query filters of shopify.dev that the emulator's records can answer. */
const PRODUCT_FIELDS: Record<string, FieldReader<EmulatedProduct>> = {
  default: (p) => [...words(p.title), ...words(p.vendor), ...words(p.productType), ...p.tags.map((t) => t.toLowerCase()), ...p.variants.flatMap((v) => [v.sku ?? '', v.barcode ?? '']).filter(Boolean)],
  id: (p) => p.id,
  title: (p) => [p.title, ...words(p.title)],
  handle: (p) => p.handle,
  vendor: (p) => p.vendor,
  product_type: (p) => p.productType,
  status: (p) => p.status.toLowerCase(),
  gift_card: (p) => String(p.giftCard),
  tag: (p) => p.tags,
  sku: (p) => p.variants.map((v) => v.sku).filter((s): s is string => !!s),
  barcode: (p) => p.variants.map((v) => v.barcode).filter((b): b is string => !!b),
  variant_id: (p) => p.variants.map((v) => v.id),
  variant_title: (p) => p.variants.map((v) => v.title),
  price: (p) => p.variants.map((v) => Number(v.price)),
  has_only_default_variant: (p) => String(p.variants.length === 1 && p.variants[0]?.title === DEFAULT_OPTION_VALUE),
  tracks_inventory: (p) => String(p.variants.some((v) => v.inventoryItem.tracked)),
  created_at: (p) => p.createdAt,
  updated_at: (p) => p.updatedAt,
};

type VariantRow = EmulatedVariant & { product: EmulatedProduct };

const VARIANT_FIELDS: Record<string, FieldReader<VariantRow>> = {
  default: (v) => [...words(v.title), ...words(v.product.title), v.sku ?? '', v.barcode ?? ''].filter(Boolean),
  id: (v) => v.id,
  sku: (v) => v.sku,
  barcode: (v) => v.barcode,
  title: (v) => [v.title, ...words(v.title)],
  product_id: (v) => v.productId,
  product_ids: (v) => String(v.productId),
  product_status: (v) => v.product.status.toLowerCase(),
  product_type: (v) => v.product.productType,
  vendor: (v) => v.product.vendor,
  gift_card: (v) => String(v.product.giftCard),
  taxable: (v) => String(v.taxable),
  tag: (v) => v.product.tags,
  updated_at: (v) => v.updatedAt,
};

/** productSet's records: creates or updates the product the plan describes, its options and variants replaced as listed. */
export function applyProductSet(shop: EmulatedShop, state: EmulatorState, plan: ProductSetPlan): EmulatedProduct {
  const now = state.now();
  let product = plan.existing;
  if (!product) {
    product = { id: state.nextId(shop), title: '', descriptionHtml: '', vendor: shop.name, productType: '', status: 'ACTIVE', handle: plan.handle, tags: [], giftCard: plan.giftCard, options: [], createdAt: now, updatedAt: now, variants: [] };
    shop.products.push(product);
  }
  Object.assign(product, plan.fields, { handle: plan.handle });
  const target = product;
  if (plan.options && plan.variants) {
    target.options = materializeOptions(shop, state, plan.options);
    const current = new Map(target.variants.map((v) => [v.id, v]));
    target.variants = plan.variants.map((planned) => {
      const kept = planned.existingId === undefined ? undefined : current.get(planned.existingId);
      if (!kept) return newVariant(shop, state, target, planned.selected, planned.fields, now);
      applyVariantFields(kept, planned.fields);
      setSelection(kept, planned.selected);
      return kept;
    });
  } else if (target.variants.length === 0) {
    target.options = buildOptions(shop, state, []);
    target.variants = [newVariant(shop, state, target, [{ name: DEFAULT_OPTION_NAME, value: DEFAULT_OPTION_VALUE }], {}, now)];
  }
  renumber(target);
  if (plan.files) applyProductFiles(shop, state, target, plan.files);
  touch(target, now, plan.variants ? target.variants : []);
  return target;
}

/** Asynchronous productSet runs, by shop: the emulator applies them at once and answers `productOperation` with the outcome. */
const operations = new WeakMap<EmulatedShop, Map<number, { productId: number | null; userErrors: UserError[] }>>();

function operationObject(shop: EmulatedShop, id: number, status: 'CREATED' | 'COMPLETE') {
  const operation = operations.get(shop)?.get(id);
  const product = status === 'COMPLETE' && operation?.productId ? shop.products.find((p) => p.id === operation.productId) : undefined;
  return {
    __typename: 'ProductSetOperation',
    id: gid('ProductSetOperation', id),
    status,
    product: product ? productObject(shop, product) : null,
    userErrors: status === 'COMPLETE' ? (operation?.userErrors ?? []) : [],
  };
}

function productByIdentifier(shop: EmulatedShop, identifier: { id?: string | null; handle?: string | null; customId?: unknown } | null | undefined): EmulatedProduct | undefined {
  if (identifier?.customId) throw new ShopifyGraphQLError('The emulator does not implement product identifiers by customId', 'NOT_IMPLEMENTED');
  if (identifier?.id) return findProduct(shop, identifier.id);
  return identifier?.handle ? handleOwner(shop, identifier.handle) : undefined;
}

interface OptionCreateInput {
  name?: string | null;
  values?: Array<{ name?: string | null }> | null;
}

function validateOptionCreate(options: OptionCreateInput[]): UserError[] {
  const errors: UserError[] = [];
  if (options.length > MAX_OPTIONS) errors.push(userError(['productOptions'], `Can only specify a maximum of ${MAX_OPTIONS} options`));
  const names = new Set<string>();
  options.forEach((option, index) => {
    const name = option.name?.trim().toLowerCase() ?? '';
    if (!name) errors.push(userError(['productOptions', index, 'name'], "Option name can't be blank"));
    else if (names.has(name)) errors.push(userError(['productOptions', index, 'name'], `Duplicated option name '${option.name}'`));
    names.add(name);
    const values = (option.values ?? []).map((v) => v.name?.trim() ?? '');
    if (values.length === 0 || values.some((v) => !v)) errors.push(userError(['productOptions', index, 'values'], 'Option values cannot be blank'));
    if (new Set(values.map((v) => v.toLowerCase())).size !== values.length) errors.push(userError(['productOptions', index, 'values'], 'Duplicated option value'));
  });
  return errors;
}

export const productResolvers: ResolverModule = {
  query: {
    product: (args, { shop }) => {
      const product = findProduct(shop, args.id);
      return product ? productObject(shop, product) : null;
    },
    productByIdentifier: (args, { shop }) => {
      const product = productByIdentifier(shop, args.identifier as { id?: string; handle?: string });
      return product ? productObject(shop, product) : null;
    },
    productVariant: (args, { shop }) => {
      const found = findVariant(shop, args.id);
      return found ? variantObject(shop, found.variant) : null;
    },
    products: (args, { shop }) => {
      if (args.savedSearchId) throw new ShopifyGraphQLError('The emulator does not implement products(savedSearchId:)', 'NOT_IMPLEMENTED');
      const matches = expressionMatcher(rewriteTagNot(parseSearchExpression(args.query as string | null)), PRODUCT_FIELDS, DATE_AND_ID);
      return sortedPage(shop.products.filter(matches), args as ConnectionArgs, sortKeyOf(PRODUCT_SORTS, args.sortKey), (p) => productObject(shop, p));
    },
    productVariants: (args, { shop }) => {
      if (args.savedSearchId) throw new ShopifyGraphQLError('The emulator does not implement productVariants(savedSearchId:)', 'NOT_IMPLEMENTED');
      const matches = expressionMatcher(rewriteTagNot(parseSearchExpression(args.query as string | null)), VARIANT_FIELDS, DATE_AND_ID);
      const rows: VariantRow[] = shop.products.flatMap((product) => product.variants.map((variant) => ({ ...variant, product })));
      return sortedPage(rows.filter(matches), args as ConnectionArgs, sortKeyOf(VARIANT_SORTS, args.sortKey), (row) => variantObject(shop, row));
    },
    productOperation: (args, { shop }) => {
      const id = parseGid(args.id, 'ProductSetOperation');
      return id !== undefined && operations.get(shop)?.has(id) ? operationObject(shop, id, 'COMPLETE') : null;
    },
  },
  mutation: {
    productCreate: (args, { shop, state }) => {
      const input = (args.product ?? args.input ?? {}) as ProductFieldsInput & { productOptions?: OptionCreateInput[] | null };
      const fields = productFieldsOf(input);
      const errors: UserError[] = [];
      if (!fields.title) errors.push(userError(['title'], "Title can't be blank"));
      const handle = resolveHandle(shop, input.handle, fields.title ?? '');
      if ('taken' in handle) errors.push(userError(['handle'], `Handle '${handle.taken}' already in use. Please provide a new handle.`));
      errors.push(...validateOptionCreate(input.productOptions ?? []));
      errors.push(...checkCreateMedia(shop, undefined, (args.media ?? []) as CreateMediaInput[], 'media'));
      if (errors.length || !('handle' in handle)) return { product: null, userErrors: errors };
      const now = state.now();
      const product: EmulatedProduct = {
        id: state.nextId(shop), title: '', descriptionHtml: '', vendor: shop.name, productType: '', status: 'ACTIVE', handle: handle.handle, tags: [],
        giftCard: input.giftCard ?? false, options: [], createdAt: now, updatedAt: now, variants: [],
      };
      Object.assign(product, fields);
      product.options = buildOptions(shop, state, (input.productOptions ?? []).map((o) => ({ name: (o.name ?? '').trim(), values: (o.values ?? []).map((v) => (v.name ?? '').trim()) })));
      // Shopify creates the product with one variant: the first value of each option ("Default Title" without options).
      product.variants = [newVariant(shop, state, product, product.options.map((o) => ({ name: o.name, value: o.values[0]?.name ?? DEFAULT_OPTION_VALUE })), {}, now)];
      shop.products.push(product);
      addProductMedia(shop, state, product, (args.media ?? []) as CreateMediaInput[]);
      return { product: productObject(shop, product), userErrors: [] };
    },
    productUpdate: (args, { shop, state }) => {
      const input = (args.product ?? args.input ?? {}) as ProductFieldsInput & { id?: string | null };
      const product = args.identifier ? productByIdentifier(shop, args.identifier as { id?: string; handle?: string }) : findProduct(shop, input.id);
      if (!product) return { product: null, userErrors: [userError(['id'], 'Product does not exist')] };
      const fields = productFieldsOf(input);
      const errors: UserError[] = [];
      if (fields.title === '') errors.push(userError(['title'], "Title can't be blank"));
      const handle = resolveHandle(shop, input.handle, product.title, product);
      if ('taken' in handle) errors.push(userError(['handle'], `Handle '${handle.taken}' already in use. Please provide a new handle.`));
      errors.push(...checkCreateMedia(shop, product, (args.media ?? []) as CreateMediaInput[], 'media'));
      if (errors.length || !('handle' in handle)) return { product: null, userErrors: errors };
      Object.assign(product, fields, { handle: handle.handle });
      addProductMedia(shop, state, product, (args.media ?? []) as CreateMediaInput[]);
      touch(product, state.now());
      return { product: productObject(shop, product), userErrors: [] };
    },
    productSet: (args, { shop, state }) => {
      const planned = planProductSet(shop, args.input as ProductSetInput, (args.identifier ?? null) as { id?: string; handle?: string } | null);
      const product = 'plan' in planned ? applyProductSet(shop, state, planned.plan) : undefined;
      const userErrors = 'errors' in planned ? planned.errors : [];
      if (args.synchronous === false) {
        // Shopify answers an asynchronous run with the operation just CREATED; `productOperation` shows it COMPLETE.
        const id = state.nextId(shop);
        if (!operations.has(shop)) operations.set(shop, new Map());
        operations.get(shop)?.set(id, { productId: product?.id ?? null, userErrors });
        return { product: null, productSetOperation: operationObject(shop, id, 'CREATED'), userErrors: [] };
      }
      return { product: product ? productObject(shop, product) : null, productSetOperation: null, userErrors };
    },
    // Orders keep their lines: a line of a deleted product keeps its title and SKU, its variant and product answer null.
    productDelete: (args, { shop }) => {
      const product = findProduct(shop, (args.input as { id?: string }).id);
      if (!product) return { deletedProductId: null, productDeleteOperation: null, userErrors: [userError(['id'], 'Product does not exist')] };
      shop.products.splice(shop.products.indexOf(product), 1);
      return { deletedProductId: gid('Product', product.id), productDeleteOperation: null, userErrors: [] };
    },
    ...variantMutations,
  },
};
