import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { sha256Of } from '../../src/erp/item-pictures';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/** Two different 1×1 PNG pictures. */
const RED = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const BLUE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Item pictures ↔ product and variant images, by content hash, against the emulator over HTTP. */
describe('images', () => {
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
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  const sync = async (shop: string) => (await client.runTask({ shop, task: 'images', wait: true })).result as Record<string, number | string>;

  async function shopWith(prefix: string, items: string[], settings: Record<string, unknown>) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan: 'plus', mediaProcessingMs: 0 });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, skuMapping: 'itemNoAndVariantCode', ...settings });
    await client.addItems({ shop: shop.domain, items, wait: true });
    const [product] = await erp.products.linkedProducts(shop.domain, null, 1, [items[0] as string]);
    assert.ok(product);
    return { ...shop, productId: product.shopifyId, merchant: new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token) };
  }

  it('uploads item and variant pictures once, replaces a changed one in place, and uploads again one deleted in Shopify', async () => {
    const itemNo = no('SHIRT');
    await erp.items.upsert({ no: itemNo, description: 'Shirt', unitPrice: '20.00', variants: [{ code: 'S' }, { code: 'M' }] });
    const shop = await shopWith('img-push', [itemNo], { syncItemImages: 'toShopify' });
    await erp.pictures.set(itemNo, null, RED, 'image/png', 'shirt.png');
    await erp.pictures.set(itemNo, 'S', BLUE, 'image/png', 'shirt-s.png');
    const first = await sync(shop.domain);
    assert.equal(first.uploaded, 2);
    let media = await admin.getProductMedia(shop.domain, shop.productId);
    assert.deepEqual(media.map((m) => m.sha256).sort(), [sha256Of(RED), sha256Of(BLUE)].sort());
    const [variantS] = (await erp.products.variantsOf(shop.domain, [shop.productId])).filter((v) => v.erpVariantCode === 'S');
    assert.deepEqual(media.find((m) => m.sha256 === sha256Of(BLUE))?.variantIds, [variantS?.shopifyId]);

    const again = await sync(shop.domain);
    assert.equal(again.uploaded, 0);
    assert.equal(again.unchanged, 2);
    assert.equal(again.requests, 1, 'one read of the page\'s media, nothing sent');

    await erp.pictures.set(itemNo, null, BLUE, 'image/png', 'shirt.png');
    const productImage = media.find((m) => m.sha256 === sha256Of(RED))?.id;
    const changed = await sync(shop.domain);
    assert.equal(changed.uploaded, 1);
    media = await admin.getProductMedia(shop.domain, shop.productId);
    assert.equal(media.find((m) => m.id === productImage)?.sha256, sha256Of(BLUE), 'the same media now shows the new picture');
    assert.equal(media.length, 2);

    await shop.merchant.graphql('mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { userErrors { message } } }', { ids: [productImage] });
    const restored = await sync(shop.domain);
    assert.equal(restored.uploaded, 1);
    assert.equal((await admin.getProductMedia(shop.domain, shop.productId)).filter((m) => m.sha256 === sha256Of(BLUE)).length, 2);
  });

  it('downloads a product image whose media changed in Shopify into the item picture, once', async () => {
    const itemNo = no('MUG');
    await erp.items.upsert({ no: itemNo, description: 'Mug', unitPrice: '8.00' });
    const shop = await shopWith('img-import', [itemNo], { syncItemImages: 'fromShopify' });
    const staged = await shop.merchant.graphql<{ stagedUploadsCreate: { stagedTargets: Array<{ url: string; resourceUrl: string }> } }>(
      'mutation($i: [StagedUploadInput!]!) { stagedUploadsCreate(input: $i) { stagedTargets { url resourceUrl } } }',
      { i: [{ resource: 'IMAGE', filename: 'mug.png', mimeType: 'image/png', httpMethod: 'PUT' }] },
    );
    const target = staged.stagedUploadsCreate.stagedTargets[0];
    assert.ok(target);
    assert.ok((await fetch(target.url, { method: 'PUT', body: RED, headers: { 'content-type': 'image/png' } })).ok);
    await shop.merchant.graphql('mutation($id: ID!, $m: [CreateMediaInput!]!) { productUpdate(product: { id: $id }, media: $m) { userErrors { message } } }', { id: shop.productId, m: [{ originalSource: target.resourceUrl, mediaContentType: 'IMAGE' }] });
    const first = await sync(shop.domain);
    assert.equal(first.downloaded, 1);
    const picture = await erp.pictures.bytesOf(itemNo, null);
    assert.ok(picture);
    assert.equal(sha256Of(picture), sha256Of(RED), 'the item picture holds the bytes the merchant uploaded');
    const again = await sync(shop.domain);
    assert.equal(again.downloaded, 0);
  });

  it('does nothing, saying why, when the shop syncs no images', async () => {
    const shop = await emulatedShop('img-none');
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false });
    assert.match(String((await sync(shop.domain)).note), /syncItemImages is none/);
  });
});
