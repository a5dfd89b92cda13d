import assert from 'node:assert/strict';
import { mapCustomer, phoneDigits, type CustomerLookups } from '../../src/domain/customer-mapping';
import { mapVariant, type ItemLookups } from '../../src/domain/item-mapping';
import { conflictOf, fingerprintOf, type OrderLine, type ShopifyOrder } from '../../src/domain/order';
import { buildSalesDocument, documentNumberFromOrderName, DocumentBuildError } from '../../src/domain/sales-document';
import { parseShopSettings } from '../../src/domain/shop-settings';

const amount = (shop: string, presentment = shop) => ({ shop, presentment });

function line(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    shopifyId: 'gid://shopify/LineItem/1', productId: null, variantId: 'gid://shopify/ProductVariant/1', sku: 'TS-S', barcode: null, title: 'T-shirt',
    quantity: 2, currentQuantity: 2, unitPrice: amount('10.00', '11.00'), totalDiscount: amount('2.00', '2.20'), isGiftCard: false, isTip: false, requiresShipping: true,
    ...overrides,
  };
}

function order(overrides: Partial<ShopifyOrder> = {}): ShopifyOrder {
  const address = { firstName: 'Ada', lastName: 'Buyer', company: null, address1: '1 Main St', address2: null, city: 'Lyon', zip: '69001', provinceCode: null, countryCode: 'FR', phone: '+33 (0)6 12 34 56 78' };
  return {
    shopifyId: 'gid://shopify/Order/1', name: '#1001', createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z', closed: false, cancelledAt: null, test: false,
    email: 'Ada@Example.com', phone: null, currencyCode: 'EUR', presentmentCurrencyCode: 'USD', taxesIncluded: true, financialStatus: 'PAID', fulfillmentStatus: 'UNFULFILLED',
    channel: 'web', sourceName: 'web', tags: [], note: null, poNumber: 'PO-9', customAttributes: [],
    customer: { shopifyId: 'gid://shopify/Customer/1', email: 'Ada@Example.com', phone: null, firstName: 'Ada', lastName: 'Buyer' },
    billingAddress: address, shippingAddress: address,
    subtotal: amount('18.00'), shipping: amount('5.00', '5.50'), totalDiscounts: amount('3.00'), cartDiscount: amount('1.00', '1.10'), totalTax: amount('0.00'), total: amount('22.00'),
    riskRecommendation: null, lines: [line()], shippingLines: [{ title: 'Standard', code: 'STD', amount: amount('5.00', '5.50') }], transactions: [],
    ...overrides,
  };
}

describe('item mapping by the SKU rules', () => {
  const lookups: ItemLookups = {
    itemByNo: async (no) => (no === 'TS' ? { itemNo: 'TS', variantCode: null } : undefined),
    itemByVariantCode: async (code) => (code === 'TS-S' ? { itemNo: 'TS', variantCode: 'TS-S' } : undefined),
    itemByNoAndVariant: async (no, code) => (no === 'TS' && code === 'S' ? { itemNo: 'TS', variantCode: 'S' } : undefined),
    itemByVendorItemNo: async (no) => (no === 'V-77' ? { itemNo: 'TS', variantCode: null } : undefined),
    itemByBarcode: async (code) => (code === '4006381333931' ? { itemNo: 'MUG', variantCode: null } : undefined),
  };
  const settings = (skuMapping: string, extra: Record<string, unknown> = {}) => parseShopSettings({ domain: 'a.myshopify.com', skuMapping, ...extra });

  it('follows each rule', async () => {
    assert.deepEqual(await mapVariant({ sku: 'TS', barcode: null }, settings('itemNo'), lookups), { item: { itemNo: 'TS', variantCode: null } });
    assert.deepEqual(await mapVariant({ sku: 'ts-s', barcode: null }, settings('variantCode'), lookups), { item: { itemNo: 'TS', variantCode: 'TS-S' } });
    assert.deepEqual(await mapVariant({ sku: 'TS|S', barcode: null }, settings('itemNoAndVariantCode'), lookups), { item: { itemNo: 'TS', variantCode: 'S' } });
    assert.deepEqual(await mapVariant({ sku: 'TS/S/extra', barcode: null }, settings('itemNoAndVariantCode', { skuFieldSeparator: '/' }), lookups), { item: { itemNo: 'TS', variantCode: 'S' } });
    assert.deepEqual(await mapVariant({ sku: 'V-77', barcode: null }, settings('vendorItemNo'), lookups), { item: { itemNo: 'TS', variantCode: null } });
    assert.deepEqual(await mapVariant({ sku: '4006381333931', barcode: null }, settings('barCode'), lookups), { item: { itemNo: 'MUG', variantCode: null } });
  });

  it('falls back to the barcode only when the shop says so, and says what it tried', async () => {
    assert.deepEqual(await mapVariant({ sku: 'NOPE', barcode: '4006381333931' }, settings('itemNo'), lookups), { item: { itemNo: 'MUG', variantCode: null } });
    const refused = await mapVariant({ sku: 'NOPE', barcode: '4006381333931' }, settings('itemNo', { findMappingByBarcode: false }), lookups);
    assert.deepEqual(refused, { reason: 'no ERP item matches SKU "NOPE" by itemNo' });
  });
});

