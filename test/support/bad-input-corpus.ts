import assert from 'node:assert/strict';
import type { CustomerDocument } from '../../src/erp/customers';
import type { Erp } from '../../src/erp/db';
import type { SalesDocument } from '../../src/erp/sales-documents';
import {
  createCustomer,
  createOrder,
  custom,
  deleteProduct,
  eur,
  line,
  mutate,
  orderThen,
  seedProduct,
  webOrder,
  type CorpusNames,
  type CorpusShop,
  type CorpusShopHandle,
  type Made,
} from './bad-input-shops';

/**
 * Malformed and hostile Shopify records (issue 12, "Bad input"), each made in the emulator the way a
 * merchant, an app or a checkout makes it in Shopify, with what must become of it: refused by Shopify
 * itself (the emulator answers as Shopify does), processed (and what must hold of the ERP record), or
 * left with a per-record error that says what is wrong. `class` is the README row ("Bad input") it
 * belongs to; test/integration/bad-input.test.ts drives every record through the real tasks.
 */

export type RecordKind = 'order' | 'customer' | 'product';

export type Expectation =
  /** Shopify itself refuses the record (userErrors or a GraphQL error); the emulator answers the same. */
  | { outcome: 'refused'; message: RegExp }
  /** An order becomes one sales document; a customer gets its ERP customer; a product its item. */
  | { outcome: 'processed'; what: string; check?: (record: ProcessedRecord) => void | Promise<void> }
  /** The record stays unprocessed or unmapped with this message, on its cue, and is retried each run. */
  | { outcome: 'error'; message: RegExp };

/** What a processed record's check is given. */
export interface ProcessedRecord {
  names: CorpusNames;
  erp: Erp;
  /** The order's sales document. */
  document?: SalesDocument;
  /** The customer's ERP customer. */
  customer?: CustomerDocument;
  /** The product's ERP item number. */
  itemNo?: string | null;
}

export interface CorpusRecord {
  name: string;
  class: string;
  kind: RecordKind;
  shop: CorpusShop;
  make(shop: CorpusShopHandle): Promise<Made>;
  expect: Expectation;
}

// ---------------------------------------------------------------------------------------------
// Checks of processed records.

function itemLines(record: ProcessedRecord) {
  return (record.document?.lines ?? []).filter((l) => l.type === 'item');
}

function glLines(record: ProcessedRecord, account: string) {
  return (record.document?.lines ?? []).filter((l) => l.type === 'glAccount' && l.no === account);
}

/** Each text is whole: no half of a surrogate pair, and what the ERP keeps of it starts the original. */
function assertWholeText(kept: string, original: string, max: number): void {
  assert.ok(kept.length <= max, `at most ${max} characters, got ${kept.length}`);
  assert.ok(original.startsWith(kept), 'what is kept begins the original text');
  assert.doesNotMatch(kept, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'no lone surrogate');
}

const LONG_TITLE = 'Très long titre '.repeat(16).slice(0, 255);
const EMOJI_TITLE = `${'x'.repeat(99)}🎉 party`;
const RTL_TITLE = 'קפה ☕ \u200Fمع حليب\u200E (Café)';
const RTL_NOTE = '\u202Eשלום\u202C — لا تتصل قبل الساعة ٩ 👋🏽';
const FAMILY = '👨‍👩‍👧‍👦';

// ---------------------------------------------------------------------------------------------
// The corpus.

export const CLASSES = {
  noLines: 'Order without lines, zero or negative quantity',
  intOverflow: 'Quantity that is no 32-bit integer',
  hugeQuantity: 'Huge quantities and amounts',
  decimals: 'More decimals than the currency has',
  unknownCurrency: 'Unknown currency',
  foreignCurrency: 'Order in a currency the shop does not use',
  customerMissing: 'Missing, unknown or guest customer',
  customerDeleted: 'Deleted customer',
  productDeleted: 'Deleted product or variant on an old order',
  unknownVariant: 'Line of a variant that does not exist',
  noVariant: 'Line without a variant',
  duplicateSku: 'Duplicate SKUs',
  manyLines: '300-line order',
  giftCard: 'Gift-card-only order',
  tip: 'Tips',
  noAccount: 'Shipping without an account',
  longText: 'Very long notes, names and titles',
  unicode: 'Emoji and right-to-left text',
  addresses: 'Null or empty addresses',
  cancelled: 'Cancelled or fully refunded before processing',
  orderNames: 'Order names as document numbers',
  badCustomer: 'Customer Shopify refuses',
  oddCustomer: 'Customer without e-mail or phone, odd names',
  oddProduct: 'Product without SKU, duplicate or unknown SKUs',
} as const;

