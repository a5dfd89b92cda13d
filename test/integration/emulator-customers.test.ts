import assert from 'node:assert/strict';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import {
  CUSTOMER_ADDRESS_CREATE,
  CUSTOMER_ADDRESS_UPDATE,
  CUSTOMER_SET,
  CUSTOMERS_MATCHING_QUERY,
  CUSTOMERS_PAGE_QUERY,
} from '../../src/shopify/documents/customers';
import { emulatedShop, emulatorAdmin, testStack } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read as the JSON they are */

/** The emulator's customers area over HTTP, as Shopify's Admin API 2026-10 answers it, with the project's own documents. */
describe('emulator customers', () => {
  let url: string;
  let admin: EmulatorAdmin;
  let shop: { domain: string; token: string };

  before(async () => {
    url = (await testStack()).emulatorUrl;
    admin = await emulatorAdmin();
    shop = await emulatedShop('customers');
  });

  async function post(query: string, variables: Record<string, unknown> = {}, domain = shop.domain, token = shop.token): Promise<{ data: any; errors?: any[]; extensions: any }> {
    const response = await fetch(`${url}/admin/api/2026-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-shop-domain': domain, 'x-shopify-access-token': token },
      body: JSON.stringify({ query, variables }),
    });
    assert.equal(response.status, 200);
    return (await response.json()) as { data: any; errors?: any[]; extensions: any };
  }

  const adminCall = (method: string, path: string, body: unknown) =>
    fetch(`${url}/emulator/shops/${shop.domain}/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const set = (input: Record<string, unknown>, identifier?: Record<string, unknown>) => post(CUSTOMER_SET, { input, identifier, addresses: 5 }).then((r) => r.data.customerSet);
  const CREATE = 'mutation($i: CustomerInput!) { customerCreate(input: $i) { customer { id displayName defaultPhoneNumber { phoneNumber } } userErrors { field message } } }';

  it('seeds 1,000 customers in one admin call, in order, keeping given timestamps and stamping the others with the emulator clock', async () => {
    const bulk = await emulatedShop('customers-bulk');
    const before = new Date().toISOString();
    const seeds = Array.from({ length: 1000 }, (_, i) => ({ email: `buyer${i}@example.com`, firstName: `Buyer${i}`, addresses: [{ address1: `${i} Rue du Marché`, city: 'Lyon', zip: '69001', countryCode: 'FR' }] }));
    const seeded = await admin.seedCustomers(bulk.domain, [{ email: 'old@example.com', createdAt: '2024-01-02T03:04:05Z' }, ...seeds]);
    assert.equal(seeded.length, 1001);
    assert.deepEqual([seeded[0]?.createdAt, seeded[0]?.updatedAt], ['2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05.000Z']);
    assert.equal(seeded[1000]?.email, 'buyer999@example.com');
    assert.ok(seeded.slice(1).every((c, i) => c.updatedAt >= before && (i === 0 || c.updatedAt > (seeded[i]?.updatedAt ?? ''))), 'each seed a later timestamp');
    const page = await post(CUSTOMERS_PAGE_QUERY, { first: 50, query: 'email:buyer999@example.com', addresses: 3 }, bulk.domain, bulk.token);
    assert.deepEqual(page.data.customers.nodes.map((c: any) => [c.firstName, c.defaultAddress.city, c.defaultAddress.countryCodeV2]), [['Buyer999', 'Lyon', 'FR']]);
    assert.equal(page.extensions.cost.requestedQueryCost, 452, 'CustomersPage: 2 + 50 × (1 + 1 + 1 + 1 + (2 + 3))');
  });

  it('refuses a seed body of the wrong shape with 400 naming the field, a customer Shopify would refuse with 422 naming the record, and creates none', async () => {
    const unknownKey = await adminCall('POST', 'customers', { customers: [{ email: 'shape@example.com', nickname: 'x' }] });
    assert.equal(unknownKey.status, 400);
    assert.match(JSON.stringify(await unknownKey.json()), /"field":"customers\.0".*nickname/);
    const wrongType = await adminCall('POST', 'customers', { customers: [{ email: 42 }] });
    assert.equal(wrongType.status, 400);
    assert.equal(((await wrongType.json()) as any).errors[0].field, 'customers.0.email');
    const taken = await adminCall('POST', 'customers', { customers: [{ email: 'twice@example.com' }, { email: 'TWICE@example.com' }] });
    assert.equal(taken.status, 422);
    assert.deepEqual(((await taken.json()) as any).errors, [{ field: 'customers.1.email', message: 'Email has already been taken', code: 'TAKEN' }]);
    assert.deepEqual((await post(CUSTOMERS_MATCHING_QUERY, { query: "email:'twice@example.com'" })).data.customers.nodes, []);
    assert.equal((await adminCall('PATCH', 'customers/999999', { note: 'x' })).status, 404);
  });

  it('pages a window of updated_at by UPDATED_AT, each customer once, while the merchant updates one already read and one not yet read (both leave the window)', async () => {
    const from = new Date().toISOString();
    const seeded = await admin.seedCustomers(shop.domain, ['w1', 'w2', 'w3', 'w4', 'w5'].map((name) => ({ email: `${name}@example.com`, firstName: name, tags: ['window'] })));
    const to = seeded[seeded.length - 1]?.updatedAt as string;
    const query = `tag:window updated_at:>='${from}' updated_at:<='${to}'`;
    const page = async (after: string | null) => (await post(CUSTOMERS_PAGE_QUERY, { first: 2, after, query, addresses: 5 })).data.customers;
    const first = await page(null);
    assert.deepEqual(first.nodes.map((c: any) => c.firstName), ['w1', 'w2']);
    const w2 = await admin.updateCustomer(shop.domain, seeded[1]?.legacyResourceId as string, { note: 'read, then changed' });
    const w4 = await admin.updateCustomer(shop.domain, seeded[3]?.legacyResourceId as string, { lastName: 'Changed' });
    assert.ok(w2.updatedAt > to && w4.updatedAt > w2.updatedAt, 'a merchant change moves updatedAt');
    const second = await page(first.pageInfo.endCursor);
    assert.deepEqual(second.nodes.map((c: any) => c.firstName), ['w3', 'w5'], 'the cursor keeps its place; w4 left the window');
    assert.equal(second.pageInfo.hasNextPage, false);
    const next = (await post(CUSTOMERS_PAGE_QUERY, { first: 50, query: `tag:window updated_at:>'${to}'`, addresses: 5 })).data.customers;
    assert.deepEqual(next.nodes.map((c: any) => [c.firstName, c.note ?? c.lastName]), [['w2', 'read, then changed'], ['w4', 'Changed']], 'the next window has them');
  });

  it('finds customers by e-mail OR phone: the e-mail in any case, the phone in any layout, a quoted e-mail only exactly', async () => {
    await admin.seedCustomers(shop.domain, [
      { email: 'match.one@example.com', phone: '+33612345678', firstName: 'One' },
      { email: 'match.two@example.com', phone: '+33 6 98 76 54 32', firstName: 'Two' },
      { email: 'x.match.one@example.com', firstName: 'Three' },
    ]);
    const emails = async (query: string) => (await post(CUSTOMERS_MATCHING_QUERY, { query })).data.customers.nodes.map((c: any) => c.defaultEmailAddress?.emailAddress);
    assert.deepEqual(await emails("email:'MATCH.ONE@example.com' OR phone:'+33 6 98 76 54 32'"), ['match.one@example.com', 'match.two@example.com']);
    assert.deepEqual(await emails("phone:'0033612345678'"), ['match.one@example.com']);
    assert.deepEqual(await emails('email:match.one@example.com'), ['match.one@example.com', 'x.match.one@example.com'], 'unquoted, e-mail is matched by its words');
    const phones = (await post(CUSTOMERS_MATCHING_QUERY, { query: "email:'match.two@example.com'" })).data.customers.nodes.map((c: any) => c.defaultPhoneNumber.phoneNumber);
    assert.deepEqual(phones, ['+33698765432'], 'stored in E.164');
  });

  it('customerCreate refuses a taken e-mail (any case) or phone (any layout), an invalid phone and a blank customer with plain UserErrors', async () => {
    const created = (await post(CREATE, { i: { email: 'taken@example.com', phone: '+1 (613) 450-5293' } })).data.customerCreate;
    assert.deepEqual([created.userErrors, created.customer.defaultPhoneNumber.phoneNumber, created.customer.displayName], [[], '+16134505293', 'taken@example.com']);
    const errors = async (input: Record<string, unknown>) => (await post(CREATE, { i: input })).data.customerCreate.userErrors;
    assert.deepEqual(await errors({ email: 'Taken@Example.com' }), [{ field: ['email'], message: 'Email has already been taken' }]);
    assert.deepEqual(await errors({ phone: '6134505293', firstName: 'Dup' }), [{ field: ['phone'], message: 'Phone has already been taken' }]);
    assert.deepEqual(await errors({ phone: '06 12 34 56 78', firstName: 'National' }), [{ field: ['phone'], message: 'Phone is invalid' }]);
    assert.deepEqual(await errors({ email: 'not-an-email' }), [{ field: ['email'], message: 'Email is invalid' }]);
    assert.deepEqual(await errors({ note: 'only a note' }), [{ field: null, message: 'A name, phone number, or email address must be present' }]);
    const updated = (await post('mutation($i: CustomerInput!) { customerUpdate(input: $i) { customer { tags updatedAt } userErrors { field message } } }', { i: { id: created.customer.id, tags: 'b, A' } })).data.customerUpdate;
    assert.deepEqual(updated.customer.tags, ['A', 'b']);
    const missing = (await post('mutation($i: CustomerInput!) { customerUpdate(input: $i) { customer { id } userErrors { field message } } }', { i: { id: 'gid://shopify/Customer/1', note: 'x' } })).data.customerUpdate;
    assert.deepEqual(missing.userErrors, [{ field: ['id'], message: 'Customer does not exist' }]);
  });

  it('customerSet creates without identifier, updates by id (omitted fields kept, the address list replaced) and upserts by e-mail and by phone', async () => {
    const created = await set({ email: 'set@example.com', firstName: 'Set', lastName: 'One', note: 'kept', tags: ['b', 'a'], taxExempt: true, addresses: [{ address1: '1 Main St', city: 'Ottawa', countryCode: 'CA', provinceCode: 'ON' }] });
    assert.deepEqual(created.userErrors, []);
    const c = created.customer;
    assert.deepEqual([c.tags, c.taxExempt, c.defaultAddress.province, c.addressesV2.nodes.length], [['a', 'b'], true, 'Ontario', 1]);
    assert.match(c.defaultAddress.id, /^gid:\/\/shopify\/MailingAddress\/\d+\?model_name=CustomerAddress$/);
    const updated = (await set({ lastName: 'Two', addresses: [{ address1: '2 Side St', city: 'Lyon', countryCode: 'FR' }] }, { id: c.id })).customer;
    assert.deepEqual([updated.id, updated.firstName, updated.lastName, updated.note, updated.taxExempt], [c.id, 'Set', 'Two', 'kept', true]);
    assert.deepEqual(updated.addressesV2.nodes.map((a: any) => a.city), ['Lyon'], 'the list replaced');
    assert.equal(updated.defaultAddress.city, 'Lyon');
    assert.ok(updated.updatedAt > c.updatedAt);
    const upserted = (await set({ email: 'upsert@example.com', firstName: 'Up' }, { email: 'upsert@example.com' })).customer;
    const again = (await set({ email: 'UPSERT@example.com', firstName: 'Again' }, { email: 'upsert@example.com' })).customer;
    assert.deepEqual([again.id, again.firstName], [upserted.id, 'Again']);
    const byPhone = (await set({ phone: '+1 202 555 1285', firstName: 'Phone' }, { phone: '+12025551285' })).customer;
    const byPhoneAgain = (await set({ phone: '+12025551285', firstName: 'Phone2' }, { phone: '(202) 555-1285' })).customer;
    assert.deepEqual([byPhoneAgain.id, byPhoneAgain.defaultPhoneNumber.phoneNumber], [byPhone.id, '+12025551285']);
  });

  it('customerSet answers each coded refusal on field ["input"…]: ID_NOT_ALLOWED, NOT_FOUND, INPUT_MISMATCH, MISSING_FIELD_REQUIRED, TAKEN, INVALID, BLANK', async () => {
    const owner = (await set({ email: 'coded@example.com', phone: '+12025550111', firstName: 'Coded' })).customer;
    const refusal = async (input: Record<string, unknown>, identifier?: Record<string, unknown>) => (await set(input, identifier)).userErrors.map((e: any) => [e.field.join('.'), e.code, e.message]);
    assert.deepEqual(await refusal({ id: owner.id, firstName: 'X' }, { id: owner.id }), [['input', 'ID_NOT_ALLOWED', 'The id field is not allowed if identifier is provided.']]);
    assert.deepEqual(await refusal({ firstName: 'Ghost' }, { id: 'gid://shopify/Customer/999999999' }), [['input', 'NOT_FOUND', 'Resource matching the identifier was not found.']]);
    assert.deepEqual(await refusal({ email: 'other@example.com' }, { email: 'coded@example.com' }), [['input', 'INPUT_MISMATCH', 'The identifier value does not match the value of the corresponding field in the input.']]);
    assert.deepEqual(await refusal({ firstName: 'NoEmail' }, { email: 'coded@example.com' }), [['input', 'MISSING_FIELD_REQUIRED', 'The input field corresponding to the identifier is required.']]);
    assert.deepEqual(await refusal({ email: 'CODED@example.com', firstName: 'Dup' }), [['input.email', 'TAKEN', 'Email has already been taken']]);
    assert.deepEqual(await refusal({ phone: '202-555-0111', firstName: 'Dup' }), [['input.phone', 'TAKEN', 'Phone has already been taken']]);
    assert.deepEqual(await refusal({ phone: '+1234abcd', firstName: 'Bad' }), [['input.phone', 'INVALID', 'Phone is invalid']]);
    assert.deepEqual(await refusal({ email: '' }), [['input', 'BLANK', 'A name, phone number, or email address must be present']]);
  });

  it('customerAddressUpdate and customerAddressCreate with setAsDefault move the default address and updatedAt, and refuse an unknown customer, another customer\'s address and an unknown address', async () => {
    const [ann, bob] = await admin.seedCustomers(shop.domain, [
      { email: 'ann.address@example.com', firstName: 'Ann', addresses: [{ address1: '1 First St', city: 'Ottawa', countryCode: 'CA', provinceCode: 'ON' }, { address1: '2 Second St', city: 'Lyon', countryCode: 'FR' }] },
      { email: 'bob.address@example.com', firstName: 'Bob', addresses: [{ address1: '9 Other St', city: 'Paris', countryCode: 'FR' }] },
    ]);
    assert.ok(ann && bob);
    const read = async () => (await post('query($id: ID!) { customer(id: $id) { updatedAt defaultAddress { id city province } addressesV2(first: 10) { nodes { id city } } } }', { id: ann.id })).data.customer;
    const updated = (await post(CUSTOMER_ADDRESS_UPDATE, { customerId: ann.id, addressId: ann.addressIds[1], address: { city: 'Montreal', countryCode: 'CA', provinceCode: 'QC' } })).data.customerAddressUpdate;
    assert.deepEqual(updated, { address: { id: ann.addressIds[1] }, userErrors: [] });
    const afterUpdate = await read();
    assert.deepEqual([afterUpdate.defaultAddress.id, afterUpdate.defaultAddress.province], [ann.addressIds[1], 'Quebec']);
    assert.ok(afterUpdate.updatedAt > ann.updatedAt);
    const created = (await post(CUSTOMER_ADDRESS_CREATE, { customerId: ann.id, address: { address1: '3 Third St', city: 'Nice', countryCode: 'FR' } })).data.customerAddressCreate;
    assert.deepEqual(created.userErrors, []);
    const afterCreate = await read();
    assert.equal(afterCreate.defaultAddress.id, created.address.id);
    assert.deepEqual(afterCreate.addressesV2.nodes.map((a: any) => a.city), ['Ottawa', 'Montreal', 'Nice']);
    assert.ok(afterCreate.updatedAt > afterUpdate.updatedAt);
    const again = (await post(CUSTOMER_ADDRESS_CREATE, { customerId: ann.id, address: { address1: '3 Third St', city: 'Nice', countryCode: 'FR' } })).data.customerAddressCreate;
    assert.deepEqual(again.userErrors, [{ field: ['address'], message: 'Address already exists' }]);
    const noCustomer = (await post(CUSTOMER_ADDRESS_CREATE, { customerId: 'gid://shopify/Customer/999999999', address: { city: 'Nowhere' } })).data.customerAddressCreate;
    assert.deepEqual(noCustomer.userErrors, [{ field: ['customerId'], message: 'Customer does not exist' }]);
    const foreign = (await post(CUSTOMER_ADDRESS_UPDATE, { customerId: ann.id, addressId: bob.addressIds[0], address: { city: 'Stolen' } })).data.customerAddressUpdate;
    assert.deepEqual(foreign.userErrors, [{ field: ['addressId'], message: 'Address does not exist' }]);
    const unknown = await post(CUSTOMER_ADDRESS_UPDATE, { customerId: ann.id, addressId: 'gid://shopify/MailingAddress/999999999?model_name=CustomerAddress', address: { city: 'Ghost' } });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'RESOURCE_NOT_FOUND');
    assert.equal(unknown.data.customerAddressUpdate, null);
  });
});
