import type { EmulatedProduct, EmulatedProductOption, WeightUnit } from '../commerce';
import {
  combinationKey,
  decimal,
  findProduct,
  handleFrom,
  handleOwner,
  MAX_OPTIONS,
  MAX_VARIANTS,
  resolveSelection,
  uniqueHandle,
  type OptionValueRef,
  type SelectedOption,
  type SelectionProblem,
  type VariantFields,
} from '../products-store';
import { parseGid } from '../gid';
import type { EmulatedShop } from '../state';
import { ShopifyGraphQLError } from './context';
import { planProductFiles, type FileSetInput, type PlannedFiles } from './media-inputs';
import { userError, type UserError } from './user-errors';

/** The product mutations' input types as the schema defines them, read into what the records take. */

export interface InventoryItemInput {
  sku?: string | null;
  cost?: unknown;
  tracked?: boolean | null;
  requiresShipping?: boolean | null;
  measurement?: { weight?: { unit: WeightUnit; value: number } | null } | null;
}

/** ProductVariantsBulkInput and ProductVariantSetInput (the latter also has `sku`). */
export interface VariantInput {
  id?: string | null;
  sku?: string | null;
  barcode?: string | null;
  price?: unknown;
  compareAtPrice?: unknown;
  taxable?: boolean | null;
  inventoryPolicy?: 'DENY' | 'CONTINUE' | null;
  inventoryItem?: InventoryItemInput | null;
  optionValues?: OptionValueRef[] | null;
  inventoryQuantities?: unknown[] | null;
  metafields?: unknown[] | null;
  file?: unknown;
  mediaSrc?: string[] | null;
  mediaId?: string | null;
}

export interface ProductFieldsInput {
  title?: string | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: EmulatedProduct['status'] | null;
  handle?: string | null;
  tags?: string[] | null;
  giftCard?: boolean | null;
}

export interface ProductSetInput extends ProductFieldsInput {
  id?: string | null;
  productOptions?: Array<{ id?: string | null; name?: string | null; values?: Array<{ id?: string | null; name?: string | null }> | null }> | null;
  variants?: VariantInput[] | null;
  files?: FileSetInput[] | null;
  metafields?: unknown[] | null;
}

export type VariantProblem = 'PRICE' | 'COMPARE_AT_PRICE' | 'COST';

/** The variant fields an input sets, and the ones it sets to something Shopify refuses (a negative amount). */
export function readVariant(input: VariantInput): { fields: VariantFields; problems: Array<{ field: string; problem: VariantProblem; message: string }> } {
  const fields: VariantFields = {};
  const problems: Array<{ field: string; problem: VariantProblem; message: string }> = [];
  const amount = (value: unknown, field: string, problem: VariantProblem, label: string): string | null | undefined => {
    if (value === undefined) return undefined;
    if (value === null) return null;
    const parsed = decimal(value);
    if (parsed === null || Number(parsed) < 0) {
      problems.push({ field, problem, message: `${label} must be greater than or equal to 0` });
      return undefined;
    }
    return parsed;
  };
  const price = amount(input.price, 'price', 'PRICE', 'Price');
  if (price !== undefined && price !== null) fields.price = price;
  const compareAtPrice = amount(input.compareAtPrice, 'compareAtPrice', 'COMPARE_AT_PRICE', 'Compare at price');
  if (compareAtPrice !== undefined) fields.compareAtPrice = compareAtPrice;
  const item = input.inventoryItem ?? undefined;
  const cost = amount(item?.cost, 'inventoryItem.cost', 'COST', 'Cost');
  if (cost !== undefined) fields.cost = cost;
  const sku = input.sku !== undefined ? input.sku : item?.sku;
  if (sku !== undefined) fields.sku = sku === '' ? null : sku;
  if (input.barcode !== undefined) fields.barcode = input.barcode === '' ? null : input.barcode;
  if (input.taxable !== undefined && input.taxable !== null) fields.taxable = input.taxable;
  if (input.inventoryPolicy) fields.inventoryPolicy = input.inventoryPolicy;
  if (item?.tracked !== undefined && item.tracked !== null) fields.tracked = item.tracked;
  if (item?.requiresShipping !== undefined && item.requiresShipping !== null) fields.requiresShipping = item.requiresShipping;
  if (item?.measurement?.weight) fields.weight = { unit: item.measurement.weight.unit, value: item.measurement.weight.value };
  return { fields, problems };
}

/** Product-level fields, trimmed of what the input leaves out (productSet, productUpdate and productCreate update only what is given). */
export function productFieldsOf(input: ProductFieldsInput): Partial<Pick<EmulatedProduct, 'title' | 'descriptionHtml' | 'vendor' | 'productType' | 'status' | 'tags'>> {
  const fields: Partial<Pick<EmulatedProduct, 'title' | 'descriptionHtml' | 'vendor' | 'productType' | 'status' | 'tags'>> = {};
  if (typeof input.title === 'string') fields.title = input.title.trim();
  if (typeof input.descriptionHtml === 'string') fields.descriptionHtml = input.descriptionHtml;
  if (typeof input.vendor === 'string') fields.vendor = input.vendor;
  if (typeof input.productType === 'string') fields.productType = input.productType;
  if (input.status) fields.status = input.status;
  if (input.tags) fields.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  return fields;
}

