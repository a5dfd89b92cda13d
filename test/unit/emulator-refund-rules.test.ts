import assert from 'node:assert/strict';
import type { EmulatedLineItem, EmulatedOrder } from '../../emulator/commerce';
import {
  adjustmentReason,
  allocateShipping,
  discountedUnitCents,
  discrepancyCents,
  lineRefundState,
  lineTaxCents,
  refundableMoney,
  restockQuantityProblem,
  unfulfilledShare,
} from '../../emulator/refund-rules';
import { rateOf, toPresentmentCents, toShopCents } from '../../emulator/currency';
import { currentOrderDiscount, orderDiscountAllocations, refundedOrderDiscount } from '../../emulator/order-discounts';

function line(id: number, quantity: number, price: string, discount = '0.00'): EmulatedLineItem {
  return { id, productId: null, variantId: null, sku: null, title: 'Item', variantTitle: null, vendor: null, quantity, price, discount, giftCard: false, requiresShipping: true, refundedQuantity: 0 };
}

function order(overrides: Partial<EmulatedOrder> = {}): EmulatedOrder {
  return {
    id: 1, number: 1001, name: '#1001', email: null, phone: null, customerId: null, createdAt: '', updatedAt: '', processedAt: '', closedAt: null, cancelledAt: null, cancelReason: null,
    currencyCode: 'EUR', presentmentCurrencyCode: 'EUR', taxesIncluded: false, test: false, sourceName: 'web', channelHandle: 'web', tags: [], note: null, poNumber: null, customAttributes: [],
    billingAddress: null, shippingAddress: null, lineItems: [], shippingLines: [], transactions: [], orderDiscount: '0.00', totalTax: '0.00', fulfillmentOrders: [], fulfillments: [], refunds: [], riskLevel: 'LOW',
    ...overrides,
  };
}

