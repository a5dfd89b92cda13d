import assert from 'node:assert/strict';
import { InvalidRunRequestError, ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { emulatedShop, emulatorAdmin, testConfig, testWorker } from '../support/stack';

/** Catalogs into the ERP and ERP prices into their price lists, against the emulator over HTTP. */
describe('catalogs and catalog prices', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  let admin: EmulatorAdmin;
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
  const no = (name: string) => `${name}-${suffix}`;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    admin = await emulatorAdmin();
    // List price 30.00; the B2B price group pays 24.00 for the bolt, 9.00 for the nut; the washer has no B2B price.
    await erp.items.upsert({ no: no('BOLT'), description: 'Bolt', unitPrice: '30.00', prices: [{ priceGroup: 'B2B', unitPrice: '24.00' }] });
    await erp.items.upsert({ no: no('NUT'), description: 'Nut', unitPrice: '30.00', prices: [{ priceGroup: 'B2B', unitPrice: '9.00' }] });
    await erp.items.upsert({ no: no('WASHER'), description: 'Washer', unitPrice: '2.00' });
    await erp.items.upsert({ no: no('BLOCKED'), description: 'Blocked', unitPrice: '5.00', blocked: true });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function linkedShop() {
    const shop = await emulatedShop('catalogs', { currencyCode: 'EUR', plan: 'plus' });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, syncItem: 'fromShopify', skuMapping: 'itemNo' });
    const products = await admin.seedProducts(shop.domain, ['BOLT', 'NUT', 'WASHER', 'BLOCKED'].map((name) => ({ title: name, variants: [{ sku: no(name), price: '30.00' }] })));
    await client.runTask({ shop: shop.domain, task: 'products', wait: true });
    await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    const variant = (index: number) => products[index]?.variants[0]?.id as string;
    const [company] = await admin.seedCompanies(shop.domain, [{ name: 'Acme', contact: { email: `acme-${suffix}@example.com` }, locations: [{ name: 'Acme HQ' }] }]);
    const locationId = company?.locations[0]?.id as string;
    const [b2b, market] = await admin.seedCatalogs(shop.domain, [
      // The bolt's price is already right; the nut's is stale; the washer has none yet.
      { type: 'COMPANY_LOCATION', title: 'Acme catalog', currency: 'EUR', companyLocationIds: [locationId], productIds: products.map((p) => p.id), fixedPrices: [{ variantId: variant(0), price: '24.00' }, { variantId: variant(1), price: '12.00', compareAtPrice: '30.00' }] },
      { type: 'MARKET', title: 'US market', currency: 'USD', productIds: products.map((p) => p.id) },
    ]);
    return { ...shop, companyId: company?.id as string, locationId, b2b: b2b as NonNullable<typeof b2b>, market: market as NonNullable<typeof market>, variant };
  }

  const prices = async (shop: string, filters?: Record<string, unknown>) => (await client.runTask({ shop, task: 'catalogPrices', wait: true, filters })).result as Record<string, number> & { notes: string[] };

  it('imports company and market catalogs with their price list currency and companies, syncPrices off until someone turns it on', async () => {
    const shop = await linkedShop();
    const result = (await client.runTask({ shop: shop.domain, task: 'catalogs', wait: true })).result as Record<string, number>;
    assert.deepEqual([result.fetched, result.created], [2, 2]);
    const catalogs = new Map((await client.catalogs.list(shop.domain)).map((c) => [c.shopifyId, c]));
    const b2b = catalogs.get(shop.b2b.id);
    assert.deepEqual([b2b?.type, b2b?.currency, b2b?.companyIds, b2b?.companyLocationIds, b2b?.settings.syncPrices], ['companyLocation', 'EUR', [shop.companyId], [shop.locationId], false]);
    assert.deepEqual([catalogs.get(shop.market.id)?.type, catalogs.get(shop.market.id)?.currency], ['market', 'USD']);
    const none = await prices(shop.domain);
    assert.deepEqual([none.catalogs, none.sent], [0, 0]);
    assert.match(none.notes.join(' '), /no catalog has syncPrices on/);

    await client.configureCatalog(shop.domain, shop.b2b.id, { syncPrices: true, customerPriceGroup: 'B2B' });
    const again = (await client.runTask({ shop: shop.domain, task: 'catalogs', wait: true })).result as Record<string, number>;
    assert.deepEqual([again.created, again.updated], [0, 2]);
    const kept = await client.catalogs.get(shop.domain, shop.b2b.id);
    assert.deepEqual([kept?.settings.syncPrices, kept?.settings.customerPriceGroup], [true, 'B2B'], 'an import keeps the ERP settings of a catalog');
  });

  it('sends only the changed fixed prices of a catalog in its price context, then nothing; a price list in another currency is a skipped record', async () => {
    const shop = await linkedShop();
    await client.runTask({ shop: shop.domain, task: 'catalogs', wait: true });
    await client.configureCatalog(shop.domain, shop.b2b.id, { syncPrices: true, customerPriceGroup: 'B2B' });
    await client.configureCatalog(shop.domain, shop.market.id, { syncPrices: true });
    const first = await prices(shop.domain);
    assert.deepEqual([first.catalogs, first.variants, first.unchanged, first.sent], [2, 3, 1, 2], JSON.stringify(first));
    const list = await admin.getPriceList(shop.domain, shop.b2b.priceListId as string);
    const byVariant = new Map(list.fixedPrices.map((p) => [p.variantId, p]));
    assert.deepEqual([Number(byVariant.get(shop.variant(1))?.price), byVariant.get(shop.variant(1))?.compareAtPrice ?? null], [9, null], 'the stale compare-at is cleared: the B2B price is the unit price, none above it');
    assert.deepEqual([Number(byVariant.get(shop.variant(2))?.price), byVariant.get(shop.variant(2))?.compareAtPrice ?? null], [2, null]);
    assert.equal(byVariant.has(shop.variant(3)), false, 'the blocked item gets no price');
    const skipped = (await erp.skipped.list(shop.domain)).find((record) => record.recordId === shop.market.id);
    assert.match(skipped?.reason ?? '', /price list is in USD but its ERP prices are in EUR/);
    const second = await prices(shop.domain, { catalogIds: [shop.b2b.id] });
    assert.deepEqual([second.sent, second.unchanged], [0, 3]);
  });

  it('refuses bad catalog filters and settings, naming the field', async () => {
    const shop = await linkedShop();
    await assert.rejects(prices(shop.domain, { catalogIds: ['catalog-1'] }), (error: Error) => error instanceof InvalidRunRequestError && /filters\.catalogIds\.0: must be a catalog id/.test(error.message));
    await assert.rejects(client.configureCatalog(shop.domain, shop.b2b.id, { currencyCode: 'euro' }), (error: Error) => error instanceof InvalidRunRequestError && /currencyCode/.test(error.message));
    await assert.rejects(client.configureCatalog(shop.domain, shop.b2b.id, { customerNo: 'NOBODY' }), /customer NOBODY does not exist/);
  });
});