describe('customer mapping', () => {
  const lookups = (found: Partial<Record<'email' | 'phone' | 'address', string>>): CustomerLookups => ({
    byEmail: async (email) => (email === 'ada@example.com' ? found.email : undefined),
    byPhoneDigits: async (digits) => (digits === '612345678' ? found.phone : undefined),
    byAddress: async () => found.address,
  });
  const settings = (extra: Record<string, unknown> = {}) => parseShopSettings({ domain: 'a.myshopify.com', ...extra });

  it('normalises phone numbers to their digits', () => {
    assert.equal(phoneDigits('+33 (0)6 12 34 56 78'), '612345678');
    assert.equal(phoneDigits('+1 (613) 555-1212'), '135551212', 'the last nine digits');
    assert.equal(phoneDigits('06 12 34 56 78'), '612345678');
    assert.equal(phoneDigits('123'), undefined);
  });

  it('uses the link, then e-mail (any case), then phone', async () => {
    assert.deepEqual(await mapCustomer(order(), 'C9', settings(), lookups({})), { customerNo: 'C9', how: 'linked' });
    assert.deepEqual(await mapCustomer(order(), undefined, settings(), lookups({ email: 'C1' })), { customerNo: 'C1', how: 'email' });
    const byPhone = order({ email: null, customer: null, phone: '+33 6 12 34 56 78' });
    assert.deepEqual(await mapCustomer(byPhone, undefined, settings(), lookups({ phone: 'C2' })), { customerNo: 'C2', how: 'phone' });
  });

  it('matches by bill-to address when the shop says so', async () => {
    assert.deepEqual(await mapCustomer(order(), undefined, settings({ customerMappingType: 'byBillToInfo' }), lookups({ address: 'C3' })), { customerNo: 'C3', how: 'billTo' });
  });

  it('creates, defaults or explains, in that order', async () => {
    const created = await mapCustomer(order(), undefined, settings({ autoCreateUnknownCustomers: true, customerTemplateCode: 'RETAIL' }), lookups({}));
    assert.ok('create' in created);
    assert.equal(created.create.email, 'ada@example.com');
    assert.equal(created.create.name, 'Ada Buyer');
    assert.equal(created.create.templateCode, 'RETAIL');
    assert.deepEqual(await mapCustomer(order(), undefined, settings({ defaultCustomerNo: 'WEB' }), lookups({})), { customerNo: 'WEB', how: 'default' });
    const none = await mapCustomer(order(), undefined, settings(), lookups({}));
    assert.ok('reason' in none && /no ERP customer matches Ada@Example.com \(byEmailPhone\)/.test(none.reason));
    const always = await mapCustomer(order(), 'C9', settings({ customerMappingType: 'defaultCustomer', defaultCustomerNo: 'WEB' }), lookups({ email: 'C1' }));
    assert.deepEqual(always, { customerNo: 'WEB', how: 'default' });
  });
});

