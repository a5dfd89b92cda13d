import assert from 'node:assert/strict';
import { buyerOfCustomer, customerFieldsHash, e164, erpFieldsFromShopify, needsCustomerImport, shopifyBaselineHash, shopifyFieldsFromErp, type ShopifyCustomer } from '../../src/domain/customer-fields';
import { customerImportQuery, CustomerFilters } from '../../src/domain/customer-filters';
import { customerTemplateFor, mapBuyer, type CustomerLookups } from '../../src/domain/customer-mapping';
import { parseShopSettings } from '../../src/domain/shop-settings';

function customer(overrides: Partial<ShopifyCustomer> = {}): ShopifyCustomer {
  const address = { shopifyId: 'gid://shopify/MailingAddress/7', firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Ltd', address1: '1 Main St', address2: null, city: 'Lyon', zip: '69001', province: 'Rhône', provinceCode: '69', countryCode: 'FR', phone: null };
  return {
    shopifyId: 'gid://shopify/Customer/1', firstName: 'Ada', lastName: 'Lovelace', email: 'Ada@Example.com', phone: '+33612345678', taxExempt: false,
    createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z', defaultAddress: address, addresses: [address],
    ...overrides,
  };
}

const settings = (extra: Record<string, unknown> = {}) => parseShopSettings({ domain: 'a.myshopify.com', ...extra });
const pick = (fields: { firstName: string | null; lastName: string | null }) => [fields.firstName, fields.lastName];

describe('customer fields between Shopify and the ERP', () => {
  it('names the ERP customer by the shop name sources, never leaving the name empty', () => {
    const fields = erpFieldsFromShopify(customer(), settings());
    assert.deepEqual([fields.name, fields.name2, fields.contact, fields.email, fields.county], ['Analytical Ltd', 'Ada Lovelace', 'Ada Lovelace', 'ada@example.com', '69']);
    const byPerson = erpFieldsFromShopify(customer(), settings({ nameSource: 'lastAndFirstName', name2Source: 'none', contactSource: 'none', countySource: 'name' }));
    assert.deepEqual([byPerson.name, byPerson.name2, byPerson.contact, byPerson.county], ['Lovelace Ada', null, null, 'Rhône']);
    const nameless = erpFieldsFromShopify(customer({ firstName: null, lastName: null, defaultAddress: null, addresses: [] }), settings());
    assert.equal(nameless.name, 'Ada@Example.com');
  });

  it('gives the same hash to an ERP customer built from a Shopify customer and to that Shopify customer, so a first link sends nothing', () => {
    for (const extra of [{}, { contactSource: 'lastAndFirstName' }, { nameSource: 'firstAndLastName' }]) {
      const shop = settings(extra);
      const shopify = customer();
      const erp = erpFieldsFromShopify(shopify, shop);
      assert.equal(customerFieldsHash(shopifyFieldsFromErp(erp, shop)), shopifyBaselineHash(shopify, shop), JSON.stringify(extra));
      const moved = { ...erp, address: { ...(erp.address as NonNullable<typeof erp.address>), city: 'Paris' } };
      assert.notEqual(customerFieldsHash(shopifyFieldsFromErp(moved, shop)), shopifyBaselineHash(shopify, shop));
    }
  });

  it('sends the person names in the order the contact was written, and a company only when the name is not the person', () => {
    const erp = { name: 'Lovelace Ada', name2: null, contact: 'Lovelace Ada', email: null, phone: null, address: null, county: null };
    assert.deepEqual(pick(shopifyFieldsFromErp(erp, settings({ contactSource: 'lastAndFirstName' }))), ['Ada', 'Lovelace']);
    const person = shopifyFieldsFromErp({ ...erp, name: 'Ada Lovelace', contact: 'Ada Lovelace', address: { firstName: null, lastName: null, company: null, address1: '1 Main St', address2: null, city: 'Lyon', zip: '69001', provinceCode: null, countryCode: 'FR', phone: null } }, settings());
    assert.equal(person.address?.company, null);
    const firm = shopifyFieldsFromErp({ ...erp, name: 'Analytical Ltd', contact: 'Ada Lovelace', address: person.address && { ...person.address, company: null } }, settings());
    assert.equal(firm.address?.company, 'Analytical Ltd');
  });

  it('sends only phones in E.164 form: a national number stays out rather than be refused', () => {
    assert.deepEqual([e164('+33 6 12 34 56 78'), e164('0033612345678'), e164('06 12 34 56 78'), e164('+12')], ['+33612345678', '+33612345678', null, null]);
  });

  it('reads a customer again only when Shopify changed it since the last import', () => {
    assert.equal(needsCustomerImport('2026-11-20T00:00:00Z', null), true);
    assert.equal(needsCustomerImport('2026-11-20T00:00:00Z', { shopifyUpdatedAt: '2026-11-20T00:00:00Z' }), false);
    assert.equal(needsCustomerImport('2026-11-21T00:00:00Z', { shopifyUpdatedAt: '2026-11-20T00:00:00Z' }), true);
  });
});

describe('customer mapping for the customers task', () => {
  const lookups = (found: Partial<Record<'email' | 'phone' | 'address', string>>): CustomerLookups => ({
    byEmail: async (email) => (email === 'ada@example.com' ? found.email : undefined),
    byPhoneDigits: async (digits) => (digits === '612345678' ? found.phone : undefined),
    byAddress: async () => found.address,
  });

  it('finds by e-mail, then phone, and never falls back to the default customer', async () => {
    const shop = settings({ defaultCustomerNo: 'WEB' });
    assert.deepEqual(await mapBuyer(buyerOfCustomer(customer()), undefined, shop, lookups({ email: 'C1', phone: 'C2' }), false), { customerNo: 'C1', how: 'email' });
    assert.deepEqual(await mapBuyer(buyerOfCustomer(customer()), undefined, shop, lookups({ phone: 'C2' }), false), { customerNo: 'C2', how: 'phone' });
    const none = await mapBuyer(buyerOfCustomer(customer()), undefined, shop, lookups({}), false);
    assert.ok('reason' in none && /no ERP customer matches Ada@Example.com/.test(none.reason) && !/defaultCustomerNo/.test(none.reason), JSON.stringify(none));
  });

  it('creates from the template of the customer country, else the shop template', async () => {
    const shop = settings({ autoCreateUnknownCustomers: true, customerTemplateCode: 'RETAIL', customerTemplatesByCountry: { BE: 'RETAIL-BE' } });
    assert.equal(customerTemplateFor(shop, 'be'), 'RETAIL-BE');
    assert.equal(customerTemplateFor(shop, 'FR'), 'RETAIL');
    const created = await mapBuyer(buyerOfCustomer(customer()), undefined, shop, lookups({}), false);
    assert.ok('create' in created && created.create.templateCode === 'RETAIL' && created.create.email === 'ada@example.com', JSON.stringify(created));
  });

  it('rejects a country template keyed by anything but a two-letter code', () => {
    assert.throws(() => settings({ customerTemplatesByCountry: { France: 'X' } }), /customerTemplatesByCountry/);
  });
});

describe('customer import query', () => {
  it('reads the cursor window up to the run start, narrowed to the ids asked for', () => {
    const filters = CustomerFilters.parse({ customerIds: ['12', 'gid://shopify/Customer/34'] });
    const { query, incremental } = customerImportQuery('2026-11-20T10:00:00.000Z', '2026-11-27T10:00:00.000Z', filters, {});
    assert.equal(query, "updated_at:>='2026-11-20T09:55:00.000Z' updated_at:<='2026-11-27T10:00:00.000Z' (id:12 OR id:34)");
    assert.equal(incremental, true);
    assert.throws(() => CustomerFilters.parse({ customerIds: ['abc'] }), /must be a customer id/);
  });
});
