import assert from 'node:assert/strict';
import type { EmulatorAdmin, SeededProduct } from '../../emulator/admin-client';
import type { ProductSeed } from '../../emulator/admin-api';
import type { Merchant } from '../../emulator/merchant-client';
import type { Erp } from '../../src/erp/db';

/**
 * The shops, ERP data and merchant actions the bad-input corpus (bad-input-corpus.ts) is made with:
 * what a merchant, an app or a checkout does to a store through the Admin API.
 */

/**
 * `main` has every account documents need and creates unknown customers; `bare` has no account and maps
 * only known buyers; `named` numbers documents with the Shopify order name (useShopifyOrderNo).
 */
export type CorpusShop = 'main' | 'bare' | 'named';

/** The tasks each corpus shop runs (its records are orders only, or orders, customers and products). */
export const CORPUS_TASKS: Record<CorpusShop, Array<'orders' | 'salesDocuments' | 'customers' | 'products'>> = {
  main: ['orders', 'salesDocuments', 'customers', 'products'],
  bare: ['orders', 'salesDocuments', 'customers', 'products'],
  named: ['orders', 'salesDocuments'],
};

/** The ERP numbers and Shopify SKUs of one test run (a suffix keeps them apart from other tests' data). */
export interface CorpusNames {
  suffix: string;
  tee: string;
  mug: string;
  cap: string;
  gone: string;
  knownEmail: string;
  knownCustomerNo: string;
  /** The ERP customer found by phone: national form in the ERP, E.164 in Shopify. */
  phoneCustomerNo: string;
  phoneInShopify: string;
  accounts: { shipping: string; giftCard: string; tip: string };
}

export function corpusNames(suffix: string): CorpusNames {
  const s = suffix.toUpperCase();
  return {
    suffix: s,
    tee: `TEE${s}`,
    mug: `MUG${s}`,
    cap: `CAP${s}`,
    gone: `GONE${s}`,
    knownEmail: `known-${suffix.toLowerCase()}@example.com`,
    knownCustomerNo: `CK${s}`,
    phoneCustomerNo: `CP${s}`,
    phoneInShopify: `+3361${String(parseInt(suffix, 36) % 10_000_000).padStart(7, '0')}`,
    accounts: { shipping: '7190', giftCard: '7800', tip: '7900' },
  };
}

/** The shop settings of each corpus shop (besides domain and allowBackgroundSyncs). */
export function corpusShopSettings(names: CorpusNames): Record<CorpusShop, Record<string, unknown>> {
  const common = { skuMapping: 'itemNoAndVariantCode', skuFieldSeparator: '-', customerImportFromShopify: 'allCustomers', syncItem: 'fromShopify' };
  const main = { ...common, autoCreateUnknownCustomers: true, shippingChargesAccount: names.accounts.shipping, soldGiftCardAccount: names.accounts.giftCard, tipAccount: names.accounts.tip };
  return { main, bare: { ...common, autoCreateUnknownCustomers: false }, named: { ...main, useShopifyOrderNo: true } };
}

/** The ERP master data the corpus relies on: items with variants, a customer known by e-mail, one by phone. */
export async function seedCorpusErp(erp: Erp, names: CorpusNames): Promise<void> {
  await erp.items.upsert({ no: names.tee, description: 'Tee', unitPrice: '10.00', variants: ['S', 'M', 'L', 'XL'].map((code) => ({ code })) });
  await erp.items.upsert({ no: names.mug, description: 'Mug', unitPrice: '8.00' });
  await erp.items.upsert({ no: names.cap, description: 'Cap', unitPrice: '6.00', variants: [{ code: 'RED' }, { code: 'BLUE' }] });
  await erp.customers.upsert(names.knownCustomerNo, { name: 'Known Buyer', email: names.knownEmail });
  await erp.customers.upsert(names.phoneCustomerNo, { name: 'Phone Buyer', phone: `06 1${names.phoneInShopify.slice(-7)}` });
}

/** One corpus shop as the records see it while they are made. */
export interface CorpusShopHandle {
  name: CorpusShop;
  domain: string;
  merchant: Merchant;
  admin: EmulatorAdmin;
  names: CorpusNames;
  /** The variant id of a SKU of the shop's standard products (the tee sizes and the mug). */
  variant(sku: string): string;
}

