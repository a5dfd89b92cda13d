import type { EmulatedInventoryItem, EmulatedProduct, EmulatedProductOption, EmulatedVariant, WeightUnit } from './commerce';
import { parseGid } from './gid';
import { initialLevels } from './inventory-store';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * The products area's records and the rules Shopify applies to them: handles unique per shop, variant
 * titles from option values, one variant per combination of option values, every change moving the
 * product's `updatedAt`. The GraphQL resolvers and the emulator's admin API both write through here.
 */

/** shopify.dev: "By default, stores have a limit of 2048 product variants for each product." */
export const MAX_VARIANTS = 2048;
/** ProductCreateInput.productOptions: "Maximum product options: three." */
export const MAX_OPTIONS = 3;
export const DEFAULT_OPTION_NAME = 'Title';
export const DEFAULT_OPTION_VALUE = 'Default Title';

export type SelectedOption = { name: string; value: string };

/** The fields a variant input may set, already read from whichever input type carried them. */
export interface VariantFields {
  sku?: string | null;
  barcode?: string | null;
  price?: string;
  compareAtPrice?: string | null;
  taxable?: boolean;
  inventoryPolicy?: EmulatedVariant['inventoryPolicy'];
  cost?: string | null;
  tracked?: boolean;
  requiresShipping?: boolean;
  weight?: { unit: WeightUnit; value: number };
}

export interface OptionValueRef {
  optionName?: string | null;
  optionId?: string | null;
  name?: string | null;
  id?: string | null;
}

export type SelectionProblem = 'UNKNOWN_OPTION' | 'UNKNOWN_VALUE' | 'MISSING_OPTION' | 'TOO_MANY_OPTIONS' | 'REPEATED_OPTION';

/** A handle from a title, as Shopify derives it: "Black Sunglasses" → "black-sunglasses". */
export function handleFrom(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'product';
}

