import assert from 'node:assert/strict';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/** The emulator's products, customers, orders, fulfillments, refunds and payouts, driven like a real store. */
describe('emulator commerce', () => {
  let merchant: Merchant;
  let variants: Record<string, string>;

  before(async () => {
    const shop = await emulatedShop('commerce', { currencyCode: 'EUR', locations: [{ name: 'Warehouse' }] });
    merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    variants = await merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00', barcode: '4006381333931' }]);
  });

  const ORDER_FIELDS = `id name displayFinancialStatus displayFulfillmentStatus closed cancelledAt updatedAt tags customAttributes { key value }
    totalPriceSet { shopMoney { amount currencyCode } } customer { id email }
    lineItems(first: 10) { nodes { id sku quantity currentQuantity originalUnitPriceSet { shopMoney { amount } } variant { id } } }
    fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity lineItem { id } } } } }`;

  async function getOrder(id: string) {
    return (await merchant.graphql<{ order: any }>(`query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, { id })).order; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  it('creates an order with Shopify validations and totals', async () => {
    const refused = await merchant.graphql<{ orderCreate: { userErrors: Array<{ field: string[]; message: string }> } }>(
      'mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id } userErrors { field message } } }',
      { o: { lineItems: [{ variantId: variants['TS-S'], quantity: 0 }, { variantId: 'gid://shopify/ProductVariant/999999', quantity: 1 }] } },
    );
    assert.deepEqual(refused.orderCreate.userErrors.map((e) => e.field.join('.')), ['order.lineItems.0.quantity', 'order.lineItems.1.variantId']);
    const created = await merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 2 }, { variantId: variants['TS-M'] as string, quantity: 1 }]);
    const order = await getOrder(created.id);
    assert.match(order.name, /^#\d+$/);
    assert.equal(order.totalPriceSet.shopMoney.amount, '37.00'); // 2 × 10 + 12 + 5 shipping
    assert.equal(order.displayFinancialStatus, 'PAID');
    assert.equal(order.displayFulfillmentStatus, 'UNFULFILLED');
    assert.equal(order.fulfillmentOrders.nodes.length, 1);
    assert.match(order.customer.email, /@example\.com$/);
  });

  it('finds orders with the search syntax', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const paid = await merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 1 }], { extra: { tags: ['wholesale'], sourceName: 'pos' } });
    const pending = await merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 1 }], { paid: false });
    const search = async (query: string) =>
      (await merchant.graphql<{ orders: { nodes: Array<{ id: string }> } }>('query($q: String) { orders(first: 50, query: $q) { nodes { id } } }', { q: query })).orders.nodes.map((n) => n.id);
    assert.ok((await search(`updated_at:>'${before}'`)).includes(paid.id));
    assert.deepEqual((await search(`updated_at:>='${before}' financial_status:pending`)), [pending.id]);
    assert.deepEqual(await search(`tag:wholesale`), [paid.id]);
    assert.deepEqual(await search(`channel:pos`), [paid.id]);
    assert.ok(!(await search(`tag_not:wholesale updated_at:>'${before}'`)).includes(paid.id));
    assert.ok((await search('status:open fulfillment_status:unshipped')).includes(pending.id));
  });

  it('updates attributes, closes, cancels and refunds, moving updatedAt each time', async () => {
    const created = await merchant.webOrder([{ variantId: variants['TS-M'] as string, quantity: 3 }]);
    const first = await getOrder(created.id);
    await merchant.graphql('mutation($i: OrderInput!) { orderUpdate(input: $i) { userErrors { message } } }', { i: { id: created.id, customAttributes: [{ key: 'ERP Doc. No.', value: 'SO-1' }] } });
    const updated = await getOrder(created.id);
    assert.deepEqual(updated.customAttributes, [{ key: 'ERP Doc. No.', value: 'SO-1' }]);
    assert.ok(updated.updatedAt > first.updatedAt);
    const lineId = created.lineItems[0]?.id;
    const refundOne = { i: { orderId: created.id, refundLineItems: [{ lineItemId: lineId, quantity: 1, restockType: 'NO_RESTOCK' }] } };
    await assert.rejects(
      merchant.graphql('mutation($i: RefundInput!) { refundCreate(input: $i) { userErrors { message } } }', refundOne),
      /@idempotent directive is required for refundCreate/,
    );
    const REFUND = 'mutation($i: RefundInput!, $k: String!) { refundCreate(input: $i) @idempotent(key: $k) { refund { id totalRefundedSet { shopMoney { amount } } } userErrors { field message } } }';
    const refund = await merchant.graphql<{ refundCreate: { refund: { id: string }; userErrors: Array<{ message: string }> } }>(REFUND, { ...refundOne, k: 'refund-1' });
    assert.deepEqual(refund.refundCreate.userErrors, []);
    const repeated = await merchant.graphql<{ refundCreate: { refund: { id: string } } }>(REFUND, { ...refundOne, k: 'refund-1' });
    assert.equal(repeated.refundCreate.refund.id, refund.refundCreate.refund.id, 'the same key answers the first refund, refunding nothing more');
    const refunded = await getOrder(created.id);
    assert.equal(refunded.displayFinancialStatus, 'PARTIALLY_REFUNDED');
    assert.equal(refunded.lineItems.nodes[0].currentQuantity, 2);
    const over = await merchant.graphql<{ refundCreate: { userErrors: Array<{ message: string }> } }>(
      'mutation($i: RefundInput!) { refundCreate(input: $i) @idempotent(key: "refund-2") { userErrors { field message } } }',
      { i: { orderId: created.id, refundLineItems: [{ lineItemId: lineId, quantity: 5 }] } },
    );
    assert.match(over.refundCreate.userErrors[0]?.message ?? '', /cannot refund more/);
    const cancel = 'mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refund: false) { job { done } orderCancelUserErrors { message } } }';
    assert.deepEqual((await merchant.graphql<{ orderCancel: { orderCancelUserErrors: unknown[] } }>(cancel, { id: created.id })).orderCancel.orderCancelUserErrors, []);
    assert.match((await merchant.graphql<{ orderCancel: { orderCancelUserErrors: Array<{ message: string }> } }>(cancel, { id: created.id })).orderCancel.orderCancelUserErrors[0]?.message ?? '', /already been cancelled/);
    const cancelled = await getOrder(created.id);
    assert.ok(cancelled.cancelledAt);
    assert.equal(cancelled.closed, true);
  });

  it('fulfils fulfillment order lines, refusing more than remains', async () => {
    const created = await merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 2 }]);
    const order = await getOrder(created.id);
    const fo = order.fulfillmentOrders.nodes[0];
    const line = fo.lineItems.nodes[0];
    const fulfil = (quantity: number) =>
      merchant.graphql<{ fulfillmentCreate: { fulfillment: { id: string; trackingInfo: Array<{ number: string }> } | null; userErrors: Array<{ message: string }> } }>(
        'mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id status trackingInfo { company number url } } userErrors { field message } } }',
        { f: { notifyCustomer: true, trackingInfo: { company: 'DHL', number: 'TRK1', url: 'https://track.example/TRK1' }, lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity }] }] } },
      );
    assert.match((await fulfil(3)).fulfillmentCreate.userErrors[0]?.message ?? '', /quantity/);
    const done = await fulfil(2);
    assert.equal(done.fulfillmentCreate.fulfillment?.trackingInfo[0]?.number, 'TRK1');
    const after = await getOrder(created.id);
    assert.equal(after.displayFulfillmentStatus, 'FULFILLED');
    assert.equal(after.fulfillmentOrders.nodes[0].status, 'CLOSED');
    assert.match((await fulfil(1)).fulfillmentCreate.userErrors[0]?.message ?? '', /unfulfillable status/);
  });

  it('lists payouts and balance transactions by id', async () => {
    const seeded = await (await emulatorAdmin()).seedPayouts(merchant.shop, {
      payouts: [{ status: 'PAID', issuedAt: '2026-11-01T00:00:00Z', net: '95.00', gross: '100.00', fee: '5.00' }],
      balanceTransactions: [
        { type: 'CHARGE', amount: '60.00', fee: '3.00', transactionDate: '2026-10-30T10:00:00Z', payoutIndex: 0 },
        { type: 'CHARGE', amount: '40.00', fee: '2.00', transactionDate: '2026-10-31T10:00:00Z', payoutIndex: 0 },
      ],
    });
    const firstTx = seeded.balanceTransactions[0]?.id as number;
    const data = await merchant.graphql<{ shopifyPaymentsAccount: { payouts: { nodes: Array<{ status: string; net: { amount: string } }> }; balanceTransactions: { nodes: Array<{ id: string; net: { amount: string }; associatedPayout: { id: string } }> } } }>(
      `query($q: String) { shopifyPaymentsAccount { payouts(first: 10) { nodes { id status net { amount } } }
        balanceTransactions(first: 10, query: $q) { nodes { id net { amount } associatedPayout { id status } } } } }`,
      { q: `id:>${firstTx}` },
    );
    assert.deepEqual(data.shopifyPaymentsAccount.payouts.nodes.map((p) => [p.status, p.net.amount]), [['PAID', '95.00']]);
    assert.deepEqual(data.shopifyPaymentsAccount.balanceTransactions.nodes.map((t) => t.net.amount), ['38.00']);
  });
});