/**
 * The handle a create or an update ends with, or the error: a handle asked for must be free (another
 * product's handle is refused), a derived one gets a numeric suffix. Handles are normalized as Shopify does.
 */
export function resolveHandle(shop: EmulatedShop, wanted: string | null | undefined, title: string, existing?: EmulatedProduct): { handle: string } | { taken: string } {
  if (wanted) {
    const handle = handleFrom(wanted);
    const owner = handleOwner(shop, handle);
    return owner && owner !== existing ? { taken: handle } : { handle };
  }
  if (existing) return { handle: existing.handle };
  return { handle: uniqueHandle(handleFrom(title), (h) => !!handleOwner(shop, h)) };
}

export interface PlannedOption {
  id: number;
  name: string;
  values: Array<{ id: number; name: string }>;
}

export interface ProductSetPlan {
  existing?: EmulatedProduct;
  fields: ReturnType<typeof productFieldsOf>;
  handle: string;
  giftCard: boolean;
  /** Ids below 0 are options and values to create. */
  options?: PlannedOption[];
  variants?: Array<{ existingId?: number; selected: SelectedOption[]; fields: VariantFields }>;
  /** The product's media as `files` lists them; undefined leaves them as they are. */
  files?: PlannedFiles;
}

const SET_SELECTION_CODES: Record<SelectionProblem, string> = {
  UNKNOWN_OPTION: 'OPTION_DOES_NOT_EXIST',
  UNKNOWN_VALUE: 'OPTION_VALUE_DOES_NOT_EXIST',
  MISSING_OPTION: 'INVALID_VARIANT',
  TOO_MANY_OPTIONS: 'INVALID_VARIANT',
  REPEATED_OPTION: 'INVALID_VARIANT',
};

