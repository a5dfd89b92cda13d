import assert from 'node:assert/strict';
import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { calculateQueryCost } from '../../emulator/cost';
import { loadAdminSchema } from '../../emulator/schema';
import { ensureShopifySchema } from '../../scripts/tools/shopify-schema';

describe('emulator cost calculation (Shopify rules)', () => {
  let schema: ReturnType<typeof loadAdminSchema>;
  before(async () => {
    schema = loadAdminSchema(await ensureShopifySchema());
  });

  function cost(query: string, variables: Record<string, unknown> = {}, data?: Record<string, unknown> | null): number {
    const document = parse(query);
    const operation = getOperationAST(document);
    assert.ok(operation);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return calculateQueryCost(schema, operation, fragments, variables, data);
  }

  it('charges 1 per object and 0 per scalar', () => {
    assert.equal(cost('{ shop { id name currencyCode } }'), 1);
    assert.equal(cost('{ shop { name plan { displayName } primaryDomain { host } } }'), 3);
  });

  it('charges a connection 2 plus first × the cost of one node, from variables too', () => {
    assert.equal(cost('{ locations(first: 10) { nodes { id name } } }'), 2 + 10 * 1);
    assert.equal(cost('query($n: Int!) { locations(first: $n) { edges { cursor node { id address { city } } } } }', { n: 5 }), 2 + 5 * 2);
    assert.equal(cost('{ locations(last: 3) { pageInfo { hasNextPage } nodes { id } } }'), 2 + 3);
  });

  it('multiplies nested connections', () => {
    const query = '{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } } }';
    assert.equal(cost(query), 2 + 10 * (1 + (2 + 5 * 1)));
  });

  it('charges the actual cost from the nodes really returned', () => {
    const data = { locations: { nodes: [{ id: 'a' }, { id: 'b' }] } };
    assert.equal(cost('{ locations(first: 50) { nodes { id } } }', {}, data), 2 + 2);
  });

  it('counts fragments and honours @skip and @include', () => {
    assert.equal(cost('query { ...S } fragment S on QueryRoot { shop { plan { displayName } } }'), 2);
    assert.equal(cost('query($s: Boolean!) { shop { plan @skip(if: $s) { displayName } } }', { s: true }), 1);
    assert.equal(cost('query($i: Boolean!) { shop { plan @include(if: $i) { displayName } } }', { i: true }), 2);
  });

  it('charges 10 per mutation field', () => {
    assert.equal(cost('mutation { a: orderClose(input: {id: "gid://shopify/Order/1"}) { order { id } } }'), 10);
    assert.equal(
      cost('mutation { a: orderClose(input: {id: "gid://shopify/Order/1"}) { order { id } } b: orderClose(input: {id: "gid://shopify/Order/2"}) { order { id } } }'),
      20,
    );
  });
});
