import assert from 'node:assert/strict';
import { getNamedType, getOperationAST, isObjectType, Kind, NoDeprecatedCustomRule, parse, TypeInfo, validate, visit, visitWithTypeInfo, type FragmentDefinitionNode } from 'graphql';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { calculateQueryCost, SINGLE_QUERY_MAX_COST } from '../../emulator/cost';
import { loadAdminSchema } from '../../emulator/schema';
import { GENERATED_DIR, generateShopifyTypes } from '../../scripts/codegen';
import { ensureShopifySchema } from '../../scripts/tools/shopify-schema';
import { PROJECT_ROOT } from '../../src/config';
import { CATALOGS_PAGE_QUERY, CATALOGS_PER_PAGE, FIXED_PRICES_PER_PAGE, PRICE_LIST_FIXED_PRICES_QUERY, PUBLICATION_PRODUCTS_PER_PAGE, PUBLICATION_PRODUCTS_QUERY } from '../../src/shopify/documents/catalogs';
import { COMPANIES_PAGE_QUERY, COMPANIES_PER_PAGE, COMPANY_LOCATIONS_PER_PAGE, COMPANY_MORE_LOCATIONS_QUERY } from '../../src/shopify/documents/companies';
import { CUSTOMER_ADDRESSES, CUSTOMERS_PAGE_QUERY, CUSTOMERS_PER_PAGE } from '../../src/shopify/documents/customers';
import {
  FULFILLMENT_LINES_PER_PAGE,
  FULFILLMENT_LINES_QUERY,
  FULFILLMENT_ORDER_LINES_PER_PAGE,
  FULFILLMENT_ORDER_LINES_QUERY,
  FULFILLMENT_ORDER_MORE_LINES_PER_PAGE,
  FULFILLMENT_ORDERS_PER_PAGE,
  FULFILLMENTS_PER_ORDER,
  ORDER_FULFILLMENT_ORDERS_QUERY,
  ORDER_FULFILLMENTS_QUERY,
} from '../../src/shopify/documents/fulfillments';
import { ORDER_LINES_PER_PAGE, ORDER_REST_QUERY, ORDERS_PAGE_QUERY, ORDERS_PER_PAGE } from '../../src/shopify/documents/orders';
import { REFUND_DETAILS_QUERY, REFUND_LINES_PER_PAGE, REFUND_PARTS_PER_PAGE } from '../../src/shopify/documents/refunds';
import { RUNNING_BULK_MUTATIONS_QUERY } from '../../src/shopify/documents/bulk-operations';
import { INVENTORY_LEVELS_OF_ITEMS, ITEMS_PER_LEVELS_QUERY, LEVELS_PER_ITEM } from '../../src/shopify/documents/inventory';
import { PRODUCTS_MEDIA_QUERY, PRODUCTS_PER_MEDIA_QUERY } from '../../src/shopify/documents/media';
import { PAYOUTS_PER_PAGE } from '../../src/activities/payments';
import { BALANCE_TRANSACTIONS_QUERY, PAYOUTS_QUERY } from '../../src/shopify/documents/payments';
import {
  PRODUCT_MORE_VARIANTS_QUERY,
  PRODUCT_VARIANTS_PER_PAGE,
  PRODUCTS_BY_SKU_QUERY,
  PRODUCTS_PAGE_QUERY,
  PRODUCTS_PER_PAGE,
  PRODUCTS_PER_SKU_QUERY,
} from '../../src/shopify/documents/products';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sourceFiles(join(PROJECT_ROOT, 'src')), ...sourceFiles(join(PROJECT_ROOT, 'scripts'))].filter((file) => readFileSync(file, 'utf8').includes('`#graphql'));

