import assert from 'node:assert/strict';
import { eventually } from '../support/eventually';
import { emulatedShop, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw GraphQL answers, read as a client would */

const PRODUCT_CREATE = 'mutation call($product: ProductCreateInput!) { productCreate(product: $product) { product { id title } userErrors { field message } } }';
const OPERATION_FIELDS = 'id status type errorCode query createdAt completedAt objectCount rootObjectCount fileSize url partialDataUrl';

interface Shop {
  domain: string;
  token: string;
}

/** Staged uploads and bulk mutation operations, driven over HTTP exactly as a client drives Shopify and its GCS bucket. */
describe('emulator bulk mutation operations', () => {
  let url: string;
  let fast: Shop;
  let slow: Shop;

  before(async () => {
    url = (await testStack()).emulatorUrl;
    fast = await emulatedShop('bulk-fast');
    // One line a second: operations stay RUNNING long enough to be seen, limited and canceled.
    slow = await emulatedShop('bulk-slow', { bulkLinesPerSecond: 1 });
  });

  async function graphql(shop: Shop, query: string, variables: Record<string, unknown> = {}): Promise<{ data: any; errors?: any[]; extensions?: any }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': shop.domain, 'x-shopify-access-token': shop.token },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: any; errors?: any[] };
  }

  async function stagedTarget(shop: Shop): Promise<{ url: string; resourceUrl: string; parameters: Array<{ name: string; value: string }> }> {
    const { data } = await graphql(
      shop,
      'mutation($input: [StagedUploadInput!]!) { stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { field message } } }',
      { input: [{ resource: 'BULK_MUTATION_VARIABLES', filename: 'bulk_op_vars.jsonl', mimeType: 'text/jsonl', httpMethod: 'POST' }] },
    );
    assert.deepEqual(data.stagedUploadsCreate.userErrors, []);
    return data.stagedUploadsCreate.stagedTargets[0];
  }

  /** The form a client posts to the target: every parameter, then the file, last. */
  function uploadForm(parameters: Array<{ name: string; value: string }>, jsonl: string): FormData {
    const form = new FormData();
    for (const { name, value } of parameters) form.append(name, value);
    form.append('file', new Blob([jsonl], { type: 'text/jsonl' }), 'bulk_op_vars.jsonl');
    return form;
  }

  async function upload(shop: Shop, jsonl: string): Promise<string> {
    const target = await stagedTarget(shop);
    const response = await fetch(target.url, { method: 'POST', body: uploadForm(target.parameters, jsonl) });
    assert.equal(response.status, 201, await response.text());
    return target.parameters.find((p) => p.name === 'key')?.value as string;
  }

  async function runMutation(shop: Shop, stagedUploadPath: string, mutation = PRODUCT_CREATE) {
    const answer = await graphql(
      shop,
      `mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { bulkOperation { ${OPERATION_FIELDS} } userErrors { field message code } } }`,
      { m: mutation, p: stagedUploadPath },
    );
    return { ...answer.data.bulkOperationRunMutation, cost: answer.extensions?.cost };
  }

  async function operation(shop: Shop, id: string) {
    return (await graphql(shop, `query($id: ID!) { bulkOperation(id: $id) { ${OPERATION_FIELDS} } }`, { id })).data.bulkOperation;
  }

  function until(shop: Shop, id: string, statuses: string[]) {
    return eventually(`bulk operation ${id} ${statuses.join(' or ')}`, async () => {
      const op = await operation(shop, id);
      return statuses.includes(op.status) ? op : undefined;
    });
  }

  async function cancel(shop: Shop, id: string) {
    return (await graphql(shop, 'mutation($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { id status } userErrors { field message } } }', { id })).data.bulkOperationCancel;
  }

  const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => JSON.stringify({ product: { title: `${prefix} ${i}` } })).join('\n');

  it('stagedUploadsCreate answers a POST target on the emulator, with the key to run with and GCS policy fields', async () => {
    const target = await stagedTarget(fast);
    assert.equal(target.url, `${url}/staged-uploads/${fast.domain}`);
    const names = target.parameters.map((p) => p.name);
    for (const name of ['key', 'Content-Type', 'success_action_status', 'acl', 'policy', 'x-goog-credential', 'x-goog-algorithm', 'x-goog-date', 'x-goog-signature']) {
      assert.ok(names.includes(name), name);
    }
    const key = target.parameters.find((p) => p.name === 'key')?.value as string;
    assert.match(key, /^tmp\/.+\/bulk\/[0-9a-f-]{36}\/bulk_op_vars\.jsonl$/);
    assert.equal(target.resourceUrl, `${target.url}/${key}`);
  });

  it('refuses an upload without a key, or with the file not last, with 400 and keeps nothing', async () => {
    const target = await stagedTarget(fast);
    const key = target.parameters.find((p) => p.name === 'key')?.value as string;
    const withoutKey = await fetch(target.url, { method: 'POST', body: uploadForm(target.parameters.filter((p) => p.name !== 'key'), lines(1, 'never')) });
    assert.equal(withoutKey.status, 400);
    assert.match(await withoutKey.text(), /<Code>InvalidArgument<\/Code>.*key/);
    const fileFirst = new FormData();
    fileFirst.append('file', new Blob([lines(1, 'never')]), 'vars.jsonl');
    for (const { name, value } of target.parameters) fileFirst.append(name, value);
    assert.equal((await fetch(target.url, { method: 'POST', body: fileFirst })).status, 400);
    const run = await runMutation(fast, key);
    assert.equal(run.bulkOperation, null);
    assert.deepEqual(run.userErrors.map((e: { code: string }) => e.code), ['NO_SUCH_FILE']);
  });

  it('runs a bulk productCreate in the background: CREATED at once, then COMPLETED with one result line per input line, userErrors and bad JSON reported on their line', async () => {
    const key = await upload(fast, [lines(2, 'Bulk shirt'), JSON.stringify({ product: { title: '' } }), '{ not json', ''].join('\n'));
    const started = await runMutation(fast, key);
    assert.deepEqual(started.userErrors, []);
    assert.equal(started.bulkOperation.status, 'CREATED');
    assert.equal(started.bulkOperation.type, 'MUTATION');
    assert.equal(started.bulkOperation.query, PRODUCT_CREATE);
    assert.equal(started.bulkOperation.url, null);
    assert.equal(started.cost.requestedQueryCost, 10);

    const done = await until(fast, started.bulkOperation.id, ['COMPLETED', 'FAILED']);
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.errorCode, null);
    assert.equal(done.objectCount, '4');
    assert.ok(done.completedAt >= done.createdAt);
    const response = await fetch(done.url);
    assert.equal(response.status, 200);
    const body = await response.text();
    assert.equal(done.fileSize, String(Buffer.byteLength(body)));
    const results = body.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(results.map((r) => r.__lineNumber), [0, 1, 2, 3]);
    assert.deepEqual(results.slice(0, 2).map((r) => r.data.productCreate.product.title), ['Bulk shirt 0', 'Bulk shirt 1']);
    assert.equal(results[2].data.productCreate.product, null);
    assert.deepEqual(results[2].data.productCreate.userErrors.map((e: { field: string[] }) => e.field), [['title']]);
    assert.match(results[3].errors[0].message, /Invalid JSON/);

    const created = await graphql(fast, 'query($id: ID!) { product(id: $id) { title } }', { id: results[0].data.productCreate.product.id });
    assert.equal(created.data.product.title, 'Bulk shirt 0');
  });

  it('refuses a document that is not one valid mutation with INVALID_MUTATION', async () => {
    const key = await upload(fast, lines(1, 'never'));
    for (const mutation of ['mutation { productCreate(', '{ shop { name } }', `mutation($m: String!, $p: String!) { bulkOperationRunMutation(mutation: $m, stagedUploadPath: $p) { userErrors { message } } }`]) {
      const run = await runMutation(fast, key, mutation);
      assert.equal(run.bulkOperation, null, mutation);
      assert.deepEqual(run.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field]), [['INVALID_MUTATION', ['mutation']]], mutation);
    }
  });

  it('runs up to five bulk mutations at once per shop and refuses a sixth with LIMIT_REACHED; bulkOperations(query: "status:running") lists the five, newest first', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(slow, lines(100, `Slow ${i}`))));
    const ids: string[] = [];
    for (const key of keys.slice(0, 5)) {
      const run = await runMutation(slow, key);
      assert.deepEqual(run.userErrors, []);
      ids.push(run.bulkOperation.id);
    }
    const sixth = await runMutation(slow, keys[5] as string);
    assert.equal(sixth.bulkOperation, null);
    assert.deepEqual(sixth.userErrors.map((e: { code: string }) => e.code), ['LIMIT_REACHED']);

    await Promise.all(ids.map((id) => until(slow, id, ['RUNNING'])));
    const listed = await graphql(slow, 'query { bulkOperations(first: 10, query: "operation_type:mutation AND (status:created OR status:running)") { nodes { id status } } }');
    assert.deepEqual(listed.data.bulkOperations.nodes.map((n: { id: string }) => n.id), [...ids].reverse(), 'newest first');
    const running = await graphql(slow, 'query { bulkOperations(first: 10, query: "status:running") { nodes { id } } }');
    assert.deepEqual(running.data.bulkOperations.nodes.map((n: { id: string }) => n.id), [...ids].reverse());
    const current = await graphql(slow, 'query { currentBulkOperation(type: MUTATION) { id } }');
    assert.equal(current.data.currentBulkOperation.id, ids[4]);

    for (const id of ids) assert.equal((await cancel(slow, id)).bulkOperation.status, 'CANCELING');
    await Promise.all(ids.map((id) => until(slow, id, ['CANCELED'])));
    const freed = await runMutation(slow, keys[5] as string);
    assert.deepEqual(freed.userErrors, []);
    await cancel(slow, freed.bulkOperation.id);
    await until(slow, freed.bulkOperation.id, ['CANCELED']);
  });

  it('bulkOperationCancel moves a running operation to CANCELING, then CANCELED without a url; a finished one cannot be canceled', async () => {
    const run = await runMutation(slow, await upload(slow, lines(50, 'Canceled')));
    await until(slow, run.bulkOperation.id, ['RUNNING']);
    assert.deepEqual(await cancel(slow, run.bulkOperation.id), { bulkOperation: { id: run.bulkOperation.id, status: 'CANCELING' }, userErrors: [] });
    const canceled = await until(slow, run.bulkOperation.id, ['CANCELED']);
    assert.equal(canceled.url, null);
    assert.ok(Number(canceled.objectCount) < 50);
    const again = await cancel(slow, run.bulkOperation.id);
    assert.deepEqual(again.userErrors.map((e: { message: string }) => e.message), ['A bulk operation cannot be canceled when it is canceled']);
  });

  it('fails the operation with INTERNAL_SERVER_ERROR and a partialDataUrl when its staged file is replaced while it runs', async () => {
    const target = await stagedTarget(slow);
    assert.equal((await fetch(target.url, { method: 'POST', body: uploadForm(target.parameters, lines(20, 'Replaced')) })).status, 201);
    const key = target.parameters.find((p) => p.name === 'key')?.value as string;
    const run = await runMutation(slow, key);
    await eventually('a line processed', async () => (Number((await operation(slow, run.bulkOperation.id)).objectCount) >= 1 ? true : undefined));
    assert.equal((await fetch(target.url, { method: 'POST', body: uploadForm(target.parameters, lines(1, 'Other')) })).status, 201);
    const failed = await until(slow, run.bulkOperation.id, ['FAILED']);
    assert.equal(failed.errorCode, 'INTERNAL_SERVER_ERROR');
    assert.equal(failed.url, null);
    const partial = (await (await fetch(failed.partialDataUrl)).text()).trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(partial[0].__lineNumber, 0);
    assert.ok(partial.length < 20, 'only the lines run before the file changed');
  });
});
