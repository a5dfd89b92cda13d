import assert from 'node:assert/strict';
import type { EmulatorAdmin, SeededCompany, SeededProduct } from '../../emulator/admin-client';
import { CATALOGS_PAGE_QUERY, PRICE_LIST_FIXED_PRICES_ADD, PRICE_LIST_FIXED_PRICES_QUERY, PUBLICATION_PRODUCTS_QUERY } from '../../src/shopify/documents/catalogs';
import {
  CATALOG_CREATE,
  COMPANIES_BY_EXTERNAL_ID_QUERY,
  COMPANIES_PAGE_QUERY,
  COMPANY_BY_ID_QUERY,
  COMPANY_CONTACT_ASSIGN_ROLES,
  COMPANY_CREATE,
  COMPANY_LOCATION_ASSIGN_ADDRESS,
  COMPANY_LOCATION_UPDATE,
  COMPANY_UPDATE,
  PRICE_LIST_CREATE,
  PUBLICATION_CREATE,
} from '../../src/shopify/documents/companies';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read as the JSON they are */

const PURCHASING_ENTITY_QUERY = `query OrderBuyer($id: ID!) {
  order(id: $id) {
    purchasingEntity {
      __typename
      ... on PurchasingCompany { company { id } location { id } contact { id } }
      ... on Customer { id }
    }
  }
}`;
const ORDER_CREATE = 'mutation($o: OrderCreateOrderInput!) { orderCreate(order: $o) { order { id } userErrors { field message } } }';