/** Every `#graphql` operation the code sends, as it sends it (fragments included), by module and export. */
function graphqlOperations(): Array<{ where: string; text: string }> {
  const operations: Array<{ where: string; text: string }> = [];
  for (const file of files) {
    const exports = require(file) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-require-imports
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'string' || !value.trimStart().startsWith('#graphql')) continue;
      if (parse(value).definitions.every((d) => d.kind === Kind.FRAGMENT_DEFINITION)) continue; // checked where used
      operations.push({ where: `${relative(PROJECT_ROOT, file)} ${name}`, text: value });
    }
  }
  return operations;
}

describe('GraphQL documents (src/ and scripts/) against the Admin API 2026-10 schema', () => {
  const operations = graphqlOperations();

  it('has the generated types of every document up to date (npm run codegen would change nothing)', async function () {
    this.timeout(120_000);
    const fresh = mkdtempSync(join(tmpdir(), 'shopsync-codegen-'));
    await generateShopifyTypes(fresh);
    for (const file of ['admin.types.d.ts', 'admin.generated.d.ts']) {
      assert.ok(readFileSync(join(fresh, file), 'utf8') === readFileSync(join(GENERATED_DIR, file), 'utf8'), `src/shopify/types/${file} is stale: run npm run codegen`);
    }
  });

  it('finds the documents to check', () => {
    assert.ok(operations.length >= 10, `only ${operations.length} #graphql operations found`);
  });

  it('builds documents from fragments only: values go in variables, never into the text', () => {
    for (const file of files) {
      for (const literal of readFileSync(file, 'utf8').matchAll(/`#graphql[\s\S]*?`/g)) {
        const interpolations = [...literal[0].matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
        assert.deepEqual(interpolations.filter((name) => !/^[A-Z_]+_FRAGMENT$/.test(name ?? '')), [], `${relative(PROJECT_ROOT, file)} interpolates a value`);
      }
    }
  });

  for (const { where, text } of operations) {
    it(`validates ${where}`, async () => {
      const schema = loadAdminSchema(await ensureShopifySchema());
      assert.deepEqual(validate(schema, parse(text)).map((e) => e.message), []);
    });
  }

  it('selects no field or argument deprecated in 2026-10 (each names its replacement in the schema)', async () => {
    const schema = loadAdminSchema(await ensureShopifySchema());
    // The inventory baseline replays the connector's own request (its InventoryItem.variant), so that the benchmark compares like with like.
    const ours = operations.filter(({ where }) => !where.startsWith('scripts/bench/inventory-baseline.ts'));
    const uses = ours.flatMap(({ where, text }) => validate(schema, parse(text), [NoDeprecatedCustomRule]).map((e) => `${where}: ${e.message}`));
    assert.deepEqual(uses, []);
  });

  it('reads the code of every userErrors whose type has one, so a refusal can be told apart by more than its message', async () => {
    const schema = loadAdminSchema(await ensureShopifySchema());
    const missing: string[] = [];
    for (const { where, text } of operations) {
      const typeInfo = new TypeInfo(schema);
      visit(parse(text), visitWithTypeInfo(typeInfo, {
        Field(node) {
          if (node.name.value !== 'userErrors' || !node.selectionSet) return;
          const type = getNamedType(typeInfo.getType());
          const hasCode = !!type && isObjectType(type) && 'code' in type.getFields();
          if (hasCode && !node.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'code')) missing.push(`${where}: ${type?.name}`);
        },
      }));
    }
    assert.deepEqual(missing, []);
  });
});

