import assert from 'node:assert/strict';
import { InvalidRunRequestError, ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/** Starts a bulk mutation that runs for minutes at one line a second (100 tag updates of a missing product). */
async function startSlowBulkMutation(merchant: Merchant, shop: string): Promise<string> {
  const staged = await merchant.graphql<{ stagedUploadsCreate: { stagedTargets: Array<{ url: string; parameters: Array<{ name: string; value: string }> }> } }>(
    'mutation($i: [StagedUploadInput!]!) { stagedUploadsCreate(input: $i) { stagedTargets { url parameters { name value } } } }',
    { i: [{ resource: 'BULK_MUTATION_VARIABLES', filename: 'slow.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST' }] },
  );
  const target = staged.stagedUploadsCreate.stagedTargets[0];
  assert.ok(target, `no staged target for ${shop}`);
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([Array.from({ length: 100 }, () => JSON.stringify({ product: { id: 'gid://shopify/Product/1', tags: ['x'] } })).join('\n')]), 'slow.jsonl');
  assert.ok((await fetch(target.url, { method: 'POST', body: form })).ok);
  const key = target.parameters.find((p) => p.name === 'key')?.value;
  const started = await merchant.graphql<{ bulkOperationRunMutation: { bulkOperation: { id: string } | null } }>(
    'mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { id } userErrors { message } } }',
    { m: 'mutation call($product: ProductUpdateInput!) { productUpdate(product: $product) { userErrors { message } } }', p: key },
  );
  assert.ok(started.bulkOperationRunMutation.bulkOperation, 'the slow bulk mutation started');
  return started.bulkOperationRunMutation.bulkOperation.id;
}

