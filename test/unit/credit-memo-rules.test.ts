import assert from 'node:assert/strict';
import { buildCreditMemo } from '../../src/domain/credit-memo';
import type { OrderLine, ShopifyOrder } from '../../src/domain/order';
import type { RefundLine, ShopifyRefund } from '../../src/domain/refund';
import { DocumentBuildError } from '../../src/domain/sales-document';
import { parseShopSettings } from '../../src/domain/shop-settings';

const amount = (shop: string, presentment = shop) => ({ shop, presentment });

function orderLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    shopifyId: 'gid://shopify/LineItem/1', productId: null, variantId: 'gid://shopify/ProductVariant/1', sku: 'TS-S', barcode: null, title: 'T-shirt',
    quantity: 3, currentQuantity: 3, unitPrice: amount('10.00', '11.00'), totalDiscount: amount('3.00', '3.30'), isGiftCard: false, isTip: false, requiresShipping: true,
    ...overrides,
  };
}

function order(overrides: Partial<ShopifyOrder> = {}): ShopifyOrder {
  return {
    shopifyId: 'gid://shopify/Order/1', name: '#1001', createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-21T10:00:00Z', closed: false, cancelledAt: null, test: false,
    email: null, phone: null, currencyCode: 'EUR', presentmentCurrencyCode: 'USD', taxesIncluded: true, financialStatus: 'PARTIALLY_REFUNDED', fulfillmentStatus: 'FULFILLED',
    channel: null, sourceName: 'web', tags: [], note: null, poNumber: 'PO-9', customAttributes: [], customer: null, billingAddress: null, shippingAddress: null,
    subtotal: amount('27.00'), shipping: amount('5.00'), totalDiscounts: amount('3.00'), cartDiscount: amount('0.00'), totalTax: amount('0.00'), total: amount('32.00'),
    riskRecommendation: null, lines: [orderLine(), orderLine({ shopifyId: 'gid://shopify/LineItem/2', title: 'Gift card', sku: null, isGiftCard: true, quantity: 1, currentQuantity: 1, unitPrice: amount('25.00'), totalDiscount: amount('0.00') })],
    shippingLines: [], transactions: [],
    ...overrides,
  };
}

function refundLine(overrides: Partial<RefundLine> = {}): RefundLine {
  return {
    shopifyId: 'gid://shopify/RefundLineItem/1', orderLineId: 'gid://shopify/LineItem/1', quantity: 2, restockType: 'RETURN', restocked: true, locationId: 'gid://shopify/Location/1',
    unitPrice: amount('10.00', '11.00'), subtotal: amount('18.00', '19.80'), tax: amount('3.00', '3.30'),
    ...overrides,
  };
}

function refund(overrides: Partial<ShopifyRefund> = {}): ShopifyRefund {
  return {
    shopifyId: 'gid://shopify/Refund/9', orderId: 'gid://shopify/Order/1', createdAt: '2026-11-22T09:00:00Z', updatedAt: '2026-11-22T09:00:00Z', note: null, returnId: null,
    totalRefunded: amount('18.00', '19.80'), lines: [refundLine()], shippingLines: [], adjustments: [],
    transactions: [{ shopifyId: 'gid://shopify/OrderTransaction/5', kind: 'REFUND', status: 'SUCCESS', gateway: 'manual', amount: amount('18.00', '19.80') }],
    ...overrides,
  };
}

const party = { sellToCustomerNo: 'C1', billToCustomerNo: 'C2' };
const items = new Map([['gid://shopify/LineItem/1', { itemNo: 'TS', variantCode: 'S' }]]);
const locations = new Map<string, string | null>([['gid://shopify/Location/1', 'RETURNS']]);
const settings = (extra: Record<string, unknown> = {}) =>
  parseShopSettings({ domain: 'a.myshopify.com', autoCreateOrders: true, returnAndRefundProcess: 'autoCreateCreditMemo', refundAccount: '6100', refundAccountNonRestockItems: '6110', shippingChargesAccount: '7000', soldGiftCardAccount: '2400', ...extra });

function memo(decision: ReturnType<typeof buildCreditMemo>) {
  assert.equal(decision.kind, 'memo', JSON.stringify(decision));
  return (decision as Extract<typeof decision, { kind: 'memo' }>).draft;
}

