import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { b2bRequirement, hasB2B } from '../../emulator/b2b-access';
import {
  newPriceList,
  planFixedPrices,
  removeFixedPrices,
  shopifyDecimal,
  upsertFixedPrices,
  type PriceListPriceInput,
} from '../../emulator/catalogs-store';
import { readCompanyAddress, readCompanyInput, readLocationInput } from '../../emulator/company-inputs';
import { calculateQueryCost, SINGLE_QUERY_MAX_COST } from '../../emulator/cost';
import { companyResolvers } from '../../emulator/resolvers/companies';
import { keyedPage } from '../../emulator/resolvers/keyed-page';
import { loadAdminSchema } from '../../emulator/schema';
import { EmulatorState, type EmulatedShop } from '../../emulator/state';
import { ensureShopifySchema } from '../../scripts/tools/shopify-schema';
import { CATALOGS_PAGE_QUERY, PRICE_LIST_FIXED_PRICES_QUERY } from '../../src/shopify/documents/catalogs';
import { COMPANIES_PAGE_QUERY } from '../../src/shopify/documents/companies';

/* eslint-disable @typescript-eslint/no-explicit-any -- resolver answers are read as the objects they are */

describe('emulator B2B and catalog rules', () => {
  let state: EmulatorState;
  let shop: EmulatedShop;
  let schema: ReturnType<typeof loadAdminSchema>;

  before(async () => {
    schema = loadAdminSchema(await ensureShopifySchema());
  });

  beforeEach(() => {
    state = new EmulatorState();
    shop = state.createShop({ domain: 'b2b-rules.myshopify.com', token: 'shpat_b2b_rules', plan: 'plus' });
  });

  function cost(query: string, variables: Record<string, unknown>): number {
    const document = parse(query);
    const operation = getOperationAST(document);
    assert.ok(operation);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return calculateQueryCost(schema, operation, fragments, variables);
  }

  const price = (variantId: number, amount: string, currencyCode = 'EUR', compareAt?: string): PriceListPriceInput => ({
    variantId: `gid://shopify/ProductVariant/${variantId}`,
    price: { amount, currencyCode },
    ...(compareAt ? { compareAtPrice: { amount: compareAt, currencyCode } } : {}),
  });

  it('writes amounts as Shopify does: no trailing zeros but one decimal ("100" → "100.0", "12.50" → "12.5"), and refuses text that is no decimal', () => {
    const cases: Array<[unknown, string | null]> = [['100', '100.0'], ['12.50', '12.5'], ['0.10', '0.1'], ['007.5', '7.5'], [12.5, '12.5'], ['0', '0.0'], ['.5', '0.5'], ['abc', null], ['', null], ['1.2.3', null]];
    for (const [input, expected] of cases) assert.equal(shopifyDecimal(input), expected, String(input));
  });

  it('plans fixed prices as Shopify checks them: an unknown variant is VARIANT_NOT_FOUND without a currency check, each foreign currency PRICE_LIST_CURRENCY_MISMATCH on its own money, a repeated variant counts once with its last price', () => {
    const list = newPriceList(state, shop, { name: 'EUR list', currency: 'EUR' });
    const variants = new Set([11, 12]);
    const refused = planFixedPrices(list, [price(99, '1', 'USD'), price(11, '2', 'USD'), { ...price(12, '3'), compareAtPrice: { amount: '4', currencyCode: 'GBP' } }], variants, 'prices');
    assert.ok('problems' in refused);
    assert.deepEqual(refused.problems.map((p) => [p.field.join('.'), p.code]), [
      ['prices.0.variantId', 'VARIANT_NOT_FOUND'],
      ['prices.1.price.currencyCode', 'PRICE_LIST_CURRENCY_MISMATCH'],
      ['prices.2.compareAtPrice.currencyCode', 'PRICE_LIST_CURRENCY_MISMATCH'],
    ]);
    assert.equal(refused.problems[1]?.message, "The specified currency does not match the price list's currency.");
    const planned = planFixedPrices(list, [price(12, '5.00'), price(11, '6'), price(12, '7.10', 'EUR', '9')], variants, 'prices');
    assert.ok('prices' in planned);
    assert.deepEqual(planned.prices, [{ variantId: 11, price: '6.0', compareAtPrice: null }, { variantId: 12, price: '7.1', compareAtPrice: '9.0' }]);
  });

  it('keeps a price list ascending by variant id: added prices replace the variant\'s former one, removed ones go', () => {
    const list = newPriceList(state, shop, { name: 'Merge', currency: 'EUR' });
    upsertFixedPrices(state, list, [30, 10, 20].map((variantId) => ({ variantId, price: '1.0', compareAtPrice: null })));
    upsertFixedPrices(state, list, [{ variantId: 20, price: '2.0', compareAtPrice: '3.0' }, { variantId: 5, price: '4.0', compareAtPrice: null }, { variantId: 40, price: '5.0', compareAtPrice: null }]);
    assert.deepEqual(list.fixedPrices.map((p) => [p.variantId, p.price]), [[5, '4.0'], [10, '1.0'], [20, '2.0'], [30, '1.0'], [40, '5.0']]);
    removeFixedPrices(state, list, new Set([10, 40]));
    assert.deepEqual(list.fixedPrices.map((p) => p.variantId), [5, 20, 30]);
  });

  it('pages a list kept by key by binary search: first/after and last/before windows, reverse order, page flags and cursors that resume after the key', () => {
    const items = [2, 4, 6, 8, 10].map((id) => ({ id }));
    const page = (args: Record<string, unknown>) => keyedPage(items, (i) => i.id, args, (i) => i.id);
    const first = page({ first: 2 });
    assert.deepEqual([first.nodes, first.pageInfo.hasNextPage, first.pageInfo.hasPreviousPage], [[2, 4], true, false]);
    const second = page({ first: 2, after: first.pageInfo.endCursor });
    assert.deepEqual([second.nodes, second.pageInfo.hasNextPage, second.pageInfo.hasPreviousPage], [[6, 8], true, true]);
    const last = page({ first: 5, after: second.pageInfo.endCursor });
    assert.deepEqual([last.nodes, last.pageInfo.hasNextPage], [[10], false]);
    const before = page({ last: 2, before: second.pageInfo.endCursor });
    assert.deepEqual([before.nodes, before.pageInfo.hasPreviousPage, before.pageInfo.hasNextPage], [[4, 6], true, true]);
    assert.deepEqual(page({ first: 3, reverse: true }).nodes, [10, 8, 6]);
    assert.deepEqual(page({ first: 3, reverse: true, after: page({ first: 1, reverse: true }).pageInfo.endCursor }).nodes, [8, 6, 4]);
    assert.throws(() => page({}), /you must provide one of first or last/);
    assert.throws(() => page({ first: 251 }), /between 0 and 250/);
  });

  it('reads B2B needs from the schema: company fields and mutations need B2B, catalogs, price lists and publications do not; plus and enterprise have it', () => {
    const field = (type: 'query' | 'mutation', name: string) => {
      const root = type === 'query' ? schema.getQueryType() : schema.getMutationType();
      const definition = root?.getFields()[name];
      assert.ok(root && definition, name);
      return b2bRequirement(schema, root.name, definition);
    };
    for (const name of ['companies', 'company', 'companyLocation', 'companyContact']) assert.match(field('query', name) ?? '', /The shop must have access to B2B/, name);
    for (const name of ['companyCreate', 'companyUpdate', 'companyLocationAssignAddress', 'companyContactAssignRoles']) assert.match(field('mutation', name) ?? '', /`write_companies` access scope/, name);
    for (const name of ['catalogs', 'catalog', 'priceList', 'publication']) assert.equal(field('query', name), null, name);
    for (const name of ['catalogCreate', 'priceListCreate', 'priceListFixedPricesAdd', 'publicationCreate', 'orderCreate']) assert.equal(field('mutation', name), null, name);
    assert.deepEqual((['standard', 'advanced', 'plus', 'enterprise'] as const).map((plan) => hasB2B({ ...shop, plan })), [false, false, true, true]);
  });

  it('reads company, location and address inputs with the captured rules: blank name, notes of 5000, external ids of 64 allowed characters unique in the shop, addresses without markup and with a known country and zone', () => {
    const problems = (list: Array<{ field: Array<string | number>; code: string }>) => list.map((p) => [p.field.join('.'), p.code]);
    assert.deepEqual(problems(readCompanyInput(shop, { name: ' ' }).problems), [['name', 'BLANK']]);
    assert.deepEqual(problems(readCompanyInput(shop, { name: 'A', note: 'n'.repeat(5001), externalId: 'x'.repeat(65) }).problems), [['notes', 'TOO_LONG'], ['externalId', 'TOO_LONG']]);
    assert.deepEqual(problems(readCompanyInput(shop, { name: 'A', externalId: 'bad id' }).problems), [['externalId', 'INVALID']]);
    const made = companyResolvers.mutation?.companyCreate?.({ input: { company: { name: 'Taken Co', externalId: 'ERP-1' } } }, { state, shop }) as any;
    assert.deepEqual(made.userErrors, []);
    assert.deepEqual(problems(readCompanyInput(shop, { name: 'B', externalId: 'ERP-1' }).problems), [['externalId', 'TAKEN']]);
    assert.deepEqual(problems(readCompanyInput(shop, { customerSince: '2024-01-01T00:00:00Z' }, shop.b2b.companies[Object.keys(shop.b2b.companies)[0] as string]).problems), [['customerSince', 'INVALID_INPUT']]);
    assert.deepEqual(problems(readCompanyAddress({ address1: '1 Pine St', countryCode: 'US', zoneCode: 'ZZ', zip: 'abcde' }).problems), [['zoneCode', 'INVALID'], ['zip', 'INVALID']]);
    assert.deepEqual(problems(readCompanyAddress({ address1: '<b>1 Pine</b>', countryCode: 'ZZ', firstName: 'https://example.com' }).problems), [['address1', 'INVALID'], ['firstName', 'INVALID'], ['countryCode', 'INVALID']]);
    assert.deepEqual(readCompanyAddress({ address1: ' 5 rue ', countryCode: 'FR', city: '', zoneCode: 'idf' }).fields, {
      address1: '5 rue', address2: null, city: null, countryCode: 'FR', firstName: null, lastName: null, phone: null, recipient: null, zip: null, zoneCode: 'IDF',
    });
    const same = readLocationInput(shop, { name: 'HQ', billingSameAsShipping: true, billingAddress: { address1: 'ignored', countryCode: 'FR' }, shippingAddress: { address1: '1 Ship St', countryCode: 'CA', zoneCode: 'ON' } });
    assert.deepEqual([same.addresses.billing?.address1, same.addresses.shipping?.address1, same.addresses.billing === same.addresses.shipping], ['1 Ship St', '1 Ship St', false]);
    const location = shop.b2b.locations[Object.keys(shop.b2b.locations)[0] as string];
    assert.deepEqual(problems(readLocationInput(shop, { name: null }, location).problems), [['name', 'UNEXPECTED_TYPE']]);
  });

  it('companyCreate without a location still makes one named after the company, gives the company the roles "Location admin" and "Ordering only", and makes the contact main contact ordering there', () => {
    const answer = companyResolvers.mutation?.companyCreate?.({ input: { company: { name: 'Solo Co' }, companyContact: { email: 'solo@example.com', firstName: 'Solo' } } }, { state, shop }) as any;
    assert.deepEqual(answer.userErrors, []);
    const company = Object.values(shop.b2b.companies)[0];
    assert.ok(company);
    assert.deepEqual(company.roles.map((r) => r.name), ['Location admin', 'Ordering only']);
    const locations = Object.values(shop.b2b.locations);
    assert.deepEqual(locations.map((l) => l.name), ['Solo Co']);
    const contact = Object.values(shop.b2b.contacts)[0];
    assert.equal(company.mainContactId, contact?.id);
    assert.equal(shop.customers.find((c) => c.id === contact?.customerId)?.email, 'solo@example.com');
    const assignments = Object.values(shop.b2b.assignments);
    assert.deepEqual(assignments.map((a) => [a.contactId, a.locationId, company.roles.find((r) => r.id === a.roleId)?.name]), [[contact?.id, locations[0]?.id, 'Ordering only']]);
    const blank = companyResolvers.mutation?.companyCreate?.({ input: { company: { name: '' }, companyContact: { firstName: 'No mail' } } }, { state, shop }) as any;
    assert.deepEqual(blank.userErrors.map((e: any) => [e.field.join('.'), e.code]), [['input.company.name', 'BLANK'], ['input.companyContact', 'INVALID']]);
    assert.equal(Object.keys(shop.b2b.companies).length, 1, 'a refused companyCreate makes nothing');
  });

  it('prices the project\'s CatalogsPage at 752 for 50 catalogs (2 + 50 × (1 + the company-location catalog\'s 14)) and CompaniesPage at 1177 for 25 companies of 10 locations, above the single-query limit', () => {
    assert.equal(cost(CATALOGS_PAGE_QUERY, { first: 50, type: 'COMPANY_LOCATION' }), 2 + 50 * (1 + (1 + 1 + (2 + 5 * (1 + 1)))));
    assert.equal(cost(CATALOGS_PAGE_QUERY, { first: 50, type: 'MARKET' }), 752, 'the larger of the two catalog types, whatever the type asked for');
    const companies = cost(COMPANIES_PAGE_QUERY, { first: 25, locations: 10 });
    assert.equal(companies, 2 + 25 * (1 + (1 + 1 + 1 + 1) + (2 + 10 * (1 + 1 + 1 + 1))));
    assert.equal(companies, 1177);
    assert.ok(companies > SINGLE_QUERY_MAX_COST, 'Shopify refuses it with MAX_COST_EXCEEDED; 20 companies (942) fit');
    assert.equal(cost(COMPANIES_PAGE_QUERY, { first: 20, locations: 10 }), 942);
  });

  it('keeps companies, catalogs and fixed prices across a restart from the state file, and reads an older file without them as a shop with none', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'b2b-state-')), 'state.json');
    const saved = new EmulatorState(file);
    const kept = saved.createShop({ domain: 'kept.myshopify.com', token: 'shpat_kept_1', plan: 'plus' });
    companyResolvers.mutation?.companyCreate?.({ input: { company: { name: 'Kept Co', externalId: 'KEPT' } } }, { state: saved, shop: kept });
    const list = newPriceList(saved, kept, { name: 'Kept list', currency: 'EUR' });
    upsertFixedPrices(saved, list, [{ variantId: 7, price: '1.5', compareAtPrice: null }]);
    saved.flush();
    const restored = new EmulatorState(file).get('kept.myshopify.com');
    assert.deepEqual(Object.values(restored?.b2b.companies ?? {}).map((c) => [c.name, c.externalId, c.roles.length]), [['Kept Co', 'KEPT', 2]]);
    assert.deepEqual(restored?.catalogs.priceLists[list.id]?.fixedPrices, [{ variantId: 7, price: '1.5', compareAtPrice: null }]);
    const older = JSON.parse(readFileSync(file, 'utf8')) as { shops: Array<Record<string, unknown>> };
    for (const stored of older.shops) {
      delete stored.b2b;
      delete stored.catalogs;
    }
    writeFileSync(file, JSON.stringify(older));
    const upgraded = new EmulatorState(file).get('kept.myshopify.com');
    assert.deepEqual([upgraded?.b2b.companies, upgraded?.catalogs.catalogs, upgraded?.catalogs.priceLists], [{}, {}, {}]);
  });

  it('prices PriceListFixedPrices at 1 + 2 + first × 4 (variant, price and compare-at price are objects): 250 prices cost 1003, above the limit, 200 cost 803', () => {
    assert.equal(cost(PRICE_LIST_FIXED_PRICES_QUERY, { id: 'gid://shopify/PriceList/1', first: 250 }), 1003);
    assert.equal(cost(PRICE_LIST_FIXED_PRICES_QUERY, { id: 'gid://shopify/PriceList/1', first: 200 }), 803);
  });
});
