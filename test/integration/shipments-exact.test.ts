import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

interface OrderFulfillmentView {
  order: {
    displayFulfillmentStatus: string;
    fulfillments: Array<{ id: string; status: string; location: { name: string } | null; fulfillmentLineItems: { nodes: Array<{ quantity: number; lineItem: { sku: string } }> } }>;
    fulfillmentOrders: { nodes: Array<{ id: string; status: string }> };
  };
}

/** Posted shipments sent as fulfillments on stores as they really are: split over locations, held, scheduled, long. */
describe('shipments → fulfillments, exact', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  let emulatorUrl: string;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    emulatorUrl = (await testStack()).emulatorUrl;
    await erp.items.upsert({ no: 'TS', description: 'T-shirt', unitPrice: '10.00', variants: [{ code: 'S' }, { code: 'M' }] });
    await erp.items.upsert({ no: 'BIG', description: 'Assortment', unitPrice: '1.00', variants: Array.from({ length: 42 }, (_, i) => ({ code: `V${String(i + 1).padStart(2, '0')}` })) });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string, settings: Record<string, unknown> = {}) {
    const shop = await emulatedShop(prefix, {
      currencyCode: 'EUR',
      plan: 'plus',
      locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }, { name: 'Store', city: 'Paris', countryCode: 'FR' }, { name: 'ShipBob', city: 'Lille', countryCode: 'FR' }],
    });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNoAndVariantCode', skuFieldSeparator: '-', autoCreateUnknownCustomers: true, autoCreateOrders: true, shippingChargesAccount: '7190', ...settings });
    const merchant = new Merchant(emulatorUrl, shop.domain, shop.token);
    return { ...shop, merchant };
  }

  const run = async (shop: string, task: 'orders' | 'postSalesDocuments' | 'shipments') => (await client.runTask({ shop, task, wait: true })).result as Record<string, number>;

  /** Imports the order (its sales order is made at once) and posts it: one posted shipment. */
  async function shipmentOf(shop: string, orderId: string): Promise<string> {
    await run(shop, 'orders');
    await run(shop, 'postSalesDocuments');
    const mirror = await erp.orders.get(shop, orderId);
    assert.ok(mirror?.document?.no, 'the order has a sales document');
    return `PS-${mirror.document.no}`;
  }

  /** Shopify's order routing, as the emulator's admin API imitates it. */
  async function route(shop: string, orderId: string, fulfillmentOrders: unknown[]): Promise<Array<{ id: string }>> {
    const response = await fetch(`${emulatorUrl}/emulator/shops/${shop}/orders/${orderId.split('/').pop()}/fulfillment-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fulfillmentOrders }),
    });
    const body = (await response.json()) as { fulfillmentOrders: Array<{ id: string }> };
    assert.equal(response.status, 200, JSON.stringify(body));
    return body.fulfillmentOrders;
  }

  const view = (merchant: Merchant, id: string) =>
    merchant.graphql<OrderFulfillmentView>(
      `query($id: ID!) { order(id: $id) {
        displayFulfillmentStatus
        fulfillments(first: 5) { id status location { name } fulfillmentLineItems(first: 50) { nodes { quantity lineItem { sku } } } }
        fulfillmentOrders(first: 20) { nodes { id status } }
      } }`,
      { id },
    );

  it('makes exactly two fulfillments for a shipment across two locations when the answer of the second is lost', async () => {
    const shop = await newShop('split');
    const variants = await shop.merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    const order = await shop.merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 2 }, { variantId: variants['TS-M'] as string, quantity: 1 }]);
    const [small, medium] = order.lineItems;
    await route(shop.domain, order.id, [
      { locationName: 'Warehouse', lines: [{ lineItemId: small?.id, quantity: 1 }, { lineItemId: medium?.id, quantity: 1 }] },
      { locationName: 'Store', lines: [{ lineItemId: small?.id, quantity: 1 }] },
    ]);
    const shipmentNo = await shipmentOf(shop.domain, order.id);
    const admin = await emulatorAdmin();
    // The first fulfillmentCreate answers late; meanwhile the second one's answer is set to be lost.
    await admin.setFaults(shop.domain, [{ kind: 'latency', latencyMs: 3000, count: 1, phase: 'after', operation: 'mutation' }]);
    const sending = run(shop.domain, 'shipments');
    await eventually('the first fulfillment', async () => ((await view(shop.merchant, order.id)).order.fulfillments.length === 1 ? true : undefined));
    await admin.setFaults(shop.domain, [{ kind: 'http5xx', status: 502, count: 1, phase: 'after', operation: 'mutation' }]);
    assert.equal((await sending).sent, 1);
    assert.ok((await admin.stats(shop.domain)).faultsInjected >= 1);
    const fulfilled = (await view(shop.merchant, order.id)).order;
    assert.deepEqual(fulfilled.fulfillments.map((f) => f.location?.name).sort(), ['Store', 'Warehouse']);
    assert.equal(fulfilled.displayFulfillmentStatus, 'FULFILLED');
    const shipment = await erp.posted.shipment(shipmentNo);
    assert.equal(shipment?.fulfillment.state, 'sent');
    assert.deepEqual([...(shipment?.fulfillment.fulfillmentIds ?? [])].sort(), fulfilled.fulfillments.map((f) => f.id).sort());
  });

  it('makes one fulfillment for a shipment of some of the order lines when its answer is lost', async () => {
    const shop = await newShop('part');
    const variants = await shop.merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    const order = await shop.merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 3 }, { variantId: variants['TS-M'] as string, quantity: 1 }]);
    const shipmentNo = await shipmentOf(shop.domain, order.id);
    // The warehouse shipped two shirts S, not the rest.
    await erp.db.collection<{ _id: string }>('salesShipments').updateOne({ _id: shipmentNo }, { $set: { lines: [{ ...(await erp.posted.shipment(shipmentNo))?.lines[0], quantity: 2 }] } });
    const admin = await emulatorAdmin();
    await admin.setFaults(shop.domain, [{ kind: 'http5xx', status: 502, count: 1, phase: 'after', operation: 'mutation' }]);
    assert.equal((await run(shop.domain, 'shipments')).sent, 1);
    const fulfilled = (await view(shop.merchant, order.id)).order;
    assert.equal(fulfilled.fulfillments.length, 1);
    assert.deepEqual(fulfilled.fulfillments[0]?.fulfillmentLineItems.nodes.map((n) => [n.lineItem.sku, n.quantity]), [['TS-S', 2]]);
    assert.equal(fulfilled.displayFulfillmentStatus, 'PARTIALLY_FULFILLED');
    assert.deepEqual((await erp.posted.shipment(shipmentNo))?.fulfillment.fulfillmentIds, [fulfilled.fulfillments[0]?.id]);
  });

  it('makes a shipment wait while its fulfillment order is on hold, and releases the hold and fulfils once releaseFulfillmentHolds is on', async () => {
    const shop = await newShop('hold');
    const variants = await shop.merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    const order = await shop.merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 1 }]);
    const shipmentNo = await shipmentOf(shop.domain, order.id);
    const fo = (await view(shop.merchant, order.id)).order.fulfillmentOrders.nodes[0];
    const held = await shop.merchant.graphql<{ fulfillmentOrderHold: { fulfillmentOrder: { status: string } | null; userErrors: unknown[] } }>(
      'mutation($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: INCORRECT_ADDRESS, reasonNotes: "check the street" }) { fulfillmentOrder { status } userErrors { field message } } }',
      { id: fo?.id },
    );
    assert.deepEqual(held.fulfillmentOrderHold, { fulfillmentOrder: { status: 'ON_HOLD' }, userErrors: [] });

    assert.deepEqual(await run(shop.domain, 'shipments'), { sent: 0, failed: 0, nothingToSend: 0, waiting: 1 });
    assert.equal((await erp.posted.shipment(shipmentNo))?.fulfillment.state, 'waiting');
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.waitingShipments.count, 1);
    assert.match(status.cues.waitingShipments.items[0]?.error ?? '', /on hold in Shopify \(Incorrect address\)/);
    assert.equal(status.cues.shipmentErrors.count, 0);
    assert.equal((await run(shop.domain, 'shipments')).waiting, 1, 'it waits again on the next run, without an error');

    await client.updateShop(shop.domain, { releaseFulfillmentHolds: true });
    assert.equal((await run(shop.domain, 'shipments')).sent, 1);
    const fulfilled = (await view(shop.merchant, order.id)).order;
    assert.equal(fulfilled.fulfillments.length, 1);
    assert.equal(fulfilled.fulfillmentOrders.nodes[0]?.status, 'CLOSED');
    assert.equal((await client.getShopStatus(shop.domain)).cues.waitingShipments.count, 0);
  });

  it('makes a shipment wait while its fulfillment order is scheduled, and opens and fulfils it once releaseFulfillmentHolds is on', async () => {
    const shop = await newShop('sched');
    const variants = await shop.merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    const order = await shop.merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 2 }]);
    await route(shop.domain, order.id, [{ locationName: 'Warehouse', status: 'SCHEDULED', fulfillAt: '2099-01-01T00:00:00Z', lines: [{ lineItemId: order.lineItems[0]?.id, quantity: 2 }] }]);
    const shipmentNo = await shipmentOf(shop.domain, order.id);
    assert.equal((await run(shop.domain, 'shipments')).waiting, 1);
    assert.match((await erp.posted.shipment(shipmentNo))?.fulfillment.waitingFor ?? '', /scheduled in Shopify for 2099-01-01/);
    assert.equal((await view(shop.merchant, order.id)).order.fulfillments.length, 0);

    await client.updateShop(shop.domain, { releaseFulfillmentHolds: true });
    assert.equal((await run(shop.domain, 'shipments')).sent, 1);
    const fulfilled = (await view(shop.merchant, order.id)).order;
    assert.equal(fulfilled.fulfillments.length, 1);
    assert.equal(fulfilled.displayFulfillmentStatus, 'FULFILLED');
  });

  it('leaves a fulfillment order assigned to a fulfillment service to the service: the shipment waits, even with releaseFulfillmentHolds on', async () => {
    const shop = await newShop('service', { releaseFulfillmentHolds: true });
    const variants = await shop.merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    const order = await shop.merchant.webOrder([{ variantId: variants['TS-S'] as string, quantity: 1 }]);
    await route(shop.domain, order.id, [{ locationName: 'ShipBob', fulfillmentService: { serviceName: 'ShipBob' }, lines: [{ lineItemId: order.lineItems[0]?.id, quantity: 1 }] }]);
    const shipmentNo = await shipmentOf(shop.domain, order.id);
    assert.deepEqual(await run(shop.domain, 'shipments'), { sent: 0, failed: 0, nothingToSend: 0, waiting: 1 });
    assert.match((await erp.posted.shipment(shipmentNo))?.fulfillment.waitingFor ?? '', /at ShipBob is assigned to a fulfillment service/);
    assert.equal((await view(shop.merchant, order.id)).order.fulfillments.length, 0);
  });

  it('fulfils an order of 42 lines routed into 12 fulfillment orders at two locations completely', async () => {
    const shop = await newShop('long');
    const skus = Array.from({ length: 42 }, (_, i) => `BIG-V${String(i + 1).padStart(2, '0')}`);
    const variants = await shop.merchant.product('Assortment', skus.map((sku) => ({ sku, price: '1.00' })));
    const order = await shop.merchant.webOrder(skus.map((sku) => ({ variantId: variants[sku] as string, quantity: 1 })));
    assert.equal(order.lineItems.length, 42);
    // One fulfillment order of 31 lines (more than one page of lines), then 11 of one line each, alternating locations.
    await route(shop.domain, order.id, [
      { locationName: 'Warehouse', lines: order.lineItems.slice(0, 31).map((l) => ({ lineItemId: l.id, quantity: 1 })) },
      ...order.lineItems.slice(31).map((l, i) => ({ locationName: i % 2 ? 'Warehouse' : 'Store', lines: [{ lineItemId: l.id, quantity: 1 }] })),
    ]);
    const shipmentNo = await shipmentOf(shop.domain, order.id);
    assert.equal((await erp.posted.shipment(shipmentNo))?.lines.length, 42);
    assert.equal((await run(shop.domain, 'shipments')).sent, 1);
    const fulfilled = (await view(shop.merchant, order.id)).order;
    assert.equal(fulfilled.displayFulfillmentStatus, 'FULFILLED');
    assert.equal(fulfilled.fulfillmentOrders.nodes.length, 12);
    assert.ok(fulfilled.fulfillmentOrders.nodes.every((fo) => fo.status === 'CLOSED'));
    assert.equal(fulfilled.fulfillments.length, 2, 'one fulfillment per location');
    assert.equal(fulfilled.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes).reduce((sum, n) => sum + n.quantity, 0), 42);
  });
});
