import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, testConfig, testStack, testWorker } from '../support/stack';

/**
 * An order of a EUR shop paid in USD (rate 1.08375), with a line discount and an order-level discount code,
 * one unit and the shipping refunded before the order is processed: its document follows Shopify's current
 * amounts (after the refund) in either currency.
 */
describe('order money in shop and presentment currencies', () => {
  let client: ShopSyncClient;
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.items.upsert({ no: 'TM', description: 'Money T-shirt', unitPrice: '40.00', variants: [{ code: 'S' }, { code: 'M' }] });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  const run = async (shop: string, task: Parameters<ShopSyncClient['runTask']>[0]['task']) =>
    (await client.runTask({ shop, task, wait: true })).result as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  const bag = (eur: string, usd: string) => ({ shopMoney: { amount: eur, currencyCode: 'EUR' }, presentmentMoney: { amount: usd, currencyCode: 'USD' } });

  interface Money { shopMoney: { amount: string }; presentmentMoney: { amount: string } }
  interface ShopifyAmounts {
    currentSubtotalPriceSet: Money;
    currentShippingPriceSet: Money;
    currentCartDiscountAmountSet: Money;
    lineItems: {
      nodes: Array<{
        sku: string; currentQuantity: number; quantity: number; originalUnitPriceSet: Money; totalDiscountSet: Money;
        discountAllocations: Array<{ allocatedAmountSet: Money; discountApplication: { targetSelection: string; allocationMethod: string; targetType: string } }>;
      }>;
    };
  }

  /** The order placed, discounted and refunded in Shopify; Shopify's current amounts of it. */
  async function refundedOrder(prefix: string, settings: Record<string, unknown>) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus', locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }] });
    await client.addShop({
      domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNoAndVariantCode', skuFieldSeparator: '-', autoCreateUnknownCustomers: true, autoCreateOrders: true,
      returnAndRefundProcess: 'autoCreateCreditMemo', shippingChargesAccount: '7190', refundAccount: '6100', refundAccountNonRestockItems: '6110', ...settings,
    });
    const { emulatorUrl } = await testStack();
    const merchant = new Merchant(emulatorUrl, shop.domain, shop.token);
    const variants = await merchant.product('Money T-shirt', [{ sku: 'TM-S', price: '40.00' }, { sku: 'TM-M', price: '25.00' }]);
    await run(shop.domain, 'refreshShopInfo');
    const [location] = await erp.locations.list(shop.domain);
    const address = { firstName: 'Ada', lastName: 'Buyer', address1: '1 Main St', city: 'Boston', zip: '02101', countryCode: 'US' };
    const order = await merchant.order({
      presentmentCurrency: 'USD',
      lineItems: [
        { variantId: variants['TM-S'], quantity: 3, priceSet: bag('40.00', '43.35') },
        { variantId: variants['TM-M'], quantity: 2, priceSet: bag('25.00', '27.09') },
      ],
      discountCode: { itemFixedDiscountCode: { code: 'TEN', amountSet: bag('10.00', '10.84') } },
      shippingLines: [{ title: 'Express', code: 'EXP', priceSet: bag('8.00', '8.67') }],
      customer: { toUpsert: { email: `${prefix}-buyer@example.com`, firstName: 'Ada', lastName: 'Buyer' } },
      email: `${prefix}-buyer@example.com`,
      shippingAddress: address,
      billingAddress: address,
      financialStatus: 'PAID',
    });
    const [lineS] = order.lineItems;
    const discounted = await fetch(`${emulatorUrl}/emulator/shops/${shop.domain}/orders/${encodeURIComponent(order.id)}/line-discounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ lineItemId: lineS?.id, amount: '6.00' }] }),
    });
    assert.equal(discounted.status, 200, await discounted.text());
    const refund = await merchant.refund({
      orderId: order.id,
      currency: 'USD',
      refundLineItems: [{ lineItemId: lineS?.id, quantity: 1, restockType: 'CANCEL', locationId: location?.shopifyId }],
      shipping: { fullRefund: true },
    });
    const money = '{ shopMoney { amount } presentmentMoney { amount } }';
    const amounts = await merchant.graphql<{ order: ShopifyAmounts }>(
      `query($id: ID!) { order(id: $id) { currentSubtotalPriceSet ${money} currentShippingPriceSet ${money} currentCartDiscountAmountSet ${money}
        lineItems(first: 10) { nodes { sku quantity currentQuantity originalUnitPriceSet ${money} totalDiscountSet ${money}
          discountAllocations { allocatedAmountSet ${money} discountApplication { targetSelection allocationMethod targetType } } } } } }`,
      { id: order.id },
    );
    return { shop, order, refund, shopify: amounts.order };
  }

  async function documentOf(shop: string, orderId: string) {
    const documents = (await erp.db.collection('salesDocuments').find({ shop, shopifyOrderId: orderId }).toArray()) as unknown as Array<{
      type: string; currencyCode: string; amount: string; invoiceDiscountAmount: string;
      lines: Array<{ type: string; no: string; quantity: number; unitPrice: string; lineDiscountAmount: string }>;
    }>;
    assert.equal(documents.length, 1, 'the refund made before processing gets no credit memo');
    return documents[0] as (typeof documents)[number];
  }

  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const prorated = (amount: string, current: number, quantity: number) => (Math.round((cents(amount) * current) / quantity) / 100).toFixed(2);

  for (const [currency, side] of [['shop', 'shopMoney'], ['presentment', 'presentmentMoney']] as const) {
    it(`makes the document of Shopify's current amounts in ${currency} currency: document total = currentSubtotalPriceSet + currentShippingPriceSet`, async () => {
      const { shop, order, refund, shopify } = await refundedOrder(`money-${currency}`, currency === 'shop' ? {} : { currencyHandling: 'presentmentCurrency' });
      const result = await run(shop.domain, 'orders');
      assert.equal(result.documents.processed, 1);
      const document = await documentOf(shop.domain, order.id);
      assert.equal(document.currencyCode, currency === 'shop' ? 'EUR' : 'USD');

      const expectedLines = shopify.lineItems.nodes.map((l) => ['item', 'TM', l.currentQuantity, l[`originalUnitPriceSet`][side].amount, prorated(l.totalDiscountSet[side].amount, l.currentQuantity, l.quantity)]);
      assert.deepEqual(document.lines.map((l) => [l.type, l.no, l.quantity, l.unitPrice, l.lineDiscountAmount]), expectedLines, 'no shipping line: it was refunded');
      assert.equal(shopify.currentShippingPriceSet[side].amount, '0.00');
      assert.equal(document.invoiceDiscountAmount, shopify.currentCartDiscountAmountSet[side].amount);
      assert.equal(cents(document.amount), cents(shopify.currentSubtotalPriceSet[side].amount) + cents(shopify.currentShippingPriceSet[side].amount));
      if (currency === 'shop') {
        // 2 × 40.00 − 4.00 (2/3 of the 6.00 line discount) + 2 × 25.00 − 7.68 (the 10.00 code less the refunded unit's 2.32)
        assert.deepEqual([document.amount, document.invoiceDiscountAmount], ['118.32', '7.68']);
      } else {
        // Each presentment amount is its shop amount at 1.08375: 43.35, 27.09, 6.50 line discount, 8.32 order discount.
        assert.deepEqual([document.amount, document.invoiceDiscountAmount, document.lines[0]?.lineDiscountAmount], ['128.23', '8.32', '4.33']);
      }
      assert.equal((await erp.refunds.get(shop.domain, refund.id))?.state, 'inOrderDocument');
    });
  }

  it("allocates the order-level discount over the lines (ALL / ACROSS), whose current share is Shopify's currentCartDiscountAmountSet", async () => {
    const { shopify } = await refundedOrder('money-allocations', {});
    const [lineS, lineM] = shopify.lineItems.nodes;
    const kinds = (line: typeof lineS) => line?.discountAllocations.map((a) => [a.discountApplication.targetSelection, a.discountApplication.allocationMethod, a.allocatedAmountSet.shopMoney.amount]);
    assert.deepEqual(kinds(lineS), [['EXPLICIT', 'ONE', '6.00'], ['ALL', 'ACROSS', '6.95']]);
    assert.deepEqual(kinds(lineM), [['ALL', 'ACROSS', '3.05']]);
    for (const side of ['shopMoney', 'presentmentMoney'] as const) {
      const current = shopify.lineItems.nodes.reduce(
        (sum, line) => sum + line.discountAllocations.filter((a) => a.discountApplication.targetSelection === 'ALL').reduce((s, a) => s + cents(prorated(a.allocatedAmountSet[side].amount, line.currentQuantity, line.quantity)), 0),
        0,
      );
      if (side === 'shopMoney') assert.equal(current, cents(shopify.currentCartDiscountAmountSet[side].amount));
      // In presentment each allocation is converted on its own: the sum may differ from the converted total by rounding.
      else assert.ok(Math.abs(current - cents(shopify.currentCartDiscountAmountSet[side].amount)) <= shopify.lineItems.nodes.length);
    }
  });
});