const refusedLine = /Quantity must be greater than 0/;

export const CORPUS: CorpusRecord[] = [
  // Shopify's own validations (orderCreate userErrors).
  { name: 'order with an empty line list', class: CLASSES.noLines, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [])), expect: { outcome: 'refused', message: /Line items must have at least one line item/ } },
  { name: 'order without a line list', class: CLASSES.noLines, kind: 'order', shop: 'main', make: (s) => createOrder(s, { email: s.names.knownEmail }), expect: { outcome: 'refused', message: /Line items must have at least one line item/ } },
  { name: 'line of quantity 0', class: CLASSES.noLines, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`, 0)])), expect: { outcome: 'refused', message: refusedLine } },
  { name: 'line of quantity -3', class: CLASSES.noLines, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`, 2), line(s, s.names.mug, -3)])), expect: { outcome: 'refused', message: refusedLine } },
  // GraphQL's Int: 32 bits, whole.
  { name: 'quantity 2^31', class: CLASSES.intOverflow, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`, 2 ** 31)])), expect: { outcome: 'refused', message: /Int cannot represent non 32-bit signed integer value/ } },
  { name: 'quantity 1.5', class: CLASSES.intOverflow, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`, 1.5)])), expect: { outcome: 'refused', message: /Int cannot represent non-integer value/ } },
  {
    name: 'a million tees',
    class: CLASSES.hugeQuantity,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`, 1_000_000)])),
    expect: {
      outcome: 'processed',
      what: 'quantity 1,000,000 at 10.00, amount 10,000,005.00',
      check: (r) => {
        assert.deepEqual(itemLines(r).map((l) => [l.quantity, l.unitPrice]), [[1_000_000, '10.00']]);
        assert.equal(r.document?.amount, '10000005.00');
      },
    },
  },
  {
    name: 'quantity 2^31 - 1 at 0.01',
    class: CLASSES.hugeQuantity,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Sticker', '0.01', { sku: s.names.mug, quantity: 2 ** 31 - 1 })], { shippingLines: [] })),
    expect: { outcome: 'processed', what: 'quantity 2,147,483,647, amount 21,474,836.47 to the cent', check: (r) => assert.equal(r.document?.amount, '21474836.47') },
  },
  {
    name: 'amount beyond exact cents (2^31 - 1 × 99,999,999.99)',
    class: CLASSES.hugeQuantity,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Gold bar', '99999999.99', { sku: s.names.mug, quantity: 2 ** 31 - 1 })])),
    expect: { outcome: 'error', message: /line "Gold bar": 2147483647 × 99999999\.99 is too large an amount to compute to the cent/ },
  },
  // Shopify keeps amounts to the currency's minor units, rounded half up (Money.new in Shopify's money library).
  {
    name: 'price 9.999 EUR',
    class: CLASSES.decimals,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Tee', '9.999', { sku: `${s.names.tee}-M` })])),
    expect: { outcome: 'processed', what: 'unit price 10.00', check: (r) => assert.deepEqual(itemLines(r).map((l) => l.unitPrice), ['10.00']) },
  },
  {
    name: 'price 1.005 EUR (half up, where binary floats give 1.00)',
    class: CLASSES.decimals,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Tee', '1.005', { sku: `${s.names.tee}-M` })])),
    expect: { outcome: 'processed', what: 'unit price 1.01', check: (r) => assert.deepEqual(itemLines(r).map((l) => l.unitPrice), ['1.01']) },
  },
  {
    name: 'shipping 4.995 EUR',
    class: CLASSES.decimals,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { shippingLines: [{ title: 'Odd', priceSet: eur('4.995') }] })),
    expect: { outcome: 'processed', what: 'shipping line 5.00', check: (r) => assert.deepEqual(glLines(r, r.names.accounts.shipping).map((l) => l.unitPrice), ['5.00']) },
  },
  {
    name: 'yen order with a price of 1000.5',
    class: CLASSES.decimals,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Tee', '1000.5', { sku: `${s.names.tee}-M`, priceSet: { shopMoney: { amount: '1000.5', currencyCode: 'JPY' } } })], { currency: 'JPY', shippingLines: [] })),
    expect: {
      outcome: 'processed',
      what: 'a JPY document, unit price 1001 (no decimals in yen)',
      check: (r) => {
        assert.equal(r.document?.currencyCode, 'JPY');
        assert.deepEqual(itemLines(r).map((l) => l.unitPrice), ['1001.00']);
      },
    },
  },
  // CurrencyCode is an enum: GraphQL refuses a code it does not have.
  { name: 'currency XYZ', class: CLASSES.unknownCurrency, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { currency: 'XYZ' })), expect: { outcome: 'refused', message: /Value "XYZ" does not exist in "CurrencyCode" enum/ } },
  { name: 'presentment currency "EURO"', class: CLASSES.unknownCurrency, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { presentmentCurrency: 'EURO' })), expect: { outcome: 'refused', message: /Value "EURO" does not exist in "CurrencyCode" enum/ } },
  {
    name: 'order in USD in a EUR shop',
    class: CLASSES.foreignCurrency,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug, 2)], { currency: 'USD' })),
    expect: { outcome: 'processed', what: 'a USD document with the order\'s amounts', check: (r) => assert.deepEqual([r.document?.currencyCode, r.document?.amount], ['USD', '21.00']) },
  },
  {
    name: 'paid in GBP (presentment) in a EUR shop',
    class: CLASSES.foreignCurrency,
    kind: 'order',
    shop: 'main',
    make: (s) =>
      createOrder(s, webOrder(s, [{ ...line(s, s.names.mug), priceSet: { shopMoney: { amount: '8.00', currencyCode: 'EUR' }, presentmentMoney: { amount: '7.00', currencyCode: 'GBP' } } }], { presentmentCurrency: 'GBP' })),
    expect: { outcome: 'processed', what: 'a EUR document in shop amounts (currencyHandling shopCurrency)', check: (r) => assert.deepEqual([r.document?.currencyCode, itemLines(r)[0]?.unitPrice], ['EUR', '8.00']) },
  },
  // Customers on orders.
  { name: 'unknown e-mail, unknown customers not created', class: CLASSES.customerMissing, kind: 'order', shop: 'bare', make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { email: `stranger-${s.names.suffix.toLowerCase()}@example.com`, shippingLines: [] })), expect: { outcome: 'error', message: /no ERP customer matches stranger-.*@example\.com \(byEmailPhone\)/ } },
  { name: 'no customer, e-mail or phone', class: CLASSES.customerMissing, kind: 'order', shop: 'bare', make: (s) => createOrder(s, { lineItems: [line(s, s.names.mug)] }), expect: { outcome: 'error', message: /has no customer, e-mail or phone, and the shop has no defaultCustomerNo/ } },
  {
    name: 'guest checkout with a known e-mail in capitals',
    class: CLASSES.customerMissing,
    kind: 'order',
    shop: 'bare',
    make: (s) => createOrder(s, { lineItems: [line(s, s.names.mug)], email: s.names.knownEmail.toUpperCase() }),
    expect: { outcome: 'processed', what: 'sold to the known customer', check: (r) => assert.equal(r.document?.sellToCustomerNo, r.names.knownCustomerNo) },
  },
  {
    name: 'guest with a phone only, in E.164',
    class: CLASSES.customerMissing,
    kind: 'order',
    shop: 'bare',
    make: (s) => createOrder(s, { lineItems: [line(s, s.names.mug)], phone: s.names.phoneInShopify }),
    expect: { outcome: 'processed', what: 'sold to the customer with that national number', check: (r) => assert.equal(r.document?.sellToCustomerNo, r.names.phoneCustomerNo) },
  },
  {
    name: 'unknown buyer where the shop creates customers',
    class: CLASSES.customerMissing,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { email: `new-${s.names.suffix.toLowerCase()}@example.com`, customer: { toUpsert: { email: `new-${s.names.suffix.toLowerCase()}@example.com`, firstName: 'Nora', lastName: 'New' } } })),
    expect: {
      outcome: 'processed',
      what: 'sold to a new ERP customer made from the buyer',
      check: async (r) => {
        const customer = await r.erp.customers.get(r.document?.sellToCustomerNo ?? '');
        assert.equal(customer?.email, `new-${r.names.suffix.toLowerCase()}@example.com`);
      },
    },
  },
  {
    name: 'delete a customer who has an order',
    class: CLASSES.customerDeleted,
    kind: 'customer',
    shop: 'main',
    make: async (s) => {
      const email = `leaving-${s.names.suffix.toLowerCase()}@example.com`;
      const made = await createOrder(s, webOrder(s, [line(s, s.names.mug)], { email, customer: { toUpsert: { email, firstName: 'Lea', lastName: 'Leaving' } } }));
      assert.ok('id' in made, 'the order was made');
      const customer = await mutate<{ order: { customer: { id: string } } }>(s, 'query($id: ID!) { order(id: $id) { customer { id } } }', { id: made.id });
      const deleted = await mutate<{ customerDelete: { deletedCustomerId: string | null; userErrors: unknown[] } }>(
        s,
        'mutation($i: CustomerDeleteInput!) { customerDelete(input: $i) { deletedCustomerId userErrors { field message } } }',
        { i: { id: customer.order.customer.id } },
      );
      return deleted.customerDelete.deletedCustomerId ? { id: deleted.customerDelete.deletedCustomerId } : { refused: JSON.stringify(deleted.customerDelete.userErrors) };
    },
    expect: { outcome: 'refused', message: /can’t be deleted because they have existing orders/ },
  },
  // Products deleted after the order: the line keeps its title and SKU, its variant and product are gone.
  {
    name: 'product deleted after the order, SKU still an ERP item',
    class: CLASSES.productDeleted,
    kind: 'order',
    shop: 'main',
    make: async (s) => {
      const old = await seedProduct(s, { title: 'Old tee', variants: [{ sku: `${s.names.tee}-XL`, price: '15.00' }] });
      return orderThen(s, webOrder(s, [{ variantId: old.variants[0]?.id, quantity: 1 }]), () => deleteProduct(s, old.id));
    },
    expect: { outcome: 'processed', what: 'mapped by the line\'s SKU', check: (r) => assert.deepEqual(itemLines(r).map((l) => [l.no, l.variantCode, l.unitPrice]), [[r.names.tee, 'XL', '15.00']]) },
  },
  {
    name: 'product deleted after the order, SKU unknown',
    class: CLASSES.productDeleted,
    kind: 'order',
    shop: 'main',
    make: async (s) => {
      const gone = await seedProduct(s, { title: 'Discontinued lamp', variants: [{ sku: s.names.gone, price: '30.00' }] });
      return orderThen(s, webOrder(s, [{ variantId: gone.variants[0]?.id, quantity: 1 }]), () => deleteProduct(s, gone.id));
    },
    expect: { outcome: 'error', message: /line "Discontinued lamp" \(SKU GONE\w+\) is not mapped to an ERP item/ },
  },
  {
    name: 'variant deleted after the order',
    class: CLASSES.productDeleted,
    kind: 'order',
    shop: 'main',
    make: async (s) => {
      const cap = await seedProduct(s, { title: 'Cap', options: [{ name: 'Colour', values: ['Red', 'Blue'] }], variants: [{ sku: `${s.names.cap}-RED`, price: '6.00', optionValues: [{ optionName: 'Colour', name: 'Red' }] }, { sku: `${s.names.cap}-BLUE`, price: '6.50', optionValues: [{ optionName: 'Colour', name: 'Blue' }] }] });
      const blue = cap.variants[1]?.id as string;
      return orderThen(s, webOrder(s, [{ variantId: blue, quantity: 2 }]), async () => {
        const result = await mutate<{ productVariantsBulkDelete: { userErrors: unknown[] } }>(s, 'mutation($p: ID!, $v: [ID!]!) { productVariantsBulkDelete(productId: $p, variantsIds: $v) { userErrors { field message } } }', { p: cap.id, v: [blue] });
        assert.deepEqual(result.productVariantsBulkDelete.userErrors, []);
      });
    },
    expect: { outcome: 'processed', what: 'mapped by the line\'s SKU', check: (r) => assert.deepEqual(itemLines(r).map((l) => [l.no, l.variantCode, l.quantity]), [[r.names.cap, 'BLUE', 2]]) },
  },
  { name: 'variant id that never existed', class: CLASSES.unknownVariant, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [{ variantId: 'gid://shopify/ProductVariant/987654321987', quantity: 1 }])), expect: { outcome: 'refused', message: /Variant does not exist/ } },
  // Custom lines (an app's or a POS sale's): no variant, only what the line says.
  {
    name: 'custom line whose SKU is an ERP item',
    class: CLASSES.noVariant,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Engraved mug', '11.00', { sku: s.names.mug, requiresShipping: true })])),
    expect: { outcome: 'processed', what: 'mapped by the SKU', check: (r) => assert.deepEqual(itemLines(r).map((l) => [l.no, l.description]), [[r.names.mug, 'Engraved mug']]) },
  },
  { name: 'custom line without SKU', class: CLASSES.noVariant, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [custom('Gift wrapping', '2.50')])), expect: { outcome: 'error', message: /line "Gift wrapping" \(SKU none\) is not mapped to an ERP item/ } },
  { name: 'custom line whose SKU is only the separator', class: CLASSES.noVariant, kind: 'order', shop: 'main', make: (s) => createOrder(s, webOrder(s, [custom('Mystery', '1.00', { sku: '-' })])), expect: { outcome: 'error', message: /line "Mystery" \(SKU -\) is not mapped to an ERP item/ } },
  // Duplicate SKUs: Shopify warns but allows them.
  {
    name: 'the same variant on two lines',
    class: CLASSES.duplicateSku,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`, 1), line(s, `${s.names.tee}-S`, 2)])),
    expect: { outcome: 'processed', what: 'two item lines of the same item, quantities kept', check: (r) => assert.deepEqual(itemLines(r).map((l) => [l.no, l.variantCode, l.quantity]), [[r.names.tee, 'S', 1], [r.names.tee, 'S', 2]]) },
  },
  {
    name: 'two variants sharing one SKU',
    class: CLASSES.duplicateSku,
    kind: 'order',
    shop: 'main',
    make: async (s) => {
      const twin = await seedProduct(s, { title: 'Twin mug', options: [{ name: 'Finish', values: ['Matte', 'Gloss'] }], variants: ['Matte', 'Gloss'].map((finish) => ({ sku: s.names.mug, price: '9.00', optionValues: [{ optionName: 'Finish', name: finish }] })) });
      return createOrder(s, webOrder(s, twin.variants.map((v) => ({ variantId: v.id, quantity: 1 }))));
    },
    expect: { outcome: 'processed', what: 'both lines on the one item', check: (r) => assert.deepEqual(itemLines(r).map((l) => l.no), [r.names.mug, r.names.mug]) },
  },
  {
    name: '300 lines',
    class: CLASSES.manyLines,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, Array.from({ length: 300 }, (_, i) => line(s, `${s.names.tee}-${['S', 'M', 'L'][i % 3]}`, 1 + (i % 4))))),
    expect: {
      outcome: 'processed',
      what: '300 item lines in Shopify\'s order, every quantity',
      check: (r) => {
        const lines = itemLines(r);
        assert.equal(lines.length, 300);
        assert.deepEqual(lines.map((l) => l.quantity), Array.from({ length: 300 }, (_, i) => 1 + (i % 4)));
        assert.deepEqual(lines.slice(0, 3).map((l) => l.variantCode), ['S', 'M', 'L']);
      },
    },
  },
  {
    name: '300 lines, the last one unmapped',
    class: CLASSES.manyLines,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [...Array.from({ length: 299 }, () => line(s, s.names.mug)), custom('Line 300', '1.00', { sku: 'NOPE-300' })])),
    expect: { outcome: 'error', message: /^line "Line 300" \(SKU NOPE-300\) is not mapped to an ERP item$/ },
  },
  {
    name: 'gift card only',
    class: CLASSES.giftCard,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Gift card', '50.00', { giftCard: true })], { shippingLines: [] })),
    expect: { outcome: 'processed', what: 'one line on soldGiftCardAccount, no shipping', check: (r) => assert.deepEqual(r.document?.lines.map((l) => [l.type, l.no, l.unitPrice]), [['glAccount', r.names.accounts.giftCard, '50.00']]) },
  },
  { name: 'gift card only, shop without soldGiftCardAccount', class: CLASSES.giftCard, kind: 'order', shop: 'bare', make: (s) => createOrder(s, webOrder(s, [custom('Gift card', '25.00', { giftCard: true })], { shippingLines: [] })), expect: { outcome: 'error', message: /^line "Gift card" is a gift card, but the shop has no soldGiftCardAccount$/ } },
  {
    name: 'order with a tip',
    class: CLASSES.tip,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, `${s.names.tee}-S`), custom('Tip', '3.00')])),
    expect: { outcome: 'processed', what: 'the tip on tipAccount', check: (r) => assert.deepEqual(glLines(r, r.names.accounts.tip).map((l) => [l.description, l.unitPrice]), [['Tip', '3.00']]) },
  },
  {
    name: 'a tip alone (POS)',
    class: CLASSES.tip,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom('Tip', '2.00')], { shippingLines: [], sourceName: 'pos' })),
    expect: { outcome: 'processed', what: 'one line on tipAccount', check: (r) => assert.deepEqual(r.document?.lines.map((l) => [l.no, l.unitPrice]), [[r.names.accounts.tip, '2.00']]) },
  },
  { name: 'tip, shop without tipAccount', class: CLASSES.tip, kind: 'order', shop: 'bare', make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug), custom('Tip', '1.00')], { shippingLines: [] })), expect: { outcome: 'error', message: /^line "Tip" is a tip, but the shop has no tipAccount$/ } },
  { name: 'shipping, shop without shippingChargesAccount', class: CLASSES.noAccount, kind: 'order', shop: 'bare', make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)])), expect: { outcome: 'error', message: /the order has shipping charges of 5\.00, but the shop has no shippingChargesAccount/ } },
  // Text at Shopify's limits.
  {
    name: 'note of 5,000 characters (Shopify\'s maximum)',
    class: CLASSES.longText,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { note: 'Bitte nicht knicken. '.repeat(250).slice(0, 5000) })),
    expect: { outcome: 'processed', what: 'the whole note as the work description', check: (r) => assert.equal(r.document?.workDescription?.length, 5000) },
  },
  {
    name: 'line title of 255 characters',
    class: CLASSES.longText,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom(LONG_TITLE, '12.00', { sku: `${s.names.tee}-M` })])),
    expect: { outcome: 'processed', what: 'a 100-character description', check: (r) => assertWholeText(itemLines(r)[0]?.description ?? '', LONG_TITLE, 100) },
  },
  {
    name: 'new buyer with 255-character names',
    class: CLASSES.longText,
    kind: 'order',
    shop: 'main',
    make: (s) => {
      const email = `long-${s.names.suffix.toLowerCase()}@example.com`;
      return createOrder(s, webOrder(s, [line(s, s.names.mug)], { email, customer: { toUpsert: { email, firstName: 'Maximiliana'.repeat(24).slice(0, 255), lastName: 'Z'.repeat(255) } }, billingAddress: null, shippingAddress: null }));
    },
    expect: {
      outcome: 'processed',
      what: 'a new customer whose name is cut to 100 characters',
      check: async (r) => {
        const customer = await r.erp.customers.get(r.document?.sellToCustomerNo ?? '');
        assert.equal(customer?.name.length, 100);
      },
    },
  },
  {
    name: 'emoji across the 100th character of a title',
    class: CLASSES.unicode,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom(EMOJI_TITLE, '12.00', { sku: `${s.names.tee}-M` })])),
    expect: { outcome: 'processed', what: 'the description cut before the emoji, not through it', check: (r) => assert.equal(itemLines(r)[0]?.description, 'x'.repeat(99)) },
  },
  {
    name: 'right-to-left title and note with direction marks',
    class: CLASSES.unicode,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [custom(RTL_TITLE, '4.50', { sku: s.names.mug })], { note: RTL_NOTE })),
    expect: {
      outcome: 'processed',
      what: 'title and note kept as sent, marks included',
      check: (r) => {
        assert.equal(itemLines(r)[0]?.description, RTL_TITLE);
        assert.equal(r.document?.workDescription, RTL_NOTE);
      },
    },
  },
  {
    name: 'new buyer named with emoji and Arabic',
    class: CLASSES.unicode,
    kind: 'order',
    shop: 'main',
    make: (s) => {
      const email = `emoji-${s.names.suffix.toLowerCase()}@example.com`;
      return createOrder(s, webOrder(s, [line(s, s.names.mug)], { email, customer: { toUpsert: { email, firstName: `${FAMILY} فاطمة`, lastName: 'Ω🦄' } }, billingAddress: null, shippingAddress: null }));
    },
    expect: {
      outcome: 'processed',
      what: 'a new customer with the name as written',
      check: async (r) => assert.equal((await r.erp.customers.get(r.document?.sellToCustomerNo ?? ''))?.name, `${FAMILY} فاطمة Ω🦄`),
    },
  },
  // Addresses.
  {
    name: 'no shipping and no billing address',
    class: CLASSES.addresses,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { shippingAddress: null, billingAddress: null })),
    expect: { outcome: 'processed', what: 'no ship-to or bill-to address on the document', check: (r) => assert.deepEqual([r.document?.shipToAddress, r.document?.billToAddress], [null, null]) },
  },
  {
    name: 'addresses with every field empty',
    class: CLASSES.addresses,
    kind: 'order',
    shop: 'main',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { shippingAddress: {}, billingAddress: { address1: null, city: null, countryCode: null } })),
    expect: { outcome: 'processed', what: 'empty addresses kept empty', check: (r) => assert.ok([r.document?.shipToAddress, r.document?.billToAddress].every((a) => a === null || Object.values(a ?? {}).every((v) => v === null))) },
  },
  // Changed in Shopify before the ERP saw it.
  {
    name: 'cancelled before processing',
    class: CLASSES.cancelled,
    kind: 'order',
    shop: 'main',
    make: (s) => orderThen(s, webOrder(s, [line(s, s.names.mug)]), async ({ id }) => void (await mutate(s, 'mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refund: false) { orderCancelUserErrors { message } } }', { id }))),
    expect: { outcome: 'error', message: /was cancelled in Shopify/ },
  },
  {
    name: 'fully refunded before processing',
    class: CLASSES.cancelled,
    kind: 'order',
    shop: 'main',
    make: (s) =>
      orderThen(s, webOrder(s, [line(s, s.names.mug, 2)], { shippingLines: [] }), async ({ id, lineIds }) => {
        await s.merchant.refund({ orderId: id, refundLineItems: [{ lineItemId: lineIds[0], quantity: 2, restockType: 'NO_RESTOCK' }] });
      }),
    expect: { outcome: 'error', message: /has no line left to invoice/ },
  },
  // Order names set by an app (orderCreate's name: "any string value") as document numbers (useShopifyOrderNo: 20 characters).
  {
    name: 'order name of 40 characters',
    class: CLASSES.orderNames,
    kind: 'order',
    shop: 'named',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { name: `LONG${s.names.suffix}-first-of-two-names-alike-A` })),
    expect: { outcome: 'processed', what: 'numbered with its first 20 characters', check: (r) => assert.equal(r.document?._id, `LONG${r.names.suffix}-first-of-two-names-alike-A`.slice(0, 20)) },
  },
  {
    name: 'a second order name alike in its first 20 characters',
    class: CLASSES.orderNames,
    kind: 'order',
    shop: 'named',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { name: `LONG${s.names.suffix}-first-of-two-names-alike-B` })),
    expect: { outcome: 'error', message: /^document number LONG\w{5}-first-of-t is already used by another document$/ },
  },
  {
    name: 'order name with an emoji across its 20th character',
    class: CLASSES.orderNames,
    kind: 'order',
    shop: 'named',
    make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { name: `E${s.names.suffix}${'y'.repeat(13)}🧾 receipt` })),
    expect: { outcome: 'processed', what: 'numbered with the 19 characters before the emoji', check: (r) => assert.equal(r.document?._id, `E${r.names.suffix}${'y'.repeat(13)}`) },
  },
  { name: 'order name starting with @', class: CLASSES.orderNames, kind: 'order', shop: 'named', make: (s) => createOrder(s, webOrder(s, [line(s, s.names.mug)], { name: `@${s.names.suffix}` })), expect: { outcome: 'error', message: /^order name @\w+ cannot be a document number \(it starts with @\)$/ } },
  // Customers (the customers task, customerImportFromShopify allCustomers).
  { name: 'customer with an invalid e-mail', class: CLASSES.badCustomer, kind: 'customer', shop: 'main', make: (s) => createCustomer(s, { email: 'not-an-email@', firstName: 'Bad' }), expect: { outcome: 'refused', message: /Email is invalid/ } },
  { name: 'customer with a 256-character first name', class: CLASSES.badCustomer, kind: 'customer', shop: 'main', make: (s) => createCustomer(s, { email: `n256-${s.names.suffix.toLowerCase()}@example.com`, firstName: 'N'.repeat(256) }), expect: { outcome: 'refused', message: /First name is too long \(maximum is 255 characters\)/ } },
  { name: 'customer with nothing but a note', class: CLASSES.badCustomer, kind: 'customer', shop: 'main', make: (s) => createCustomer(s, { note: 'who am I?' }), expect: { outcome: 'refused', message: /A name, phone number, or email address must be present/ } },
  {
    name: 'customer whose phone another customer has',
    class: CLASSES.badCustomer,
    kind: 'customer',
    shop: 'main',
    make: async (s) => {
      const phone = `+3362${s.names.phoneInShopify.slice(-7)}`;
      const first = await createCustomer(s, { firstName: 'First', phone });
      assert.ok('id' in first);
      return createCustomer(s, { firstName: 'Second', phone });
    },
    expect: { outcome: 'refused', message: /Phone has already been taken/ },
  },
  {
    name: 'customer with a name only',
    class: CLASSES.oddCustomer,
    kind: 'customer',
    shop: 'main',
    make: (s) => createCustomer(s, { firstName: 'Nameless', lastName: `Only ${s.names.suffix}` }),
    expect: { outcome: 'processed', what: 'a new ERP customer without e-mail or phone', check: (r) => assert.deepEqual([r.customer?.name, r.customer?.email, r.customer?.phone], [`Nameless Only ${r.names.suffix}`, null, null]) },
  },
  {
    name: 'customer named in emoji, Hebrew and with a direction mark',
    class: CLASSES.oddCustomer,
    kind: 'customer',
    shop: 'main',
    make: (s) => createCustomer(s, { email: `rtl-${s.names.suffix.toLowerCase()}@example.com`, firstName: '\u200Fדוד', lastName: `${FAMILY}🏳️‍🌈` }),
    expect: { outcome: 'processed', what: 'the name as written', check: (r) => assert.equal(r.customer?.name, `\u200Fדוד ${FAMILY}🏳️‍🌈`) },
  },
  {
    name: 'customer with 255-character names ending in emoji',
    class: CLASSES.oddCustomer,
    kind: 'customer',
    shop: 'main',
    make: (s) => createCustomer(s, { email: `e255-${s.names.suffix.toLowerCase()}@example.com`, firstName: `${'a'.repeat(99)}😀`, lastName: 'b'.repeat(150) }),
    expect: { outcome: 'processed', what: 'the name cut to 100 characters before the emoji, not through it', check: (r) => assert.equal(r.customer?.name, 'a'.repeat(99)) },
  },
  {
    name: 'customer matching the ERP in another case',
    class: CLASSES.oddCustomer,
    kind: 'customer',
    shop: 'bare',
    make: (s) => createCustomer(s, { email: s.names.knownEmail.replace('known', 'KNOWN'), firstName: 'Known' }),
    expect: { outcome: 'processed', what: 'linked to the known customer', check: (r) => assert.equal(r.customer?._id, r.names.knownCustomerNo) },
  },
  { name: 'unknown customer, shop does not create customers', class: CLASSES.oddCustomer, kind: 'customer', shop: 'bare', make: (s) => createCustomer(s, { email: `nobody-${s.names.suffix.toLowerCase()}@example.com` }), expect: { outcome: 'error', message: /no ERP customer matches nobody-.*@example\.com \(byEmailPhone\); create or link one, turn on autoCreateUnknownCustomers/ } },
  // Products (the products task, syncItem fromShopify).
  { name: 'product whose variant has no SKU', class: CLASSES.oddProduct, kind: 'product', shop: 'bare', make: async (s) => ({ id: (await seedProduct(s, { title: 'Unlabelled', variants: [{ price: '3.00' }] })).id }), expect: { outcome: 'error', message: /variant Default Title: no ERP item matches SKU "" by itemNoAndVariantCode/ } },
  {
    name: 'product whose two variants share a SKU',
    class: CLASSES.oddProduct,
    kind: 'product',
    shop: 'bare',
    make: async (s) => ({ id: (await seedProduct(s, { title: 'Twin mug', options: [{ name: 'Finish', values: ['Matte', 'Gloss'] }], variants: ['Matte', 'Gloss'].map((finish) => ({ sku: s.names.mug, price: '9.00', optionValues: [{ optionName: 'Finish', name: finish }] })) })).id }),
    expect: { outcome: 'processed', what: 'both variants linked to the one item', check: (r) => assert.equal(r.itemNo, r.names.mug) },
  },
  { name: 'product with a SKU the ERP does not know', class: CLASSES.oddProduct, kind: 'product', shop: 'bare', make: async (s) => ({ id: (await seedProduct(s, { title: '🚀 Rocket ✨', variants: [{ sku: `ROCKET${s.names.suffix}-1`, price: '99.00' }] })).id }), expect: { outcome: 'error', message: /variant Default Title: no ERP item matches SKU "ROCKET\w+-1" by itemNoAndVariantCode or barcode ""; turn on autoCreateUnknownItems/ } },
  {
    name: 'product with a 255-character emoji title',
    class: CLASSES.oddProduct,
    kind: 'product',
    shop: 'bare',
    make: async (s) => ({ id: (await seedProduct(s, { title: `${'🍵'.repeat(127)}x`, variants: [{ sku: `${s.names.tee}-L`, price: '14.00' }] })).id }),
    expect: { outcome: 'processed', what: 'linked by SKU, title kept', check: (r) => assert.equal(r.itemNo, r.names.tee) },
  },
];

/** The classes in the order of the README's table, with their records. */
export function corpusByClass(): Array<[string, CorpusRecord[]]> {
  return Object.values(CLASSES).map((title) => [title, CORPUS.filter((record) => record.class === title)]);
}