/** The emulator's B2B area (companies, catalogs, price lists, B2B orders) over HTTP, with the project's own documents. */
describe('emulator B2B and catalogs', () => {
  let url: string;
  let admin: EmulatorAdmin;
  let shop: { domain: string; token: string };
  let products: SeededProduct[];
  let company: SeededCompany;

  before(async () => {
    url = (await testStack()).emulatorUrl;
    admin = await emulatorAdmin();
    shop = await emulatedShop('b2b', { plan: 'plus' });
    products = await admin.seedProducts(shop.domain, Array.from({ length: 6 }, (_, i) => ({ title: `Bolt ${i}`, variants: [{ sku: `BOLT-${i}`, price: '10.00' }] })));
    [company] = (await admin.seedCompanies(shop.domain, [{ name: 'Seeded Works', externalId: 'ERP-SEEDED', contact: { email: 'buyer@seeded.example' }, locations: [{ name: 'Depot', taxRegistrationId: 'FR-1' }] }])) as [SeededCompany];
  });

  async function post(query: string, variables: Record<string, unknown> = {}, target = shop): Promise<{ data: any; errors?: any[]; extensions: any }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': target.domain, 'x-shopify-access-token': target.token },
      body: JSON.stringify({ query, variables }),
    });
    assert.equal(response.status, 200);
    return (await response.json()) as { data: any; errors?: any[]; extensions: any };
  }

  const adminCall = (method: string, path: string, body: unknown, domain = shop.domain) =>
    fetch(`${url}/emulator/shops/${domain}/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const variant = (i: number) => products[i]?.variants[0]?.id as string;
  const eur = (amount: string) => ({ amount, currencyCode: 'EUR' });

  it('seeds 50 catalogs of 500 fixed prices each in one admin call, in order with their publication and price list ids, and reads a list back ascending by variant', async () => {
    const bulk = await emulatedShop('b2b-bulk', { plan: 'plus' });
    const seededProducts = await admin.seedProducts(bulk.domain, Array.from({ length: 100 }, (_, i) => ({ title: `Item ${i}`, variants: Array.from({ length: 5 }, (__, v) => ({ sku: `I${i}-${v}`, price: '5.00', optionValues: [{ optionName: 'Size', name: `S${v}` }] })), options: [{ name: 'Size', values: ['S0', 'S1', 'S2', 'S3', 'S4'] }] })));
    const variantIds = seededProducts.flatMap((p) => p.variants.map((v) => v.id));
    assert.equal(variantIds.length, 500);
    const [buyer] = await admin.seedCompanies(bulk.domain, [{ name: 'Bulk Buyer', locations: [{ name: 'Bulk HQ' }] }]);
    const locationId = buyer?.locations[0]?.id as string;
    const started = Date.now();
    const catalogs = await admin.seedCatalogs(bulk.domain, Array.from({ length: 50 }, (_, c) => ({
      type: c % 2 === 0 ? ('COMPANY_LOCATION' as const) : ('MARKET' as const),
      title: `Tier ${c}`,
      currency: 'EUR',
      ...(c % 2 === 0 ? { companyLocationIds: [locationId] } : {}),
      productIds: seededProducts.slice(0, 10).map((p) => p.id),
      fixedPrices: [...variantIds].reverse().map((variantId, i) => ({ variantId, price: `${c + 1}.${String(i % 100).padStart(2, '0')}` })),
    })));
    const elapsed = Date.now() - started;
    assert.equal(catalogs.length, 50);
    assert.ok(elapsed < 10_000, `seeding took ${elapsed} ms`);
    assert.deepEqual(catalogs.slice(0, 2).map((c) => [c.type, c.title, c.fixedPriceCount, /^gid:\/\/shopify\/Publication\/\d+$/.test(c.publicationId ?? ''), /^gid:\/\/shopify\/PriceList\/\d+$/.test(c.priceListId ?? '')]), [
      ['COMPANY_LOCATION', 'Tier 0', 500, true, true],
      ['MARKET', 'Tier 1', 500, true, true],
    ]);
    assert.match(catalogs[0]?.id ?? '', /^gid:\/\/shopify\/CompanyLocationCatalog\/\d+$/);
    const list = await admin.getPriceList(bulk.domain, String(catalogs[49]?.priceListId).split('/').pop() as string);
    assert.deepEqual([list.currency, list.fixedPrices.length, list.catalogId], ['EUR', 500, catalogs[49]?.id]);
    assert.deepEqual(list.fixedPrices.map((p) => p.variantId), variantIds, 'ascending by variant id');
    assert.equal(list.fixedPrices[0]?.price, '50.99', 'written as Shopify writes decimals');
  });

  it('lists catalogs by type and by query (title words, status, company_id), a page at a time in id order with each catalog\'s price list, publication and context', async () => {
    const locationId = company.locations[0]?.id as string;
    const seeded = await admin.seedCatalogs(shop.domain, [
      { type: 'COMPANY_LOCATION', title: 'Wholesale Gold', currency: 'EUR', companyLocationIds: [locationId], productIds: [products[0]?.id as string] },
      { type: 'COMPANY_LOCATION', title: 'Wholesale Silver', status: 'DRAFT', currency: 'EUR', companyLocationIds: [locationId] },
      { type: 'COMPANY_LOCATION', title: 'Wholesale Bronze', currency: 'USD', companyLocationIds: [locationId] },
      { type: 'MARKET', title: 'Wholesale Export', currency: 'GBP' },
    ]);
    const page = async (type: string, query: string | null, after: string | null = null, first = 2) => (await post(CATALOGS_PAGE_QUERY, { first, after, type, query })).data.catalogs;
    const first = await page('COMPANY_LOCATION', 'title:wholesale');
    assert.deepEqual(first.nodes.map((c: any) => c.title), ['Wholesale Gold', 'Wholesale Silver']);
    assert.equal(first.pageInfo.hasNextPage, true);
    const gold = first.nodes[0];
    assert.deepEqual(gold, {
      id: seeded[0]?.id,
      title: 'Wholesale Gold',
      status: 'ACTIVE',
      priceList: { id: seeded[0]?.priceListId, currency: 'EUR' },
      publication: { id: seeded[0]?.publicationId },
      companyLocations: { nodes: [{ id: locationId, company: { id: company.id } }] },
    });
    assert.equal(first.nodes[1].publication, null, 'no products given, no publication');
    const second = await page('COMPANY_LOCATION', 'title:wholesale', first.pageInfo.endCursor);
    assert.deepEqual([second.nodes.map((c: any) => c.title), second.pageInfo.hasNextPage], [['Wholesale Bronze'], false]);
    const market = await page('MARKET', 'title:wholesale');
    assert.deepEqual(market.nodes.map((c: any) => [c.title, c.priceList.currency, c.markets.nodes.length]), [['Wholesale Export', 'GBP', 1]]);
    assert.deepEqual((await page('COMPANY_LOCATION', 'title:wholesale AND status:draft', null, 10)).nodes.map((c: any) => c.title), ['Wholesale Silver']);
    const companyNumber = company.id.split('/').pop();
    assert.deepEqual((await page('COMPANY_LOCATION', `company_id:${companyNumber} AND -status:draft`, null, 10)).nodes.map((c: any) => c.title), ['Wholesale Gold', 'Wholesale Bronze']);
    const tooLong = await post(CATALOGS_PAGE_QUERY, { first: 50, type: 'MARKET' });
    assert.equal(tooLong.extensions.cost.requestedQueryCost, 752, 'CatalogsPage: 2 + 50 × (1 + 14)');
  });

  it('pages the products of a catalog\'s publication in product id order, and publicationCreate for an unknown catalog answers CATALOG_NOT_FOUND', async () => {
    const [catalog] = await admin.seedCatalogs(shop.domain, [{ type: 'MARKET', title: 'Published three', currency: 'EUR', productIds: [products[4], products[1], products[2]].map((p) => p?.id as string) }]);
    const read = async (after: string | null) => (await post(PUBLICATION_PRODUCTS_QUERY, { id: catalog?.publicationId, first: 2, after })).data.publication.products;
    const first = await read(null);
    assert.deepEqual(first.nodes.map((p: any) => p.id), [products[1]?.id, products[2]?.id]);
    const second = await read(first.pageInfo.endCursor);
    assert.deepEqual([second.nodes.map((p: any) => p.id), second.pageInfo.hasNextPage], [[products[4]?.id], false]);
    assert.equal((await post(PUBLICATION_PRODUCTS_QUERY, { id: 'gid://shopify/Publication/1', first: 2 })).data.publication, null);
    const unknown = (await post(PUBLICATION_CREATE, { input: { catalogId: 'gid://shopify/Catalog/999999999' } })).data.publicationCreate;
    assert.deepEqual(unknown, { publication: null, userErrors: [{ field: ['input', 'catalogId'], message: 'A catalog was not found for id= gid://shopify/Catalog/999999999.', code: 'CATALOG_NOT_FOUND' }] });
  });

  it('priceListFixedPricesAdd replaces a variant\'s fixed price, and refuses a price in another currency or an unknown variant with coded errors, changing nothing; an unknown list is PRICE_LIST_NOT_FOUND', async () => {
    const [catalog] = await admin.seedCatalogs(shop.domain, [{ type: 'MARKET', title: 'Fixed price rules', currency: 'EUR', fixedPrices: [{ variantId: variant(0), price: '9.00', compareAtPrice: '12.00' }] }]);
    const priceListId = catalog?.priceListId as string;
    const add = async (prices: unknown[], id = priceListId) => (await post(PRICE_LIST_FIXED_PRICES_ADD, { priceListId: id, prices })).data.priceListFixedPricesAdd;
    const replaced = await add([{ variantId: variant(0), price: eur('8.50') }, { variantId: variant(3), price: eur('7'), compareAtPrice: eur('7.90') }]);
    assert.deepEqual(replaced, { prices: [{ variant: { id: variant(0) } }, { variant: { id: variant(3) } }], userErrors: [] });
    const read = async () => (await post(PRICE_LIST_FIXED_PRICES_QUERY, { id: priceListId, first: 10 })).data.priceList;
    const expected = {
      currency: 'EUR',
      prices: {
        nodes: [
          { variant: { id: variant(0) }, price: eur('8.5'), compareAtPrice: null },
          { variant: { id: variant(3) }, price: eur('7.0'), compareAtPrice: eur('7.9') },
        ],
        pageInfo: { hasNextPage: false, endCursor: (await read()).prices.pageInfo.endCursor },
      },
    };
    assert.deepEqual(await read(), expected, 'the added price replaced the seeded one, compare-at price included');
    const refused = await add([{ variantId: variant(0), price: { amount: '1', currencyCode: 'USD' } }, { variantId: 'gid://shopify/ProductVariant/999999999', price: eur('1') }, { variantId: variant(1), price: eur('2') }]);
    assert.deepEqual(refused, {
      prices: [],
      userErrors: [
        { field: ['prices', '0', 'price', 'currencyCode'], message: "The specified currency does not match the price list's currency.", code: 'PRICE_LIST_CURRENCY_MISMATCH' },
        { field: ['prices', '1', 'variantId'], message: 'Product variant ID does not exist.', code: 'VARIANT_NOT_FOUND' },
      ],
    });
    assert.deepEqual(await read(), expected, 'a refused call changes nothing');
    assert.deepEqual(await add([{ variantId: variant(0), price: eur('1') }], 'gid://shopify/PriceList/999999999'), {
      prices: null,
      userErrors: [{ field: ['priceListId'], message: 'Price list does not exist.', code: 'PRICE_LIST_NOT_FOUND' }],
    });
  });

  it('pages a price list\'s fixed prices in variant order, each once, by cursor', async () => {
    const [catalog] = await admin.seedCatalogs(shop.domain, [{ type: 'MARKET', title: 'Paged prices', currency: 'EUR', fixedPrices: products.map((p, i) => ({ variantId: p.variants[0]?.id as string, price: `${i + 1}` })) }]);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (await post(PRICE_LIST_FIXED_PRICES_QUERY, { id: catalog?.priceListId, first: 4, after })).data.priceList.prices;
      seen.push(...page.nodes.map((n: any) => `${n.variant.id}=${n.price.amount}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    assert.equal(pages, 2);
    assert.deepEqual(seen, products.map((p, i) => `${p.variants[0]?.id}=${i + 1}.0`));
  });

  it('companyCreate makes the company, its location and its contact (a new customer, the main contact, "Ordering only" there, so a second role there is LIMIT_REACHED until revoked) and the roles; the catalog, publication and price list of "add company" attach to it', async () => {
    const input = {
      company: { name: 'Acme Tools', externalId: 'ERP-ACME', note: 'net 30' },
      companyContact: { email: 'jane@acme.example', firstName: 'Jane', lastName: 'Doe', phone: '+33612345678' },
      companyLocation: { name: 'Acme Lyon', externalId: 'ERP-ACME-LYON', taxRegistrationId: 'FR999', billingAddress: { address1: '1 rue de la Paix', city: 'Lyon', zip: '69001', countryCode: 'FR' } },
    };
    const created = (await post(COMPANY_CREATE, { input, locations: 5 })).data.companyCreate;
    assert.deepEqual(created.userErrors, []);
    const acme = created.company;
    assert.deepEqual([acme.name, acme.externalId, acme.note], ['Acme Tools', 'ERP-ACME', 'net 30']);
    assert.deepEqual(acme.mainContact.customer, { id: acme.mainContact.customer.id, firstName: 'Jane', lastName: 'Doe', defaultEmailAddress: { emailAddress: 'jane@acme.example' }, defaultPhoneNumber: { phoneNumber: '+33612345678' } });
    assert.deepEqual(acme.contactRoles.nodes.map((r: any) => r.name), ['Location admin', 'Ordering only']);
    const [location] = acme.locations.nodes;
    assert.deepEqual([location.name, location.externalId, location.taxSettings, location.shippingAddress], ['Acme Lyon', 'ERP-ACME-LYON', { taxRegistrationId: 'FR999', taxExempt: false }, null]);
    assert.deepEqual({ ...location.billingAddress, id: undefined }, { id: undefined, firstName: null, lastName: null, companyName: 'Acme Tools', address1: '1 rue de la Paix', address2: null, city: 'Lyon', zip: '69001', zoneCode: null, province: null, countryCode: 'FR', phone: null });
    const roles = (await post('query($id: ID!) { companyContact(id: $id) { isMainContact roleAssignments(first: 5) { nodes { role { name } companyLocation { id } } } } }', { id: acme.mainContact.id })).data.companyContact;
    assert.deepEqual(roles, { isMainContact: true, roleAssignments: { nodes: [{ role: { name: 'Ordering only' }, companyLocation: { id: location.id } }] } });
    const again = (await post(COMPANY_CREATE, { input: { ...input, companyContact: { ...input.companyContact, email: 'JANE@acme.example', phone: null }, companyLocation: { name: 'Other' } }, locations: 5 })).data.companyCreate;
    assert.deepEqual(again.userErrors.map((e: any) => [e.field.join('.'), e.message, e.code]), [
      ['input.company.externalId', 'External id has already been taken.', 'TAKEN'],
      ['input.companyContact.email', 'Email address has already been taken.', 'TAKEN'],
    ]);
    const blank = (await post(COMPANY_CREATE, { input: { company: { name: ' ' } }, locations: 1 })).data.companyCreate;
    assert.deepEqual(blank, { company: null, userErrors: [{ field: ['input', 'company', 'name'], message: "Name can't be blank", code: 'BLANK' }] });
    const catalog = (await post(CATALOG_CREATE, { input: { title: 'Acme prices', status: 'ACTIVE', context: { companyLocationIds: [location.id] } } })).data.catalogCreate;
    assert.deepEqual(catalog.userErrors, []);
    const publication = (await post(PUBLICATION_CREATE, { input: { catalogId: catalog.catalog.id } })).data.publicationCreate;
    const priceList = (await post(PRICE_LIST_CREATE, { input: { name: 'Acme EUR', currency: 'EUR', parent: { adjustment: { type: 'PERCENTAGE_DECREASE', value: 0 } }, catalogId: catalog.catalog.id } })).data.priceListCreate;
    assert.deepEqual([publication.userErrors, priceList.userErrors, priceList.priceList.currency], [[], [], 'EUR']);
    const listed = (await post(CATALOGS_PAGE_QUERY, { first: 5, type: 'COMPANY_LOCATION', query: `company_location_id:${location.id.split('/').pop()}` })).data.catalogs.nodes;
    assert.deepEqual(listed.map((c: any) => [c.id, c.priceList.id, c.publication.id]), [[catalog.catalog.id, priceList.priceList.id, publication.publication.id]]);
    const taken = (await post(PRICE_LIST_CREATE, { input: { name: 'Acme EUR 2', currency: 'EUR', parent: { adjustment: { type: 'PERCENTAGE_DECREASE', value: 0 } }, catalogId: catalog.catalog.id } })).data.priceListCreate;
    assert.deepEqual(taken.userErrors, [{ field: ['input', 'catalogId'], message: 'Catalog has a price list already assigned.', code: 'CATALOG_TAKEN' }]);
    const assigned = (await post(COMPANY_CONTACT_ASSIGN_ROLES, { companyContactId: acme.mainContact.id, rolesToAssign: [{ companyContactRoleId: acme.contactRoles.nodes[0].id, companyLocationId: location.id }] })).data.companyContactAssignRoles;
    assert.deepEqual(assigned, { roleAssignments: [], userErrors: [{ field: ['rolesToAssign', '0'], message: 'Company contact has already been assigned a role in that company location.', code: 'LIMIT_REACHED' }] });
    const [ordering] = (await post('query($id: ID!) { companyContact(id: $id) { roleAssignments(first: 5) { nodes { id } } } }', { id: acme.mainContact.id })).data.companyContact.roleAssignments.nodes;
    const revoked = (await post('mutation($c: ID!, $ids: [ID!]) { companyContactRevokeRoles(companyContactId: $c, roleAssignmentIds: $ids) { revokedRoleAssignmentIds userErrors { field message code } } }', { c: acme.mainContact.id, ids: [ordering.id] })).data.companyContactRevokeRoles;
    assert.deepEqual(revoked, { revokedRoleAssignmentIds: [ordering.id], userErrors: [] });
    const promoted = (await post(COMPANY_CONTACT_ASSIGN_ROLES, { companyContactId: acme.mainContact.id, rolesToAssign: [{ companyContactRoleId: acme.contactRoles.nodes[0].id, companyLocationId: location.id }] })).data.companyContactAssignRoles;
    assert.deepEqual([promoted.roleAssignments.length, promoted.userErrors], [1, []], 'once revoked, the contact may get another role there');
  });

  it('pages companies of an updated_at window in UPDATED_AT order, each once, while one already read and one not yet read are updated (both leave the window), and finds one by external_id', async () => {
    const seeded = await admin.seedCompanies(shop.domain, ['c1', 'c2', 'c3', 'c4'].map((name) => ({ name: `Window ${name}`, externalId: `WIN-${name}`, locations: [{ name: `${name} HQ` }] })));
    // The window is read on the emulator's clock, which runs ahead of the wall clock under load.
    const from = seeded[0]?.updatedAt as string;
    const to = seeded[seeded.length - 1]?.updatedAt as string;
    const query = `updated_at:>='${from}' updated_at:<='${to}'`;
    const page = async (after: string | null) => (await post(COMPANIES_PAGE_QUERY, { first: 2, after, query, locations: 10 })).data.companies;
    const first = await page(null);
    assert.deepEqual(first.nodes.map((c: any) => c.name), ['Window c1', 'Window c2']);
    assert.deepEqual(first.nodes[0].locations.nodes.map((l: any) => l.name), ['c1 HQ']);
    const update = async (id: string, note: string) => (await post(COMPANY_UPDATE, { companyId: id, input: { note } })).data.companyUpdate;
    const c2 = await update(seeded[1]?.id as string, 'read, then changed');
    const c3 = await update(seeded[2]?.id as string, 'changed before read');
    assert.deepEqual([c2.userErrors, c3.userErrors], [[], []]);
    assert.ok(c2.company.updatedAt > to && c3.company.updatedAt > c2.company.updatedAt, 'every change moves updatedAt');
    const second = await page(first.pageInfo.endCursor);
    assert.deepEqual([second.nodes.map((c: any) => c.name), second.pageInfo.hasNextPage], [['Window c4'], false]);
    const later = (await post(COMPANIES_PAGE_QUERY, { first: 10, query: `updated_at:>'${to}'`, locations: 1 })).data.companies.nodes;
    assert.deepEqual(later.map((c: any) => [c.name, c.note]).filter(([name]: string[]) => name?.startsWith('Window')), [['Window c2', 'read, then changed'], ['Window c3', 'changed before read']]);
    const byExternalId = (await post(COMPANIES_BY_EXTERNAL_ID_QUERY, { query: 'external_id:WIN-c3', locations: 5 })).data.companies.nodes;
    assert.deepEqual(byExternalId.map((c: any) => [c.id, c.locations.nodes[0].name]), [[seeded[2]?.id, 'c3 HQ']]);
    assert.deepEqual((await post(COMPANIES_BY_EXTERNAL_ID_QUERY, { query: 'external_id:WIN-none', locations: 5 })).data.companies.nodes, []);
  });

  it('companyLocationAssignAddress writes the billing and shipping addresses (an existing one keeps its id), refuses repeated types and an unknown zone, and moves the location\'s updatedAt', async () => {
    const locationId = company.locations[0]?.id as string;
    const read = async () => (await post(COMPANY_BY_ID_QUERY, { id: company.id, locations: 5 })).data.company.locations.nodes[0];
    const before = await read();
    const assign = async (address: Record<string, unknown>, addressTypes: string[]) => (await post(COMPANY_LOCATION_ASSIGN_ADDRESS, { locationId, address, addressTypes })).data.companyLocationAssignAddress;
    const billing = await assign({ address1: '10 Main St', city: 'Ottawa', zoneCode: 'ON', zip: 'K1A 0B1', countryCode: 'CA' }, ['BILLING']);
    assert.equal(billing.userErrors.length, 0);
    const both = await assign({ address1: '20 Main St', city: 'Toronto', zoneCode: 'ON', countryCode: 'CA', firstName: 'Dock', lastName: 'Two' }, ['BILLING', 'SHIPPING']);
    assert.equal(both.addresses.length, 2);
    assert.equal(both.addresses[0].id, billing.addresses[0].id, 'the billing address keeps its id');
    const after = await read();
    assert.deepEqual([after.billingAddress.id, after.billingAddress.address1, after.billingAddress.province, after.shippingAddress.address1, after.shippingAddress.firstName], [billing.addresses[0].id, '20 Main St', 'Ontario', '20 Main St', 'Dock']);
    assert.notEqual(after.shippingAddress.id, after.billingAddress.id);
    assert.ok(after.updatedAt > before.updatedAt);
    assert.deepEqual(await assign({ address1: 'x', countryCode: 'CA' }, ['BILLING', 'BILLING']), { addresses: null, userErrors: [{ field: null, message: 'Invalid input.', code: 'INVALID_INPUT' }] });
    assert.deepEqual(await assign({ address1: 'x', countryCode: 'US', zoneCode: 'ZZ' }, ['SHIPPING']), { addresses: null, userErrors: [{ field: ['address', 'zoneCode'], message: 'Zone code is invalid', code: 'INVALID' }] });
    const renamed = (await post(COMPANY_LOCATION_UPDATE, { companyLocationId: locationId, input: { name: 'Depot North', externalId: 'ERP-DEPOT' } })).data.companyLocationUpdate;
    assert.deepEqual(renamed.userErrors, []);
    assert.ok(renamed.companyLocation.updatedAt > after.updatedAt);
  });

  it('answers Order.purchasingEntity: the company, location and contact of an order made for a company location, the customer of an ordinary order, null for an order without either', async () => {
    const locationId = company.locations[0]?.id as string;
    const line = [{ variantId: variant(2), quantity: 2 }];
    const b2b = (await post(ORDER_CREATE, { o: { companyLocationId: locationId, customerId: company.customerId, lineItems: line } })).data.orderCreate;
    assert.deepEqual(b2b.userErrors, []);
    const buyer = (await post(PURCHASING_ENTITY_QUERY, { id: b2b.order.id })).data.order.purchasingEntity;
    assert.deepEqual(buyer, { __typename: 'PurchasingCompany', company: { id: company.id }, location: { id: locationId }, contact: { id: company.mainContactId } });
    const retail = (await post(ORDER_CREATE, { o: { customerId: company.customerId, lineItems: line } })).data.orderCreate;
    assert.deepEqual((await post(PURCHASING_ENTITY_QUERY, { id: retail.order.id })).data.order.purchasingEntity, { __typename: 'Customer', id: company.customerId });
    const anonymous = (await post(ORDER_CREATE, { o: { lineItems: line } })).data.orderCreate;
    assert.equal((await post(PURCHASING_ENTITY_QUERY, { id: anonymous.order.id })).data.order.purchasingEntity, null);
    const unknown = (await post(ORDER_CREATE, { o: { companyLocationId: 'gid://shopify/CompanyLocation/999999999', lineItems: line } })).data.orderCreate;
    assert.deepEqual(unknown.userErrors, [{ field: ['order', 'companyLocationId'], message: 'Company location does not exist' }]);
  });

  it('a shop without B2B (not Plus) is refused the company fields with ACCESS_DENIED naming the required access, while catalogs, price lists and orders still answer', async () => {
    const basic = await emulatedShop('b2b-basic', { plan: 'advanced' });
    const read = await post(COMPANIES_PAGE_QUERY, { first: 5, locations: 1 }, basic);
    assert.equal(read.data, null, 'companies is non-null: its refusal nulls the whole answer');
    assert.equal(read.errors?.length, 1);
    const [denied] = read.errors ?? [];
    assert.equal(denied.message, 'Access denied for companies field. Required access: `read_customers` access scope or `read_companies` access scope. Also: The shop must have access to B2B. Some operations may require additional plan capabilities.');
    assert.deepEqual([denied.path, denied.extensions.code, denied.extensions.documentation], [['companies'], 'ACCESS_DENIED', 'https://shopify.dev/api/usage/access-scopes']);
    assert.match(denied.extensions.requiredAccess, /The shop must have access to B2B/);
    const write = await post(COMPANY_CREATE, { input: { company: { name: 'Nope' } }, locations: 1 }, basic);
    assert.deepEqual([write.data, write.errors?.[0]?.extensions?.code, write.errors?.[0]?.path], [{ companyCreate: null }, 'ACCESS_DENIED', ['companyCreate']]);
    assert.deepEqual((await post(CATALOGS_PAGE_QUERY, { first: 5, type: 'MARKET' }, basic)).data.catalogs.nodes, []);
    const list = (await post(PRICE_LIST_CREATE, { input: { name: 'Basic EUR', currency: 'EUR', parent: { adjustment: { type: 'PERCENTAGE_DECREASE', value: 10 } } } }, basic)).data.priceListCreate;
    assert.deepEqual(list.userErrors, []);
    const seeded = await adminCall('POST', 'companies', { companies: [{ name: 'Nope', locations: [{ name: 'HQ' }] }] }, basic.domain);
    assert.equal(seeded.status, 422);
    assert.match(JSON.stringify(await seeded.json()), /companies need B2B, which the advanced plan lacks/);
  });

  it('refuses a seed body of the wrong shape with 400 naming the field, a reference to what the shop lacks with 422 naming it, and creates nothing', async () => {
    const before = (await post(CATALOGS_PAGE_QUERY, { first: 50, type: 'MARKET' })).data.catalogs.nodes.length;
    const noCurrency = await adminCall('POST', 'catalogs', { catalogs: [{ type: 'MARKET', title: 'No currency' }] });
    assert.equal(noCurrency.status, 400);
    assert.deepEqual(((await noCurrency.json()) as any).errors.map((e: any) => e.field), ['catalogs.0.currency']);
    const badPrice = await adminCall('POST', 'catalogs', { catalogs: [{ type: 'MARKET', title: 'Bad price', currency: 'EUR', fixedPrices: [{ variantId: variant(0), price: 'ten' }] }] });
    assert.equal(badPrice.status, 400);
    assert.equal(((await badPrice.json()) as any).errors[0].field, 'catalogs.0.fixedPrices.0.price');
    const unknownKey = await adminCall('POST', 'companies', { companies: [{ name: 'Shape', locations: [{ name: 'HQ' }], vat: 'x' }] });
    assert.equal(unknownKey.status, 400);
    assert.match(JSON.stringify(await unknownKey.json()), /"field":"companies\.0".*vat/);
    const noLocations = await adminCall('POST', 'companies', { companies: [{ name: 'Shape' }] });
    assert.equal(noLocations.status, 400);
    assert.equal(((await noLocations.json()) as any).errors[0].field, 'companies.0.locations');
    const ghostVariant = await adminCall('POST', 'catalogs', { catalogs: [{ type: 'MARKET', title: 'Fine', currency: 'EUR' }, { type: 'MARKET', title: 'Ghost', currency: 'EUR', fixedPrices: [{ variantId: 999999999, price: '1' }] }] });
    assert.equal(ghostVariant.status, 422);
    assert.deepEqual(((await ghostVariant.json()) as any).errors.map((e: any) => e.field), ['catalogs.1.fixedPrices.0.variantId']);
    assert.equal((await post(CATALOGS_PAGE_QUERY, { first: 50, type: 'MARKET' })).data.catalogs.nodes.length, before, 'all or none');
    const takenId = await adminCall('POST', 'companies', { companies: [{ name: 'First', externalId: 'DUP-1', locations: [{ name: 'A' }] }, { name: 'Second', externalId: 'DUP-1', locations: [{ name: 'B' }] }] });
    assert.equal(takenId.status, 422);
    assert.deepEqual(((await takenId.json()) as any).errors, [{ field: 'companies.1.externalId', message: 'External id has already been taken.', code: 'TAKEN' }]);
    assert.deepEqual((await post(COMPANIES_BY_EXTERNAL_ID_QUERY, { query: 'external_id:DUP-1', locations: 1 })).data.companies.nodes, [], 'the first was undone');
    assert.equal((await adminCall('GET', 'price-lists/999999999', undefined)).status, 404);
  });
});
