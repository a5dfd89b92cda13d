import assert from 'node:assert/strict';
import { InvalidRunRequestError, ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { Merchant } from '../../emulator/merchant-client';
import { emulatedShop, testConfig, testStack, testWorker } from '../support/stack';

interface ShopifyCustomerView {
  id: string;
  firstName: string | null;
  updatedAt: string;
  defaultEmailAddress: { emailAddress: string } | null;
  defaultAddress: { city: string | null } | null;
}

/** Customers both ways and "add customers", against the emulator over HTTP. */
describe('customers', () => {
  let client: ShopSyncClient;
  let erp: Erp;
  const suffix = Math.random().toString(36).slice(2, 7);
  const email = (name: string) => `${name}-${suffix}@example.com`;
  const no = (name: string) => `${name}-${suffix}`.toUpperCase().slice(0, 20);

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    await erp.customers.upsert(no('KNOWN'), { name: 'Known Buyer', email: email('known'), address: { firstName: 'Kim', lastName: 'Known', company: null, address1: '2 Rue Neuve', address2: null, city: 'Nantes', zip: '44000', provinceCode: null, countryCode: 'FR', phone: null } });
    await erp.customers.upsert(no('BYPHONE'), { name: 'Phone Buyer', phone: '06 55 44 33 22' });
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string, settings: Record<string, unknown>) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR' });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, ...settings });
    return { ...shop, merchant: new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token) };
  }

  async function createInShopify(merchant: Merchant, input: Record<string, unknown>): Promise<string> {
    const result = await merchant.graphql<{ customerCreate: { customer: { id: string } | null; userErrors: unknown[] } }>(
      'mutation($i: CustomerInput!) { customerCreate(input: $i) { customer { id } userErrors { field message } } }',
      { i: input },
    );
    assert.ok(result.customerCreate.customer, JSON.stringify(result.customerCreate.userErrors));
    return result.customerCreate.customer.id;
  }

  async function shopifyCustomer(merchant: Merchant, id: string): Promise<ShopifyCustomerView> {
    const result = await merchant.graphql<{ customer: ShopifyCustomerView }>('query($id: ID!) { customer(id: $id) { id firstName updatedAt defaultEmailAddress { emailAddress } defaultAddress { city } } }', { id });
    return result.customer;
  }

  const sync = async (shop: string, filters?: Record<string, unknown>) => (await client.runTask({ shop, task: 'customers', wait: true, filters })).result as { imported: Record<string, number>; exported: Record<string, number>; notes: string[] };
  const mirror = (shop: string) => erp.db.collection('shopifyCustomers').find({ shop }).toArray();
  const createdFor = (shop: string) => erp.db.collection('customers').find({ createdFrom: { $regex: `^${shop.replace(/\./g, '\\.')}\\|` } }).toArray();

  it('imports every changed customer: links by e-mail and by phone, creates one from its country template, and a second run creates nothing', async () => {
    const shop = await newShop('cust-import', { customerImportFromShopify: 'allCustomers', autoCreateUnknownCustomers: true, customerTemplateCode: 'RETAIL', customerTemplatesByCountry: { BE: 'RETAIL-BE' } });
    const known = await createInShopify(shop.merchant, { email: email('KNOWN'), firstName: 'Kim' });
    const byPhone = await createInShopify(shop.merchant, { phone: '+33655443322', lastName: 'Phone' });
    const fresh = await createInShopify(shop.merchant, { email: email('fresh'), firstName: 'Fleur', lastName: 'Neuve', addresses: [{ address1: '3 Grand Place', city: 'Bruxelles', zip: '1000', countryCode: 'BE' }] });
    const first = await sync(shop.domain);
    assert.deepEqual([first.imported.fetched, first.imported.linked, first.imported.created, first.imported.unmapped], [3, 2, 1, 0]);
    assert.equal(first.imported.requests, 1, 'three customers with their addresses come in one request');
    const links = new Map((await mirror(shop.domain)).map((doc) => [doc.shopifyId as string, doc.erpCustomerNo as string | null]));
    assert.equal(links.get(known), no('KNOWN'));
    assert.equal(links.get(byPhone), no('BYPHONE'));
    const created = await createdFor(shop.domain);
    assert.equal(created.length, 1);
    assert.equal(links.get(fresh), created[0]?._id);
    assert.deepEqual([created[0]?.name, created[0]?.email, created[0]?.templateCode, created[0]?.address?.city], ['Fleur Neuve', email('fresh'), 'RETAIL-BE', 'Bruxelles']);

    const second = await sync(shop.domain);
    assert.equal(second.imported.created, 0);
    assert.equal((await createdFor(shop.domain)).length, 1, 'the ERP still has one customer made from this shop');
    assert.equal((await mirror(shop.domain)).length, 3, 'the mirror still has three customers');
  });

  it('without auto-create, lists an unknown customer under unmapped customers with its reason', async () => {
    const shop = await newShop('cust-unmapped', { customerImportFromShopify: 'allCustomers' });
    const stranger = await createInShopify(shop.merchant, { email: email('stranger'), firstName: 'Sam' });
    const result = await sync(shop.domain);
    assert.equal(result.imported.unmapped, 1);
    const status = await client.getShopStatus(shop.domain);
    const cue = status.cues.unmappedCustomers;
    assert.equal(cue.count, 1);
    assert.equal(cue.items[0]?.id, stranger);
    assert.match(cue.items[0]?.error ?? '', /no ERP customer matches .*stranger.* turn on autoCreateUnknownCustomers/);
  });

  it('with import "withOrderImport", refreshes only customers it knows from orders and updates the ERP customer when Shopify may', async () => {
    const shop = await newShop('cust-known', { customerImportFromShopify: 'withOrderImport', shopifyCanUpdateCustomers: true, nameSource: 'firstAndLastName' });
    const known = await createInShopify(shop.merchant, { email: email('KNOWN'), firstName: 'Kim', lastName: 'Known' });
    await createInShopify(shop.merchant, { email: email('other'), firstName: 'Olga' });
    await erp.shopifyCustomers.recordSighting(shop.domain, { shopifyId: known, email: email('KNOWN'), phone: null, displayName: 'Kim' }, no('KNOWN'), null);
    const result = await sync(shop.domain);
    assert.deepEqual([result.imported.updated, result.imported.notKnown], [1, 1]);
    assert.deepEqual((await mirror(shop.domain)).map((doc) => doc.shopifyId), [known], 'the customer no order named stays out of the mirror');
    assert.equal((await erp.customers.get(no('KNOWN')))?.name, 'Kim Known');
    await erp.customers.upsert(no('KNOWN'), { name: 'Known Buyer', email: email('known') });
  });

  it('sends a changed linked ERP customer once, and nothing when nothing changed', async () => {
    const shop = await newShop('cust-export', { customerImportFromShopify: 'allCustomers', canUpdateShopifyCustomers: true });
    const erpNo = no('EXPORT');
    await erp.customers.upsert(erpNo, { name: 'Export Buyer', contact: 'Eve Export', email: email('export'), address: { firstName: 'Eve', lastName: 'Export', company: null, address1: '9 Quai', address2: null, city: 'Lyon', zip: '69002', provinceCode: null, countryCode: 'FR', phone: null } });
    const id = await createInShopify(shop.merchant, { email: email('export'), firstName: 'Eve', lastName: 'Export', addresses: [{ firstName: 'Eve', lastName: 'Export', company: 'Export Buyer', address1: '9 Quai', city: 'Lyon', zip: '69002', countryCode: 'FR' }] });
    const first = await sync(shop.domain);
    assert.deepEqual([first.imported.linked, first.exported.linked, first.exported.sent], [1, 1, 0], 'a first link with equal values sends nothing');
    await erp.customers.update(erpNo, { name: 'Export Buyer', contact: 'Eva Export', email: email('export'), address: { firstName: 'Eve', lastName: 'Export', company: null, address1: '9 Quai', address2: null, city: 'Paris', zip: '75001', provinceCode: null, countryCode: 'FR', phone: null } });
    const second = await sync(shop.domain);
    assert.equal(second.exported.sent, 1);
    const sent = await shopifyCustomer(shop.merchant, id);
    assert.deepEqual([sent.firstName, sent.defaultAddress?.city], ['Eva', 'Paris']);
    const third = await sync(shop.domain);
    assert.equal(third.exported.sent, 0);
    assert.equal((await shopifyCustomer(shop.merchant, id)).updatedAt, sent.updatedAt, 'Shopify was not written again');
  });

  it('adds ERP customers to Shopify once; a customer without e-mail and one whose e-mail Shopify has are skipped records naming why', async () => {
    const shop = await newShop('cust-add', {});
    await erp.customers.upsert(no('NEW'), { name: 'New Buyer', contact: 'Nora New', email: email('new'), address: { firstName: 'Nora', lastName: 'New', company: null, address1: '5 Rue', address2: null, city: 'Lille', zip: '59000', provinceCode: null, countryCode: 'FR', phone: null } });
    await erp.customers.upsert(no('NOMAIL'), { name: 'No Mail' });
    await erp.customers.upsert(no('TAKEN'), { name: 'Taken Buyer', email: email('taken') });
    const holder = await createInShopify(shop.merchant, { email: email('taken'), firstName: 'Tom' });
    const add = async () => (await client.addCustomers({ shop: shop.domain, customerNos: [no('NEW'), no('NOMAIL'), no('TAKEN')], wait: true })).result as Record<string, number>;
    const first = await add();
    assert.deepEqual([first.added, first.skipped], [1, 2]);
    const skipped = new Map((await erp.skipped.list(shop.domain)).map((record) => [record.recordId, record.reason]));
    assert.match(skipped.get(no('NOMAIL')) ?? '', /has no e-mail/);
    assert.match(skipped.get(no('TAKEN')) ?? '', new RegExp(`already has a customer with e-mail ${email('taken')} \\(${holder}\\)`));
    const again = await add();
    assert.deepEqual([again.added, again.alreadyInShopify], [0, 1]);
    const inShopify = await shop.merchant.graphql<{ customers: { nodes: Array<{ id: string; defaultAddress: { city: string } | null }> } }>(
      'query($q: String!) { customers(first: 5, query: $q) { nodes { id defaultAddress { city } } } }',
      { q: `email:"${email('new')}"` },
    );
    assert.equal(inShopify.customers.nodes.length, 1, 'Shopify has the customer once');
    assert.equal(inShopify.customers.nodes[0]?.defaultAddress?.city, 'Lille');
    assert.equal(await erp.shopifyCustomers.linkedTo(shop.domain, no('NEW')), inShopify.customers.nodes[0]?.id);
  });

  it('refuses bad customer filters and an add without customers before any work starts', async () => {
    const shop = await newShop('cust-bad', {});
    await assert.rejects(sync(shop.domain, { customerIds: ['not-an-id'] }), (error: Error) => error instanceof InvalidRunRequestError && /filters\.customerIds\.0: must be a customer id/.test(error.message));
    await assert.rejects(client.runTask({ shop: shop.domain, task: 'addCustomers', wait: true }), (error: Error) => error instanceof InvalidRunRequestError && /filters/.test(error.message));
  });
});
