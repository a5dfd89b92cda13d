import assert from 'node:assert/strict';
import type { RawLine, RawOrder, RawShippingLine } from '../../src/shopify/documents/orders';
import { BulkLineError, BulkOrderGrouper, type BulkOrderLine, type GroupedOrder } from '../../src/shopify/order-bulk-mapper';
import { orderFromRaw } from '../../src/shopify/order-mapper';

const money = (amount: string) => ({ shopMoney: { amount }, presentmentMoney: { amount } });

function header(n: number): BulkOrderLine {
  const address = { firstName: 'Ada', lastName: 'Buyer', company: null, address1: '1 Main St', address2: null, city: 'Lyon', zip: '69001', provinceCode: null, countryCodeV2: 'FR' as const, phone: null };
  return {
    id: `gid://shopify/Order/${n}`, name: `#${1000 + n}`, createdAt: '2026-11-20T10:00:00Z', updatedAt: `2026-11-20T10:0${n}:00Z`, closed: false, cancelledAt: null, test: false,
    email: 'ada@example.com', phone: null, currencyCode: 'EUR', presentmentCurrencyCode: 'EUR', taxesIncluded: true, displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED',
    sourceName: 'web', tags: ['vip'], note: null, poNumber: null, customAttributes: [{ key: 'gift', value: 'yes' }], attribution: { handle: 'web' },
    customer: { id: 'gid://shopify/Customer/1', defaultEmailAddress: { emailAddress: 'ada@example.com' }, defaultPhoneNumber: null, firstName: 'Ada', lastName: 'Buyer' }, purchasingEntity: null,
    billingAddress: address, shippingAddress: address,
    subtotalPriceSet: money('30.00'), totalShippingPriceSet: money('4.90'), currentShippingPriceSet: money('4.90'), totalDiscountsSet: money('0.00'), cartDiscountAmountSet: null, currentCartDiscountAmountSet: money('0.00'), totalTaxSet: money('0.00'), totalPriceSet: money('34.90'),
    transactions: [{ id: `gid://shopify/OrderTransaction/${n}`, kind: 'SALE', status: 'SUCCESS', gateway: 'manual', amountSet: money('34.90') }],
    refunds: [{ id: `gid://shopify/Refund/${n}`, updatedAt: '2026-11-21T10:00:00Z' }],
  };
}

function lineItem(order: number, n: number): RawLine {
  return {
    id: `gid://shopify/LineItem/${order * 100 + n}`, sku: `SKU-${n}`, title: `Item ${n}`, quantity: n, currentQuantity: n, isGiftCard: false, requiresShipping: true,
    variant: { id: `gid://shopify/ProductVariant/${n}`, barcode: null }, originalUnitPriceSet: money('10.00'), totalDiscountSet: money('0.00'),
  };
}

const shippingLine = (title: string): RawShippingLine => ({ title, code: title.toUpperCase(), originalPriceSet: money('4.90') });

/** The JSONL of a grouped bulk query: each order, then its line items and shipping lines with __parentId. */
function jsonl(orders: Array<{ order: BulkOrderLine; lines: RawLine[]; shipping: RawShippingLine[] }>): string[] {
  return orders.flatMap(({ order, lines, shipping }) => [
    JSON.stringify(order),
    ...lines.map((l) => JSON.stringify({ __typename: 'LineItem', ...l, __parentId: order.id })),
    ...shipping.map((s) => JSON.stringify({ __typename: 'ShippingLine', ...s, __parentId: order.id })),
  ]);
}

function groupAll(lines: string[]): GroupedOrder[] {
  const grouper = new BulkOrderGrouper();
  const out: GroupedOrder[] = [];
  lines.forEach((text, index) => {
    const whole = grouper.push(text, index);
    if (whole) out.push(whole);
  });
  const last = grouper.end(lines.length);
  if (last) out.push(last);
  return out;
}

describe('orders from the bulk query JSONL', () => {
  const orders = [
    { order: header(1), lines: [lineItem(1, 1), lineItem(1, 2), lineItem(1, 3)], shipping: [shippingLine('Standard'), shippingLine('Express')] },
    { order: header(2), lines: [], shipping: [] },
    { order: header(3), lines: [lineItem(3, 1)], shipping: [shippingLine('Pickup')] },
  ];

  it('groups child lines under the order their __parentId names, with where each order starts and ends in the file', () => {
    const grouped = groupAll(jsonl(orders));
    assert.deepEqual(grouped.map((g) => g.order.shopifyId), ['gid://shopify/Order/1', 'gid://shopify/Order/2', 'gid://shopify/Order/3']);
    assert.deepEqual(grouped.map((g) => g.order.lines.map((l) => l.shopifyId)), [
      ['gid://shopify/LineItem/101', 'gid://shopify/LineItem/102', 'gid://shopify/LineItem/103'],
      [],
      ['gid://shopify/LineItem/301'],
    ]);
    assert.deepEqual(grouped.map((g) => g.order.shippingLines.map((s) => s.title)), [['Standard', 'Express'], [], ['Pickup']]);
    assert.deepEqual(grouped.map((g) => [g.firstLine, g.nextLine]), [[0, 6], [6, 7], [7, 10]]);
  });

  it('maps an order to exactly what the paged mapper makes of the same order read whole by the page query', () => {
    const [bulk] = groupAll(jsonl([orders[0] as (typeof orders)[number]]));
    const { order, lines, shipping } = orders[0] as (typeof orders)[number];
    const page: RawOrder = {
      ...order,
      transactions: order.transactions,
      refunds: order.refunds,
      lineItems: { nodes: lines, pageInfo: { hasNextPage: false, endCursor: 'c' } },
      shippingLines: { nodes: shipping, pageInfo: { hasNextPage: false, endCursor: 'c' } },
    };
    assert.deepEqual(bulk?.order, orderFromRaw(page));
  });

  it('starts again at an order boundary: reading from an order\'s first line gives the same orders from there on', () => {
    const lines = jsonl(orders);
    const whole = groupAll(lines);
    const fromSecond = groupAll(lines.slice(6));
    assert.deepEqual(fromSecond.map((g) => g.order), whole.slice(1).map((g) => g.order));
  });

  it('refuses a child line whose parent is not the order just before it (an ungrouped file), and lines of no known kind', () => {
    const lines = jsonl(orders);
    const ungrouped = [lines[0], lines[6], lines[1]] as string[];
    assert.throws(() => groupAll(ungrouped), (e: unknown) => e instanceof BulkLineError && /belongs to gid:\/\/shopify\/Order\/1, which is not the order before it/.test(e.message));
    assert.throws(() => groupAll([lines[0] as string, JSON.stringify({ id: 'gid://shopify/Fulfillment/1', __parentId: 'gid://shopify/Order/1' })]), BulkLineError);
    assert.throws(() => groupAll(['not json']), BulkLineError);
  });
});
