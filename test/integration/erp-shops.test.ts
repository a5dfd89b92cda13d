import assert from 'node:assert/strict';
import { InvalidShopSettingsError } from '../../src/domain/shop-settings';
import { connectErp, type Erp } from '../../src/erp/db';
import { ShopExistsError, ShopNotFoundError } from '../../src/erp/shop-repository';
import { testConfig, uniqueShop } from '../support/stack';

/** Shop settings and locations in the ERP store, on FerretDB. */
describe('ERP store: shops and locations', () => {
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
  });

  after(async () => erp?.close());

  it('adds a shop with defaults, finds, updates and removes it', async () => {
    const domain = uniqueShop('erp');
    const added = await erp.shops.add({ domain, autoCreateOrders: true });
    assert.equal(added.settings.autoCreateOrders, true);
    assert.equal(added.settings.archiveProcessedOrders, true);
    const updated = await erp.shops.update(domain, { allowBackgroundSyncs: false });
    assert.equal(updated.settings.allowBackgroundSyncs, false);
    assert.equal((await erp.shops.get(domain)).settings.allowBackgroundSyncs, false);
    assert.ok((await erp.shops.list()).some((shop) => shop.settings.domain === domain));
    assert.equal(await erp.shops.remove(domain), true);
    await assert.rejects(erp.shops.get(domain), ShopNotFoundError);
  });

  it('refuses a second shop with the same domain', async () => {
    const domain = uniqueShop('dup');
    await erp.shops.add({ domain });
    await assert.rejects(erp.shops.add({ domain }), ShopExistsError);
  });

  it('validates an update as a whole and keeps the stored settings when it is refused', async () => {
    const domain = uniqueShop('upd');
    await erp.shops.add({ domain, canUpdateShopifyProducts: true });
    await assert.rejects(erp.shops.update(domain, { shopifyCanUpdateItems: true, nonsense: 1 }), (error: unknown) => {
      assert.ok(error instanceof InvalidShopSettingsError);
      assert.deepEqual(error.problems.map((p) => p.field).sort(), ['nonsense', 'shopifyCanUpdateItems']);
      return true;
    });
    await assert.rejects(erp.shops.update(domain, { domain: 'other.myshopify.com' }), /domain: cannot be changed/);
    assert.equal((await erp.shops.get(domain)).settings.shopifyCanUpdateItems, false);
  });

  it('keeps one sales document per order and posts each once, however often it is asked', async () => {
    const shop = uniqueShop('once');
    const draft = documentDraft('gid://shopify/Order/77');
    const first = await erp.salesDocuments.createForOrder(shop, `SO-${shop}`, draft, true);
    // A retry that allocated another number still finds the document of this order.
    const again = await erp.salesDocuments.createForOrder(shop, `SO-${shop}-retry`, draft, true);
    assert.equal(again._id, first._id);
    assert.equal(await erp.db.collection('salesDocuments').countDocuments({ shop }), 1);
    const posted = await erp.posted.post(first, '2026-11-26');
    const repeated = await erp.posted.post(first, '2026-11-26');
    assert.deepEqual(repeated, posted);
    assert.equal(await erp.db.collection('salesShipments').countDocuments({ shop }), 1);
    assert.equal(await erp.db.collection('salesInvoices').countDocuments({ shop }), 1);
  });

  it('finds an order\'s document that lost its key (a crash between the two writes), makes no second one and writes the key again', async () => {
    const shop = uniqueShop('nokey');
    const draft = documentDraft('gid://shopify/Order/78');
    const first = await erp.salesDocuments.createForOrder(shop, `SO-${shop}`, draft, true);
    const keys = erp.db.collection('salesDocumentKeys');
    assert.equal((await keys.deleteOne({ _id: `${shop}|${draft.shopifyOrderId}|` } as never)).deletedCount, 1);
    assert.equal(await erp.salesDocuments.findByOrder(shop, draft.shopifyOrderId), null);
    const again = await erp.salesDocuments.createForOrder(shop, `SO-${shop}-retry`, draft, true);
    assert.equal(again._id, first._id);
    assert.equal(await erp.db.collection('salesDocuments').countDocuments({ shop }), 1);
    assert.equal((await erp.salesDocuments.findByOrder(shop, draft.shopifyOrderId))?._id, first._id);
  });

  it('gives the documents of a database from before the keys their keys when it connects', async () => {
    const config = await testConfig();
    const database = `${config.mongoDatabase}_keys_${Date.now()}`;
    const legacy = await connectErp(config.mongoUri, database);
    try {
      const shop = uniqueShop('legacy');
      const draft = documentDraft('gid://shopify/Order/79');
      await legacy.salesDocuments.createForOrder(shop, `SO-${shop}`, draft, true);
      await legacy.db.collection('salesDocumentKeys').deleteMany({});
      assert.equal(await legacy.salesDocuments.findByOrder(shop, draft.shopifyOrderId), null);
      const upgraded = await connectErp(config.mongoUri, database);
      try {
        assert.equal((await upgraded.salesDocuments.findByOrder(shop, draft.shopifyOrderId))?._id, `SO-${shop}`);
        assert.equal(await upgraded.db.collection('salesDocumentKeys').countDocuments({}), 2); // the key and the mark that the keys are filled
      } finally {
        await upgraded.close();
      }
    } finally {
      await legacy.db.dropDatabase();
      await legacy.close();
    }
  });

  it('records locations idempotently, keeps ERP settings on them, and flags removed ones', async () => {
    const shop = uniqueShop('loc');
    const at = new Date();
    const a = { shopifyId: 'gid://shopify/Location/1', name: 'A', active: true, fulfillsOnlineOrders: true, city: 'Lyon', countryCode: 'FR' };
    const b = { ...a, shopifyId: 'gid://shopify/Location/2', name: 'B' };
    assert.deepEqual(await erp.locations.syncFromShopify(shop, [a, b], at), { upserted: 2, removed: 0 });
    assert.deepEqual(await erp.locations.syncFromShopify(shop, [a, b], at), { upserted: 0, removed: 0 });
    await erp.db.collection('shopLocations').updateOne({ shop, shopifyId: a.shopifyId }, { $set: { stockCalculation: 'freeInventory' } });
    assert.deepEqual(await erp.locations.syncFromShopify(shop, [{ ...a, name: 'A renamed' }], at), { upserted: 0, removed: 1 });
    const stored = await erp.locations.list(shop);
    assert.equal(stored.length, 2);
    const renamed = stored.find((l) => l.shopifyId === a.shopifyId);
    assert.equal(renamed?.name, 'A renamed');
    assert.equal(renamed?.stockCalculation, 'freeInventory');
    assert.equal(stored.find((l) => l.shopifyId === b.shopifyId)?.removedFromShopify, true);
  });
});

function documentDraft(shopifyOrderId: string) {
  return {
    type: 'order' as const, sellToCustomerNo: 'C1', billToCustomerNo: 'C1', shipToAddress: null, billToAddress: null, currencyCode: 'EUR',
    pricesIncludingVat: false, documentDate: '2026-11-26', externalDocumentNo: null, workDescription: null, shopifyOrderId,
    shopifyOrderNo: '#1077', shopifyRefundId: null, shopifyCompanyId: null, shopifyCompanyLocationId: null, invoiceDiscountAmount: '0.00', amount: '10.00',
    lines: [{ lineNo: 10000, type: 'item' as const, no: 'TS', variantCode: null, description: 'T', quantity: 1, unitPrice: '10.00', lineDiscountAmount: '0.00', shopifyOrderLineId: 'gid://shopify/LineItem/1' }],
  };
}
