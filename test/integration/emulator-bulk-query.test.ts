import assert from 'node:assert/strict';
import { eventually } from '../support/eventually';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw GraphQL answers, read as a client would */

const OPERATION_FIELDS = 'id status type errorCode query createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl';
/** The guide's example of concurrent operations: products and their variants. */
const PRODUCTS_AND_VARIANTS = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';

interface Shop {
  domain: string;
  token: string;
}

/** Bulk query operations driven over HTTP as a client drives Shopify: submit, poll, download the JSONL. */
describe('emulator bulk query operations', () => {
  let url: string;
  let fast: Shop;
  let slow: Shop;
  let seeded: Array<{ id: string; variants: Array<{ id: string; sku: string | null }> }>;

  before(async () => {
    url = (await testStack()).emulatorUrl;
    const admin = await emulatorAdmin();
    fast = await emulatedShop('bulkq-fast', { bulkLinesPerSecond: 5000 });
    // One object a second: operations stay RUNNING long enough to be seen, limited and canceled.
    slow = await emulatedShop('bulkq-slow', { bulkLinesPerSecond: 1 });
    const sized = (n: number, sku: string) => ({
      title: `Sized ${sku}`,
      options: [{ name: 'Size', values: Array.from({ length: n }, (_, i) => `S${i}`) }],
      variants: Array.from({ length: n }, (_, i) => ({ sku: `${sku}-${i}`, price: '10.00', optionValues: [{ optionName: 'Size', name: `S${i}` }] })),
    });
    // More than one page (250) of products: a bulk query reads every connection in full.
    const singles = Array.from({ length: 258 }, (_, i) => ({ title: `Single ${i}`, variants: [{ sku: `ONE-${i}`, price: '5.00' }] }));
    seeded = await admin.seedProducts(fast.domain, [sized(3, 'TRIO'), sized(2, 'DUO'), ...singles]);
    await admin.seedProducts(slow.domain, [sized(3, 'SLOW-A'), sized(3, 'SLOW-B'), sized(3, 'SLOW-C')]);
  });

  async function graphql(shop: Shop, query: string, variables: Record<string, unknown> = {}): Promise<{ data: any; errors?: any[]; extensions?: any }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: any; errors?: any[] };
  }

  async function runQuery(shop: Shop, query: string, groupObjects?: boolean) {
    const answer = await graphql(
      shop,
      `mutation($q: String!, $g: Boolean) { bulkOperationRunQuery(query: $q, groupObjects: $g) { bulkOperation { ${OPERATION_FIELDS} } userErrors { field message code } } }`,
      { q: query, g: groupObjects },
    );
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    return { ...answer.data.bulkOperationRunQuery, cost: answer.extensions?.cost };
  }

  function until(shop: Shop, id: string, statuses: string[]) {
    return eventually(`bulk operation ${id} ${statuses.join(' or ')}`, async () => {
      const op = (await graphql(shop, `query($id: ID!) { bulkOperation(id: $id) { ${OPERATION_FIELDS} } }`, { id })).data.bulkOperation;
      return statuses.includes(op.status) ? op : undefined;
    });
  }

  async function cancel(shop: Shop, id: string) {
    return (await graphql(shop, 'mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { field message } } }', { id })).data.bulkOperationCancel;
  }

  async function download(op: { url: string; fileSize: string }): Promise<any[]> {
    const response = await fetch(op.url);
    assert.equal(response.status, 200);
    const body = await response.text();
    assert.equal(op.fileSize, String(Buffer.byteLength(body)));
    return body.trim().split('\n').map((line) => JSON.parse(line));
  }

  it('runs the guide\'s products-and-variants query in the background: one line per product, one per variant with __parentId, all pages read, for the mutation\'s cost only', async () => {
    const started = await runQuery(fast, PRODUCTS_AND_VARIANTS);
    assert.deepEqual(started.userErrors, []);
    assert.equal(started.bulkOperation.status, 'CREATED');
    assert.equal(started.bulkOperation.type, 'QUERY');
    assert.equal(started.bulkOperation.query, PRODUCTS_AND_VARIANTS);
    assert.equal(started.bulkOperation.url, null);
    assert.equal(started.cost.requestedQueryCost, 10);

    const done = await until(fast, started.bulkOperation.id, ['COMPLETED', 'FAILED']);
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.errorCode, null);
    const variantCount = seeded.reduce((sum, p) => sum + p.variants.length, 0);
    assert.equal(done.rootObjectCount, String(seeded.length));
    assert.equal(done.objectCount, String(seeded.length + variantCount));
    const lines = await download(done);
    assert.equal(lines.length, seeded.length + variantCount);

    const position = new Map(lines.map((line, index) => [line.id as string, index]));
    for (const product of seeded) {
      const line = lines[position.get(product.id) as number];
      assert.equal(line.__parentId, undefined, 'a top-level object has no parent');
      assert.equal(line.variants, undefined, 'a nested connection is not kept inside its parent\'s line');
      for (const variant of product.variants) {
        const variantLine = lines[position.get(variant.id) as number];
        assert.deepEqual(variantLine, { id: variant.id, sku: variant.sku, __parentId: product.id });
        assert.ok((position.get(variant.id) as number) > (position.get(product.id) as number), 'a child comes after its parent');
      }
    }
  });

  it('with groupObjects: true writes each object directly followed by its children; first, cursor and pageInfo are ignored and the search filter applies', async () => {
    const query = '{ products(first: 1, query: "title:Sized*") { pageInfo { hasNextPage } edges { cursor node { id variants(first: 1) { edges { node { id } } } } } } }';
    const started = await runQuery(fast, query, true);
    assert.deepEqual(started.userErrors, []);
    const done = await until(fast, started.bulkOperation.id, ['COMPLETED', 'FAILED']);
    const expected = seeded.slice(0, 2).flatMap((p) => [{ id: p.id }, ...p.variants.map((v) => ({ id: v.id, __parentId: p.id }))]);
    assert.deepEqual(await download(done), expected);
    assert.equal(done.rootObjectCount, '2');
  });

  it('completes a query that finds nothing with objectCount 0 and no url', async () => {
    const started = await runQuery(fast, '{ products(query: "title:nothing-has-this-title") { edges { node { id } } } }');
    const done = await until(fast, started.bulkOperation.id, ['COMPLETED', 'FAILED']);
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.objectCount, '0');
    assert.equal(done.url, null);
  });

  it('fails a query whose run hits a field error (here one the emulator does not implement) with INTERNAL_SERVER_ERROR and no data', async () => {
    const started = await runQuery(fast, '{ products { edges { node { id sellingPlanGroups { edges { node { id } } } } } } }');
    assert.deepEqual(started.userErrors, [], 'valid for Shopify: the failure comes while it runs');
    const failed = await until(fast, started.bulkOperation.id, ['COMPLETED', 'FAILED']);
    assert.deepEqual([failed.status, failed.errorCode, failed.url, failed.partialDataUrl], ['FAILED', 'INTERNAL_SERVER_ERROR', null, null]);
  });

  it('refuses queries outside the bulk limits with INVALID on the query field', async () => {
    const cases: Array<[string, RegExp]> = [
      ['{ shop { name } }', /^Bulk queries must contain at least one connection\.$/],
      ['{ products { edges { node { id variants { edges { node { id } } } metafields { edges { node { id } } } collections { edges { node { id } } } media { edges { node { id } } } sellingPlanGroups { edges { node { id } } } } } } }', /more than 5 connections/],
      ['{ collections { edges { node { id products { edges { node { id variants { edges { node { id metafields { edges { node { id } } } } } } } } } } } } }', /nesting depth greater than 2/],
      ['{ products { edges { node { title variants { edges { node { id } } } } } } }', /must select the 'id' field .* Connection fields without 'id': products\./],
      ['{ products { nodes { id } } }', /Selecting via 'nodes' is not supported\. Invalid connection fields: 'products'\./],
      ['{ orders { edges { node { id fulfillments { events { edges { node { id } } } } } } } }', /connection field within a list field/],
      ['{ node(id: "gid://shopify/Product/1") { id } }', /top level `node` field/],
      ['mutation { shopUpdate { userErrors { message } } }', /Only `query` operations are supported/],
      ['{ products { edges { node { notAField } } } }', /^Invalid bulk query: .*notAField/],
      ['{ products { edges', /^Invalid bulk query: Syntax Error/],
    ];
    for (const [query, message] of cases) {
      const run = await runQuery(fast, query);
      assert.equal(run.bulkOperation, null, query);
      assert.ok(run.userErrors.length > 0, query);
      for (const error of run.userErrors) assert.deepEqual([error.field, error.code], [['query'], 'INVALID'], query);
      assert.ok(run.userErrors.some((e: { message: string }) => message.test(e.message)), `${query}: ${JSON.stringify(run.userErrors)}`);
    }
  });

  it('runs five queries at once beside a bulk mutation, refuses a sixth query with LIMIT_REACHED and lists them with bulkOperations and currentBulkOperation', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const run = await runQuery(slow, PRODUCTS_AND_VARIANTS);
      assert.deepEqual(run.userErrors, []);
      ids.push(run.bulkOperation.id);
    }
    const sixth = await runQuery(slow, PRODUCTS_AND_VARIANTS);
    assert.equal(sixth.bulkOperation, null);
    assert.deepEqual(sixth.userErrors.map((e: { code: string }) => e.code), ['LIMIT_REACHED']);

    const mutation = await runMutationBeside(slow);
    assert.deepEqual(mutation.userErrors, [], 'bulk queries and bulk mutations run at the same time');

    await Promise.all(ids.map((id) => until(slow, id, ['RUNNING'])));
    const listed = await graphql(slow, 'query { bulkOperations(first: 10, query: "operation_type:query AND status:running") { nodes { id type } } }');
    assert.deepEqual(listed.data.bulkOperations.nodes.map((n: { id: string }) => n.id), [...ids].reverse(), 'newest first');
    const current = await graphql(slow, 'query { query: currentBulkOperation { id type } mutation: currentBulkOperation(type: MUTATION) { id } }');
    assert.deepEqual(current.data.query, { id: ids[4], type: 'QUERY' }, 'currentBulkOperation defaults to QUERY');
    assert.equal(current.data.mutation.id, mutation.bulkOperation.id);

    for (const id of [...ids, mutation.bulkOperation.id]) await cancel(slow, id);
    await Promise.all([...ids, mutation.bulkOperation.id].map((id) => until(slow, id, ['CANCELED'])));
    const freed = await runQuery(slow, PRODUCTS_AND_VARIANTS);
    assert.deepEqual(freed.userErrors, []);
    await cancel(slow, freed.bulkOperation.id);
    await until(slow, freed.bulkOperation.id, ['CANCELED']);
  });

  it('bulkOperationCancel moves a running query to CANCELING, then CANCELED with part of its objects counted and no url', async () => {
    const run = await runQuery(slow, PRODUCTS_AND_VARIANTS);
    await eventually('an object written', async () => {
      const op = await until(slow, run.bulkOperation.id, ['RUNNING']);
      return Number(op.objectCount) >= 1 ? op : undefined;
    });
    assert.deepEqual(await cancel(slow, run.bulkOperation.id), { bulkOperation: { id: run.bulkOperation.id, status: 'CANCELING' }, userErrors: [] });
    const canceled = await until(slow, run.bulkOperation.id, ['CANCELED']);
    assert.equal(canceled.url, null);
    assert.ok(Number(canceled.objectCount) < 12, 'three products and nine variants were not all written');
  });

  /** A bulk productCreate over one staged line, as emulator-bulk.test.ts drives it. */
  async function runMutationBeside(shop: Shop) {
    const staged = await graphql(
      shop,
      'mutation($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url parameters { name value } } } }',
      { input: [{ resource: 'BULK_MUTATION_VARIABLES', filename: 'vars.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST' }] },
    );
    const target = staged.data.stagedUploadsCreate.stagedTargets[0] as { url: string; parameters: Array<{ name: string; value: string }> };
    const form = new FormData();
    for (const { name, value } of target.parameters) form.append(name, value);
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ product: { title: `Beside ${i}` } })).join('\n');
    form.append('file', new Blob([lines], { type: 'text/jsonl' }), 'vars.jsonl');
    assert.equal((await fetch(target.url, { method: 'POST', body: form })).status, 201);
    const key = target.parameters.find((p) => p.name === 'key')?.value;
    const answer = await graphql(
      shop,
      'mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { id } userErrors { field message code } } }',
      { m: 'mutation call($product: ProductCreateInput!) { productCreate(product: $product) { product { id } } }', p: key },
    );
    return answer.data.bulkOperationRunMutation;
  }
});