/** productSet's product: the one the identifier (or the deprecated `input.id`) names, none to create, or the error. */
function locate(shop: EmulatedShop, input: ProductSetInput, identifier: { id?: string | null; handle?: string | null; customId?: unknown } | null): { existing?: EmulatedProduct; handle?: string } | { error: UserError } {
  if (identifier?.customId) throw new ShopifyGraphQLError('The emulator does not implement productSet identifier.customId', 'NOT_IMPLEMENTED');
  if (identifier && (identifier.id || identifier.handle) && input.id) return { error: userError(['input', 'id'], 'The id field is not allowed if identifier is provided.', 'ID_NOT_ALLOWED') };
  if (identifier?.id) {
    const existing = findProduct(shop, identifier.id);
    return existing ? { existing } : { error: userError(['identifier', 'id'], 'Resource matching the identifier was not found.', 'NOT_FOUND') };
  }
  if (identifier?.handle) {
    if (input.handle && handleFrom(input.handle) !== handleFrom(identifier.handle)) {
      return { error: userError(['input', 'handle'], 'The identifier value does not match the value of the corresponding field in the input.', 'INPUT_MISMATCH') };
    }
    return { existing: handleOwner(shop, handleFrom(identifier.handle)), handle: identifier.handle };
  }
  if (input.id) {
    const existing = findProduct(shop, input.id);
    return existing ? { existing } : { error: userError(['input', 'id'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST') };
  }
  return {};
}

/** Plans the options productSet's input leaves the product with, keeping the ids of options and values it names again. */
function planOptions(input: NonNullable<ProductSetInput['productOptions']>, existing: EmulatedProductOption[], errors: UserError[]): PlannedOption[] {
  let temporary = 0;
  const path = ['input', 'productOptions'];
  if (input.length > MAX_OPTIONS) errors.push(userError(path, `Product can have at most ${MAX_OPTIONS} options.`, 'OPTIONS_OVER_LIMIT'));
  const seen = new Set<string>();
  return input.map((option, index) => {
    const known = option.id ? existing.find((o) => o.id === parseGid(option.id, 'ProductOption')) : existing.find((o) => o.name.toLowerCase() === (option.name ?? '').toLowerCase());
    if (option.id && !known) errors.push(userError([...path, index, 'id'], 'Option does not exist.', 'OPTION_DOES_NOT_EXIST'));
    const name = option.name?.trim() || known?.name || '';
    if (!name) errors.push(userError([...path, index, 'name'], "Option name can't be blank.", 'INVALID_INPUT'));
    else if (seen.has(name.toLowerCase())) errors.push(userError([...path, index, 'name'], `Duplicated option name '${name}'.`, 'DUPLICATED_OPTION_NAME'));
    seen.add(name.toLowerCase());
    const values = option.values ?? [];
    if (values.length === 0) errors.push(userError([...path, index, 'values'], 'Each option must have at least one option value specified.', 'OPTION_VALUES_MISSING'));
    const seenValues = new Set<string>();
    return {
      id: known?.id ?? (temporary -= 1),
      name,
      values: values.map((value, valueIndex) => {
        const knownValue = known?.values.find((v) => (value.id ? v.id === parseGid(value.id, 'ProductOptionValue') : v.name.toLowerCase() === (value.name ?? '').toLowerCase()));
        const valueName = value.name?.trim() || knownValue?.name || '';
        if (!valueName || seenValues.has(valueName.toLowerCase())) {
          errors.push(userError([...path, index, 'values', valueIndex, 'name'], valueName ? `Duplicated option value '${valueName}'.` : "Option value can't be blank.", valueName ? 'DUPLICATED_OPTION_VALUE' : 'INVALID_INPUT'));
        }
        seenValues.add(valueName.toLowerCase());
        return { id: knownValue?.id ?? (temporary -= 1), name: valueName };
      }),
    };
  });
}

/** Validates a productSet input against the shop as Shopify does, all errors at once; the plan when there are none. */
export function planProductSet(shop: EmulatedShop, input: ProductSetInput, identifier: { id?: string | null; handle?: string | null; customId?: unknown } | null): { plan: ProductSetPlan } | { errors: UserError[] } {
  const located = locate(shop, input, identifier);
  if ('error' in located) return { errors: [located.error] };
  const { existing } = located;
  const errors: UserError[] = [];
  const fields = productFieldsOf(input);
  if ((!existing && !fields.title) || fields.title === '') errors.push(userError(['input', 'title'], "Title can't be blank", 'INVALID_PRODUCT'));
  const handle = resolveHandle(shop, input.handle ?? located.handle, fields.title ?? existing?.title ?? '', existing);
  if ('taken' in handle) errors.push(userError(['input', 'handle'], `Handle '${handle.taken}' already in use. Please provide a new handle.`, 'HANDLE_NOT_UNIQUE'));
  if (existing && typeof input.giftCard === 'boolean' && input.giftCard !== existing.giftCard) {
    errors.push(userError(['input', 'giftCard'], 'The product gift_card attribute cannot be changed after creation.', 'GIFT_CARD_ATTRIBUTE_CANNOT_BE_CHANGED'));
  }
  if (input.productOptions && !input.variants) errors.push(userError(['input', 'variants'], 'Must specify variants when updating options.', 'VARIANTS_INPUT_MISSING'));
  if (input.variants && !input.productOptions) errors.push(userError(['input', 'productOptions'], 'Must specify product options when updating variants.', 'PRODUCT_OPTIONS_INPUT_MISSING'));
  const plan: ProductSetPlan = { existing, fields, handle: 'handle' in handle ? handle.handle : '', giftCard: existing?.giftCard ?? input.giftCard ?? false };
  if (input.productOptions && input.variants) {
    const options = planOptions(input.productOptions, existing?.options ?? [], errors);
    if (input.variants.length > MAX_VARIANTS) errors.push(userError(['input', 'variants'], `Number of product variants exceeds the limit of ${MAX_VARIANTS}.`, 'VARIANTS_OVER_LIMIT'));
    const claimed = new Set<number>();
    const combinations = new Set<string>();
    const asOptions = options.map((o, index) => ({ ...o, position: index + 1 }));
    plan.options = options;
    plan.variants = input.variants.map((variant, index) => {
      const path = ['input', 'variants', index];
      const { fields: variantFields, problems } = readVariant(variant);
      for (const problem of problems) errors.push(userError([...path, ...problem.field.split('.')], problem.message, 'INVALID_VARIANT'));
      let existingId: number | undefined;
      if (variant.id) {
        existingId = existing?.variants.find((v) => v.id === parseGid(variant.id, 'ProductVariant'))?.id;
        if (existingId === undefined) errors.push(userError([...path, 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST'));
        else if (claimed.has(existingId)) errors.push(userError([...path, 'id'], 'Product variant is given more than once', 'INVALID_VARIANT'));
      }
      const resolved = resolveSelection(asOptions, variant.optionValues ?? [], false);
      if ('problem' in resolved) {
        errors.push(userError([...path, 'optionValues'], resolved.message, SET_SELECTION_CODES[resolved.problem]));
        return { existingId, selected: [], fields: variantFields };
      }
      const key = combinationKey(resolved.selected);
      if (combinations.has(key)) errors.push(userError([...path, 'optionValues'], `The variant '${resolved.selected.map((s) => s.value).join(' / ')}' already exists.`, 'INVALID_VARIANT'));
      combinations.add(key);
      if (existingId === undefined && existing) {
        // Without an id, the variant that already has these option values is the one updated (its id is kept).
        existingId = existing.variants.find((v) => !claimed.has(v.id) && combinationKey(v.selectedOptions) === key && !input.variants?.some((other) => parseGid(other.id, 'ProductVariant') === v.id))?.id;
      }
      if (existingId !== undefined) claimed.add(existingId);
      return { existingId, selected: resolved.selected, fields: variantFields };
    });
  }
  plan.files = planProductFiles(shop, input.files, input.variants, errors);
  return errors.length > 0 ? { errors } : { plan };
}
