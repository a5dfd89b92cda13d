import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, testConfig, testStack, testWorker } from '../support/stack';

/** Refunds made in Shopify after an order's document: imported with the order, credited once, posted once. */
describe('refunds and credit memos', () => {
  let client: ShopSyncClient;
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.items.upsert({ no: 'TS', description: 'T-shirt', unitPrice: '10.00', variants: [{ code: 'S' }, { code: 'M' }] });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string, settings: Record<string, unknown> = {}) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus', locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }] });
    await client.addShop({
      domain: shop.domain,
      allowBackgroundSyncs: false,
      skuMapping: 'itemNoAndVariantCode',
      skuFieldSeparator: '-',
      autoCreateUnknownCustomers: true,
      autoCreateOrders: true,
      returnAndRefundProcess: 'autoCreateCreditMemo',
      shippingChargesAccount: '7190',
      refundAccount: '6100',
      refundAccountNonRestockItems: '6110',
      ...settings,
    });
    const merchant = new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token);
    const variants = await merchant.product('T-shirt', [{ sku: 'TS-S', price: '10.00' }, { sku: 'TS-M', price: '12.00' }]);
    await run(shop.domain, 'refreshShopInfo');
    const [location] = await erp.locations.list(shop.domain);
    await erp.locations.configure(shop.domain, location?.shopifyId as string, { defaultLocationCode: 'RETURNS' });
    return { ...shop, merchant, variants, locationId: location?.shopifyId as string };
  }

  const run = async (shop: string, task: Parameters<ShopSyncClient['runTask']>[0]['task']) =>
    (await client.runTask({ shop, task, wait: true })).result as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  const documentsOf = async (shop: string, orderId: string) =>
    (await erp.db.collection('salesDocuments').find({ shop, shopifyOrderId: orderId }).sort({ createdAt: 1, _id: 1 }).toArray()) as unknown as Array<{ _id: string; type: string; shopifyRefundId: string | null; amount: string; lines: Array<{ type: string; no: string; quantity: number; unitPrice: string; lineDiscountAmount: string; locationCode?: string | null }> }>;

  it('turns each refund made after the order\'s document into one credit memo (returned items at the return location, shipping, the difference), posted once', async () => {
    const shop = await newShop('refund');
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 3 }], { fulfilled: true });
    const first = await run(shop.domain, 'orders');
    assert.equal(first.documents.processed, 1);
    const line = order.lineItems[0]?.id as string;

    const returned = await shop.merchant.refund({ orderId: order.id, refundLineItems: [{ lineItemId: line, quantity: 1, restockType: 'RETURN', locationId: shop.locationId }], shipping: { fullRefund: true } });
    const goodwill = await shop.merchant.refund({
      orderId: order.id,
      refundLineItems: [{ lineItemId: line, quantity: 1, restockType: 'NO_RESTOCK' }],
      transactions: [{ orderId: order.id, kind: 'REFUND', gateway: 'manual', amount: '8.00', parentId: (await saleOf(shop.merchant, order.id)) }],
    });
    const second = await run(shop.domain, 'orders');
    assert.equal(second.refunds, 2);
    assert.deepEqual(second.creditMemos, { credited: 2, settled: 0, waiting: 0, failed: 0 });

    const documents = await documentsOf(shop.domain, order.id);
    assert.deepEqual(documents.map((d) => [d.type, d.shopifyRefundId]), [['invoice', null], ['creditMemo', returned.id], ['creditMemo', goodwill.id]]);
    const memoOf = (refundId: string) => documents.find((d) => d.shopifyRefundId === refundId);
    assert.deepEqual(memoOf(returned.id)?.lines.map((l) => [l.type, l.no, l.quantity, l.unitPrice, l.locationCode ?? null]), [['item', 'TS', 1, '10.00', 'RETURNS'], ['glAccount', '7190', 1, '5.00', null]]);
    assert.equal(memoOf(returned.id)?.amount, '15.00');
    assert.deepEqual(memoOf(goodwill.id)?.lines.map((l) => [l.no, l.quantity, l.unitPrice]), [['6110', 1, '10.00'], ['6100', 1, '-2.00']]);
    assert.equal(memoOf(goodwill.id)?.amount, '8.00');

    // Every task again: no refund read twice, no second memo.
    const again = await run(shop.domain, 'orders');
    assert.equal(again.refunds, 0);
    await run(shop.domain, 'salesDocuments');
    assert.equal((await documentsOf(shop.domain, order.id)).length, 3);

    const posted = await run(shop.domain, 'postCreditMemos');
    assert.deepEqual(posted, { posted: 2, shipments: 0, invoices: 0, creditMemos: 2 });
    assert.equal((await erp.posted.creditMemo(`PCM-${memoOf(returned.id)?._id}`))?.amount, '15.00');
    assert.equal((await run(shop.domain, 'postCreditMemos')).posted, 0);
    assert.equal(await erp.db.collection('salesCreditMemos').countDocuments({ shop: shop.domain }), 2);
  });

  it('makes no credit memo for a refund the order\'s document already leaves out (refunded before processing)', async () => {
    const shop = await newShop('before');
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 3 }], { fulfilled: true });
    const refund = await shop.merchant.refund({ orderId: order.id, refundLineItems: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, restockType: 'RETURN', locationId: shop.locationId }] });
    const result = await run(shop.domain, 'orders');
    assert.equal(result.documents.processed, 1);
    const documents = await documentsOf(shop.domain, order.id);
    assert.deepEqual(documents.map((d) => d.type), ['invoice']);
    assert.deepEqual(documents[0]?.lines.filter((l) => l.type === 'item').map((l) => l.quantity), [2]);
    const stored = await erp.refunds.get(shop.domain, refund.id);
    assert.equal(stored?.state, 'inOrderDocument');
    assert.equal(stored?.open, false);
  });

  it('keeps a refund with a pending transaction open with the reason, and credits it once the money moved', async () => {
    const shop = await newShop('pending');
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 2 }], { fulfilled: true });
    await run(shop.domain, 'orders');
    const refund = await shop.merchant.refund({ orderId: order.id, refundLineItems: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, restockType: 'RETURN', locationId: shop.locationId }] });
    await setTransactionStatus(shop.domain, refund.transactions[0]?.id as string, 'PENDING');
    const waiting = await run(shop.domain, 'orders');
    assert.deepEqual(waiting.creditMemos, { credited: 0, settled: 0, waiting: 1, failed: 0 });
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.unprocessedRefunds.count, 1);
    assert.match(status.cues.unprocessedRefunds.items[0]?.error ?? '', /^waiting: refund transaction .* is still pending/);

    await setTransactionStatus(shop.domain, refund.transactions[0]?.id as string, 'SUCCESS');
    const settled = await run(shop.domain, 'orders');
    assert.equal(settled.refunds, 1, 'the changed refund is read again');
    assert.equal(settled.creditMemos.credited, 1);
    assert.deepEqual((await documentsOf(shop.domain, order.id)).map((d) => d.type), ['invoice', 'creditMemo']);
    assert.equal((await client.getShopStatus(shop.domain)).cues.unprocessedRefunds.count, 0);
  });

  it('records why a refund cannot be credited, counts it as a record error, and credits it once the setting is fixed', async () => {
    const shop = await newShop('noacct', { refundAccountNonRestockItems: null });
    const order = await shop.merchant.webOrder([{ variantId: shop.variants['TS-S'] as string, quantity: 2 }], { fulfilled: true });
    await run(shop.domain, 'orders');
    const refund = await shop.merchant.refund({ orderId: order.id, refundLineItems: [{ lineItemId: order.lineItems[0]?.id, quantity: 1, restockType: 'NO_RESTOCK' }] });
    const failed = await run(shop.domain, 'orders');
    assert.equal(failed.creditMemos.failed, 1);
    const stored = await erp.refunds.get(shop.domain, refund.id);
    assert.equal(stored?.state, 'error');
    assert.match(stored?.reason ?? '', /refunded line "T-shirt" was not restocked, but the shop has no refundAccountNonRestockItems/);
    assert.equal((await client.getShopStatus(shop.domain)).cues.unprocessedRefunds.count, 1);

    await client.updateShop(shop.domain, { refundAccountNonRestockItems: '6110' });
    const fixed = await run(shop.domain, 'salesDocuments');
    assert.equal(fixed.creditMemos.credited, 1);
    assert.equal((await erp.refunds.get(shop.domain, refund.id))?.state, 'credited');
  });

  it('reads every line, shipping line, transaction and refund of an order, beyond what the page query holds', async () => {
    const shop = await newShop('lists');
    const lines = Array.from({ length: 8 }, (_, index) => ({ variantId: shop.variants[index % 2 ? 'TS-M' : 'TS-S'] as string, quantity: 1 }));
    const shipping = ['Standard', 'Express', 'Gift wrap'].map((title) => ({ title, code: title.toUpperCase(), priceSet: { shopMoney: { amount: '1.00', currencyCode: 'EUR' } } }));
    const order = await shop.merchant.webOrder(lines, { fulfilled: true, extra: { shippingLines: shipping } });
    await run(shop.domain, 'orders');
    const refunds = [];
    for (const line of order.lineItems.slice(0, 4)) {
      refunds.push((await shop.merchant.refund({ orderId: order.id, refundLineItems: [{ lineItemId: line.id, quantity: 1, restockType: 'RETURN', locationId: shop.locationId }] })).id);
    }
    const result = await run(shop.domain, 'orders');
    assert.equal(result.refunds, 4);
    const mirror = (await erp.orders.get(shop.domain, order.id))?.order;
    assert.equal(mirror?.lines.length, 8);
    assert.deepEqual(mirror?.shippingLines.map((l) => l.title), ['Standard', 'Express', 'Gift wrap']);
    assert.equal(mirror?.transactions.filter((t) => t.kind === 'REFUND').length, 4);
    assert.deepEqual(mirror?.refunds?.map((r) => r.shopifyId).sort(), [...refunds].sort());
    assert.equal(result.creditMemos.credited, 4);
    assert.equal(await erp.db.collection('shopifyRefunds').countDocuments({ shop: shop.domain }), 4);
  });

  async function setTransactionStatus(shop: string, transactionId: string, status: 'PENDING' | 'SUCCESS'): Promise<void> {
    const response = await fetch(`${(await testStack()).emulatorUrl}/emulator/shops/${shop}/transactions/${encodeURIComponent(transactionId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    });
    assert.equal(response.status, 200, await response.text());
  }

  async function saleOf(merchant: Merchant, orderId: string): Promise<string> {
    const data = await merchant.graphql<{ order: { transactions: Array<{ id: string; kind: string }> } }>('query($id: ID!) { order(id: $id) { transactions { id kind } } }', { id: orderId });
    return data.order.transactions.find((t) => t.kind === 'SALE' || t.kind === 'CAPTURE')?.id as string;
  }
});