/** The standard products every corpus shop has: the tee in S, M and L, and the mug. */
export function standardProducts(names: CorpusNames): ProductSeed[] {
  return [
    { title: 'Tee', options: [{ name: 'Size', values: ['S', 'M', 'L'] }], variants: ['S', 'M', 'L'].map((size, i) => ({ sku: `${names.tee}-${size}`, price: `${10 + 2 * i}.00`, optionValues: [{ optionName: 'Size', name: size }] })) },
    { title: 'Mug', variants: [{ sku: names.mug, price: '8.00' }] },
  ];
}

/** What making a record gave: the Shopify id of what was made, or Shopify's refusal. */
export type Made = { id: string } | { refused: string };

export type OrderInput = Record<string, unknown>;
export const eur = (amount: string) => ({ shopMoney: { amount, currencyCode: 'EUR' } });
const STANDARD_SHIPPING = [{ title: 'Standard', code: 'STD', priceSet: eur('5.00') }];
const ADDRESS = { firstName: 'Ada', lastName: 'Buyer', address1: '1 Main St', city: 'Lyon', zip: '69001', countryCode: 'FR' };

/** A paid web order of the known buyer (a guest checkout with her e-mail), with standard shipping. */
export function webOrder(shop: CorpusShopHandle, lineItems: unknown[], extra: OrderInput = {}): OrderInput {
  return { lineItems, email: shop.names.knownEmail, shippingAddress: ADDRESS, billingAddress: ADDRESS, shippingLines: STANDARD_SHIPPING, financialStatus: 'PAID', ...extra };
}

export const line = (shop: CorpusShopHandle, sku: string, quantity = 1) => ({ variantId: shop.variant(sku), quantity });
export const custom = (title: string, amount: string, extra: Record<string, unknown> = {}) => ({ title, quantity: 1, priceSet: eur(amount), requiresShipping: false, ...extra });

/** A refusal as people read it (the merchant client reports it as JSON). */
const refusal = (error: unknown): { refused: string } => ({ refused: (error as Error).message.replaceAll('\\"', '"') });

/** orderCreate; Shopify's refusal (userErrors or GraphQL errors) is the outcome, not a failure. */
export async function createOrder(shop: CorpusShopHandle, input: OrderInput): Promise<Made & { lineIds?: string[] }> {
  try {
    const order = await shop.merchant.order(input);
    return { id: order.id, lineIds: order.lineItems.map((l) => l.id) };
  } catch (error) {
    return refusal(error);
  }
}

export async function mutate<T>(shop: CorpusShopHandle, query: string, variables: Record<string, unknown>): Promise<T> {
  return shop.merchant.graphql<T>(query, variables);
}

export async function createCustomer(shop: CorpusShopHandle, input: Record<string, unknown>): Promise<Made> {
  try {
    const result = await mutate<{ customerCreate: { customer: { id: string } | null; userErrors: unknown[] } }>(
      shop,
      'mutation($i: CustomerInput!) { customerCreate(input: $i) { customer { id } userErrors { field message } } }',
      { i: input },
    );
    return result.customerCreate.customer ? { id: result.customerCreate.customer.id } : { refused: JSON.stringify(result.customerCreate.userErrors) };
  } catch (error) {
    return refusal(error);
  }
}

export async function seedProduct(shop: CorpusShopHandle, product: ProductSeed): Promise<SeededProduct> {
  const [seeded] = await shop.admin.seedProducts(shop.domain, [product]);
  assert.ok(seeded, `product ${product.title} seeded`);
  return seeded;
}

export async function deleteProduct(shop: CorpusShopHandle, id: string): Promise<void> {
  const result = await mutate<{ productDelete: { deletedProductId: string | null; userErrors: unknown[] } }>(
    shop,
    'mutation($i: ProductDeleteInput!) { productDelete(input: $i) { deletedProductId userErrors { field message } } }',
    { i: { id } },
  );
  assert.equal(result.productDelete.deletedProductId, id, JSON.stringify(result.productDelete.userErrors));
}

/** An order, then something done to it in Shopify's admin before the ERP sees it. */
export async function orderThen(shop: CorpusShopHandle, input: OrderInput, then: (made: { id: string; lineIds: string[] }) => Promise<void>): Promise<Made> {
  const made = await createOrder(shop, input);
  if ('refused' in made) return made;
  await then({ id: made.id, lineIds: made.lineIds ?? [] });
  return { id: made.id };
}
