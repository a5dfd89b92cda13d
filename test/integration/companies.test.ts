import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, testConfig, testStack, testWorker } from '../support/stack';

/** B2B companies both ways, "add companies" and B2B orders, against the emulator over HTTP. */
describe('B2B companies', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  const suffix = Math.random().toString(36).slice(2, 7);
  const email = (name: string) => `${name}-${suffix}@example.com`;
  const no = (name: string) => `${name}-${suffix}`.toUpperCase().slice(0, 20);
  const address = (city: string) => ({ firstName: null, lastName: null, company: null, address1: '1 Rue du Port', address2: null, city, zip: '44000', provinceCode: null, countryCode: 'FR', phone: null });

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.customers.upsert(no('ACME'), { name: 'Acme SARL', email: email('buyer.acme'), address: address('Nantes') });
    await erp.customers.upsert(no('TAXED'), { name: 'Taxed SA', taxId: 'FR 40 123456789', address: address('Rennes') });
    await erp.customers.upsert(no('BILLTO'), { name: 'Group Finance', email: email('finance') });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string, settings: Record<string, unknown>, plan: 'plus' | 'standard' = 'plus') {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR', plan });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, ...settings });
    return { ...shop, merchant: new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token) };
  }

  async function createCompany(merchant: Merchant, input: Record<string, unknown>): Promise<{ id: string; locationId: string }> {
    const result = await merchant.graphql<{ companyCreate: { company: { id: string; locations: { nodes: Array<{ id: string }> } } | null; userErrors: unknown[] } }>(
      'mutation($i: CompanyCreateInput!) { companyCreate(input: $i) { company { id locations(first: 1) { nodes { id } } } userErrors { field message } } }',
      { i: input },
    );
    const company = result.companyCreate.company;
    assert.ok(company, JSON.stringify(result.companyCreate.userErrors));
    return { id: company.id, locationId: company.locations.nodes[0]?.id as string };
  }

  const sync = async (shop: string) => (await client.runTask({ shop, task: 'companies', wait: true })).result as { imported: Record<string, number>; exported: Record<string, number> };
  const mirror = (shop: string) => erp.db.collection('shopifyCompanies').find({ shop }).toArray();

  it('imports companies: links one by its main contact e-mail and one by tax id, creates one from its location, and a second run changes nothing', async () => {
    const shop = await newShop('b2b-import', { companyImportFromShopify: 'allCompanies', autoCreateUnknownCompanies: true, customerTemplateCode: 'B2B' });
    const acme = await createCompany(shop.merchant, { company: { name: 'Acme' }, companyContact: { email: email('buyer.acme') }, companyLocation: { name: 'Acme HQ' } });
    const fresh = await createCompany(shop.merchant, { company: { name: 'Fresh Foods' }, companyContact: { email: email('fresh') }, companyLocation: { name: 'Fresh depot', billingAddress: { address1: '2 Quai', city: 'Lyon', zip: '69002', countryCode: 'FR' }, billingSameAsShipping: true } });
    const first = await sync(shop.domain);
    assert.deepEqual([first.imported.fetched, first.imported.linked, first.imported.created, first.imported.unmapped], [2, 1, 1, 0]);
    const links = new Map((await mirror(shop.domain)).map((doc) => [doc.shopifyId as string, doc.erpCustomerNo as string | null]));
    assert.equal(links.get(acme.id), no('ACME'));
    const created = await erp.customers.get(links.get(fresh.id) as string);
    assert.deepEqual([created?.name, created?.address?.city, created?.createdFrom], ['Fresh Foods', 'Lyon', `${shop.domain}|${fresh.id}`]);
    const second = await sync(shop.domain);
    assert.deepEqual([second.imported.unchanged, second.imported.created], [2, 0]);
    assert.equal((await erp.db.collection('customers').countDocuments({ createdFrom: `${shop.domain}|${fresh.id}` })), 1, 'one ERP customer for the company');

    const taxShop = await newShop('b2b-taxid', { companyImportFromShopify: 'allCompanies', companyMappingType: 'byTaxId' });
    const taxed = await createCompany(taxShop.merchant, { company: { name: 'Taxed' }, companyContact: { email: email('taxed') }, companyLocation: { name: 'Taxed HQ', taxRegistrationId: 'fr40123456789' } });
    const unknown = await createCompany(taxShop.merchant, { company: { name: 'Unknown Ltd' }, companyContact: { email: email('unknown') }, companyLocation: { name: 'Unknown HQ', taxRegistrationId: 'GB999999973' } });
    await sync(taxShop.domain);
    const taxLinks = new Map((await mirror(taxShop.domain)).map((doc) => [doc.shopifyId as string, doc]));
    assert.equal(taxLinks.get(taxed.id)?.erpCustomerNo, no('TAXED'));
    const status = await client.getShopStatus(taxShop.domain);
    assert.equal(status.cues.unmappedCompanies.count, 1);
    assert.equal(status.cues.unmappedCompanies.items[0]?.id, unknown.id);
    assert.match(status.cues.unmappedCompanies.items[0]?.error ?? '', /no ERP customer matches company Unknown Ltd by tax id GB999999973/);
  });

  it('maps companies to the default company without ever updating it or sending it back as theirs', async () => {
    const shop = await newShop('b2b-default', { companyImportFromShopify: 'allCompanies', companyMappingType: 'defaultCompany', defaultCompanyNo: no('BILLTO'), shopifyCanUpdateCompanies: true });
    const walkIn = await createCompany(shop.merchant, { company: { name: 'Walk-in Trade' }, companyContact: { email: email('walkin') }, companyLocation: { name: 'Counter' } });
    await sync(shop.domain);
    await shop.merchant.graphql('mutation($id: ID!, $i: CompanyInput!) { companyUpdate(companyId: $id, input: $i) { userErrors { message } } }', { id: walkIn.id, i: { name: 'Walk-in Trade Renamed' } });
    const second = await sync(shop.domain);
    assert.equal(second.imported.updated, 0);
    assert.equal((await erp.customers.get(no('BILLTO')))?.name, 'Group Finance', 'the default customer keeps its own name');
    assert.equal(await erp.shopifyCompanies.linkedTo(shop.domain, no('BILLTO')), undefined, 'the default customer is not the company of anyone');
  });

  it('makes a B2B order a sales document for the company location customers, importing the company it did not know', async () => {
    const shop = await newShop('b2b-orders', { companyImportFromShopify: 'withOrderImport', autoCreateOrders: true, skuMapping: 'itemNo', shippingChargesAccount: '7190' });
    await erp.items.upsert({ no: no('CRATE'), description: 'Crate', unitPrice: '10.00' });
    const { [no('CRATE')]: variantId } = await shop.merchant.product('Crate', [{ sku: no('CRATE'), price: '10.00' }]);
    const acme = await createCompany(shop.merchant, { company: { name: 'Acme' }, companyContact: { email: email('buyer.acme') }, companyLocation: { name: 'Acme HQ' } });
    const order = await shop.merchant.order({ lineItems: [{ variantId, quantity: 3 }], companyLocationId: acme.locationId, email: email('buyer.acme'), financialStatus: 'PAID' });
    await client.runTask({ shop: shop.domain, task: 'orders', wait: true });
    const document = await erp.db.collection('salesDocuments').findOne({ shop: shop.domain, shopifyOrderId: order.id });
    assert.ok(document, 'the B2B order has a sales document');
    assert.deepEqual([document.sellToCustomerNo, document.billToCustomerNo, document.shopifyCompanyId, document.shopifyCompanyLocationId], [no('ACME'), no('ACME'), acme.id, acme.locationId]);
    assert.equal((await mirror(shop.domain)).length, 1, 'the company came along with its order');

    await client.setCompanyLocationCustomers(shop.domain, acme.locationId, { billToCustomerNo: no('BILLTO') });
    const second = await shop.merchant.order({ lineItems: [{ variantId, quantity: 1 }], companyLocationId: acme.locationId, email: email('buyer.acme'), financialStatus: 'PAID' });
    await client.runTask({ shop: shop.domain, task: 'orders', wait: true });
    const billed = await erp.db.collection('salesDocuments').findOne({ shop: shop.domain, shopifyOrderId: second.id });
    assert.deepEqual([billed?.sellToCustomerNo, billed?.billToCustomerNo], [no('ACME'), no('BILLTO')]);
  });

  it('sends a linked company whose ERP customer changed, once', async () => {
    const shop = await newShop('b2b-export', { companyImportFromShopify: 'allCompanies', canUpdateShopifyCompanies: true });
    const acme = await createCompany(shop.merchant, { company: { name: 'Acme SARL' }, companyContact: { email: email('buyer.acme') }, companyLocation: { name: 'Acme HQ', billingAddress: { address1: '1 Rue du Port', city: 'Nantes', zip: '44000', countryCode: 'FR' }, billingSameAsShipping: true } });
    const first = await sync(shop.domain);
    assert.deepEqual([first.imported.linked, first.exported.sent], [1, 0], 'equal values send nothing');
    await erp.customers.update(no('ACME'), { name: 'Acme Group', email: email('buyer.acme'), address: address('Saint-Nazaire') });
    const second = await sync(shop.domain);
    assert.equal(second.exported.sent, 1);
    const read = await shop.merchant.graphql<{ company: { name: string; locations: { nodes: Array<{ billingAddress: { city: string } | null }> } } }>(
      'query($id: ID!) { company(id: $id) { name locations(first: 1) { nodes { billingAddress { city } } } } }',
      { id: acme.id },
    );
    assert.deepEqual([read.company.name, read.company.locations.nodes[0]?.billingAddress?.city], ['Acme Group', 'Saint-Nazaire']);
    assert.equal((await sync(shop.domain)).exported.sent, 0);
    await erp.customers.update(no('ACME'), { name: 'Acme SARL', email: email('buyer.acme'), address: address('Nantes') });
  });

  it('adds an ERP customer as a company with its location, main contact and a catalog, once', async () => {
    const shop = await newShop('b2b-add', { autoCreateCatalog: true });
    await client.runTask({ shop: shop.domain, task: 'refreshShopInfo', wait: true });
    const add = async () => (await client.runTask({ shop: shop.domain, task: 'addCompanies', filters: { customerNos: [no('ACME'), no('TAXED')] }, wait: true })).result as Record<string, number>;
    const first = await add();
    assert.deepEqual([first.added, first.catalogsCreated, first.skipped], [1, 1, 1], JSON.stringify(first));
    const skipped = (await erp.skipped.list(shop.domain)).find((record) => record.recordId === no('TAXED'));
    assert.match(skipped?.reason ?? '', /has no e-mail for its main contact/);
    const again = await add();
    assert.deepEqual([again.added, again.alreadyInShopify, again.catalogsCreated], [0, 1, 0]);
    const found = await shop.merchant.graphql<{ companies: { nodes: Array<{ id: string; mainContact: { customer: { defaultEmailAddress: { emailAddress: string } } } | null }> } }>(
      'query($q: String!) { companies(first: 5, query: $q) { nodes { id mainContact { customer { defaultEmailAddress { emailAddress } } } } } }',
      { q: `external_id:"${no('ACME')}"` },
    );
    assert.equal(found.companies.nodes.length, 1, 'Shopify has the company once');
    assert.equal(found.companies.nodes[0]?.mainContact?.customer.defaultEmailAddress.emailAddress, email('buyer.acme'));
    assert.equal((await erp.shopifyCompanies.get(shop.domain, found.companies.nodes[0]?.id as string))?.erpCustomerNo, no('ACME'));
  });
});
