import assert from 'node:assert/strict';
import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { readAddressInput } from '../../emulator/addresses';
import { calculateQueryCost } from '../../emulator/cost';
import { readCustomerInput } from '../../emulator/customer-inputs';
import { applyCustomer, planCustomer, upgradeStoredCustomer, type CustomerInput } from '../../emulator/customers-store';
import type { EmulatedCustomer } from '../../emulator/commerce';
import { addressPhone, displayPhone, normalisePhone } from '../../emulator/phone';
import { customerResolvers } from '../../emulator/resolvers/customers';
import { loadAdminSchema } from '../../emulator/schema';
import { EmulatorState, type EmulatedShop } from '../../emulator/state';
import { ensureShopifySchema } from '../../scripts/tools/shopify-schema';
import { CUSTOMERS_PAGE_QUERY } from '../../src/shopify/documents/customers';

describe('emulator customer rules', () => {
  let state: EmulatorState;
  let shop: EmulatedShop;

  beforeEach(() => {
    state = new EmulatorState();
    shop = state.createShop({ domain: 'rules.myshopify.com', token: 'shpat_rules' });
  });

  function create(input: CustomerInput) {
    const planned = planCustomer(shop, input);
    assert.ok('plan' in planned, JSON.stringify(planned));
    return applyCustomer(shop, state, undefined, planned.plan);
  }

  const problemsOf = (input: CustomerInput, existing?: ReturnType<typeof create>) => {
    const planned = planCustomer(shop, input, existing);
    return 'problems' in planned ? planned.problems.map((p) => [p.field.join('.'), p.message, p.code]) : [];
  };

  it('normalises phones to E.164 from +, 00 and North American numbers in any layout, and refuses national numbers of other countries', () => {
    for (const raw of ['+33 6 12 34 56 78', '0033 6 12 34 56 78', '+33 (0)6 12 34 56 78', '+33.6.12.34.56.78']) assert.equal(normalisePhone(raw), '+33612345678', raw);
    for (const raw of ['6135551212', '(613)555-1212', '+1 613-555-1212', '+16135551212', '1 613 555 1212']) assert.equal(normalisePhone(raw), '+16135551212', raw);
    assert.equal(normalisePhone('+420 123 456 789'), '+420123456789', 'a country code outside the table needs 8 to 15 digits');
    for (const raw of ['06 12 34 56 78', 'abc', '+1234abcd', '+33 6 12 34', '+1 123 456 7890', '+0 123 456 789', '']) assert.equal(normalisePhone(raw), null, raw);
  });

  it('files an address phone loosely: E.164 when it can, the calling code added to bare digits, anything else as typed', () => {
    assert.equal(addressPhone('+1 (613) 450-4538', '1'), '+16134504538');
    assert.equal(addressPhone('450-4538', '1'), '+14504538');
    assert.equal(addressPhone('not a phone', '1'), 'not a phone');
    assert.equal(displayPhone('+14158103301'), '+1 415-810-3301');
  });

  it('reads customer input as Shopify does: spaces out of the e-mail, blank names null, the note kept, tags trimmed, deduplicated and sorted', () => {
    const { changes, problems } = readCustomerInput({ email: 'Ann Bee@Example.com ', firstName: '   ', lastName: '', note: '', phone: '', tags: ['Zulu', 'alpha', 'alpha', ' spaced tag ', '', 'b, c'] });
    assert.deepEqual(problems, []);
    assert.deepEqual(changes, { email: 'AnnBee@Example.com', firstName: null, lastName: null, note: '', phone: null, tags: ['alpha', 'b', 'c', 'spaced tag', 'Zulu'] });
  });

  it('names each invalid field with Shopify\'s message and code', () => {
    const messages = (input: CustomerInput) => readCustomerInput(input).problems.map((p) => [p.field.join('.'), p.message, p.code]);
    for (const email of ['foo@', '@bar.com', 'foo@bar', 'foo@@bar.com']) assert.deepEqual(messages({ email }), [['email', 'Email is invalid', 'INVALID']], email);
    assert.deepEqual(messages({ phone: 'abc' }), [['phone', 'Phone is invalid', 'INVALID']]);
    assert.deepEqual(messages({ locale: 'not-a-locale' }), [['locale', 'Locale is invalid', 'INVALID']]);
    assert.deepEqual(messages({ firstName: 'F'.repeat(256), note: 'N'.repeat(5001) }), [
      ['firstName', 'First name is too long (maximum is 255 characters)', 'TOO_LONG'],
      ['note', 'Note is too long (maximum is 5000 characters)', 'TOO_LONG'],
    ]);
    assert.deepEqual(messages({ taxExempt: null }), [['taxExempt', 'Tax exempt is of unexpected type NilClass', 'INVALID']]);
  });

  it('refuses an e-mail taken in any case, a phone taken in any layout, and a customer left without name, e-mail or phone', () => {
    const ann = create({ email: 'ann@example.com', phone: '+33612345678', firstName: 'Ann' });
    assert.deepEqual(problemsOf({ email: 'ANN@example.com', phone: '06 12 34 56 78' }), [['phone', 'Phone is invalid', 'INVALID'], ['email', 'Email has already been taken', 'TAKEN']]);
    assert.deepEqual(problemsOf({ email: 'other@example.com', phone: '+33 6 12 34 56 78' }), [['phone', 'Phone has already been taken', 'TAKEN']]);
    assert.deepEqual(problemsOf({ email: 'ann@example.com', phone: '+33612345678' }, ann), [], 'its own e-mail and phone are not taken');
    assert.deepEqual(problemsOf({}), [['', 'A name, phone number, or email address must be present', 'BLANK']]);
    assert.deepEqual(problemsOf({ email: null, phone: null, firstName: null }, ann), [['', 'A name, phone number, or email address must be present', 'BLANK']]);
  });

  it('reads addresses with country and province names, refusing an unknown country or province and blank ones on create', () => {
    const read = readAddressInput({ address1: ' 1 Main ', city: 'Ottawa', countryCode: 'CA', provinceCode: 'ON', zip: '', phone: '+1 (613) 450-4538' });
    assert.deepEqual(read, { fields: { address1: '1 Main', city: 'Ottawa', zip: null, phone: '+16134504538', countryCode: 'CA', provinceCode: 'ON', province: null }, problems: [] });
    assert.deepEqual(readAddressInput({ country: 'Canada', province: 'Quebec' }).fields, { countryCode: 'CA', provinceCode: 'QC', province: null });
    assert.deepEqual(readAddressInput({ countryCode: 'ZZ' }).problems.map((p) => [p.field, p.message]), [['country', 'Country is invalid']]);
    assert.deepEqual(readAddressInput({ countryCode: 'CA', provinceCode: 'ZZ' }).problems.map((p) => [p.field, p.message]), [['province', 'Province is invalid']]);
    const blank = planCustomer(shop, { email: 'blank@example.com', addresses: [{ address1: ' ' }] }, undefined, { rejectBlankAddresses: true });
    assert.deepEqual('problems' in blank && blank.problems.map((p) => [p.field.join('.'), p.message]), [['addresses.0', 'Customer address cannot be blank.']]);
  });

  it('replaces the address list: listed ids updated, others deleted, an identical entry kept once, the default moved to the first when its address goes', () => {
    const customer = create({ firstName: 'Ann', lastName: 'Bee', addresses: [{ address1: '1 A St', countryCode: 'FR' }, { address1: '2 B St', countryCode: 'FR' }] });
    const [first, second] = customer.addresses;
    assert.equal(customer.defaultAddressId, first?.id);
    assert.deepEqual([first?.firstName, first?.lastName], ['Ann', 'Bee'], 'an address without names takes the customer\'s');
    const planned = planCustomer(shop, { addresses: [{ id: `gid://shopify/MailingAddress/${second?.id}?model_name=CustomerAddress`, city: 'Lyon' }, { address1: '3 C St' }, { address1: '3 C St' }] }, customer);
    assert.ok('plan' in planned);
    applyCustomer(shop, state, customer, planned.plan);
    assert.deepEqual(customer.addresses.map((a) => [a.id === second?.id, a.address1, a.city]), [[true, '2 B St', 'Lyon'], [false, '3 C St', null]]);
    assert.equal(customer.defaultAddressId, second?.id);
    assert.deepEqual(problemsOf({ addresses: [{ id: 'gid://shopify/MailingAddress/1?model_name=CustomerAddress' }] }, customer), [['addresses.0.id', 'Customer address does not exist', 'NOT_FOUND']]);
  });

  it('upgrades a customer of an older state file: addresses get ids, the first is the default, tax exemption and locale defaulted', () => {
    const stored = { id: 1, email: 'old@example.com', phone: null, firstName: null, lastName: null, note: null, tags: [], createdAt: 'x', updatedAt: 'x', addresses: [{ city: 'Lyon' }, { city: 'Nice' }] };
    let next = 100;
    const customer = stored as unknown as EmulatedCustomer;
    upgradeStoredCustomer(customer, () => (next += 1));
    assert.deepEqual([customer.addresses.map((a) => [a.id, a.city]), customer.defaultAddressId, customer.taxExempt, customer.locale], [[[101, 'Lyon'], [102, 'Nice']], 101, false, 'en']);
  });

  it('searches e-mail as a tokenized field (words unquoted, the exact address quoted) and phone in any layout', () => {
    create({ email: 'bo.wang@gmail.com' });
    create({ email: 'wang@example.com', phone: '+16135551212' });
    const customers = customerResolvers.query?.customers as (args: Record<string, unknown>, context: { shop: EmulatedShop; state: EmulatorState }) => { nodes: Array<{ email: string | null }> };
    const emails = (query: string) => customers({ first: 10, query }, { shop, state }).nodes.map((c) => c.email);
    assert.deepEqual(emails('email:gmail.com'), ['bo.wang@gmail.com']);
    assert.deepEqual(emails('email:wang'), ['bo.wang@gmail.com', 'wang@example.com']);
    assert.deepEqual(emails("email:'wang@example.com'"), ['wang@example.com']);
    assert.deepEqual(emails("email:'WANG@example.com' OR phone:'(613) 555-1212'"), ['wang@example.com']);
    assert.deepEqual(emails('phone:*'), ['wang@example.com']);
    assert.deepEqual(emails('wang'), ['bo.wang@gmail.com', 'wang@example.com'], 'a bare word searches names and e-mail');
  });

  it('prices the project\'s CustomersPage (50 customers, 3 other addresses) at 2 + 50 × (customer 1 + e-mail 1 + phone 1 + default address 1 + addressesV2 (2 + 3 × 1)) = 452', async () => {
    const schema = loadAdminSchema(await ensureShopifySchema());
    const document = parse(CUSTOMERS_PAGE_QUERY);
    const operation = getOperationAST(document);
    assert.ok(operation);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    assert.equal(calculateQueryCost(schema, operation, fragments, { first: 50, addresses: 3 }), 452);
    const node = { defaultEmailAddress: { emailAddress: 'a@b.com' }, defaultPhoneNumber: null, defaultAddress: { id: 'x' }, addressesV2: { nodes: [{ id: 'x' }] } };
    assert.equal(calculateQueryCost(schema, operation, fragments, { first: 50, addresses: 3 }, { customers: { nodes: [node, node], pageInfo: {} } }), 2 + 2 * 7, 'actual: the 2 customers and 1 other address each returned (its connection 2 + 1)');
  });
});