describe('credit memos from refunds (reference 3.6)', () => {
  it('puts restocked items on item lines at the location\'s return location, with the refund line\'s discount, for the order\'s customers', () => {
    const draft = memo(buildCreditMemo(refund(), order(), party, items, locations, settings()));
    assert.equal(draft.type, 'creditMemo');
    assert.deepEqual([draft.sellToCustomerNo, draft.billToCustomerNo, draft.shopifyRefundId, draft.documentDate], ['C1', 'C2', 'gid://shopify/Refund/9', '2026-11-22']);
    assert.deepEqual(draft.lines.map((l) => [l.type, l.no, l.variantCode, l.quantity, l.unitPrice, l.lineDiscountAmount, l.locationCode]), [['item', 'TS', 'S', 2, '10.00', '2.00', 'RETURNS']]);
    assert.equal(draft.amount, '18.00');
  });

  it('puts items refunded without restock on the non-restock account, and shipping on the shipping account', () => {
    const draft = memo(buildCreditMemo(
      refund({ lines: [refundLine({ restockType: 'NO_RESTOCK', restocked: false, locationId: null })], shippingLines: [{ title: 'Standard', subtotal: amount('5.00'), tax: amount('0.83') }], totalRefunded: amount('23.00') }),
      order(), party, items, locations, settings(),
    ));
    assert.deepEqual(draft.lines.map((l) => [l.type, l.no, l.quantity, l.unitPrice]), [['glAccount', '6110', 2, '10.00'], ['glAccount', '7000', 1, '5.00']]);
    assert.equal(draft.amount, '23.00');
  });

  it('puts what differs from the money returned (an order adjustment) on the refund account, so the memo totals the refund', () => {
    const draft = memo(buildCreditMemo(refund({ totalRefunded: amount('15.00'), adjustments: [{ reason: 'REFUND_DISCREPANCY', amount: amount('-3.00'), tax: amount('0.00') }] }), order(), party, items, locations, settings()));
    assert.deepEqual(draft.lines.map((l) => [l.no, l.quantity, l.unitPrice]), [['TS', 2, '10.00'], ['6100', 1, '-3.00']]);
    assert.equal(draft.amount, '15.00');
  });

  it('leaves tax out of the memo of a tax-exclusive order (the ERP adds it), with no difference line for it', () => {
    const draft = memo(buildCreditMemo(refund({ totalRefunded: amount('21.00') }), order({ taxesIncluded: false }), party, items, locations, settings()));
    assert.deepEqual(draft.lines.map((l) => l.no), ['TS']);
    assert.equal(draft.amount, '18.00');
    assert.equal(draft.pricesIncludingVat, false);
  });

  it('uses presentment amounts and currency when the shop handles orders in presentment currency', () => {
    const draft = memo(buildCreditMemo(refund(), order(), party, items, locations, settings({ currencyHandling: 'presentmentCurrency' })));
    assert.equal(draft.currencyCode, 'USD');
    assert.deepEqual(draft.lines.map((l) => [l.unitPrice, l.lineDiscountAmount]), [['11.00', '2.20']]);
    assert.equal(draft.amount, '19.80');
  });

  it('puts a refunded gift card on the sold gift card account', () => {
    const draft = memo(buildCreditMemo(
      refund({ lines: [refundLine({ orderLineId: 'gid://shopify/LineItem/2', quantity: 1, unitPrice: amount('25.00'), subtotal: amount('25.00'), restockType: 'NO_RESTOCK', restocked: false })], totalRefunded: amount('25.00') }),
      order(), party, items, locations, settings(),
    ));
    assert.deepEqual(draft.lines.map((l) => [l.no, l.unitPrice]), [['2400', '25.00']]);
  });

  it('makes a return order instead when the shop processes returns as return orders and items came back', () => {
    assert.equal(memo(buildCreditMemo(refund(), order(), party, items, locations, settings({ processReturnsAs: 'returnOrder' }))).type, 'returnOrder');
    const moneyOnly = refund({ lines: [], totalRefunded: amount('4.00') });
    assert.equal(memo(buildCreditMemo(moneyOnly, order(), party, items, locations, settings({ processReturnsAs: 'returnOrder' }))).type, 'creditMemo');
  });

  it('waits while a refund transaction is pending, naming the transaction', () => {
    const pending = refund({ transactions: [{ shopifyId: 'gid://shopify/OrderTransaction/5', kind: 'REFUND', status: 'PENDING', gateway: 'bank', amount: amount('18.00') }] });
    assert.deepEqual(buildCreditMemo(pending, order(), party, items, locations, settings()), { kind: 'wait', reason: 'refund transaction gid://shopify/OrderTransaction/5 is still pending at bank' });
  });

  it('credits nothing for a refund of no money that restocked nothing (an order edit)', () => {
    const edit = refund({ lines: [refundLine({ restockType: 'NO_RESTOCK', restocked: false })], totalRefunded: amount('0.00'), transactions: [] });
    assert.equal(buildCreditMemo(edit, order(), party, items, locations, settings()).kind, 'nothingToCredit');
  });

  it('credits only the difference of a refund the order\'s document already left its lines and shipping out for', () => {
    assert.equal(buildCreditMemo(refund(), order(), party, items, locations, settings(), true).kind, 'inOrderDocument');
    // The document's shipping is Shopify's current shipping, which the refunded 5.00 is already out of.
    const withShipping = refund({ shippingLines: [{ title: 'Standard', subtotal: amount('5.00'), tax: amount('0.00') }], totalRefunded: amount('23.00') });
    assert.equal(buildCreditMemo(withShipping, order(), party, items, locations, settings(), true).kind, 'inOrderDocument');
    const withMore = refund({ shippingLines: [{ title: 'Standard', subtotal: amount('5.00'), tax: amount('0.00') }], totalRefunded: amount('25.00') });
    const draft = memo(buildCreditMemo(withMore, order(), party, items, locations, settings(), true));
    assert.deepEqual(draft.lines.map((l) => [l.no, l.unitPrice]), [['6100', '2.00']]);
  });

  it('refuses, naming each problem, a refund with an unmapped returned item, an unknown order line or a missing account', () => {
    const bad = refund({
      lines: [refundLine(), refundLine({ shopifyId: 'gid://shopify/RefundLineItem/2', orderLineId: 'gid://shopify/LineItem/77' })],
      totalRefunded: amount('40.00'),
    });
    assert.throws(
      () => buildCreditMemo(bad, order(), party, new Map(), locations, settings({ refundAccount: null })),
      (error: unknown) =>
        error instanceof DocumentBuildError &&
        /returned line "T-shirt" \(SKU TS-S\) is not mapped/.test(error.message) &&
        /order line gid:\/\/shopify\/LineItem\/77, which order #1001 does not have/.test(error.message) &&
        /a refund difference of 4\.00, but the shop has no refundAccount/.test(error.message),
    );
  });
});
