import assert from 'node:assert/strict';
import { parse, validate } from 'graphql';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAdminSchema } from '../../emulator/schema';
import { ensureShopifySchema } from '../../scripts/tools/shopify-schema';
import { getOperationAST } from 'graphql';
import { calculateQueryCost, SINGLE_QUERY_MAX_COST } from '../../emulator/cost';
import { PROJECT_ROOT } from '../../src/config';
import { ORDER_LINES_PER_PAGE, ORDER_MORE_LINES_QUERY, ORDERS_PAGE_QUERY, ORDERS_PER_PAGE } from '../../src/shopify/documents/orders';
import { ORDER_FULFILLMENT_STATE_QUERY } from '../../src/shopify/documents/fulfillments';
import { BALANCE_TRANSACTIONS_QUERY, PAYOUTS_QUERY } from '../../src/shopify/documents/payments';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every `#graphql` template literal under src/, with the file it is in. */
function graphqlDocuments(): Array<{ where: string; text: string }> {
  const documents: Array<{ where: string; text: string }> = [];
  for (const file of [...sourceFiles(join(PROJECT_ROOT, 'src')), ...sourceFiles(join(PROJECT_ROOT, 'scripts'))]) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/`(#graphql[\s\S]*?)`/g)) {
      const text = match[1] as string;
      const line = source.slice(0, match.index).split('\n').length;
      documents.push({ where: `${relative(PROJECT_ROOT, file)}:${line}`, text });
    }
  }
  return documents;
}

describe('GraphQL documents (src/ and scripts/) against the Admin API 2026-10 schema', () => {
  const documents = graphqlDocuments();

  it('finds the documents to check', () => {
    assert.ok(documents.length >= 2, `only ${documents.length} #graphql documents found under src/`);
  });

  for (const { where, text } of documents) {
    it(`validates ${where}`, async () => {
      assert.ok(!text.includes('${'), 'documents take values through variables, never by interpolation');
      const schema = loadAdminSchema(await ensureShopifySchema());
      const errors = validate(schema, parse(text));
      assert.deepEqual(errors.map((e) => e.message), []);
    });
  }
});

describe('requested cost of the paged documents, as Shopify prices them', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['orders page', ORDERS_PAGE_QUERY, { first: ORDERS_PER_PAGE, lines: ORDER_LINES_PER_PAGE, query: 'status:open' }],
    ['more order lines', ORDER_MORE_LINES_QUERY, { id: 'gid://shopify/Order/1' }],
    ['fulfillment state', ORDER_FULFILLMENT_STATE_QUERY, { id: 'gid://shopify/Order/1' }],
    ['payouts', PAYOUTS_QUERY, { first: 100 }],
    ['balance transactions', BALANCE_TRANSACTIONS_QUERY, { first: 100 }],
  ];
  for (const [name, text, variables] of cases) {
    it(`keeps the ${name} query under ${SINGLE_QUERY_MAX_COST} points`, async () => {
      const schema = loadAdminSchema(await ensureShopifySchema());
      const operation = getOperationAST(parse(text));
      assert.ok(operation);
      const cost = calculateQueryCost(schema, operation, {}, variables);
      assert.ok(cost <= SINGLE_QUERY_MAX_COST, `${name} requests ${cost} points`);
    });
  }
});
