import assert from 'node:assert/strict';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read as the JSON they are */

/** The emulator's products area over HTTP, as Shopify's Admin API 2026-10 answers it. */
describe('emulator products', () => {
  let url: string;
  let admin: EmulatorAdmin;
  let shop: { domain: string; token: string };

  before(async () => {
    url = (await testStack()).emulatorUrl;
    admin = await emulatorAdmin();
    shop = await emulatedShop('products', { currencyCode: 'EUR' });
  });

  async function post(query: string, variables: Record<string, unknown> = {}): Promise<{ data: any; errors?: any[]; extensions: any }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query, variables }),
    });
    assert.equal(response.status, 200);
    return (await response.json()) as { data: any; errors?: any[]; extensions: any };
  }

  const SET = `mutation($i: ProductSetInput!, $id: ProductSetIdentifiers, $sync: Boolean) {
    productSet(input: $i, identifier: $id, synchronous: $sync) {
      product { id handle title updatedAt options { name optionValues { name hasVariants } } variants(first: 50) { nodes { id title sku price position selectedOptions { name value } } } }
      productSetOperation { id status }
      userErrors { field message code }
    } }`;
  const sizes = (values: string[]) => [{ name: 'Size', values: values.map((name) => ({ name })) }];
  const sized = (size: string, extra: Record<string, unknown> = {}) => ({ optionValues: [{ optionName: 'Size', name: size }], price: '10.00', ...extra });

  it('seeds products over the admin API, returns their ids in order and stores every field', async () => {
    const seeded = await admin.seedProducts(shop.domain, [
      { title: 'Seed Tee', vendor: 'Acme', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [
        { sku: 'SEED-S', price: '9.50', optionValues: [{ optionName: 'Size', name: 'S' }], cost: '4.20', tracked: true, weight: { unit: 'GRAMS', value: 180 } },
        { sku: 'SEED-M', price: '9.50', barcode: '0001', optionValues: [{ optionName: 'Size', name: 'M' }], inventoryPolicy: 'CONTINUE', taxable: false },
      ] },
      { title: 'Seed Card', giftCard: true, status: 'DRAFT', variants: [{ sku: 'SEED-CARD', price: '25' }] },
    ]);
    assert.deepEqual(seeded.map((p) => p.variants.map((v) => [v.sku, v.title])), [[['SEED-S', 'S'], ['SEED-M', 'M']], [['SEED-CARD', 'Default Title']]]);
    const tee = await admin.getProduct(shop.domain, seeded[0]?.id as string);
    assert.equal(tee.vendor, 'Acme');
    assert.deepEqual(tee.variants.map((v) => [v.price, v.inventoryItem.unitCost, v.inventoryItem.tracked, v.inventoryPolicy, v.taxable]), [['9.50', '4.20', true, 'DENY', true], ['9.50', null, false, 'CONTINUE', false]]);
    assert.deepEqual(tee.variants[0]?.inventoryItem.weight, { unit: 'GRAMS', value: 180 });
    const card = await admin.getProduct(shop.domain, Number(seeded[1]?.legacyResourceId));
    assert.equal(card.giftCard, true);
    assert.equal(card.variants[0]?.inventoryItem.requiresShipping, false, 'a gift card does not ship');
  });

  it('refuses a bad seed with 422 naming the field, and creates none of its products', async () => {
    const countBefore = (await post('{ products(first: 250) { nodes { id } } }')).data.products.nodes.length;
    const response = await fetch(`${url}/emulator/shops/${shop.domain}/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ products: [{ title: 'Fine', variants: [{ price: '1' }] }, { title: 'Twice', options: [{ name: 'Size', values: ['S'] }], variants: [
        { price: '1', optionValues: [{ optionName: 'Size', name: 'S' }] }, { price: '2', optionValues: [{ optionName: 'Size', name: 'S' }] }] }] }),
    });
    assert.equal(response.status, 422);
    assert.deepEqual(((await response.json()) as any).errors.map((e: any) => [e.field, e.code]), [['products.1.variants.1.optionValues', 'INVALID_VARIANT']]);
    const schema = await fetch(`${url}/emulator/shops/${shop.domain}/products`, { method: 'POST', body: JSON.stringify({ products: [{ title: 'X', variants: [{ price: '-1' }] }] }) });
    assert.equal(schema.status, 422);
    assert.equal(((await schema.json()) as any).errors[0].field, 'products.0.variants.0.price');
    assert.equal((await post('{ products(first: 250) { nodes { id } } }')).data.products.nodes.length, countBefore);
  });

  it('productSet creates a product with options and variants, then replaces the list: omitted variants deleted, matched ones keep their id', async () => {
    const created = (await post(SET, { i: { title: 'Set Shirt', productOptions: sizes(['S', 'M', 'L']), variants: [sized('S', { sku: 'SET-S' }), sized('M', { inventoryItem: { sku: 'SET-M' } }), sized('L', { sku: 'SET-L' })] } })).data.productSet;
    assert.deepEqual(created.userErrors, []);
    assert.equal(created.product.handle, 'set-shirt');
    assert.deepEqual(created.product.variants.nodes.map((v: any) => [v.title, v.sku, v.price, v.position]), [['S', 'SET-S', '10.00', 1], ['M', 'SET-M', '10.00', 2], ['L', 'SET-L', '10.00', 3]]);
    const [small, medium] = created.product.variants.nodes;
    const updated = (await post(SET, {
      id: { id: created.product.id },
      i: { productOptions: sizes(['M', 'S', 'XL']), variants: [sized('M', { price: '11.00' }), { ...sized('S'), id: small.id, sku: 'SET-S2' }, sized('XL', { sku: 'SET-XL' })] },
    })).data.productSet;
    assert.deepEqual(updated.userErrors, []);
    assert.deepEqual(updated.product.variants.nodes.map((v: any) => [v.title, v.sku, v.price, v.position]), [['M', 'SET-M', '11.00', 1], ['S', 'SET-S2', '10.00', 2], ['XL', 'SET-XL', '10.00', 3]]);
    assert.equal(updated.product.variants.nodes[0].id, medium.id, 'the variant with the same option values is updated, not replaced');
    assert.equal(updated.product.variants.nodes[1].id, small.id);
    assert.ok(updated.product.updatedAt > created.product.updatedAt);
    assert.equal(updated.product.title, 'Set Shirt', 'fields left out stay as they were');
  });

  it('productSet refuses invalid input with the ProductSetUserErrorCode of each rule', async () => {
    const codes = async (input: Record<string, unknown>, identifier?: Record<string, unknown>) =>
      (await post(SET, { i: input, id: identifier })).data.productSet.userErrors.map((e: any) => `${e.field.join('.')}:${e.code}`);
    assert.deepEqual(await codes({ productOptions: sizes(['S']), variants: [sized('S')] }), ['input.title:INVALID_PRODUCT']);
    assert.deepEqual(await codes({ title: 'A', productOptions: sizes(['S']), variants: [sized('M'), sized('S', { price: '-1' })] }), [
      'input.variants.0.optionValues:OPTION_VALUE_DOES_NOT_EXIST',
      'input.variants.1.price:INVALID_VARIANT',
    ]);
    assert.deepEqual(await codes({ title: 'A', productOptions: sizes(['S']), variants: [sized('S'), sized('S')] }), ['input.variants.1.optionValues:INVALID_VARIANT']);
    assert.deepEqual(await codes({ title: 'A', variants: [sized('S')] }), ['input.productOptions:PRODUCT_OPTIONS_INPUT_MISSING']);
    assert.deepEqual(await codes({ title: 'A', productOptions: [...sizes(['S']), { name: 'size', values: [{ name: 'X' }] }], variants: [sized('S')] }), [
      'input.productOptions.1.name:DUPLICATED_OPTION_NAME',
      'input.variants.0.optionValues:INVALID_VARIANT',
    ]);
    assert.deepEqual(await codes({ title: 'A', handle: 'set-shirt', productOptions: sizes(['S']), variants: [sized('S')] }), ['input.handle:HANDLE_NOT_UNIQUE']);
    assert.deepEqual(await codes({ title: 'A' }, { id: 'gid://shopify/Product/999999999' }), ['identifier.id:NOT_FOUND']);
    const many = Array.from({ length: 2049 }, (_, n) => sized(`V${n}`));
    assert.deepEqual(await codes({ title: 'A', productOptions: sizes(many.map((_, n) => `V${n}`)), variants: many }), ['input.variants:VARIANTS_OVER_LIMIT']);
  });

  it('productSet costs 10 plus 0.2 per variant, rounded, and other product mutations 10', async () => {
    const twenty = Array.from({ length: 20 }, (_, n) => sized(`C${n}`));
    const big = await post(SET, { i: { title: 'Cost Twenty', productOptions: sizes(twenty.map((_, n) => `C${n}`)), variants: twenty } });
    assert.equal(big.extensions.cost.requestedQueryCost, 14);
    assert.equal(big.extensions.cost.actualQueryCost, 14);
    const one = await post(SET, { i: { title: 'Cost One', productOptions: sizes(['S']), variants: [sized('S')] } });
    assert.equal(one.extensions.cost.requestedQueryCost, 10);
    const update = await post('mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }', { p: { id: one.data.productSet.product.id, vendor: 'V' } });
    assert.equal(update.extensions.cost.requestedQueryCost, 10);
  });

  it('productSet with synchronous: false answers a CREATED operation that productOperation then shows COMPLETE with the product', async () => {
    const started = (await post(SET, { i: { title: 'Async Tee', productOptions: sizes(['S']), variants: [sized('S', { sku: 'ASYNC-S' })] }, sync: false })).data.productSet;
    assert.equal(started.product, null);
    assert.equal(started.productSetOperation.status, 'CREATED');
    const polled = (await post('query($id: ID!) { productOperation(id: $id) { status product { title variants(first: 1) { nodes { sku } } } ... on ProductSetOperation { userErrors { code } } } }', { id: started.productSetOperation.id })).data.productOperation;
    assert.deepEqual(polled, { status: 'COMPLETE', product: { title: 'Async Tee', variants: { nodes: [{ sku: 'ASYNC-S' }] } }, userErrors: [] });
  });

  describe('products query', () => {
    let ids: Record<string, string>;
    let start: string;

    before(async () => {
      start = new Date(Date.now() - 1).toISOString();
      const seeded = await admin.seedProducts(shop.domain, [
        { title: 'Query Alpha', vendor: 'Northwind', productType: 'Mug', status: 'ACTIVE', tags: ['kitchen'], variants: [{ sku: 'Q-ALPHA', barcode: '111', price: '5' }] },
        { title: 'Query Beta', vendor: 'Northwind', productType: 'Plate', status: 'DRAFT', variants: [{ sku: 'Q-BETA', price: '7' }] },
        { title: 'Query Gamma', vendor: 'Contoso', productType: 'Mug', status: 'ARCHIVED', giftCard: true, variants: [{ sku: 'Q-GAMMA', price: '9' }] },
      ]);
      ids = Object.fromEntries(seeded.map((p) => [p.variants[0]?.sku as string, p.id]));
    });

    const search = async (query: string, extra = '') =>
      (await post(`query($q: String) { products(first: 50, query: $q${extra}) { nodes { id } } }`, { q: query })).data.products.nodes.map((n: any) => n.id);
    const only = (...skus: string[]) => skus.map((sku) => ids[sku]);

    it('filters by updated_at, status lists, sku, barcode, gift_card, id ranges, vendor, product_type and title, combined with AND, OR and NOT', async () => {
      assert.deepEqual(await search(`updated_at:>'${start}'`), only('Q-ALPHA', 'Q-BETA', 'Q-GAMMA'));
      assert.deepEqual(await search(`updated_at:>='${start}' status:active,draft`), only('Q-ALPHA', 'Q-BETA'));
      assert.deepEqual(await search('sku:Q-BETA'), only('Q-BETA'));
      assert.deepEqual(await search('barcode:111'), only('Q-ALPHA'));
      assert.deepEqual(await search(`gift_card:true updated_at:>'${start}'`), only('Q-GAMMA'));
      const alpha = Number(ids['Q-ALPHA']?.split('/').pop());
      assert.deepEqual(await search(`id:>${alpha} AND updated_at:>'${start}'`), only('Q-BETA', 'Q-GAMMA'));
      assert.deepEqual(await search(`id:${alpha}`), only('Q-ALPHA'));
      assert.deepEqual(await search('vendor:Northwind AND NOT product_type:Plate'), only('Q-ALPHA'));
      assert.deepEqual(await search("(sku:Q-ALPHA OR sku:Q-GAMMA) -status:archived"), only('Q-ALPHA'));
      assert.deepEqual(await search("title:'Query Gamma' OR product_type:Plate"), only('Q-BETA', 'Q-GAMMA'));
      assert.deepEqual(await search('tag:kitchen'), only('Q-ALPHA'));
      assert.deepEqual(await search(`updated_at:>'${start}'`, ', sortKey: TITLE, reverse: true'), only('Q-GAMMA', 'Q-BETA', 'Q-ALPHA'));
    });

    it('finds a variant by sku with productVariants and a product by handle with productByIdentifier', async () => {
      const variants = (await post('{ productVariants(first: 5, query: "sku:Q-BETA") { nodes { sku product { id title } } } }')).data.productVariants.nodes;
      assert.deepEqual(variants, [{ sku: 'Q-BETA', product: { id: ids['Q-BETA'], title: 'Query Beta' } }]);
      const byHandle = (await post('{ productByIdentifier(identifier: { handle: "query-gamma" }) { id isGiftCard } }')).data.productByIdentifier;
      assert.deepEqual(byHandle, { id: ids['Q-GAMMA'], isGiftCard: true });
    });

    it('pages by UPDATED_AT with cursors that stay valid when a product of an earlier page is updated: nothing skipped or repeated', async () => {
      const PAGE = `query($q: String, $after: String) { products(first: 2, after: $after, query: $q, sortKey: UPDATED_AT) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
      const q = `updated_at:>'${start}'`;
      const first = (await post(PAGE, { q })).data.products;
      assert.deepEqual(first.nodes.map((n: any) => n.id), only('Q-ALPHA', 'Q-BETA'));
      assert.equal(first.pageInfo.hasNextPage, true);
      const touched = await post('mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { product { id } userErrors { message } } }', { p: { id: ids['Q-BETA'], vendor: 'Moved' } });
      assert.deepEqual(touched.data.productUpdate.userErrors, []);
      const second = (await post(PAGE, { q, after: first.pageInfo.endCursor })).data.products;
      assert.deepEqual(second.nodes.map((n: any) => n.id), only('Q-GAMMA', 'Q-BETA'), 'the updated product comes again at its new place, after the cursor');
      assert.equal(second.pageInfo.hasPreviousPage, true);
      assert.equal(second.pageInfo.hasNextPage, false);
    });
  });

  it('productUpdate changes title, description, vendor, type, tags, status and handle, moving updatedAt; refuses an unknown product, a blank title and a taken handle', async () => {
    const [seeded] = await admin.seedProducts(shop.domain, [{ title: 'Update Me', variants: [{ price: '1' }] }]);
    const before = await admin.getProduct(shop.domain, seeded?.id as string);
    const UPDATE = 'mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { product { title descriptionHtml vendor productType tags status handle updatedAt } userErrors { field message } } }';
    const updated = (await post(UPDATE, { p: { id: seeded?.id, title: 'Updated', descriptionHtml: '<p>Hi</p>', vendor: 'V', productType: 'T', tags: ['a', 'b'], status: 'ARCHIVED', handle: 'updated-handle' } })).data.productUpdate;
    assert.deepEqual(updated.userErrors, []);
    assert.deepEqual({ ...updated.product, updatedAt: undefined }, { title: 'Updated', descriptionHtml: '<p>Hi</p>', vendor: 'V', productType: 'T', tags: ['a', 'b'], status: 'ARCHIVED', handle: 'updated-handle', updatedAt: undefined });
    assert.ok(updated.product.updatedAt > before.updatedAt);
    const errors = async (p: Record<string, unknown>) => (await post(UPDATE, { p })).data.productUpdate.userErrors.map((e: any) => `${e.field.join('.')}:${e.message}`);
    assert.deepEqual(await errors({ id: 'gid://shopify/Product/999999999', title: 'X' }), ['id:Product does not exist']);
    assert.deepEqual(await errors({ id: seeded?.id, title: ' ' }), ["title:Title can't be blank"]);
    assert.deepEqual(await errors({ id: seeded?.id, handle: 'set-shirt' }), ["handle:Handle 'set-shirt' already in use. Please provide a new handle."]);
  });

  describe('variant bulk mutations', () => {
    const BULK_UPDATE = `mutation($id: ID!, $v: [ProductVariantsBulkInput!]!, $partial: Boolean) {
      productVariantsBulkUpdate(productId: $id, variants: $v, allowPartialUpdates: $partial) {
        product { id updatedAt } productVariants { id price sku barcode compareAtPrice taxable inventoryPolicy updatedAt inventoryItem { tracked unitCost { amount currencyCode } measurement { weight { unit value } } } }
        userErrors { field code } } }`;

    it('productVariantsBulkUpdate applies nothing when any variant fails, and the valid ones with allowPartialUpdates', async () => {
      const [product, other] = await admin.seedProducts(shop.domain, [
        { title: 'Bulk Tee', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [{ sku: 'B-S', price: '10', optionValues: [{ optionName: 'Size', name: 'S' }] }, { sku: 'B-M', price: '10', optionValues: [{ optionName: 'Size', name: 'M' }] }] },
        { title: 'Bulk Other', variants: [{ sku: 'B-O', price: '3' }] },
      ]);
      const [small, medium] = product?.variants ?? [];
      const before = await admin.getProduct(shop.domain, product?.id as string);
      const variants = [
        { id: small?.id, price: '12.00', barcode: '999', compareAtPrice: '15.00', taxable: false, inventoryPolicy: 'CONTINUE', inventoryItem: { cost: '6.5', tracked: true, measurement: { weight: { unit: 'POUNDS', value: 2 } } } },
        { id: medium?.id, price: '-1' },
        { id: 'gid://shopify/ProductVariant/999999999', price: '1' },
        { id: other?.variants[0]?.id, price: '1' },
      ];
      const refused = (await post(BULK_UPDATE, { id: product?.id, v: variants })).data.productVariantsBulkUpdate;
      const expected = [['variants.1.price', 'GREATER_THAN_OR_EQUAL_TO'], ['variants.2.id', 'PRODUCT_VARIANT_DOES_NOT_EXIST'], ['variants.3.id', 'MUST_BE_FOR_THIS_PRODUCT']];
      assert.deepEqual(refused.userErrors.map((e: any) => [e.field.join('.'), e.code]), expected);
      assert.equal(refused.productVariants, null);
      assert.equal((await admin.getProduct(shop.domain, product?.id as string)).variants[0]?.price, '10.00', 'nothing applied');
      const partial = (await post(BULK_UPDATE, { id: product?.id, v: variants, partial: true })).data.productVariantsBulkUpdate;
      assert.deepEqual(partial.userErrors.map((e: any) => [e.field.join('.'), e.code]), expected);
      assert.deepEqual(partial.productVariants, [{
        id: small?.id, price: '12.00', sku: 'B-S', barcode: '999', compareAtPrice: '15.00', taxable: false, inventoryPolicy: 'CONTINUE', updatedAt: partial.product.updatedAt,
        inventoryItem: { tracked: true, unitCost: { amount: '6.50', currencyCode: 'EUR' }, measurement: { weight: { unit: 'POUNDS', value: 2 } } },
      }]);
      assert.ok(partial.product.updatedAt > before.updatedAt, 'a variant change moves the product updatedAt');
    });

    it('productVariantsBulkCreate removes a lone Default Title variant by default, keeps it with PRESERVE_STANDALONE_VARIANT, refuses a duplicate with VARIANT_ALREADY_EXISTS', async () => {
      const CREATE = `mutation($id: ID!, $v: [ProductVariantsBulkInput!]!, $s: ProductVariantsBulkCreateStrategy) {
        productVariantsBulkCreate(productId: $id, variants: $v, strategy: $s) { product { options { name values } variants(first: 10) { nodes { title sku } } } userErrors { field code } } }`;
      const [plain, kept] = await admin.seedProducts(shop.domain, [{ title: 'Create Plain', variants: [{ price: '1' }] }, { title: 'Create Kept', variants: [{ sku: 'K-0', price: '1' }] }]);
      const colors = [{ price: '2', inventoryItem: { sku: 'C-RED' }, optionValues: [{ optionName: 'Color', name: 'Red' }] }, { price: '2', inventoryItem: { sku: 'C-BLUE' }, optionValues: [{ optionName: 'Color', name: 'Blue' }] }];
      const replaced = (await post(CREATE, { id: plain?.id, v: colors })).data.productVariantsBulkCreate;
      assert.deepEqual(replaced.userErrors, []);
      assert.deepEqual(replaced.product.options, [{ name: 'Color', values: ['Red', 'Blue'] }]);
      assert.deepEqual(replaced.product.variants.nodes, [{ title: 'Red', sku: 'C-RED' }, { title: 'Blue', sku: 'C-BLUE' }]);
      const duplicate = (await post(CREATE, { id: plain?.id, v: [{ price: '2', optionValues: [{ optionName: 'Color', name: 'red' }] }] })).data.productVariantsBulkCreate;
      assert.deepEqual(duplicate.userErrors, [{ field: ['variants', '0', 'optionValues'], code: 'VARIANT_ALREADY_EXISTS' }]);
      const missing = (await post(CREATE, { id: plain?.id, v: [{ price: '2' }] })).data.productVariantsBulkCreate;
      assert.deepEqual(missing.userErrors, [{ field: ['variants', '0', 'optionValues'], code: 'NEED_TO_ADD_OPTION_VALUES' }]);
      const preserved = (await post(CREATE, { id: kept?.id, v: [{ price: '2', inventoryItem: { sku: 'K-1' } }], s: 'PRESERVE_STANDALONE_VARIANT' })).data.productVariantsBulkCreate;
      assert.deepEqual(preserved.userErrors, [{ field: ['variants', '0', 'optionValues'], code: 'VARIANT_ALREADY_EXISTS' }], 'the kept Default Title variant already has the default value');
    });

    it('productVariantsBulkDelete deletes variants and renumbers the rest, refusing a variant of another product and the last variant', async () => {
      const DELETE = 'mutation($id: ID!, $v: [ID!]!) { productVariantsBulkDelete(productId: $id, variantsIds: $v) { product { variants(first: 5) { nodes { sku position } } } userErrors { field code } } }';
      const [product, other] = await admin.seedProducts(shop.domain, [
        { title: 'Delete Tee', options: [{ name: 'Size', values: ['S', 'M'] }], variants: [{ sku: 'D-S', price: '1', optionValues: [{ optionName: 'Size', name: 'S' }] }, { sku: 'D-M', price: '1', optionValues: [{ optionName: 'Size', name: 'M' }] }] },
        { title: 'Delete Other', variants: [{ sku: 'D-O', price: '1' }] },
      ]);
      const foreign = (await post(DELETE, { id: product?.id, v: [other?.variants[0]?.id] })).data.productVariantsBulkDelete;
      assert.deepEqual(foreign.userErrors, [{ field: ['variantsIds'], code: 'AT_LEAST_ONE_VARIANT_DOES_NOT_BELONG_TO_THE_PRODUCT' }]);
      const deleted = (await post(DELETE, { id: product?.id, v: [product?.variants[0]?.id] })).data.productVariantsBulkDelete;
      assert.deepEqual(deleted.product.variants.nodes, [{ sku: 'D-M', position: 1 }]);
      const last = (await post(DELETE, { id: product?.id, v: [product?.variants[1]?.id] })).data.productVariantsBulkDelete;
      assert.deepEqual(last.userErrors, [{ field: ['variantsIds'], code: 'CANNOT_DELETE_LAST_VARIANT' }]);
    });
  });

  it('answers NOT_IMPLEMENTED for a product field it does not model', async () => {
    const answer = await post('{ products(first: 1) { nodes { id totalInventory } } }');
    assert.equal(answer.errors?.[0]?.extensions?.code, 'NOT_IMPLEMENTED');
  });
});