/** The wanted handle, or the first of `wanted-1`, `wanted-2`, … not taken: Shopify's answer to a derived handle in use. */
export function uniqueHandle(wanted: string, taken: (handle: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 1; ; n += 1) if (!taken(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

export function variantTitle(selected: SelectedOption[]): string {
  return selected.map((s) => s.value).join(' / ') || DEFAULT_OPTION_VALUE;
}

/** Two variants of a product may not share this key: the same value for every option. */
export function combinationKey(selected: SelectedOption[]): string {
  return selected.map((s) => `${s.name.toLowerCase()}=${s.value.toLowerCase()}`).join('\u0000');
}

export function hasOnlyDefaultOption(options: Array<{ name: string; values: Array<{ name: string }> }>): boolean {
  return options.length === 1 && options[0]?.name === DEFAULT_OPTION_NAME && options[0].values.length === 1 && options[0].values[0]?.name === DEFAULT_OPTION_VALUE;
}

/** A Money or Decimal input as the two-decimal string Shopify answers with; null when it is no number. */
export function decimal(value: unknown): string | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number.toFixed(2) : null;
}

/**
 * The option values a variant input names, one per product option and in the options' order.
 * Options are named by `optionName` or `optionId`, values by `name` or `id`; with `allowNewValues`
 * a value name the option lacks is accepted (the bulk variant mutations add it to the option).
 */
export function resolveSelection(
  options: EmulatedProductOption[],
  refs: OptionValueRef[],
  allowNewValues: boolean,
): { selected: SelectedOption[] } | { problem: SelectionProblem; message: string } {
  if (refs.length === 0 && hasOnlyDefaultOption(options)) return { selected: [{ name: DEFAULT_OPTION_NAME, value: DEFAULT_OPTION_VALUE }] };
  if (refs.length > options.length) return { problem: 'TOO_MANY_OPTIONS', message: `Variant has ${refs.length} option values but the product has ${options.length} options` };
  const chosen = new Map<number, string>();
  for (const ref of refs) {
    const optionId = ref.optionId ? parseGid(ref.optionId, 'ProductOption') : undefined;
    const option = options.find((o) => (optionId !== undefined ? o.id === optionId : o.name.toLowerCase() === (ref.optionName ?? '').toLowerCase()));
    if (!option) return { problem: 'UNKNOWN_OPTION', message: `Option '${ref.optionName ?? ref.optionId ?? ''}' does not exist` };
    if (chosen.has(option.id)) return { problem: 'REPEATED_OPTION', message: `Option '${option.name}' is given more than once` };
    const valueId = ref.id ? parseGid(ref.id, 'ProductOptionValue') : undefined;
    const value = option.values.find((v) => (valueId !== undefined ? v.id === valueId : v.name.toLowerCase() === (ref.name ?? '').toLowerCase()));
    if (value) chosen.set(option.id, value.name);
    else if (allowNewValues && valueId === undefined && ref.name) chosen.set(option.id, ref.name);
    else return { problem: 'UNKNOWN_VALUE', message: `Option value '${ref.name ?? ref.id ?? ''}' does not exist for option '${option.name}'` };
  }
  const missing = options.find((o) => !chosen.has(o.id));
  if (missing) return { problem: 'MISSING_OPTION', message: `Variant needs a value for option '${missing.name}'` };
  return { selected: options.map((o) => ({ name: o.name, value: chosen.get(o.id) as string })) };
}

export function findProduct(shop: EmulatedShop, id: unknown): EmulatedProduct | undefined {
  const numeric = parseGid(id, 'Product');
  return numeric === undefined ? undefined : shop.products.find((p) => p.id === numeric);
}

export function findVariant(shop: EmulatedShop, id: unknown): { product: EmulatedProduct; variant: EmulatedVariant } | undefined {
  const numeric = parseGid(id, 'ProductVariant');
  if (numeric === undefined) return undefined;
  for (const product of shop.products) {
    const variant = product.variants.find((v) => v.id === numeric);
    if (variant) return { product, variant };
  }
  return undefined;
}

export function handleOwner(shop: EmulatedShop, handle: string): EmulatedProduct | undefined {
  return shop.products.find((p) => p.handle === handle);
}

/** Options with fresh ids; none given means Shopify's "Title" / "Default Title". */
export function buildOptions(shop: EmulatedShop, state: EmulatorState, options: Array<{ name: string; values: string[] }>): EmulatedProductOption[] {
  const list = options.length > 0 ? options : [{ name: DEFAULT_OPTION_NAME, values: [DEFAULT_OPTION_VALUE] }];
  return list.map((option, index) => ({
    id: state.nextId(shop),
    name: option.name,
    position: index + 1,
    values: option.values.map((name) => ({ id: state.nextId(shop), name })),
  }));
}

/** Adds the selected values an option lacks (the bulk variant mutations create them on the fly). */
export function addMissingValues(shop: EmulatedShop, state: EmulatorState, product: EmulatedProduct, selected: SelectedOption[]): void {
  for (const { name, value } of selected) {
    const option = product.options.find((o) => o.name === name);
    if (option && !option.values.some((v) => v.name.toLowerCase() === value.toLowerCase())) option.values.push({ id: state.nextId(shop), name: value });
  }
}

export function applyVariantFields(variant: EmulatedVariant, fields: VariantFields): void {
  if (fields.sku !== undefined) variant.sku = fields.sku;
  if (fields.barcode !== undefined) variant.barcode = fields.barcode;
  if (fields.price !== undefined) variant.price = fields.price;
  if (fields.compareAtPrice !== undefined) variant.compareAtPrice = fields.compareAtPrice;
  if (fields.taxable !== undefined) variant.taxable = fields.taxable;
  if (fields.inventoryPolicy !== undefined) variant.inventoryPolicy = fields.inventoryPolicy;
  const item: EmulatedInventoryItem = variant.inventoryItem;
  if (fields.cost !== undefined) item.unitCost = fields.cost;
  if (fields.tracked !== undefined) item.tracked = fields.tracked;
  if (fields.requiresShipping !== undefined) item.requiresShipping = fields.requiresShipping;
  if (fields.weight !== undefined) item.weight = fields.weight;
}

/** A new variant with Shopify's defaults (price 0, taxable, DENY, untracked, shipped, weighing 0 kg) and the given fields. */
export function newVariant(shop: EmulatedShop, state: EmulatorState, product: EmulatedProduct, selected: SelectedOption[], fields: VariantFields, now: string): EmulatedVariant {
  const variant: EmulatedVariant = {
    id: state.nextId(shop),
    productId: product.id,
    title: variantTitle(selected),
    sku: null,
    barcode: null,
    price: '0.00',
    compareAtPrice: null,
    taxable: true,
    inventoryPolicy: 'DENY',
    position: product.variants.length + 1,
    selectedOptions: selected,
    inventoryItemId: state.nextId(shop),
    inventoryItem: { tracked: false, requiresShipping: !product.giftCard, unitCost: null, weight: { unit: 'KILOGRAMS', value: 0 }, levels: initialLevels(shop, state, now) },
    createdAt: now,
    updatedAt: now,
  };
  applyVariantFields(variant, fields);
  return variant;
}

export function setSelection(variant: EmulatedVariant, selected: SelectedOption[]): void {
  variant.selectedOptions = selected;
  variant.title = variantTitle(selected);
}

/** Positions follow the list, 1-based, after variants were added, removed or reordered. */
export function renumber(product: EmulatedProduct): void {
  product.variants.forEach((variant, index) => (variant.position = index + 1));
  product.options.forEach((option, index) => (option.position = index + 1));
}

export function touch(product: EmulatedProduct, now: string, variants: EmulatedVariant[] = []): void {
  product.updatedAt = now;
  for (const variant of variants) variant.updatedAt = now;
}

/** Options planned with ids below 0 for those to create, given real ids. */
export function materializeOptions(shop: EmulatedShop, state: EmulatorState, planned: Array<{ id: number; name: string; values: Array<{ id: number; name: string }> }>): EmulatedProductOption[] {
  return planned.map((option, index) => ({
    id: option.id < 0 ? state.nextId(shop) : option.id,
    name: option.name,
    position: index + 1,
    values: option.values.map((value) => ({ id: value.id < 0 ? state.nextId(shop) : value.id, name: value.name })),
  }));
}