describe('requested cost of the paged documents, as Shopify prices them', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['orders page', ORDERS_PAGE_QUERY, { first: ORDERS_PER_PAGE, lines: ORDER_LINES_PER_PAGE, query: 'status:open' }],
    ['rest of an order', ORDER_REST_QUERY, { id: 'gid://shopify/Order/1', withLines: true, withShipping: true, withTransactions: true, withRefunds: true }],
    ['refund details', REFUND_DETAILS_QUERY, { id: 'gid://shopify/Refund/1', lines: REFUND_LINES_PER_PAGE, parts: REFUND_PARTS_PER_PAGE }],
    ['fulfillment orders page', ORDER_FULFILLMENT_ORDERS_QUERY, { id: 'gid://shopify/Order/1', first: FULFILLMENT_ORDERS_PER_PAGE, lines: FULFILLMENT_ORDER_LINES_PER_PAGE }],
    ['fulfillment order lines page', FULFILLMENT_ORDER_LINES_QUERY, { id: 'gid://shopify/FulfillmentOrder/1', first: FULFILLMENT_ORDER_MORE_LINES_PER_PAGE }],
    ['order fulfillments', ORDER_FULFILLMENTS_QUERY, { id: 'gid://shopify/Order/1', first: FULFILLMENTS_PER_ORDER }],
    ['fulfillment lines page', FULFILLMENT_LINES_QUERY, { id: 'gid://shopify/Fulfillment/1', first: FULFILLMENT_LINES_PER_PAGE }],
    ['payouts', PAYOUTS_QUERY, { first: PAYOUTS_PER_PAGE }],
    ['balance transactions', BALANCE_TRANSACTIONS_QUERY, { first: 100 }],
    ['products page', PRODUCTS_PAGE_QUERY, { first: PRODUCTS_PER_PAGE, variants: PRODUCT_VARIANTS_PER_PAGE, query: 'gift_card:false' }],
    ['more product variants', PRODUCT_MORE_VARIANTS_QUERY, { id: 'gid://shopify/Product/1' }],
    ['products by SKU', PRODUCTS_BY_SKU_QUERY, { first: PRODUCTS_PER_SKU_QUERY, query: 'sku:A' }],
    ['running bulk mutations', RUNNING_BULK_MUTATIONS_QUERY, {}],
    ['inventory levels of items', INVENTORY_LEVELS_OF_ITEMS, { ids: Array.from({ length: ITEMS_PER_LEVELS_QUERY }, (_, i) => `gid://shopify/InventoryItem/${i}`), locations: LEVELS_PER_ITEM }],
    ['customers page', CUSTOMERS_PAGE_QUERY, { first: CUSTOMERS_PER_PAGE, addresses: CUSTOMER_ADDRESSES, query: "updated_at:>='2026-01-01'" }],
    ['companies page', COMPANIES_PAGE_QUERY, { first: COMPANIES_PER_PAGE, locations: COMPANY_LOCATIONS_PER_PAGE }],
    ['more company locations', COMPANY_MORE_LOCATIONS_QUERY, { id: 'gid://shopify/Company/1' }],
    ['catalogs page', CATALOGS_PAGE_QUERY, { first: CATALOGS_PER_PAGE, type: 'MARKET' }],
    // A connection gives at most 250 nodes: this one cannot use more of the budget.
    ['publication products (250 ids)', PUBLICATION_PRODUCTS_QUERY, { id: 'gid://shopify/Publication/1', first: PUBLICATION_PRODUCTS_PER_PAGE }],
    ['fixed prices page', PRICE_LIST_FIXED_PRICES_QUERY, { id: 'gid://shopify/PriceList/1', first: FIXED_PRICES_PER_PAGE }],
    ['products media', PRODUCTS_MEDIA_QUERY, { ids: Array.from({ length: PRODUCTS_PER_MEDIA_QUERY }, (_, i) => `gid://shopify/Product/${i}`) }],
  ];
  for (const [name, text, variables] of cases) {
    it(`keeps the ${name} query under ${SINGLE_QUERY_MAX_COST} points`, async () => {
      const schema = loadAdminSchema(await ensureShopifySchema());
      const document = parse(text);
      const operation = getOperationAST(document);
      assert.ok(operation);
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const cost = calculateQueryCost(schema, operation, fragments, variables);
      assert.ok(cost <= SINGLE_QUERY_MAX_COST, `${name} requests ${cost} points`);
      assert.ok(cost > 0.5 * SINGLE_QUERY_MAX_COST || !name.endsWith(' page'), `the ${name} should use most of the budget, it asks ${cost}`);
    });
  }
});
