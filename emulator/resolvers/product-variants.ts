import type { EmulatedProduct, EmulatedProductOption, EmulatedVariant } from '../commerce';
import { parseGid } from '../gid';
import {
  addMissingValues,
  applyVariantFields,
  combinationKey,
  findProduct,
  findVariant,
  hasOnlyDefaultOption,
  materializeOptions,
  MAX_VARIANTS,
  newVariant,
  renumber,
  resolveSelection,
  setSelection,
  touch,
  type OptionValueRef,
  type SelectedOption,
  type SelectionProblem,
  type VariantFields,
} from '../products-store';
import type { EmulatedShop } from '../state';
import type { RootResolver } from './context';
import { productObject, variantObject } from './objects';
import { planVariantMedia, type CreateMediaInput } from './media-inputs';
import { readVariant, type VariantInput, type VariantProblem } from './product-inputs';
import { userError, type UserError } from './user-errors';

/** productVariantsBulkCreate, productVariantsBulkUpdate and productVariantsBulkDelete, with their error codes. */

const PRICE_CODES: Record<VariantProblem, string> = { PRICE: 'GREATER_THAN_OR_EQUAL_TO', COMPARE_AT_PRICE: 'GREATER_THAN_OR_EQUAL_TO', COST: 'INVALID_INPUT' };

const CREATE_SELECTION_CODES: Record<SelectionProblem, string> = {
  UNKNOWN_OPTION: 'OPTION_VALUES_FOR_NUMBER_OF_UNKNOWN_OPTIONS',
  TOO_MANY_OPTIONS: 'OPTION_VALUES_FOR_NUMBER_OF_UNKNOWN_OPTIONS',
  MISSING_OPTION: 'NEED_TO_ADD_OPTION_VALUES',
  UNKNOWN_VALUE: 'INVALID_INPUT',
  REPEATED_OPTION: 'INVALID_INPUT',
};

const UPDATE_SELECTION_CODES: Record<SelectionProblem, string> = {
  UNKNOWN_OPTION: 'OPTION_DOES_NOT_EXIST',
  TOO_MANY_OPTIONS: 'OPTION_VALUES_FOR_NUMBER_OF_UNKNOWN_OPTIONS',
  MISSING_OPTION: 'NEED_TO_ADD_OPTION_VALUES',
  UNKNOWN_VALUE: 'OPTION_VALUE_DOES_NOT_EXIST',
  REPEATED_OPTION: 'INVALID_INPUT',
};

function fieldErrors(problems: ReturnType<typeof readVariant>['problems'], path: Array<string | number>): UserError[] {
  return problems.map((p) => userError([...path, ...p.field.split('.')], p.message, PRICE_CODES[p.problem]));
}

const describe = (selected: SelectedOption[]) => selected.map((s) => s.value).join(' / ');

/**
 * The options of a product with only "Title" / "Default Title" once its standalone variant is removed:
 * the option names the new variants give, in order of first use (ids below 0 are to create).
 */
function optionsFromInputs(inputs: VariantInput[]): Array<{ id: number; name: string; values: Array<{ id: number; name: string }> }> {
  let temporary = 0;
  const options: Array<{ id: number; name: string; values: Array<{ id: number; name: string }> }> = [];
  for (const ref of inputs.flatMap((input) => input.optionValues ?? [])) {
    if (!ref.optionName || !ref.name) continue;
    let option = options.find((o) => o.name.toLowerCase() === ref.optionName?.toLowerCase());
    if (!option) options.push((option = { id: (temporary -= 1), name: ref.optionName, values: [] }));
    if (!option.values.some((v) => v.name.toLowerCase() === ref.name?.toLowerCase())) option.values.push({ id: (temporary -= 1), name: ref.name });
  }
  return options;
}

/** The refs of an update, completed with the variant's current values for the options it leaves out. */
function completeRefs(options: EmulatedProductOption[], variant: EmulatedVariant, refs: OptionValueRef[]): OptionValueRef[] {
  const named = (option: EmulatedProductOption) => refs.some((r) => (r.optionId ? parseGid(r.optionId, 'ProductOption') === option.id : r.optionName?.toLowerCase() === option.name.toLowerCase()));
  const current = options.filter((o) => !named(o)).map((o) => ({ optionName: o.name, name: variant.selectedOptions.find((s) => s.name === o.name)?.value ?? null }));
  return [...refs, ...current];
}

