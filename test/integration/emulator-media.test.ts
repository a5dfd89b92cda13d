import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read as the JSON they are */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG of one colour, so that each test's image has bytes of its own. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Product and variant images through the emulator's Admin API 2026-10: staged uploads, files, product and variant media. */
describe('emulator media', () => {
  let url: string;
  let admin: EmulatorAdmin;
  let shop: { domain: string; token: string };

  before(async () => {
    url = (await testStack()).emulatorUrl;
    admin = await emulatorAdmin();
    // Processing takes a little while, so that the tests wait for READY as a client must.
    shop = await emulatedShop('media', { mediaProcessingMs: 60 });
  });

  async function post(query: string, variables: Record<string, unknown> = {}): Promise<{ data: any; errors?: any[]; extensions: any }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query, variables }),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { data: any; errors?: any[]; extensions: any };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body;
  }

  const STAGE = `mutation($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }`;
  const MEDIA = `id status alt mediaContentType ... on MediaImage { fileStatus mimeType image { url width height altText } preview { status image { url } } mediaErrors { code } }`;
  const PRODUCT_MEDIA = `query($id: ID!) { product(id: $id) { updatedAt mediaCount { count } featuredMedia { id } media(first: 10) { nodes { ${MEDIA} } } variants(first: 10) { nodes { id media(first: 5) { nodes { id } } } } } }`;
  const UPDATE = `mutation($product: ProductUpdateInput!, $media: [CreateMediaInput!]) { productUpdate(product: $product, media: $media) { product { updatedAt media(first: 10) { nodes { ${MEDIA} } } } userErrors { field message } } }`;

  /** Uploads the bytes through a staged PUT target and answers its resourceUrl, the `originalSource` to use. */
  async function stagePut(bytes: Buffer, filename = 'item.png', mimeType = 'image/png'): Promise<string> {
    const target = (await post(STAGE, { input: [{ resource: 'IMAGE', filename, mimeType, httpMethod: 'PUT', fileSize: String(bytes.length) }] })).data.stagedUploadsCreate.stagedTargets[0];
    assert.deepEqual(target.parameters, [{ name: 'content_type', value: mimeType }, { name: 'acl', value: 'private' }]);
    const upload = await fetch(target.url, { method: 'PUT', headers: { 'content-type': mimeType, 'x-goog-acl': 'private' }, body: new Uint8Array(bytes) });
    assert.equal(upload.status, 200);
    return target.resourceUrl;
  }

  async function seedProduct(title: string, sizes: string[] = ['S', 'M']) {
    const [product] = await admin.seedProducts(shop.domain, [{ title, options: [{ name: 'Size', values: sizes }], variants: sizes.map((name) => ({ price: '5', optionValues: [{ optionName: 'Size', name }] })) }]);
    return product as NonNullable<typeof product>;
  }

  /** Polls the product until every media is out of processing (bounded), and answers the product. */
  async function settled(productId: string): Promise<any> {
    return eventually(`the media of ${productId} leave processing`, async () => {
      const product = (await post(PRODUCT_MEDIA, { id: productId })).data.product;
      return product.media.nodes.every((m: any) => m.status === 'READY' || m.status === 'FAILED') ? product : undefined;
    });
  }

  async function download(imageUrl: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const response = await fetch(imageUrl);
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  }

  it('uploads a PNG to a staged PUT target, attaches it with productUpdate(media:), and once READY serves the same bytes at image.url', async () => {
    const product = await seedProduct('Media Mug');
    const before = (await post(PRODUCT_MEDIA, { id: product.id })).data.product;
    const bytes = png(3, 2, [200, 10, 10]);
    const source = await stagePut(bytes);
    const updated = (await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: source, mediaContentType: 'IMAGE', alt: 'Red mug' }] })).data.productUpdate;
    assert.deepEqual(updated.userErrors, []);
    assert.ok(updated.product.updatedAt > before.updatedAt, 'adding media moves the product');
    const [fresh] = updated.product.media.nodes;
    assert.equal(fresh.mediaContentType, 'IMAGE');
    assert.equal(fresh.alt, 'Red mug');
    if (fresh.status !== 'READY') assert.equal(fresh.image, null, 'no image until READY');

    const ready = await settled(product.id);
    const [media] = ready.media.nodes;
    assert.equal(media.id, fresh.id);
    assert.deepEqual([media.status, media.fileStatus, media.preview.status, media.mimeType], ['READY', 'READY', 'READY', 'image/png']);
    assert.deepEqual([media.image.width, media.image.height, media.image.altText], [3, 2, 'Red mug']);
    assert.equal(ready.featuredMedia.id, media.id);
    assert.equal(ready.mediaCount.count, 1);
    const served = await download(media.image.url);
    assert.deepEqual([served.status, served.type], [200, 'image/png']);
    assert.ok(served.bytes.equals(bytes), 'the URL serves the uploaded bytes');
    const [stored] = await admin.getProductMedia(shop.domain, product.id);
    assert.equal(stored?.sha256, sha256(bytes));
  });

  it('uploads through a multipart POST image target, creates the file with fileCreate, and links it to a product with fileUpdate referencesToAdd', async () => {
    const product = await seedProduct('Media Plate');
    const bytes = png(4, 4, [0, 120, 0]);
    const target = (await post(STAGE, { input: [{ resource: 'IMAGE', filename: 'plate.png', mimeType: 'image/png', httpMethod: 'POST' }] })).data.stagedUploadsCreate.stagedTargets[0];
    const form = new FormData();
    for (const { name, value } of target.parameters) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'plate.png');
    assert.equal((await fetch(target.url, { method: 'POST', body: form })).status, 201);
    const created = (await post(`mutation($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id fileStatus alt } userErrors { code } } }`, {
      files: [{ originalSource: target.resourceUrl, contentType: 'IMAGE', alt: 'Green plate' }],
    })).data.fileCreate;
    assert.deepEqual(created.userErrors, []);
    const fileId = created.files[0].id;
    assert.match(fileId, /^gid:\/\/shopify\/MediaImage\/\d+$/);
    const ready = await eventually('the file is READY', async () => {
      const node = (await post(`query($id: ID!) { node(id: $id) { ... on MediaImage { id fileStatus } } }`, { id: fileId })).data.node;
      return node.fileStatus === 'READY' ? node : undefined;
    });
    assert.equal(ready.id, fileId);
    const linked = (await post(`mutation($files: [FileUpdateInput!]!) { fileUpdate(files: $files) { files { id } userErrors { code } } }`, { files: [{ id: fileId, referencesToAdd: [product.id] }] })).data.fileUpdate;
    assert.deepEqual(linked.userErrors, []);
    const media = await admin.getProductMedia(shop.domain, product.id);
    assert.deepEqual(media.map((m) => [m.id, m.status, m.sha256]), [[fileId, 'READY', sha256(bytes)]]);
    const listed = (await post(`query($q: String) { files(first: 10, query: $q) { nodes { id } } }`, { q: `product_id:${product.legacyResourceId} status:ready` })).data.files.nodes;
    assert.deepEqual(listed.map((f: any) => f.id), [fileId]);
  });

  it('fileUpdate originalSource replaces the contents under the same id: processed again, then the URL serves the new bytes', async () => {
    const product = await seedProduct('Media Bowl');
    const first = png(2, 2, [1, 2, 3]);
    await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: await stagePut(first), mediaContentType: 'IMAGE' }] });
    const [media] = (await settled(product.id)).media.nodes;
    const second = png(5, 1, [9, 9, 9]);
    const replaced = (await post(`mutation($files: [FileUpdateInput!]!) { fileUpdate(files: $files) { files { id } userErrors { code } } }`, {
      files: [{ id: media.id, originalSource: await stagePut(second), alt: 'New bowl' }],
    })).data.fileUpdate;
    assert.deepEqual(replaced, { files: [{ id: media.id }], userErrors: [] });
    const [after] = (await settled(product.id)).media.nodes;
    assert.deepEqual([after.id, after.status, after.alt, after.image.width, after.image.height], [media.id, 'READY', 'New bowl', 5, 1]);
    assert.ok((await download(after.image.url)).bytes.equals(second));
  });

  it('productVariantAppendMedia shows a READY product media on a variant, refuses a second one and unknown media with MediaUserErrorCode, and productVariantDetachMedia removes it', async () => {
    const product = await seedProduct('Media Tee');
    await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: await stagePut(png(1, 1, [5, 5, 5])), mediaContentType: 'IMAGE' }, { originalSource: await stagePut(png(1, 1, [6, 6, 6])), mediaContentType: 'IMAGE' }] });
    const [one, two] = (await settled(product.id)).media.nodes;
    const [small, medium] = product.variants;
    const APPEND = `mutation($p: ID!, $vm: [ProductVariantAppendMediaInput!]!) { productVariantAppendMedia(productId: $p, variantMedia: $vm) { productVariants { id media(first: 5) { nodes { id } } } userErrors { field code } } }`;
    const appended = (await post(APPEND, { p: product.id, vm: [{ variantId: small?.id, mediaIds: [one.id] }] })).data.productVariantAppendMedia;
    assert.deepEqual(appended.userErrors, []);
    assert.deepEqual(appended.productVariants[0].media.nodes, [{ id: one.id }]);
    const codes = async (vm: unknown) => (await post(APPEND, { p: product.id, vm })).data.productVariantAppendMedia.userErrors.map((e: any) => e.code);
    assert.deepEqual(await codes([{ variantId: small?.id, mediaIds: [two.id] }]), ['PRODUCT_VARIANT_ALREADY_HAS_MEDIA']);
    assert.deepEqual(await codes([{ variantId: medium?.id, mediaIds: [one.id, two.id] }]), ['TOO_MANY_MEDIA_PER_INPUT_PAIR']);
    assert.deepEqual(await codes([{ variantId: medium?.id, mediaIds: ['gid://shopify/MediaImage/999999999'] }]), ['MEDIA_DOES_NOT_EXIST']);
    const detached = (await post(`mutation($p: ID!, $vm: [ProductVariantDetachMediaInput!]!) { productVariantDetachMedia(productId: $p, variantMedia: $vm) { productVariants { media(first: 5) { nodes { id } } } userErrors { code } } }`, {
      p: product.id, vm: [{ variantId: small?.id, mediaIds: [one.id] }],
    })).data.productVariantDetachMedia;
    assert.deepEqual(detached, { productVariants: [{ media: { nodes: [] } }], userErrors: [] });
  });

  it('productVariantsBulkUpdate adds `media` to the product and links a variant by mediaSrc, another by mediaId', async () => {
    const product = await seedProduct('Media Cap');
    const source = await stagePut(png(2, 3, [50, 60, 70]));
    const BULK = `mutation($p: ID!, $v: [ProductVariantsBulkInput!]!, $m: [CreateMediaInput!]) { productVariantsBulkUpdate(productId: $p, variants: $v, media: $m) { productVariants { id } userErrors { field code } } }`;
    const [small, medium] = product.variants;
    const bySrc = (await post(BULK, { p: product.id, v: [{ id: small?.id, mediaSrc: [source] }], m: [{ originalSource: source, mediaContentType: 'IMAGE' }] })).data.productVariantsBulkUpdate;
    assert.deepEqual(bySrc.userErrors, []);
    const [media] = (await settled(product.id)).media.nodes;
    const byId = (await post(BULK, { p: product.id, v: [{ id: medium?.id, mediaId: media.id }] })).data.productVariantsBulkUpdate;
    assert.deepEqual(byId.userErrors, []);
    assert.deepEqual((await admin.getProductMedia(shop.domain, product.id)).map((m) => m.variantIds), [[small?.id, medium?.id]]);
    const unknown = (await post(BULK, { p: product.id, v: [{ id: small?.id, mediaSrc: ['https://cdn.example.com/other.png'] }] })).data.productVariantsBulkUpdate;
    assert.deepEqual(unknown.userErrors, [{ field: ['variants', '0', 'mediaSrc'], code: 'INVALID_INPUT' }]);
  });

  it('productSet files replaces the product media: a listed id is kept, a new source is created, an omitted file leaves the product but stays in files', async () => {
    const product = await seedProduct('Media Jug', ['One']);
    await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: await stagePut(png(1, 2, [1, 1, 1])), mediaContentType: 'IMAGE' }, { originalSource: await stagePut(png(2, 1, [2, 2, 2])), mediaContentType: 'IMAGE' }] });
    const [kept, dropped] = (await settled(product.id)).media.nodes;
    const source = await stagePut(png(3, 3, [3, 3, 3]));
    const SET = `mutation($id: ProductSetIdentifiers, $i: ProductSetInput!) { productSet(identifier: $id, input: $i) { product { media(first: 10) { nodes { id } } } userErrors { field code } } }`;
    const set = (await post(SET, { id: { id: product.id }, i: { files: [{ originalSource: source, contentType: 'IMAGE', alt: 'Jug' }, { id: kept.id }] } })).data.productSet;
    assert.deepEqual(set.userErrors, []);
    const ids = set.product.media.nodes.map((m: any) => m.id);
    assert.equal(ids.length, 2);
    assert.equal(ids[1], kept.id, 'the listed file keeps its id and takes its place in the list');
    assert.ok(!ids.includes(dropped.id));
    const stillThere = (await post(`query($id: ID!) { node(id: $id) { id } }`, { id: dropped.id })).data.node;
    assert.deepEqual(stillThere, { id: dropped.id }, 'productSet takes the file off the product, it does not delete it');
    const refused = (await post(SET, {
      id: { id: product.id },
      i: { files: [{ id: kept.id }], productOptions: [{ name: 'Size', values: [{ name: 'One' }] }], variants: [{ optionValues: [{ optionName: 'Size', name: 'One' }], file: { id: dropped.id } }] },
    })).data.productSet;
    assert.deepEqual(refused.userErrors, [{ field: ['input', 'variants', '0', 'file'], code: 'INVALID_INPUT' }]);
  });

  it('fileDelete removes the file from its product and variants and moves the product updatedAt; its image URL then answers 404', async () => {
    const product = await seedProduct('Media Vase', ['One']);
    await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: await stagePut(png(2, 2, [8, 8, 8])), mediaContentType: 'IMAGE' }] });
    const ready = await settled(product.id);
    const [media] = ready.media.nodes;
    await post(`mutation($p: ID!, $vm: [ProductVariantAppendMediaInput!]!) { productVariantAppendMedia(productId: $p, variantMedia: $vm) { userErrors { code } } }`, { p: product.id, vm: [{ variantId: product.variants[0]?.id, mediaIds: [media.id] }] });
    const deleted = (await post(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { code } } }`, { ids: [media.id] })).data.fileDelete;
    assert.deepEqual(deleted, { deletedFileIds: [media.id], userErrors: [] });
    const after = (await post(PRODUCT_MEDIA, { id: product.id })).data.product;
    assert.deepEqual([after.media.nodes, after.mediaCount.count, after.featuredMedia, after.variants.nodes[0].media.nodes], [[], 0, null, []]);
    assert.ok(after.updatedAt > ready.updatedAt);
    assert.equal((await download(media.image.url)).status, 404);
    const again = (await post(`mutation($ids: [ID!]!) { fileDelete(fileIds: $ids) { deletedFileIds userErrors { field code } } }`, { ids: [media.id] })).data.fileDelete;
    assert.deepEqual(again, { deletedFileIds: null, userErrors: [{ field: ['fileIds', '0'], code: 'FILE_DOES_NOT_EXIST' }] });
  });

  it('an external URL ends FAILED with IMAGE_DOWNLOAD_FAILURE, non-image bytes with UNSUPPORTED_IMAGE_FILE_TYPE, and a malformed URL is a user error', async () => {
    const product = await seedProduct('Media Lamp', ['One']);
    const text = await stagePut(Buffer.from('not an image'), 'notes.png');
    const added = (await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: 'https://cdn.example.com/lamp.png', mediaContentType: 'IMAGE' }, { originalSource: text, mediaContentType: 'IMAGE' }] })).data.productUpdate;
    assert.deepEqual(added.userErrors, []);
    const failed = (await settled(product.id)).media.nodes;
    assert.deepEqual(failed.map((m: any) => [m.status, m.image, m.mediaErrors.map((e: any) => e.code)]), [
      ['FAILED', null, ['IMAGE_DOWNLOAD_FAILURE']],
      ['FAILED', null, ['UNSUPPORTED_IMAGE_FILE_TYPE']],
    ]);
    const malformed = (await post(UPDATE, { product: { id: product.id, title: 'Renamed' }, media: [{ originalSource: 'lamp.png', mediaContentType: 'IMAGE' }] })).data.productUpdate;
    assert.deepEqual(malformed.userErrors, [{ field: ['media', '0', 'originalSource'], message: 'Image URL is invalid' }]);
    assert.equal((await admin.getProduct(shop.domain, product.id)).title, 'Media Lamp', 'a refused productUpdate changes nothing');
    const badFile = (await post(`mutation($files: [FileCreateInput!]!) { fileCreate(files: $files) { files { id } userErrors { field code } } }`, { files: [{ originalSource: 'ftp://x/y.png' }] })).data.fileCreate;
    assert.deepEqual(badFile, { files: null, userErrors: [{ field: ['files', '0', 'originalSource'], code: 'INVALID_IMAGE_SOURCE_URL' }] });
  });

  it('a PUT target refuses a Content-Type other than the signed one and a key that was never issued, with 403', async () => {
    const target = (await post(STAGE, { input: [{ resource: 'IMAGE', filename: 'x.png', mimeType: 'image/png' }] })).data.stagedUploadsCreate.stagedTargets[0];
    assert.equal((await fetch(target.url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(png(1, 1, [0, 0, 0])) })).status, 403);
    assert.equal((await fetch(`${url}/staged-uploads/${shop.domain}/tmp/never/issued.png`, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: 'x' })).status, 403);
  });

  it('with mediaProcessingMs 0 a new media is READY in the mutation answer itself', async () => {
    const instant = await emulatedShop('media-instant', { mediaProcessingMs: 0 });
    const saved = shop;
    shop = instant;
    try {
      const product = await seedProduct('Instant Mug', ['One']);
      const added = (await post(UPDATE, { product: { id: product.id }, media: [{ originalSource: await stagePut(png(1, 1, [4, 4, 4])), mediaContentType: 'IMAGE' }] })).data.productUpdate;
      assert.equal(added.product.media.nodes[0].status, 'READY');
      assert.equal(added.product.media.nodes[0].image.width, 1);
    } finally {
      shop = saved;
    }
  });
});
