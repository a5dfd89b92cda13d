import assert from 'node:assert/strict';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { onShopEvent, type ShopEvent } from '../../emulator/events';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read as the JSON they are */

/** Refunds and returns in the emulator, driven over HTTP as an app drives Shopify's Admin API 2026-10. */
describe('emulator refunds and returns', () => {
  let merchant: Merchant;
  let admin: EmulatorAdmin;
  let emulatorUrl: string;
  let variants: Record<string, string>;
  let locations: Record<string, string>;
  const events: ShopEvent[] = [];
  let stopListening: () => void;

  before(async () => {
    const stack = await testStack();
    emulatorUrl = stack.emulatorUrl;
    const shop = await emulatedShop('refunds', { currencyCode: 'EUR', locations: [{ name: 'Warehouse' }, { name: 'Store' }] });
    merchant = new Merchant(emulatorUrl, shop.domain, shop.token);
    admin = await emulatorAdmin();
    stopListening = onShopEvent(stack.emulator.state, (event) => {
      if (event.shop === shop.domain) events.push(event);
    });
    variants = await merchant.product('Mug', [{ sku: 'MUG-S', price: '10.00' }, { sku: 'MUG-L', price: '12.00' }]);
    await admin.setInventory(shop.domain, [{ sku: 'MUG-S', locationName: 'Warehouse', name: 'available', quantity: 10 }, { sku: 'MUG-L', locationName: 'Warehouse', name: 'available', quantity: 10 }]);
    const data = await merchant.graphql<{ locations: { nodes: Array<{ id: string; name: string }> } }>('{ locations(first: 10) { nodes { id name } } }');
    locations = Object.fromEntries(data.locations.nodes.map((l) => [l.name, l.id]));
  });

  after(() => stopListening());

  const REFUND_FIELDS = `id legacyResourceId createdAt updatedAt processedAt note
    totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    refundLineItems(first: 10) { nodes { id quantity restockType restocked location { id } lineItem { id } priceSet { shopMoney { amount } } subtotalSet { shopMoney { amount } } totalTaxSet { shopMoney { amount } } } }
    refundShippingLines(first: 10) { nodes { id shippingLine { id title } subtotalAmountSet { shopMoney { amount } } taxAmountSet { shopMoney { amount } } } }
    orderAdjustments(first: 10) { nodes { id reason amountSet { shopMoney { amount } } taxAmountSet { shopMoney { amount } } } }
    transactions(first: 10) { nodes { id kind status gateway processedAt createdAt amountSet { shopMoney { amount } } } }
    return { id }`;
  const REFUND = `mutation($i: RefundInput!, $k: String!) { refundCreate(input: $i) @idempotent(key: $k) { refund { ${REFUND_FIELDS} } order { id updatedAt } userErrors { field message } } }`;
  let keyCounter = 0;

  async function refund(input: Record<string, unknown>) {
    keyCounter += 1;
    return (await merchant.graphql<{ refundCreate: { refund: any; order: any; userErrors: Array<{ field: string[] | null; message: string }> } }>(REFUND, { i: input, k: `refund-test-${keyCounter}-${Date.now()}` })).refundCreate;
  }

  async function order(id: string, fields: string) {
    return (await merchant.graphql<{ order: any }>(`query($id: ID!) { order(id: $id) { ${fields} } }`, { id })).order;
  }

  async function available(sku: string, location: string): Promise<number> {
    const levels = await admin.inventoryLevels(merchant.shop, sku);
    return levels.find((l) => l.locationName === location)?.quantities.available ?? NaN;
  }

  async function saleOf(orderId: string): Promise<string> {
    const data = await order(orderId, 'transactions(first: 10) { id kind }');
    return (data.transactions as Array<{ id: string; kind: string }>).find((t) => t.kind === 'SALE')?.id ?? '';
  }

  it('a partial RETURN refund at a location adds the units to available stock there, moves updatedAt and emits refunds/create', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 3 }], { fulfilled: true });
    const before = await order(created.id, 'updatedAt');
    const stockBefore = await available('MUG-S', 'Warehouse');
    const lineId = created.lineItems[0]?.id;
    const result = await refund({ orderId: created.id, note: 'broken', notify: false, refundLineItems: [{ lineItemId: lineId, quantity: 1, restockType: 'RETURN', locationId: locations.Warehouse }] });
    assert.deepEqual(result.userErrors, []);
    const line = result.refund.refundLineItems.nodes[0];
    assert.deepEqual(
      { quantity: line.quantity, restockType: line.restockType, restocked: line.restocked, location: line.location.id, lineItem: line.lineItem.id, subtotal: line.subtotalSet.shopMoney.amount },
      { quantity: 1, restockType: 'RETURN', restocked: true, location: locations.Warehouse, lineItem: lineId, subtotal: '10.00' },
    );
    assert.equal(result.refund.totalRefundedSet.shopMoney.amount, '10.00');
    assert.equal(result.refund.transactions.nodes[0].kind, 'REFUND');
    assert.equal(result.refund.return, null);
    assert.equal(await available('MUG-S', 'Warehouse'), stockBefore + 1);
    assert.ok(result.order.updatedAt > before.updatedAt);
    const listed = await order(created.id, 'displayFinancialStatus refunds(first: 5) { id } lineItems(first: 5) { nodes { currentQuantity } }');
    assert.equal(listed.displayFinancialStatus, 'PARTIALLY_REFUNDED');
    assert.deepEqual(listed.refunds.map((r: { id: string }) => r.id), [result.refund.id]);
    assert.equal(listed.lineItems.nodes[0].currentQuantity, 2);
    const event = events.find((e) => e.topic === 'refunds/create' && e.payload.admin_graphql_api_id === result.refund.id);
    assert.ok(event, 'refunds/create was emitted');
    const payloadLine = (event.payload.refund_line_items as Array<Record<string, unknown>>)[0];
    assert.equal(event.payload.id, Number(result.refund.legacyResourceId));
    assert.equal(event.payload.order_id, Number(created.id.split('/').pop()));
    assert.equal(event.payload.restock, true);
    assert.deepEqual(
      { quantity: payloadLine?.quantity, line_item_id: payloadLine?.line_item_id, location_id: payloadLine?.location_id, restock_type: payloadLine?.restock_type, subtotal: payloadLine?.subtotal },
      { quantity: 1, line_item_id: Number(lineId?.split('/').pop()), location_id: Number(locations.Warehouse?.split('/').pop()), restock_type: 'return', subtotal: 10 },
    );
    assert.equal((event.payload.transactions as Array<{ kind: string; amount: string }>)[0]?.amount, '10.00');
  });

  it('restocking at a location where the variant is not stocked records the refund line as not restocked', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 1 }], { fulfilled: true });
    const result = await refund({ orderId: created.id, refundLineItems: [{ lineItemId: created.lineItems[0]?.id, quantity: 1, restockType: 'RETURN', locationId: locations.Store }] });
    assert.deepEqual(result.userErrors, []);
    assert.equal(result.refund.refundLineItems.nodes[0].restocked, false);
  });

  it('a CANCEL refund of unfulfilled units restocks them and takes them off the open fulfillment order', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-L'] as string, quantity: 2 }]);
    const stockBefore = await available('MUG-L', 'Warehouse');
    const result = await refund({ orderId: created.id, refundLineItems: [{ lineItemId: created.lineItems[0]?.id, quantity: 2, restockType: 'CANCEL', locationId: locations.Warehouse }] });
    assert.deepEqual(result.userErrors, []);
    assert.equal(await available('MUG-L', 'Warehouse'), stockBefore + 2);
    const after = await order(created.id, 'fulfillmentOrders(first: 5) { nodes { status lineItems(first: 5) { nodes { remainingQuantity } } } }');
    assert.equal(after.fulfillmentOrders.nodes[0].lineItems.nodes[0].remainingQuantity, 0);
    assert.equal(after.fulfillmentOrders.nodes[0].status, 'CLOSED');
  });

  it('refunds shipping as RefundShippingLines, by amount and then in full, refusing more than is left', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 1 }]);
    const part = await refund({ orderId: created.id, shipping: { amount: '2.00' } });
    assert.deepEqual(part.userErrors, []);
    const shippingLine = part.refund.refundShippingLines.nodes[0];
    assert.equal(shippingLine.shippingLine.title, 'Standard');
    assert.equal(shippingLine.subtotalAmountSet.shopMoney.amount, '2.00');
    assert.equal(shippingLine.taxAmountSet.shopMoney.amount, '0.00');
    assert.equal(part.refund.totalRefundedSet.shopMoney.amount, '2.00');
    const rest = await refund({ orderId: created.id, shipping: { fullRefund: true } });
    assert.equal(rest.refund.refundShippingLines.nodes[0].subtotalAmountSet.shopMoney.amount, '3.00');
    const more = await refund({ orderId: created.id, shipping: { amount: '1.00' } });
    assert.equal(more.refund, null);
    assert.deepEqual(more.userErrors[0]?.field, ['shipping']);
    assert.match(more.userErrors[0]?.message ?? '', /exceeds the refundable shipping amount \(0\.00\)/);
    const totals = await order(created.id, 'totalRefundedShippingSet { shopMoney { amount } }');
    assert.equal(totals.totalRefundedShippingSet.shopMoney.amount, '5.00');
  });

  it('a transaction amount different from the computed refund creates an OrderAdjustment with REFUND_DISCREPANCY, or the reason given', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 2 }], { fulfilled: true });
    const parentId = await saleOf(created.id);
    const lineItemId = created.lineItems[0]?.id;
    const less = await refund({
      orderId: created.id,
      refundLineItems: [{ lineItemId, quantity: 1, restockType: 'NO_RESTOCK' }],
      transactions: [{ orderId: created.id, parentId, gateway: 'manual', kind: 'REFUND', amount: '7.00' }],
    });
    assert.deepEqual(less.userErrors, []);
    const adjustment = less.refund.orderAdjustments.nodes[0];
    assert.deepEqual({ reason: adjustment.reason, amount: adjustment.amountSet.shopMoney.amount, tax: adjustment.taxAmountSet.shopMoney.amount }, { reason: 'REFUND_DISCREPANCY', amount: '3.00', tax: '0.00' });
    assert.equal(less.refund.totalRefundedSet.shopMoney.amount, '7.00');
    const event = events.find((e) => e.payload.admin_graphql_api_id === less.refund.id);
    assert.deepEqual((event?.payload.order_adjustments as Array<{ amount: string; kind: string }>).map((a) => [a.amount, a.kind]), [['3.00', 'refund_discrepancy']]);
    const damaged = await refund({
      orderId: created.id,
      discrepancyReason: 'DAMAGE',
      refundLineItems: [{ lineItemId, quantity: 1 }],
      transactions: [{ orderId: created.id, parentId, gateway: 'manual', kind: 'REFUND', amount: '4.00' }],
    });
    assert.equal(damaged.refund.orderAdjustments.nodes[0].reason, 'DAMAGE');
    const exact = await refund({ orderId: created.id, shipping: { fullRefund: true }, transactions: [{ orderId: created.id, parentId, gateway: 'manual', kind: 'REFUND', amount: '5.00' }] });
    assert.deepEqual(exact.refund.orderAdjustments.nodes, []);
  });

  it('refuses unknown lines, quantities above what is refundable, restocking without a location, LEGACY_RESTOCK, a wrong kind and amounts above what was paid', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 2 }], { fulfilled: true });
    const lineItemId = created.lineItems[0]?.id;
    const parentId = await saleOf(created.id);
    const refused = await refund({
      orderId: created.id,
      refundLineItems: [
        { lineItemId: 'gid://shopify/LineItem/1', quantity: 1 },
        { lineItemId, quantity: 3 },
        { lineItemId, quantity: 1, restockType: 'RETURN' },
        { lineItemId, quantity: 1, restockType: 'LEGACY_RESTOCK', locationId: locations.Warehouse },
        { lineItemId, quantity: 1, restockType: 'CANCEL', locationId: locations.Warehouse },
      ],
    });
    assert.equal(refused.refund, null);
    assert.deepEqual(
      refused.userErrors.map((e) => e.field?.join('.')),
      ['refundLineItems.0.lineItemId', 'refundLineItems.1.quantity', 'refundLineItems.2.locationId', 'refundLineItems.3.restockType', 'refundLineItems.4.quantity'],
    );
    assert.match(refused.userErrors[1]?.message ?? '', /cannot refund more items than were purchased \(2 refundable\)/);
    assert.match(refused.userErrors[4]?.message ?? '', /cannot cancel more items than are unfulfilled \(0 unfulfilled\)/);
    const wrongKind = await refund({ orderId: created.id, transactions: [{ orderId: created.id, parentId, gateway: 'manual', kind: 'SALE', amount: '1.00' }] });
    assert.deepEqual(wrongKind.userErrors.map((e) => e.field?.join('.')), ['transactions.0.kind']);
    const tooMuch = await refund({ orderId: created.id, transactions: [{ orderId: created.id, parentId, gateway: 'manual', kind: 'REFUND', amount: '26.00' }] });
    assert.deepEqual(tooMuch.userErrors.map((e) => e.field?.join('.')), ['transactions']);
    assert.match(tooMuch.userErrors[0]?.message ?? '', /greater than the refundable amount 25\.00/);
    const allowed = await refund({ orderId: created.id, allowOverRefunding: true, transactions: [{ orderId: created.id, parentId, gateway: 'manual', kind: 'REFUND', amount: '26.00' }] });
    assert.deepEqual(allowed.userErrors, []);
    const missing = await refund({ orderId: 'gid://shopify/Order/1', refundLineItems: [] });
    assert.deepEqual(missing.userErrors, [{ field: ['orderId'], message: 'Order does not exist' }]);
    const untouched = await order(created.id, 'lineItems(first: 5) { nodes { currentQuantity } }');
    assert.equal(untouched.lineItems.nodes[0].currentQuantity, 2, 'a refused refund changes nothing');
  });

  it('a refund transaction set PENDING and then SUCCESS through the admin route counts only once settled, each change moving the order and refund updatedAt', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 1 }], { fulfilled: true });
    const result = await refund({ orderId: created.id, refundLineItems: [{ lineItemId: created.lineItems[0]?.id, quantity: 1 }] });
    const transactionId = result.refund.transactions.nodes[0].id as string;
    const setStatus = async (id: string, body: unknown) => {
      const response = await fetch(`${emulatorUrl}/emulator/shops/${merchant.shop}/transactions/${encodeURIComponent(id)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as any };
    };
    const FIELDS = 'updatedAt displayFinancialStatus totalRefundedSet { shopMoney { amount } } refunds(first: 1) { updatedAt totalRefundedSet { shopMoney { amount } } transactions(first: 1) { nodes { status } } }';
    const settled = await order(created.id, FIELDS);
    const pending = await setStatus(transactionId, { status: 'PENDING' });
    assert.equal(pending.status, 200);
    assert.equal(pending.body.transaction.status, 'PENDING');
    const whilePending = await order(created.id, FIELDS);
    assert.ok(whilePending.updatedAt > settled.updatedAt);
    assert.ok(whilePending.refunds[0].updatedAt > settled.refunds[0].updatedAt, 'the refund changes with its transaction');
    assert.equal(whilePending.totalRefundedSet.shopMoney.amount, '0.00');
    assert.equal(whilePending.displayFinancialStatus, 'PAID');
    assert.equal(whilePending.refunds[0].transactions.nodes[0].status, 'PENDING');
    assert.equal(whilePending.refunds[0].totalRefundedSet.shopMoney.amount, '10.00');
    assert.equal((await setStatus(transactionId.split('/').pop() as string, { status: 'SUCCESS' })).status, 200);
    const done = await order(created.id, FIELDS);
    assert.ok(done.updatedAt > whilePending.updatedAt);
    assert.equal(done.totalRefundedSet.shopMoney.amount, '10.00');
    assert.equal(done.displayFinancialStatus, 'PARTIALLY_REFUNDED');
    assert.equal((await setStatus(transactionId, { status: 'SETTLED' })).status, 422);
    assert.equal((await setStatus(transactionId, { status: 'SUCCESS', extra: true })).status, 422);
    assert.equal((await setStatus('gid://shopify/OrderTransaction/1', { status: 'SUCCESS' })).status, 404);
    assert.equal((await setStatus(await saleOf(created.id), { status: 'FAILURE' })).status, 409);
  });

  it('a return opened on fulfilled units and processed with a refund gives a Refund whose return is that Return, restocking the disposed units', async () => {
    const created = await merchant.webOrder([{ variantId: variants['MUG-L'] as string, quantity: 2 }], { fulfilled: true });
    const fulfilled = await order(created.id, 'fulfillments(first: 5) { fulfillmentLineItems(first: 5) { nodes { id quantity } } }');
    const fulfillmentLineItemId = fulfilled.fulfillments[0].fulfillmentLineItems.nodes[0].id;
    const RETURN_FIELDS = `id name status totalQuantity order { id }
      returnLineItems(first: 5) { nodes { ... on ReturnLineItem { id quantity processedQuantity refundedQuantity returnReason fulfillmentLineItem { id lineItem { id } } } } }
      reverseFulfillmentOrders(first: 1) { nodes { id lineItems(first: 5) { nodes { id totalQuantity dispositions { type quantity location { id } } } } } }
      refunds(first: 5) { nodes { id return { id } totalRefundedSet { shopMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType restocked location { id } } } } }`;
    const tooMany = await merchant.graphql<{ returnCreate: { return: unknown; userErrors: Array<{ field: string[]; code: string }> } }>(
      'mutation($r: ReturnInput!) { returnCreate(returnInput: $r) { return { id } userErrors { field message code } } }',
      { r: { orderId: created.id, returnLineItems: [{ fulfillmentLineItemId, quantity: 3, returnReason: 'DEFECTIVE' }] } },
    );
    assert.deepEqual(tooMany.returnCreate.userErrors.map((e) => [e.field.join('.'), e.code]), [['returnInput.returnLineItems.0.quantity', 'INVALID']]);
    const opened = await merchant.graphql<{ returnCreate: { return: any; userErrors: unknown[] } }>(
      `mutation($r: ReturnInput!) { returnCreate(returnInput: $r) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`,
      { r: { orderId: created.id, returnLineItems: [{ fulfillmentLineItemId, quantity: 2, returnReason: 'DEFECTIVE', returnReasonNote: 'cracked' }] } },
    );
    assert.deepEqual(opened.returnCreate.userErrors, []);
    const ret = opened.returnCreate.return;
    assert.equal(ret.status, 'OPEN');
    assert.equal(ret.name, `${created.name}-R1`);
    const returnLine = ret.returnLineItems.nodes[0];
    assert.deepEqual({ quantity: returnLine.quantity, processed: returnLine.processedQuantity, fli: returnLine.fulfillmentLineItem.id, line: returnLine.fulfillmentLineItem.lineItem.id }, { quantity: 2, processed: 0, fli: fulfillmentLineItemId, line: created.lineItems[0]?.id });
    const rfoLineId = ret.reverseFulfillmentOrders.nodes[0].lineItems.nodes[0].id;
    const stockBefore = await available('MUG-L', 'Warehouse');
    const parentId = await saleOf(created.id);
    const processed = await merchant.graphql<{ returnProcess: { return: any; userErrors: unknown[] } }>(
      `mutation($i: ReturnProcessInput!) { returnProcess(input: $i) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`,
      {
        i: {
          returnId: ret.id,
          returnLineItems: [{ id: returnLine.id, quantity: 2, dispositions: [{ reverseFulfillmentOrderLineItemId: rfoLineId, quantity: 1, dispositionType: 'RESTOCKED', locationId: locations.Warehouse }, { reverseFulfillmentOrderLineItemId: rfoLineId, quantity: 1, dispositionType: 'NOT_RESTOCKED' }] }],
          financialTransfer: { issueRefund: { orderTransactions: [{ parentId, transactionAmount: { amount: '24.00', currencyCode: 'EUR' } }] } },
        },
      },
    );
    assert.deepEqual(processed.returnProcess.userErrors, []);
    const done = processed.returnProcess.return;
    assert.equal(done.status, 'CLOSED');
    assert.equal(done.returnLineItems.nodes[0].processedQuantity, 2);
    assert.equal(done.returnLineItems.nodes[0].refundedQuantity, 2);
    assert.deepEqual(done.reverseFulfillmentOrders.nodes[0].lineItems.nodes[0].dispositions.map((d: { type: string; quantity: number }) => [d.type, d.quantity]), [['RESTOCKED', 1], ['NOT_RESTOCKED', 1]]);
    const refundOfReturn = done.refunds.nodes[0];
    assert.equal(refundOfReturn.return.id, ret.id);
    assert.equal(refundOfReturn.totalRefundedSet.shopMoney.amount, '24.00');
    assert.deepEqual(refundOfReturn.refundLineItems.nodes.map((l: { quantity: number; restockType: string; restocked: boolean }) => [l.quantity, l.restockType, l.restocked]), [[1, 'RETURN', true], [1, 'NO_RESTOCK', false]]);
    assert.equal(await available('MUG-L', 'Warehouse'), stockBefore + 1);
    const again = await merchant.graphql<{ returnProcess: { userErrors: Array<{ code: string }> } }>(
      'mutation($i: ReturnProcessInput!) { returnProcess(input: $i) { userErrors { field code } } }',
      { i: { returnId: ret.id, returnLineItems: [{ id: returnLine.id, quantity: 1 }] } },
    );
    assert.equal(again.returnProcess.userErrors[0]?.code, 'INVALID_STATE');
    const listed = await order(created.id, 'returnStatus returns(first: 5) { nodes { id status } } refunds(first: 5) { id return { id name } }');
    assert.equal(listed.returnStatus, 'RETURNED');
    assert.deepEqual(listed.returns.nodes, [{ id: ret.id, status: 'CLOSED' }]);
    assert.equal(listed.refunds[0].return.name, ret.name);
    const nodes = await merchant.graphql<{ nodes: Array<{ id: string } | null> }>('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Refund { return { id } } ... on Return { status } } }', { ids: [refundOfReturn.id, ret.id] });
    assert.deepEqual(nodes.nodes, [{ id: refundOfReturn.id, return: { id: ret.id } }, { id: ret.id, status: 'CLOSED' }]);
    const single = await merchant.graphql<{ node: { id: string } | null; refund: { id: string } | null; return: { id: string } | null }>('query($r: ID!, $t: ID!) { node(id: $r) { id } refund(id: $r) { id } return(id: $t) { id } }', { r: refundOfReturn.id, t: ret.id });
    assert.deepEqual([single.node?.id, single.refund?.id, single.return?.id], [refundOfReturn.id, refundOfReturn.id, ret.id]);
  });

  it('pages refund lines and shipping lines with first/after, and honours first on Order.refunds, transactions and fulfillments', async () => {
    const mugL = variants['MUG-L'] as string;
    const created = await merchant.webOrder([{ variantId: variants['MUG-S'] as string, quantity: 1 }, { variantId: mugL, quantity: 1 }], {
      fulfilled: true,
      extra: {
        shippingLines: [
          { title: 'Standard', priceSet: { shopMoney: { amount: '5.00', currencyCode: 'EUR' } } },
          { title: 'Insurance', priceSet: { shopMoney: { amount: '1.00', currencyCode: 'EUR' } } },
        ],
      },
    });
    const first = await refund({ orderId: created.id, refundLineItems: created.lineItems.map((l) => ({ lineItemId: l.id, quantity: 1 })), shipping: { fullRefund: true } });
    assert.deepEqual(first.userErrors, []);
    assert.equal(first.refund.refundShippingLines.nodes.length, 2);
    const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on Refund {
      refundLineItems(first: 1, after: $after) { nodes { lineItem { id } } pageInfo { hasNextPage endCursor } }
      refundShippingLines(first: 1, after: $after) { nodes { shippingLine { title } } pageInfo { hasNextPage endCursor } } } } }`;
    const page1 = (await merchant.graphql<{ node: any }>(PAGE, { id: first.refund.id })).node;
    assert.equal(page1.refundLineItems.nodes[0].lineItem.id, created.lineItems[0]?.id);
    assert.equal(page1.refundLineItems.pageInfo.hasNextPage, true);
    const lines2 = (await merchant.graphql<{ node: any }>(PAGE, { id: first.refund.id, after: page1.refundLineItems.pageInfo.endCursor })).node;
    assert.equal(lines2.refundLineItems.nodes[0].lineItem.id, created.lineItems[1]?.id);
    assert.equal(lines2.refundLineItems.pageInfo.hasNextPage, false);
    assert.equal(page1.refundShippingLines.nodes[0].shippingLine.title, 'Standard');
    const shipping2 = (await merchant.graphql<{ node: any }>(PAGE, { id: first.refund.id, after: page1.refundShippingLines.pageInfo.endCursor })).node;
    assert.equal(shipping2.refundShippingLines.nodes[0].shippingLine.title, 'Insurance');
    assert.equal(shipping2.refundShippingLines.pageInfo.hasNextPage, false);
    await refund({ orderId: created.id, transactions: [{ orderId: created.id, gateway: 'manual', kind: 'REFUND', amount: '1.00' }], allowOverRefunding: true });
    const ORDER_PAGE = 'query($id: ID!, $after: String) { order(id: $id) { refunds(first: 1) { id } transactions(first: 1) { id } fulfillments(first: 1) { id } shippingLines(first: 1, after: $after) { nodes { title } pageInfo { hasNextPage endCursor } } } }';
    const o1 = (await merchant.graphql<{ order: any }>(ORDER_PAGE, { id: created.id })).order;
    assert.deepEqual([o1.refunds.length, o1.transactions.length, o1.fulfillments.length], [1, 1, 1]);
    assert.deepEqual(o1.shippingLines.nodes, [{ title: 'Standard' }]);
    assert.equal(o1.shippingLines.pageInfo.hasNextPage, true);
    const o2 = (await merchant.graphql<{ order: any }>(ORDER_PAGE, { id: created.id, after: o1.shippingLines.pageInfo.endCursor })).order;
    assert.deepEqual(o2.shippingLines.nodes, [{ title: 'Insurance' }]);
    assert.equal(o2.shippingLines.pageInfo.hasNextPage, false);
    const all = (await merchant.graphql<{ order: any }>('query($id: ID!) { order(id: $id) { refunds { id } transactions { id } } }', { id: created.id })).order;
    assert.equal(all.refunds.length, 2);
    assert.equal(all.transactions.length, 3); // the sale and two refunds
  });

  it('an order with a presentment currency needs that currency on refundCreate and shows refunds in shop and presentment money', async () => {
    const created = await merchant.order({
      lineItems: [{ variantId: variants['MUG-S'], quantity: 2 }],
      currency: 'EUR',
      presentmentCurrency: 'USD',
      financialStatus: 'PAID',
      fulfillmentStatus: 'FULFILLED',
    });
    const input = { orderId: created.id, refundLineItems: [{ lineItemId: created.lineItems[0]?.id, quantity: 1 }] };
    const missing = await refund(input);
    assert.deepEqual(missing.userErrors.map((e) => e.field?.join('.')), ['currency']);
    const wrong = await refund({ ...input, currency: 'GBP' });
    assert.match(wrong.userErrors[0]?.message ?? '', /presentment currency \(USD\)/);
    const done = await refund({ ...input, currency: 'USD' });
    assert.deepEqual(done.userErrors, []);
    assert.deepEqual(done.refund.totalRefundedSet, { shopMoney: { amount: '10.00', currencyCode: 'EUR' }, presentmentMoney: { amount: '10.00', currencyCode: 'USD' } });
    const event = events.find((e) => e.payload.admin_graphql_api_id === done.refund.id);
    const line = (event?.payload.refund_line_items as Array<{ subtotal_set: unknown }>)[0];
    assert.deepEqual(line?.subtotal_set, { shop_money: { amount: '10.00', currency_code: 'EUR' }, presentment_money: { amount: '10.00', currency_code: 'USD' } });
  });
});