const bulkCreate: RootResolver = (args, { shop, state }) => {
  const product = findProduct(shop, args.productId);
  if (!product) return { product: null, productVariants: null, userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
  const inputs = args.variants as VariantInput[];
  const strategy = (args.strategy as string | undefined) ?? 'DEFAULT';
  const onlyDefault = hasOnlyDefaultOption(product.options);
  // DEFAULT removes a lone "Default Title" variant, REMOVE_STANDALONE_VARIANT any lone variant, PRESERVE_STANDALONE_VARIANT none.
  const removeStandalone = product.variants.length === 1 && (strategy === 'REMOVE_STANDALONE_VARIANT' || (strategy === 'DEFAULT' && onlyDefault));
  const newOptions = removeStandalone && onlyDefault && inputs.some((i) => (i.optionValues ?? []).length > 0) ? optionsFromInputs(inputs) : undefined;
  const options: EmulatedProductOption[] = newOptions ? newOptions.map((o, index) => ({ ...o, position: index + 1 })) : product.options;
  const remaining = removeStandalone ? [] : product.variants;
  const errors: UserError[] = [];
  if (remaining.length + inputs.length > MAX_VARIANTS) errors.push(userError(['variants'], `A product can have at most ${MAX_VARIANTS} variants`, 'INVALID_INPUT'));
  const combinations = new Set(remaining.map((v) => combinationKey(v.selectedOptions)));
  const planned = inputs.map((input, index) => {
    const path = ['variants', index];
    const { fields, problems } = readVariant(input);
    errors.push(...fieldErrors(problems, path));
    if (input.inventoryQuantities?.length) errors.push(userError([...path, 'inventoryQuantities'], 'The emulator does not model inventory quantities', 'INVALID_INPUT'));
    const resolved = resolveSelection(options, input.optionValues ?? [], true);
    if ('problem' in resolved) {
      errors.push(userError([...path, 'optionValues'], resolved.message, CREATE_SELECTION_CODES[resolved.problem]));
      return { selected: [], fields };
    }
    const key = combinationKey(resolved.selected);
    if (combinations.has(key)) errors.push(userError([...path, 'optionValues'], `The variant '${describe(resolved.selected)}' already exists.`, 'VARIANT_ALREADY_EXISTS'));
    combinations.add(key);
    return { selected: resolved.selected, fields };
  });
  const media = planVariantMedia(shop, product, inputs, args.media as CreateMediaInput[] | null);
  errors.push(...media.errors);
  if (errors.length) return { product: null, productVariants: null, userErrors: errors };
  const now = state.now();
  if (newOptions) product.options = materializeOptions(shop, state, newOptions);
  if (removeStandalone) product.variants = [];
  const created = planned.map(({ selected, fields }) => {
    addMissingValues(shop, state, product, selected);
    const variant = newVariant(shop, state, product, selected, fields, now);
    product.variants.push(variant);
    return variant;
  });
  renumber(product);
  media.apply(state, created);
  touch(product, now, created);
  return { product: productObject(shop, product), productVariants: created.map((v) => variantObject(shop, v)), userErrors: [] };
};

/** Refusals of one bulk-update input; empty when it can be applied. */
function checkUpdate(shop: EmulatedShop, product: EmulatedProduct, input: VariantInput, index: number): { errors: UserError[]; variant?: EmulatedVariant; selected?: SelectedOption[]; fields: VariantFields } {
  const path = ['variants', index];
  const { fields, problems } = readVariant(input);
  const errors = fieldErrors(problems, path);
  if (input.inventoryQuantities?.length) {
    errors.push(userError([...path, 'inventoryQuantities'], 'Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.', 'NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE'));
  }
  if (!input.id) return { errors: [...errors, userError([...path, 'id'], 'Product variant is missing ID attribute', 'PRODUCT_VARIANT_ID_MISSING')], fields };
  const found = findVariant(shop, input.id);
  if (!found) return { errors: [...errors, userError([...path, 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST')], fields };
  if (found.product !== product) return { errors: [...errors, userError([...path, 'id'], 'Product variant does not belong to this product', 'MUST_BE_FOR_THIS_PRODUCT')], fields };
  if (!input.optionValues?.length) return { errors, variant: found.variant, fields };
  const resolved = resolveSelection(product.options, completeRefs(product.options, found.variant, input.optionValues), true);
  if ('problem' in resolved) return { errors: [...errors, userError([...path, 'optionValues'], resolved.message, UPDATE_SELECTION_CODES[resolved.problem])], fields };
  return { errors, variant: found.variant, selected: resolved.selected, fields };
}

const bulkUpdate: RootResolver = (args, { shop, state }) => {
  const product = findProduct(shop, args.productId);
  if (!product) return { product: null, productVariants: null, userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
  const inputs = args.variants as VariantInput[];
  const errors: UserError[] = [];
  const valid: Array<{ variant: EmulatedVariant; selected?: SelectedOption[]; fields: VariantFields }> = [];
  inputs.forEach((input, index) => {
    const checked = checkUpdate(shop, product, input, index);
    if (checked.errors.length || !checked.variant) return void errors.push(...checked.errors);
    valid.push({ variant: checked.variant, selected: checked.selected, fields: checked.fields });
  });
  // Option values must stay unique across the product as it would be after the update.
  const keys = new Map(product.variants.map((v) => [v.id, combinationKey(v.selectedOptions)]));
  const accepted = valid.filter((change) => {
    if (!change.selected) return true;
    const key = combinationKey(change.selected);
    const clash = [...keys].some(([id, other]) => id !== change.variant.id && other === key);
    if (clash) {
      errors.push(userError(['variants', inputs.findIndex((i) => parseGid(i.id, 'ProductVariant') === change.variant.id), 'optionValues'], `The variant '${describe(change.selected)}' already exists.`, 'VARIANT_ALREADY_EXISTS'));
      return false;
    }
    keys.set(change.variant.id, key);
    return true;
  });
  const media = planVariantMedia(shop, product, inputs, args.media as CreateMediaInput[] | null);
  errors.push(...media.errors);
  // Without allowPartialUpdates any error keeps every variant as it was (shopify.dev, productVariantsBulkUpdate).
  if (errors.length && args.allowPartialUpdates !== true) return { product: null, productVariants: null, userErrors: errors };
  if (accepted.length === 0) return { product: productObject(shop, product), productVariants: [], userErrors: errors };
  const now = state.now();
  for (const { variant, selected, fields } of accepted) {
    if (selected) {
      addMissingValues(shop, state, product, selected);
      setSelection(variant, selected);
    }
    applyVariantFields(variant, fields);
  }
  media.apply(state, inputs.map((input) => accepted.find((a) => a.variant.id === parseGid(input.id, 'ProductVariant'))?.variant));
  touch(product, now, accepted.map((a) => a.variant));
  return { product: productObject(shop, product), productVariants: accepted.map((a) => variantObject(shop, a.variant)), userErrors: errors };
};

const bulkDelete: RootResolver = (args, { shop, state }) => {
  const product = findProduct(shop, args.productId);
  if (!product) return { product: null, userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
  const ids = (args.variantsIds as string[]).map((id) => parseGid(id, 'ProductVariant'));
  if (ids.some((id) => !product.variants.some((v) => v.id === id))) {
    return { product: null, userErrors: [userError(['variantsIds'], 'At least one variant does not belong to the product', 'AT_LEAST_ONE_VARIANT_DOES_NOT_BELONG_TO_THE_PRODUCT')] };
  }
  const remaining = product.variants.filter((v) => !ids.includes(v.id));
  if (remaining.length === 0) return { product: null, userErrors: [userError(['variantsIds'], 'Cannot delete the last variant of a product', 'CANNOT_DELETE_LAST_VARIANT')] };
  product.variants = remaining;
  renumber(product);
  touch(product, state.now());
  return { product: productObject(shop, product), userErrors: [] };
};

export const variantMutations: Record<string, RootResolver> = {
  productVariantsBulkCreate: bulkCreate,
  productVariantsBulkUpdate: bulkUpdate,
  productVariantsBulkDelete: bulkDelete,
};