describe('emulator refund rules', () => {
  it('prices a unit after its line discount and gives each line its share of the order tax', () => {
    const a = line(1, 2, '10.00', '2.00');
    const b = line(2, 1, '20.00');
    const o = order({ lineItems: [a, b], totalTax: '3.80' });
    assert.equal(discountedUnitCents(a), 900);
    assert.equal(lineTaxCents(o, a, 1), 90); // 9.00 of 38.00 discounted value
    assert.equal(lineTaxCents(o, b, 1), 200);
  });

  it('splits a line into units still to fulfil and units fulfilled and not yet refunded', () => {
    const l = line(1, 5, '10.00');
    const o = order({
      lineItems: [l],
      fulfillmentOrders: [{ id: 10, status: 'IN_PROGRESS', locationId: 1, updatedAt: '', lineItems: [{ id: 11, lineItemId: 1, totalQuantity: 5, remainingQuantity: 2 }] }],
      fulfillments: [{ id: 20, status: 'SUCCESS', createdAt: '', notifyCustomer: false, trackingInfo: [], lineItems: [{ lineItemId: 1, quantity: 3 }] }],
      refunds: [{ id: 30, createdAt: '', note: null, totalRefunded: '10.00', lineItems: [{ lineItemId: 1, quantity: 1, restockType: 'RETURN', unfulfilledQuantity: 0 }] }],
    });
    l.refundedQuantity = 1;
    const state = lineRefundState(o, l);
    assert.deepEqual(state, { refundable: 4, unfulfilled: 2, fulfilled: 2, unshipped: false });
    assert.equal(restockQuantityProblem(state, 'CANCEL', 3), 'Quantity cannot cancel more items than are unfulfilled (2 unfulfilled)');
    assert.equal(restockQuantityProblem(state, 'RETURN', 3), 'Quantity cannot return more items than were fulfilled (2 fulfilled and not refunded)');
    assert.equal(restockQuantityProblem(state, 'NO_RESTOCK', 5), 'Quantity cannot refund more items than were purchased (4 refundable)');
    assert.equal(restockQuantityProblem(state, 'NO_RESTOCK', 0), 'Quantity must be greater than 0');
    assert.equal(restockQuantityProblem(state, 'NO_RESTOCK', 4), null);
    assert.equal(unfulfilledShare(state, 'NO_RESTOCK', 3), 2, 'NO_RESTOCK takes unfulfilled units first');
    assert.equal(unfulfilledShare(state, 'RETURN', 2), 0);
    assert.equal(unfulfilledShare(state, 'CANCEL', 2), 2);
  });

  it('allocates a shipping refund amount over the shipping lines in order, or all that is left with fullRefund', () => {
    const o = order({
      shippingLines: [{ id: 1, title: 'Standard', code: null, price: '5.00' }, { id: 2, title: 'Insurance', code: null, price: '1.00' }],
      refunds: [{ id: 9, createdAt: '', note: null, totalRefunded: '2.00', lineItems: [], shippingLines: [{ id: 10, shippingLineId: 1, subtotal: '2.00', tax: '0.00' }] }],
    });
    assert.deepEqual(allocateShipping(o, { amount: 350 }), { lines: [{ shippingLineId: 1, amount: 300 }, { shippingLineId: 2, amount: 50 }] });
    assert.deepEqual(allocateShipping(o, { fullRefund: true }), { lines: [{ shippingLineId: 1, amount: 300 }, { shippingLineId: 2, amount: 100 }] });
    assert.deepEqual(allocateShipping(o, { amount: 200, fullRefund: true }), { lines: [{ shippingLineId: 1, amount: 200 }] }, 'an amount overrides fullRefund');
    assert.deepEqual(allocateShipping(o, { amount: 401 }), { error: 'Shipping refund amount exceeds the refundable shipping amount (4.00)' });
    assert.deepEqual(allocateShipping(o, {}), { lines: [] });
  });

  it('counts pending refunds against what is refundable and maps the discrepancy reason to the adjustment enum', () => {
    const tx = (id: number, kind: 'SALE' | 'REFUND', status: 'SUCCESS' | 'PENDING' | 'FAILURE', amount: string) => ({ id, kind, status, gateway: 'manual', amount, createdAt: '' });
    assert.equal(refundableMoney([tx(1, 'SALE', 'SUCCESS', '30.00'), tx(2, 'REFUND', 'PENDING', '5.00'), tx(3, 'REFUND', 'FAILURE', '10.00'), tx(4, 'REFUND', 'SUCCESS', '1.00')]), 2400);
    assert.equal(adjustmentReason('OTHER'), 'REFUND_DISCREPANCY');
    assert.equal(adjustmentReason(undefined), 'REFUND_DISCREPANCY');
    assert.equal(adjustmentReason('DAMAGE'), 'DAMAGE');
    assert.equal(discrepancyCents(1000, 700), 300);
    assert.equal(discrepancyCents(1000, 1200), -200);
  });
});

describe('emulator order money', () => {
  it('converts each amount at the order rate, half away from zero, and keeps rate 1 exact', () => {
    assert.equal(rateOf(4000, 4335), '1.083750');
    assert.equal(rateOf(1000, 1000), undefined);
    assert.equal(toPresentmentCents(600, '1.083750'), 650); // 650.25
    assert.equal(toPresentmentCents(2500, '1.08375'), 2709); // 2709.375
    assert.equal(toPresentmentCents(-600, '1.083750'), -650);
    assert.equal(toPresentmentCents(200, '1.0025'), 201); // 200.5 rounds up
    assert.equal(toPresentmentCents(1234, undefined), 1234);
    assert.equal(toShopCents(4335, '1.083750'), 4000);
  });

  it('spreads the order discount over the lines by value and keeps what the current units carry', () => {
    const a = line(1, 3, '40.00', '6.00');
    const b = line(2, 2, '25.00');
    const o = order({ lineItems: [a, b], orderDiscount: '10.00' });
    assert.deepEqual([...orderDiscountAllocations(o)], [[1, 695], [2, 305]]); // 114.00 and 50.00 of value
    assert.equal(refundedOrderDiscount(o, a, 1), 232);
    a.refundedQuantity = 1;
    assert.equal(currentOrderDiscount(o), 768); // 463 + 305
    assert.equal(refundedOrderDiscount(o, a, 2), 463, 'the last units take what is left');
  });
});
