import assert from 'node:assert/strict';
import { Client, Connection } from '@temporalio/client';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { SyncRecordErrors } from '../../src/temporal/search-attributes';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/** Orders from Shopify to sales documents, posting, and back to Shopify as fulfillments. */
describe('order to cash', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  let temporal: Client;
  let connection: Connection;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    connection = await Connection.connect({ address: config.temporalAddress });
    temporal = new Client({ connection, namespace: config.temporalNamespace });
    await erp.items.upsert({ no: 'TS', description: 'T-shirt', unitPrice: '10.00', variants: [{ code: 'S' }, { code: 'M' }] });
    await erp.items.upsert({ no: 'MUG', description: 'Mug', unitPrice: '8.00', barcodes: [{ barcode: '4006381333931' }] });
    await erp.customers.upsert('C-KNOWN', { name: 'Known Buyer', email: 'known@example.com' });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
    await connection?.close();
  });

  async function newShop(prefix: string, settings: Record<string, unknown> = {}) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus', locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }] });
    await client.addShop({
      domain: shop.domain,
      allowBackgroundSyncs: false,
      skuMapping: 'itemNoAndVariantCode',
      skuFieldSeparator: '-',
      autoCreateUnknownCustomers: true,
      shippingChargesAccount: '7190',
      ...settings,
    });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const variants = await merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    const mug = await merchant.product('Mug', [{ sku: 'NOPE', price: '8.00', barcode: '4006381333931' }]);
    return { ...shop, merchant, variants: { ...variants, ...mug } };
  }

  const run = async (shop: string, task: Parameters<ShopSyncClient['runTask']>[0]['task'], filters?: Record<string, unknown>, options?: Record<string, unknown>) =>
    (await client.runTask({ shop, task, wait: true, filters, options })).result as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('imports an order, makes a sales order, posts it and sends the shipment as a fulfillment with tracking', async () => {
    const shop = await newShop('o2c');
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 2 }, { variantId: shop.variants['NOPE'] as string, quantity: 1 }]);
    const imported = await run(shop.domain, 'orders');
    assert.equal(imported.created, 1);
    const documents = await run(shop.domain, 'salesDocuments');
    assert.deepEqual(documents, { processed: 1, failed: 0, skipped: 0 });
    const mirror = await erp.orders.get(shop.domain, order.id);
    assert.equal(mirror?.processed, true);
    assert.equal(mirror?.document?.type, 'order');
    const document = await erp.salesDocuments.get(mirror?.document?.no as string);
    assert.ok(document);
    assert.equal(document.status, 'released');
    assert.equal(document.shopifyOrderNo, order.name);
    assert.deepEqual(document.lines.map((l) => [l.type, l.no, l.variantCode, l.quantity, l.unitPrice]), [
      ['item', 'TS', 'S', 2, '10.00'],
      ['item', 'MUG', null, 1, '8.00'],
      ['glAccount', '7190', null, 1, '5.00'],
    ]);
    assert.equal(document.amount, '33.00');
    // The document number is written back to the order; its echo on the next import changes nothing.
    const attributes = await shop.merchant.graphql<{ order: { customAttributes: Array<{ key: string; value: string }> } }>('query($id: ID!) { order(id: $id) { customAttributes { key value } } }', { id: order.id });
    assert.deepEqual(attributes.order.customAttributes, [{ key: 'ERP Doc. No.', value: document._id }]);
    const echo = await run(shop.domain, 'orders');
    assert.equal(echo.conflicts, 0);
    assert.equal((await erp.orders.get(shop.domain, order.id))?.orderStateConflict, false);

    await erp.salesDocuments.setShippingInfo(document._id, { agent: { name: 'DHL', trackingUrl: 'https://track.example/?n=%1' }, trackingNo: 'TRK-42' });
    const posted = await run(shop.domain, 'postSalesDocuments');
    assert.deepEqual(posted, { posted: 1, shipments: 1, invoices: 1 });
    const shipmentNo = `PS-${document._id}`;
    assert.equal((await erp.posted.shipment(shipmentNo))?.fulfillment.state, 'unprocessed');
    assert.equal((await client.getShopStatus(shop.domain)).cues.unprocessedShipments.count, 1);

    const sent = await run(shop.domain, 'shipments');
    assert.equal(sent.sent, 1);
    const shipment = await erp.posted.shipment(shipmentNo);
    assert.equal(shipment?.fulfillment.state, 'sent');
    const fulfilled = await shop.merchant.graphql<{ order: { displayFulfillmentStatus: string; fulfillments: Array<{ id: string; trackingInfo: Array<{ company: string; number: string; url: string }> }> } }>(
      'query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillments(first: 5) { id trackingInfo { company number url } } } }',
      { id: order.id },
    );
    assert.equal(fulfilled.order.displayFulfillmentStatus, 'FULFILLED');
    assert.deepEqual(fulfilled.order.fulfillments.map((f) => f.id), shipment?.fulfillment.fulfillmentIds);
    assert.deepEqual(fulfilled.order.fulfillments[0]?.trackingInfo, [{ company: 'DHL', number: 'TRK-42', url: 'https://track.example/?n=TRK-42' }]);

    // Every task again: nothing new, nothing doubled.
    assert.equal((await run(shop.domain, 'salesDocuments')).processed, 0);
    assert.equal((await run(shop.domain, 'postSalesDocuments')).posted, 0);
    assert.equal((await run(shop.domain, 'shipments')).sent, 0);
    const again = await shop.merchant.graphql<{ order: { fulfillments: unknown[] } }>('query($id: ID!) { order(id: $id) { fulfillments(first: 5) { id } } }', { id: order.id });
    assert.equal(again.order.fulfillments.length, 1);
  });

  it('does not fulfil twice when Shopify applied the fulfillment but its answer was lost', async () => {
    const shop = await newShop('lost', { autoCreateOrders: true });
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }]);
    await run(shop.domain, 'orders');
    await run(shop.domain, 'postSalesDocuments');
    const admin = await emulatorAdmin();
    // The next mutation is carried out, then its answer is replaced by a 502.
    await admin.setFaults(shop.domain, [{ kind: 'http5xx', status: 502, count: 1, phase: 'after', operation: 'mutation' }]);
    const sent = await run(shop.domain, 'shipments');
    assert.equal(sent.sent, 1);
    const fulfilments = await shop.merchant.graphql<{ order: { fulfillments: Array<{ id: string }> } }>('query($id: ID!) { order(id: $id) { fulfillments(first: 5) { id } } }', { id: order.id });
    assert.equal(fulfilments.order.fulfillments.length, 1);
    assert.equal((await admin.stats(shop.domain)).faultsInjected, 1);
    const mirror = await erp.orders.get(shop.domain, order.id);
    const shipment = await erp.posted.shipment(`PS-${mirror?.document?.no}`);
    assert.deepEqual(shipment?.fulfillment.fulfillmentIds, fulfilments.order.fulfillments.map((f) => f.id));
  });

  it('records a shipment Shopify refuses as an error, and sends it again when the user retries', async () => {
    const shop = await newShop('refused', { autoCreateOrders: true });
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }]);
    await run(shop.domain, 'orders');
    await run(shop.domain, 'postSalesDocuments');
    // The merchant cancels the order in Shopify before the shipment is sent: nothing is left to fulfil.
    await shop.merchant.graphql('mutation($id: ID!) { orderCancel(orderId: $id, reason: OTHER, restock: false) { orderCancelUserErrors { message } } }', { id: order.id });
    assert.equal((await run(shop.domain, 'shipments')).failed, 1);
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.shipmentErrors.count, 1);
    assert.match(status.cues.shipmentErrors.items[0]?.error ?? '', /nothing left to fulfil/);
    assert.equal(await client.retryShipments(shop.domain), 1);
    assert.equal((await client.getShopStatus(shop.domain)).cues.unprocessedShipments.count, 1);
  });

  it('leaves refunded quantities out of the sales document', async () => {
    const shop = await newShop('refund');
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 3 }]);
    await shop.merchant.graphql(
      'mutation($i: RefundInput!) { refundCreate(input: $i) @idempotent(key: "refund-of-one-shirt") { userErrors { message } } }',
      { i: { orderId: order.id, refundLineItems: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, restockType: 'NO_RESTOCK' }] } },
    );
    await run(shop.domain, 'orders');
    await run(shop.domain, 'salesDocuments');
    const mirror = await erp.orders.get(shop.domain, order.id);
    const document = await erp.salesDocuments.get(mirror?.document?.no as string);
    assert.equal(document?.lines.find((l) => l.type === 'item')?.quantity, 2);
  });

  it('sends nothing to Shopify when the shop forbids outgoing requests, and says so', async () => {
    const shop = await newShop('quiet', { autoCreateOrders: true, allowOutgoingRequests: false });
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }]);
    await run(shop.domain, 'orders');
    await run(shop.domain, 'postSalesDocuments');
    assert.deepEqual(await run(shop.domain, 'shipments'), { sent: 0, failed: 0, nothingToSend: 0, waiting: 1 });
    const attributes = await shop.merchant.graphql<{ order: { customAttributes: unknown[]; fulfillments: unknown[] } }>('query($id: ID!) { order(id: $id) { customAttributes { key } fulfillments(first: 1) { id } } }', { id: order.id });
    assert.deepEqual(attributes.order, { customAttributes: [], fulfillments: [] });
    const status = await client.getShopStatus(shop.domain);
    assert.match(status.cues.skippedRecords.items[0]?.error ?? '', /allowOutgoingRequests off/);
    assert.equal(status.cues.unprocessedShipments.count, 1);
  });

  it('turns a fulfilled, paid order into an invoice, posts it and archives the order', async () => {
    const shop = await newShop('invoice', { autoCreateOrders: true });
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-M'] as string, quantity: 1 }], { fulfilled: true });
    const imported = await run(shop.domain, 'orders');
    assert.equal(imported.documents.processed, 1);
    const mirror = await erp.orders.get(shop.domain, order.id);
    assert.equal(mirror?.document?.type, 'invoice');
    const closed = await shop.merchant.graphql<{ order: { closed: boolean } }>('query($id: ID!) { order(id: $id) { closed } }', { id: order.id });
    assert.equal(closed.order.closed, true);
    assert.deepEqual(await run(shop.domain, 'postSalesInvoices'), { posted: 1, shipments: 0, invoices: 1 });
    assert.ok(await erp.posted.invoice(`PI-${mirror?.document?.no}`));
  });

  it('leaves unmappable and malformed orders unprocessed with an error that says what is missing', async () => {
    const shop = await newShop('bad', { autoCreateUnknownCustomers: false, shippingChargesAccount: null });
    const unknownItem = await shop.merchant.order({
      lineItems: [{ title: 'Mystery', sku: 'ZZZ-1', quantity: 1, priceSet: { shopMoney: { amount: '3.00', currencyCode: 'EUR' } }, requiresShipping: true }],
      email: 'known@example.com',
    });
    const unknownCustomer = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }], { email: 'stranger@example.com' });
    const noCustomer = await shop.merchant.order({ lineItems: [{ variantId: shop.variants['TS-S'], quantity: 1 }] });
    const longText = await shop.merchant.order({
      lineItems: [{ title: 'Ümlaut 漢字 '.repeat(40), sku: 'TS-M', quantity: 1, priceSet: { shopMoney: { amount: '12.00', currencyCode: 'EUR' } } }],
      email: 'known@example.com',
      note: 'Привет '.repeat(500),
    });
    await run(shop.domain, 'orders');
    const result = await client.runTask({ shop: shop.domain, task: 'salesDocuments', wait: true });
    assert.deepEqual(result.result, { processed: 1, failed: 3, skipped: 0 });
    const error = async (id: string) => (await erp.orders.get(shop.domain, id))?.error?.message ?? '';
    assert.match(await error(unknownItem.id), /line "Mystery" \(SKU ZZZ-1\) is not mapped to an ERP item/);
    assert.match(await error(unknownCustomer.id), /no ERP customer matches stranger@example\.com/);
    assert.match(await error(noCustomer.id), /has no customer, e-mail or phone/);
    assert.equal((await erp.orders.get(shop.domain, longText.id))?.processed, true);
    const runInfo = await temporal.workflow.getHandle(result.workflowId, result.runId).describe();
    assert.equal(runInfo.typedSearchAttributes.get(SyncRecordErrors), 3);
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.unprocessedOrders.count, 3);
    assert.equal(status.cues.unmappedCustomers.count, 1);
    assert.equal(status.cues.unmappedProducts.count, 0); // the custom line has no variant to map
    // Fixing the data makes the next run process them: errored orders are retried.
    await erp.customers.upsert('C-STRANGER', { name: 'Stranger', email: 'stranger@example.com' });
    assert.equal((await run(shop.domain, 'salesDocuments')).processed, 0);
    assert.match(await error(unknownCustomer.id), /shipping charges of 5\.00, but the shop has no shippingChargesAccount/);
    await client.updateShop(shop.domain, { shippingChargesAccount: '7190' });
    assert.equal((await run(shop.domain, 'salesDocuments')).processed, 1);
    assert.equal((await erp.orders.get(shop.domain, unknownCustomer.id))?.erpCustomerNo, 'C-STRANGER');
  });

  it('flags an order edited after processing as an unprocessed order update, and a cancelled one too', async () => {
    const shop = await newShop('edited', { autoCreateOrders: true });
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }]);
    await run(shop.domain, 'orders');
    await shop.merchant.graphql('mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refund: true) { orderCancelUserErrors { message } } }', { id: order.id });
    const result = await run(shop.domain, 'orders');
    assert.equal(result.conflicts, 1);
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.unprocessedOrderUpdates.count, 1);
    assert.match(status.cues.unprocessedOrderUpdates.items[0]?.error ?? '', /was cancelled/);
  });

  it('filters orders like the connector request page, and imports a date range with closed orders', async () => {
    // As the connector: a normal run leaves new closed orders out (see closed-orders.test.ts for the other settings).
    const shop = await newShop('filters', { importClosedOrders: 'never' });
    const paid = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }], { extra: { tags: ['b2b'] } });
    const pending = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 1 }], { paid: false });
    const closed = await shop.merchant.order({ lineItems: [{ variantId: shop.variants['TS-S'], quantity: 1 }], email: 'known@example.com', closedAt: '2026-01-01T00:00:00Z' });
    const onlyPaid = await run(shop.domain, 'orders', { financialStatus: 'PAID', tag: 'b2b' });
    assert.equal(onlyPaid.created, 1);
    assert.ok(await erp.orders.get(shop.domain, paid.id));
    assert.equal(await erp.orders.get(shop.domain, pending.id), null);
    const all = await run(shop.domain, 'orders');
    assert.equal(all.created, 1, 'the pending order; the closed one is not imported by a normal run');
    assert.equal(await erp.orders.get(shop.domain, closed.id), null);
    const range = await run(shop.domain, 'orders', {}, { since: '2020-01-01T00:00:00Z' });
    assert.equal(range.created, 1);
    assert.ok(await erp.orders.get(shop.domain, closed.id));
    await assert.rejects(client.runTask({ shop: shop.domain, task: 'orders', wait: true, filters: { financialStatus: 'SORT_OF' } }), /filters\.financialStatus/);
  });

  it('imports payouts and balance transactions once, by the highest id seen', async () => {
    const shop = await newShop('payouts');
    await (await emulatorAdmin()).seedPayouts(shop.domain, {
      payouts: [{ status: 'IN_TRANSIT', issuedAt: '2026-11-01T00:00:00Z', net: '95.00', gross: '100.00', fee: '5.00' }],
      balanceTransactions: [{ type: 'CHARGE', amount: '100.00', fee: '5.00', transactionDate: '2026-10-30T10:00:00Z', payoutIndex: 0 }],
    });
    assert.deepEqual(await run(shop.domain, 'payments'), { payouts: 1, balanceTransactions: 1, refreshedPayouts: 0 });
    // The payout is still in transit: it and its transaction are read again for their status.
    assert.deepEqual(await run(shop.domain, 'payments'), { payouts: 0, balanceTransactions: 0, refreshedPayouts: 1, refreshedTransactions: 1 });
    assert.equal(await erp.payouts.transactions.countDocuments({ shop: shop.domain }), 1);
  });
});