describe('sales document from an order', () => {
  const items = new Map([['gid://shopify/LineItem/1', { itemNo: 'TS', variantCode: 'S' }]]);
  const settings = (extra: Record<string, unknown> = {}) => parseShopSettings({ domain: 'a.myshopify.com', shippingChargesAccount: '7190', ...extra });

  it('makes an order with item, shipping and invoice discount, in shop currency', () => {
    const draft = buildSalesDocument(order(), 'C1', items, settings());
    assert.equal(draft.type, 'order');
    assert.deepEqual(draft.lines.map((l) => [l.type, l.no, l.quantity, l.unitPrice, l.lineDiscountAmount]), [
      ['item', 'TS', 2, '10.00', '2.00'],
      ['glAccount', '7190', 1, '5.00', '0.00'],
    ]);
    assert.equal(draft.invoiceDiscountAmount, '1.00');
    assert.equal(draft.amount, '22.00'); // 2 × 10 − 2 + 5 − 1
    assert.equal(draft.externalDocumentNo, 'PO-9');
    assert.equal(draft.pricesIncludingVat, true);
  });

  it('uses presentment amounts when the shop asks, and invoices fulfilled orders', () => {
    const draft = buildSalesDocument(order({ fulfillmentStatus: 'FULFILLED' }), 'C1', items, settings({ currencyHandling: 'presentmentCurrency' }));
    assert.equal(draft.type, 'invoice');
    assert.equal(draft.currencyCode, 'USD');
    assert.equal(draft.lines[0]?.unitPrice, '11.00');
    assert.equal(buildSalesDocument(order({ fulfillmentStatus: 'FULFILLED' }), 'C1', items, settings({ createInvoicesFromOrders: false })).type, 'order');
  });

  it('takes every presentment amount when the shop asks for the presentment currency', () => {
    const draft = buildSalesDocument(order(), 'C1', items, settings({ currencyHandling: 'presentmentCurrency' }));
    assert.deepEqual(draft.lines.map((l) => [l.quantity, l.unitPrice, l.lineDiscountAmount]), [
      [2, '11.00', '2.20'],
      [1, '5.50', '0.00'],
    ]);
    assert.equal(draft.invoiceDiscountAmount, '1.10');
    assert.equal(draft.amount, '24.20'); // 2 × 11 − 2.20 + 5.50 − 1.10
  });

  it('takes current shipping and the order-level discount left after a refund before the document, in both currencies', () => {
    const refunded = order({
      lines: [line({ currentQuantity: 1 })],
      currentShipping: amount('0.00'),
      currentCartDiscount: amount('0.50', '0.55'),
    });
    const shop = buildSalesDocument(refunded, 'C1', items, settings());
    assert.deepEqual(shop.lines.map((l) => [l.type, l.quantity, l.unitPrice, l.lineDiscountAmount]), [['item', 1, '10.00', '1.00']]);
    assert.equal(shop.invoiceDiscountAmount, '0.50');
    assert.equal(shop.amount, '8.50'); // 10 − 1 − 0.50: the refunded shipping and the refunded unit's share of the order discount are out
    const presentment = buildSalesDocument(refunded, 'C1', items, settings({ currencyHandling: 'presentmentCurrency' }));
    assert.deepEqual(presentment.lines.map((l) => [l.quantity, l.unitPrice, l.lineDiscountAmount]), [[1, '11.00', '1.10']]);
    assert.equal(presentment.invoiceDiscountAmount, '0.55');
    assert.equal(presentment.amount, '9.35');
  });

  it('keeps a shipping line for shipping only partly refunded, and falls back to the totals on orders stored without current amounts', () => {
    const partly = buildSalesDocument(order({ currentShipping: amount('2.00', '2.20') }), 'C1', items, settings());
    assert.deepEqual(partly.lines.map((l) => [l.type, l.unitPrice]), [['item', '10.00'], ['glAccount', '2.00']]);
    const old = buildSalesDocument(order(), 'C1', items, settings());
    assert.deepEqual([old.lines[1]?.unitPrice, old.invoiceDiscountAmount], ['5.00', '1.00']);
  });

  it('leaves refunded quantities out and prorates the line discount', () => {
    const draft = buildSalesDocument(order({ lines: [line({ currentQuantity: 1 })] }), 'C1', items, settings());
    assert.deepEqual([draft.lines[0]?.quantity, draft.lines[0]?.lineDiscountAmount], [1, '1.00']);
  });

  it('names everything missing at once', () => {
    const giftCard = line({ shopifyId: 'gid://shopify/LineItem/2', isGiftCard: true, title: 'Gift card' });
    const unmapped = line({ shopifyId: 'gid://shopify/LineItem/3', sku: 'ZZ', title: 'Mystery' });
    assert.throws(
      () => buildSalesDocument(order({ lines: [line(), giftCard, unmapped] }), 'C1', items, settings({ shippingChargesAccount: null })),
      (error: unknown) => {
        assert.ok(error instanceof DocumentBuildError);
        assert.match(error.message, /"Gift card" is a gift card, but the shop has no soldGiftCardAccount/);
        assert.match(error.message, /"Mystery" \(SKU ZZ\) is not mapped/);
        assert.match(error.message, /shipping charges of 5\.00, but the shop has no shippingChargesAccount/);
        return true;
      },
    );
    assert.throws(() => buildSalesDocument(order({ cancelledAt: '2026-11-21T00:00:00Z' }), 'C1', items, settings()), /was cancelled/);
    assert.throws(() => buildSalesDocument(order({ lines: [line({ currentQuantity: 0 })], shipping: amount('0.00') }), 'C1', items, settings()), /no line left/);
  });

  it('takes the Shopify order name as the number when asked, but not one starting with @', () => {
    assert.equal(documentNumberFromOrderName('#1001'), '#1001');
    assert.throws(() => documentNumberFromOrderName('@1001'), DocumentBuildError);
  });
});

describe('conflicts of orders edited after processing', () => {
  const processed = fingerprintOf(order());

  it('sees more items, other lines, other shipping and cancellation', () => {
    assert.equal(conflictOf(processed, order({ updatedAt: 'later', customAttributes: [{ key: 'ERP Doc. No.', value: 'SO-1' }] })), undefined);
    assert.match(conflictOf(processed, order({ lines: [line({ currentQuantity: 3 })] })) ?? '', /item quantity rose from 2 to 3/);
    assert.match(conflictOf(processed, order({ lines: [line({ shopifyId: 'gid://shopify/LineItem/9' })] })) ?? '', /lines changed/);
    assert.match(conflictOf(processed, order({ shipping: amount('9.00') })) ?? '', /shipping changed from 5\.00 to 9\.00/);
    assert.match(conflictOf(processed, order({ cancelledAt: '2026-11-22T00:00:00Z' })) ?? '', /was cancelled/);
  });

  it('does not flag a refund that lowers quantities', () => {
    assert.equal(conflictOf(processed, order({ lines: [line({ currentQuantity: 1 })] })), undefined);
  });
});