/** Products and prices both ways, "add items", and bulk price pushes, against the emulator over HTTP. */
describe('products and prices', () => {
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
    await erp.items.upsert({ no: no('SHIRT'), description: 'Shirt', unitPrice: '20.00', unitCost: '8.00', vatPercent: 20, variants: [{ code: 'S' }, { code: 'M' }] });
    await erp.items.upsert({ no: no('MUG'), description: 'Mug', unitPrice: '9.00', barcodes: [{ barcode: `400${suffix}` }] });
    await erp.itemTemplates.upsert({ _id: no('TPL'), description: 'Shop items', numberPrefix: `N${suffix}-`, vatPercent: 20, priceIncludesVat: false, baseUnitOfMeasure: 'PCS', itemCategory: 'Imported' });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string, settings: Record<string, unknown>) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus', bulkLinesPerSecond: 1000 });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNoAndVariantCode', skuFieldSeparator: '|', ...settings });
    return { ...shop, merchant: new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token) };
  }

  const sync = async (shop: string, options?: Record<string, unknown>, filters?: Record<string, unknown>) =>
    (await client.runTask({ shop, task: 'products', wait: true, options, filters })).result as Record<string, unknown>;
  const links = (shop: string) => erp.db.collection('shopifyProducts').find({ shop }).toArray();
  const variantLinks = (shop: string) => erp.db.collection('shopifyVariants').find({ shop }).toArray();

  it('imports products with their variants nested, maps them by SKU then barcode, leaves gift cards out and lists the unmapped one with its reason', async () => {
    const shop = await newShop('prod-import', { syncItem: 'fromShopify' });
    const seeded = await admin.seedProducts(shop.domain, [
      { title: 'Shirt', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [{ sku: `${no('SHIRT')}|S`, price: '20.00', optionValues: [{ optionName: 'Size', name: 'S' }] }, { sku: `${no('SHIRT')}|M`, price: '20.00', optionValues: [{ optionName: 'Size', name: 'M' }] }] },
      { title: 'Mug', variants: [{ sku: 'UNKNOWN-SKU', barcode: `400${suffix}`, price: '9.00' }] },
      { title: 'Poster', variants: [{ sku: 'POSTER-1', price: '5.00' }] },
      { title: 'Gift card', giftCard: true, variants: [{ price: '25.00' }] },
    ]);
    const result = await sync(shop.domain);
    assert.equal(result.direction, 'import');
    assert.equal(result.imported, 3);
    assert.equal(result.unmapped, 1);
    assert.equal(result.requests, 1, 'three products and their variants come in one request');
    const stored = await links(shop.domain);
    assert.equal(stored.length, 3, 'the gift card is not imported');
    const byTitle = new Map(stored.map((link) => [link.title as string, link]));
    assert.equal(byTitle.get('Shirt')?.erpItemNo, no('SHIRT'));
    assert.equal(byTitle.get('Mug')?.erpItemNo, no('MUG'), 'mapped by barcode when the SKU matches nothing');
    assert.equal(byTitle.get('Poster')?.erpItemNo, null);
    assert.match(String(byTitle.get('Poster')?.error?.message), /no ERP item matches SKU "POSTER-1" by itemNoAndVariantCode or barcode ""; turn on autoCreateUnknownItems/);
    const shirtVariants = (await variantLinks(shop.domain)).filter((v) => v.productId === seeded[0]?.id);
    assert.deepEqual(shirtVariants.map((v) => v.erpVariantCode).sort(), ['M', 'S']);
    const status = await client.getShopStatus(shop.domain);
    assert.equal(status.cues.unmappedProducts?.count, 1);
    assert.equal(status.cues.unmappedProducts?.items[0]?.label, 'Poster');

    const again = await sync(shop.domain);
    assert.equal(again.imported, 0, 'nothing changed since the last run: the overlap window re-reads but does not re-import');
    assert.equal(again.unchanged, 3);
  });

  it('updates the mapped item when Shopify may update items, and unlinks a variant deleted in Shopify', async () => {
    const shop = await newShop('prod-update', { syncItem: 'fromShopify', shopifyCanUpdateItems: true });
    const itemNo = no('TEE');
    await erp.items.upsert({ no: itemNo, description: 'Tee', unitPrice: '15.00', variants: [{ code: 'S' }, { code: 'M' }] });
    const [tee] = await admin.seedProducts(shop.domain, [
      { title: 'Tee', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [{ sku: `${itemNo}|S`, price: '15.00', optionValues: [{ optionName: 'Size', name: 'S' }] }, { sku: `${itemNo}|M`, price: '15.00', optionValues: [{ optionName: 'Size', name: 'M' }] }] },
    ]);
    await sync(shop.domain);
    await shop.merchant.graphql('mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }', { p: { id: tee?.id, title: 'Organic tee', vendor: 'Acme' } });
    await shop.merchant.graphql('mutation($id: ID!, $v: [ID!]!) { productVariantsBulkDelete(productId: $id, variantsIds: $v) { userErrors { message } } }', { id: tee?.id, v: [tee?.variants[1]?.id] });
    const result = await sync(shop.domain);
    assert.equal(result.imported, 1);
    assert.equal(result.variantsUnlinked, 1);
    const item = await erp.items.get(itemNo);
    assert.equal(item?.description, 'Organic tee');
    assert.equal(item?.vendorName, 'Acme');
    assert.deepEqual((await variantLinks(shop.domain)).map((v) => v.erpVariantCode), ['S']);
  });

  it('creates an unmapped product as a new item with variants from the template, once, however often it is imported', async () => {
    const shop = await newShop('prod-create', { syncItem: 'fromShopify', autoCreateUnknownItems: true, itemTemplateCode: no('TPL'), skuMapping: 'variantCode' });
    const code = `CAP${suffix}`;
    const [cap] = await admin.seedProducts(shop.domain, [
      { title: 'Cap', descriptionHtml: '<p>Warm</p>', options: [{ name: 'Color', values: ['Red', 'Blue'] }], variants: [{ sku: `${code}R`, price: '12.00', cost: '4.00', optionValues: [{ optionName: 'Color', name: 'Red' }] }, { sku: `${code}B`, price: '12.00', optionValues: [{ optionName: 'Color', name: 'Blue' }] }] },
    ]);
    const result = await sync(shop.domain);
    assert.equal(result.itemsCreated, 1);
    const created = await erp.db.collection('items').find({ origin: `${shop.domain}|${cap?.id}` }).toArray();
    assert.equal(created.length, 1);
    assert.match(String(created[0]?._id), new RegExp(`^N${suffix}-\\d{6}$`));
    assert.deepEqual(created[0]?.variantCodes, [`${code}R`, `${code}B`]);
    assert.equal(created[0]?.extendedText, 'Warm');
    assert.equal(created[0]?.vatPercent, 20);
    // A change in Shopify imports the product again: it maps to the same item, no second one is made.
    await shop.merchant.graphql('mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }', { p: { id: cap?.id, tags: ['winter'] } });
    const again = await sync(shop.domain);
    assert.equal(again.imported, 1);
    assert.equal(again.itemsCreated, 0);
    assert.equal(await erp.db.collection('items').countDocuments({ origin: `${shop.domain}|${cap?.id}` }), 1);
  });

  it('adds items as products with variants and prices, links them, and adding them again creates nothing', async () => {
    const shop = await newShop('prod-add', { syncItem: 'toShopify', canUpdateShopifyProducts: true, customerDiscountGroup: 'VIP' });
    await erp.items.upsert({ no: no('LAMP'), description: 'Lamp', unitPrice: '40.00', unitCost: '15.00', extendedText: 'Bright', vendorName: 'Lumen', discounts: [{ discountGroup: 'VIP', percent: 10 }] });
    const run = await client.addItems({ shop: shop.domain, items: [no('SHIRT'), no('LAMP'), 'NO-SUCH-ITEM'], wait: true });
    const result = (run as { result: Record<string, number> }).result;
    assert.equal(result.created, 2);
    assert.equal(result.skipped, 1, 'the unknown item is reported');
    const stored = await links(shop.domain);
    assert.equal(stored.length, 2);
    const lamp = await admin.getProduct(shop.domain, stored.find((l) => l.erpItemNo === no('LAMP'))?.shopifyId as string);
    assert.equal(lamp.title, 'Lamp');
    assert.equal(lamp.vendor, 'Lumen');
    assert.equal(lamp.descriptionHtml, '<p>Bright</p>');
    assert.deepEqual(lamp.variants.map((v) => [v.sku, v.price, v.compareAtPrice, v.inventoryItem.unitCost]), [[no('LAMP'), '36.00', '40.00', '15.00']]);
    const shirt = await admin.getProduct(shop.domain, stored.find((l) => l.erpItemNo === no('SHIRT'))?.shopifyId as string);
    assert.deepEqual(shirt.variants.map((v) => v.sku), [`${no('SHIRT')}|S`, `${no('SHIRT')}|M`]);
    const skipped = await erp.skipped.list(shop.domain);
    assert.ok(skipped.some((s) => s.recordId === 'NO-SUCH-ITEM' && /does not exist/.test(s.reason)));

    const itemsInErp = await erp.db.collection('items').countDocuments();
    const again = (await client.addItems({ shop: shop.domain, items: 'allUnlinked', wait: true }) as { result: Record<string, number> }).result;
    assert.equal(again.alreadyLinked, 2, 'the shirt and the lamp are passed over');
    assert.equal((again.created ?? 0) + (again.skipped ?? 0) + (again.linkedExisting ?? 0), itemsInErp - 2, 'every other item of the ERP is added or reported');
    const lampSku = `sku:"${no('LAMP')}"`;
    const shopProducts = await shop.merchant.graphql<{ products: { nodes: Array<{ title: string }> } }>('query($q: String!) { products(first: 5, query: $q) { nodes { title } } }', { q: lampSku });
    assert.equal(shopProducts.products.nodes.length, 1, 'one product carries the lamp\'s SKU: it is not duplicated');
  });

  it('links an item whose SKU Shopify already has instead of duplicating it, or reports it when the shop says so', async () => {
    const shop = await newShop('prod-existing', { addItemsExistingSku: 'report' });
    await admin.seedProducts(shop.domain, [{ title: 'Old mug', variants: [{ sku: no('MUG'), price: '7.00' }] }]);
    const reported = (await client.addItems({ shop: shop.domain, items: [no('MUG')], wait: true }) as { result: Record<string, number> }).result;
    assert.equal(reported.skipped, 1);
    assert.equal((await links(shop.domain)).length, 0);
    await client.updateShop(shop.domain, { addItemsExistingSku: 'link' });
    const linked = (await client.addItems({ shop: shop.domain, items: [no('MUG')], wait: true }) as { result: Record<string, number> }).result;
    assert.equal(linked.linkedExisting, 1);
    assert.equal(linked.created, 0);
    assert.equal((await links(shop.domain))[0]?.title, 'Old mug');
  });

  it('pushes changed item fields and prices to linked products, sends nothing when nothing changed, and does not import its own change back', async () => {
    const shop = await newShop('prod-push', { syncItem: 'toShopify', canUpdateShopifyProducts: true });
    const itemNo = no('DESK');
    await erp.items.upsert({ no: itemNo, description: 'Desk', unitPrice: '100.00', unitCost: '50.00', grossWeight: 20 });
    await client.addItems({ shop: shop.domain, items: [itemNo], wait: true });
    const nothing = await sync(shop.domain);
    assert.equal(nothing.direction, 'push');
    assert.equal(nothing.requests, 0, 'every field was sent when the product was added');
    await erp.items.update(itemNo, { description: 'Standing desk', unitPrice: '120.00' });
    const pushed = await sync(shop.domain);
    assert.equal(pushed.productsUpdated, 1);
    assert.equal(pushed.variantsUpdated, 1);
    const [link] = await links(shop.domain);
    const product = await admin.getProduct(shop.domain, link?.shopifyId as string);
    assert.equal(product.title, 'Standing desk');
    assert.equal(product.variants[0]?.price, '120.00');
    assert.equal((await sync(shop.domain)).requests, 0);
    // The same shop importing: the product changed only by the ERP's own push is not imported back.
    await client.updateShop(shop.domain, { syncItem: 'fromShopify', canUpdateShopifyProducts: false, shopifyCanUpdateItems: true });
    const imported = await sync(shop.domain);
    assert.equal(imported.imported, 0);
    assert.equal((await erp.items.get(itemNo))?.description, 'Standing desk');
  });

  it('sends a large price change as one bulk mutation; a line Shopify refuses becomes a skipped record and is sent again next run', async () => {
    const shop = await newShop('prod-bulk', { syncItem: 'toShopify', canUpdateShopifyProducts: true, productBulkThreshold: 3 });
    const nos = [no('B1'), no('B2'), no('B3'), no('B4')];
    for (const itemNo of nos) await erp.items.upsert({ no: itemNo, description: `Board ${itemNo}`, unitPrice: '10.00' });
    await client.addItems({ shop: shop.domain, items: nos, wait: true });
    for (const [index, itemNo] of nos.entries()) await erp.items.update(itemNo, { unitPrice: index === 3 ? '-1.00' : `1${index}.50` });
    const result = await sync(shop.domain, { onlySyncPrices: true });
    assert.match(String(result.bulkOperationId), /^gid:\/\/shopify\/BulkOperation\/\d+$/);
    assert.equal(result.variantsUpdated, 3);
    assert.equal(result.failed, 1);
    const stored = await links(shop.domain);
    for (const [index, itemNo] of nos.slice(0, 3).entries()) {
      const product = await admin.getProduct(shop.domain, stored.find((l) => l.erpItemNo === itemNo)?.shopifyId as string);
      assert.equal(product.variants[0]?.price, `1${index}.50`);
    }
    const refused = stored.find((l) => l.erpItemNo === nos[3]);
    assert.equal((await admin.getProduct(shop.domain, refused?.shopifyId as string)).variants[0]?.price, '10.00');
    const skipped = await erp.skipped.list(shop.domain);
    assert.ok(skipped.some((s) => /Shopify refused the bulk price update/.test(s.reason)));
    await erp.items.update(nos[3] as string, { unitPrice: '13.50' });
    const retried = await sync(shop.domain, { onlySyncPrices: true });
    assert.equal(retried.bulkOperationId, undefined, 'one changed variant is under the threshold: an ordinary call');
    assert.equal(retried.variantsUpdated, 1);
    assert.equal((await admin.getProduct(shop.domain, refused?.shopifyId as string)).variants[0]?.price, '13.50');
  });

  it('sends the variants with ordinary calls when Shopify refuses another bulk mutation (five of this app already run)', async () => {
    const shop = await newShop('prod-busy', { syncItem: 'toShopify', canUpdateShopifyProducts: true, productBulkThreshold: 2 });
    await admin.updateShop(shop.domain, { bulkLinesPerSecond: 1 });
    const nos = [no('C1'), no('C2')];
    for (const itemNo of nos) await erp.items.upsert({ no: itemNo, description: `Chair ${itemNo}`, unitPrice: '30.00' });
    await client.addItems({ shop: shop.domain, items: nos, wait: true });
    const running: string[] = [];
    for (let i = 0; i < 5; i += 1) running.push(await startSlowBulkMutation(shop.merchant, shop.domain));
    try {
      for (const itemNo of nos) await erp.items.update(itemNo, { unitPrice: '31.00' });
      const result = await sync(shop.domain, { onlySyncPrices: true });
      assert.equal(result.bulkOperationId, undefined);
      assert.match(String(result.note), /bulk mutation not started .*: variants sent with ordinary calls/);
      assert.equal(result.variantsUpdated, 2);
      for (const link of await links(shop.domain)) assert.equal((await admin.getProduct(shop.domain, link.shopifyId as string)).variants[0]?.price, '31.00');
    } finally {
      for (const id of running) await shop.merchant.graphql('mutation($id: ID!) { bulkOperationCancel(id: $id) { userErrors { message } } }', { id });
    }
  });

  it('refuses invalid product filters and an "add items" run that names no items, before starting anything', async () => {
    const shop = await newShop('prod-bad', { syncItem: 'fromShopify' });
    await assert.rejects(sync(shop.domain, undefined, { productIds: ['not-an-id'] }), (error: Error) => error instanceof InvalidRunRequestError && /filters\.productIds\.0: must be a product id/.test(error.message));
    await assert.rejects(client.runTask({ shop: shop.domain, task: 'addItems', wait: true }), (error: Error) => error instanceof InvalidRunRequestError && /filters/.test(error.message));
  });

  it('does nothing, saying why, when the shop syncs no products', async () => {
    const shop = await newShop('prod-none', {});
    const result = await sync(shop.domain);
    assert.equal(result.direction, 'none');
    assert.match(String(result.note), /syncItem is none/);
  });
});
