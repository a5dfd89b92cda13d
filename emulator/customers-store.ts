import { readAddressInput, type MailingAddressInput } from './addresses';
import type { Address, CustomerAddress, EmulatedCustomer } from './commerce';
import { BLANK_CUSTOMER, hasIdentity, readCustomerInput, type CustomerChanges, type CustomerInputFields, type FieldProblem } from './customer-inputs';
import { parseGid } from './gid';
import type { EmulatedShop, EmulatorState } from './state';

/** The shop's customers and their addresses: lookups, the plan of a change (validated) and applying it. */

export interface CustomerInput extends CustomerInputFields {
  addresses?: MailingAddressInput[] | null;
}

export interface PlannedAddress {
  existingId?: number;
  fields: Partial<Address>;
}

export interface CustomerPlan {
  changes: CustomerChanges;
  /** The whole new list when the input gives one. */
  addresses?: PlannedAddress[];
}

/** Shopify's customer address ids carry the model they belong to. */
export function addressGid(id: number): string {
  return `gid://shopify/MailingAddress/${id}?model_name=CustomerAddress`;
}

export function parseAddressGid(value: unknown): number | undefined {
  const match = /^gid:\/\/shopify\/MailingAddress\/(\d+)(\?.*)?$/.exec(String(value ?? ''));
  return match ? Number(match[1]) : undefined;
}

export function findCustomer(shop: EmulatedShop, id: unknown): EmulatedCustomer | undefined {
  const numeric = parseGid(id, 'Customer');
  return numeric === undefined ? undefined : shop.customers.find((c) => c.id === numeric);
}

export function customerByEmail(shop: EmulatedShop, email: string): EmulatedCustomer | undefined {
  const wanted = email.toLowerCase();
  return shop.customers.find((c) => c.email?.toLowerCase() === wanted);
}

export function customerByPhone(shop: EmulatedShop, phone: string): EmulatedCustomer | undefined {
  return shop.customers.find((c) => c.phone === phone);
}

const ADDRESS_FIELDS = ['firstName', 'lastName', 'company', 'address1', 'address2', 'city', 'zip', 'province', 'provinceCode', 'countryCode', 'phone'] as const;

export function sameAddress(a: Partial<Address>, b: Partial<Address>): boolean {
  return ADDRESS_FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

function planAddresses(customer: EmulatedCustomer | undefined, inputs: MailingAddressInput[], rejectBlank: boolean, problems: FieldProblem[]): PlannedAddress[] {
  return inputs.map((input, index) => {
    const existingId = input.id === undefined || input.id === null ? undefined : parseAddressGid(input.id);
    const existing = existingId === undefined ? undefined : customer?.addresses.find((a) => a.id === existingId);
    if (input.id !== undefined && input.id !== null && !existing) {
      problems.push({ field: ['addresses', index, 'id'], message: 'Customer address does not exist', code: 'NOT_FOUND' });
    }
    const read = readAddressInput(input, existing);
    problems.push(...read.problems.map((p) => ({ field: ['addresses', index, p.field], message: p.message, code: p.code })));
    if (rejectBlank && !existing && ADDRESS_FIELDS.every((field) => !read.fields[field])) {
      problems.push({ field: ['addresses', index], message: 'Customer address cannot be blank.', code: 'BLANK' });
    }
    return existing ? { existingId: existing.id, fields: read.fields } : { fields: read.fields };
  });
}

/**
 * What an input would change on `existing` (or create), checked as Shopify checks it: each field's own
 * rules, e-mail and phone unique in the shop, and a customer left with a name, e-mail or phone.
 * `addresses: null` leaves the list alone (captured); customerCreate and customerUpdate refuse a blank address.
 */
export function planCustomer(shop: EmulatedShop, input: CustomerInput, existing?: EmulatedCustomer, options: { rejectBlankAddresses?: boolean } = {}): { plan: CustomerPlan } | { problems: FieldProblem[] } {
  const { changes, problems } = readCustomerInput(input);
  if (changes.email) {
    const owner = customerByEmail(shop, changes.email);
    if (owner && owner !== existing) problems.push({ field: ['email'], message: 'Email has already been taken', code: 'TAKEN' });
  }
  if (changes.phone) {
    const owner = customerByPhone(shop, changes.phone);
    if (owner && owner !== existing) problems.push({ field: ['phone'], message: 'Phone has already been taken', code: 'TAKEN' });
  }
  const addresses = input.addresses ? planAddresses(existing, input.addresses, options.rejectBlankAddresses ?? false, problems) : undefined;
  const merged = { email: null, phone: null, firstName: null, lastName: null, ...existing, ...changes };
  if (!hasIdentity(merged)) problems.push({ field: [], message: BLANK_CUSTOMER, code: 'BLANK' });
  return problems.length > 0 ? { problems } : { plan: { changes, ...(addresses ? { addresses } : {}) } };
}

/** A new address of the customer; a name left out is the customer's (captured). */
export function newAddress(state: EmulatorState, shop: EmulatedShop, customer: EmulatedCustomer, fields: Partial<Address>): CustomerAddress {
  const address: CustomerAddress = { id: state.nextId(shop), firstName: null, lastName: null, company: null, address1: null, address2: null, city: null, zip: null, province: null, provinceCode: null, countryCode: null, phone: null };
  Object.assign(address, fields);
  address.firstName ??= customer.firstName;
  address.lastName ??= customer.lastName;
  return address;
}

/**
 * customerSet's list rule (shopify.dev: included entries are created or updated, the others deleted).
 * An entry without id that equals a kept address is that address, so sending the same list again keeps
 * the ids (an assumption: the docs do not say); duplicates in the list make one address (captured).
 * The default stays if it is kept, else the first address becomes it (captured).
 */
function replaceAddresses(shop: EmulatedShop, state: EmulatorState, customer: EmulatedCustomer, planned: PlannedAddress[]): void {
  const kept: CustomerAddress[] = [];
  for (const entry of planned) {
    const existing = entry.existingId === undefined ? undefined : customer.addresses.find((a) => a.id === entry.existingId);
    if (existing) {
      Object.assign(existing, entry.fields);
      if (!kept.includes(existing)) kept.push(existing);
      continue;
    }
    const candidate = newAddress(state, shop, customer, entry.fields);
    if (kept.some((a) => sameAddress(a, candidate))) continue;
    const same = customer.addresses.find((a) => !kept.includes(a) && !planned.some((p) => p.existingId === a.id) && sameAddress(a, candidate));
    kept.push(same ?? candidate);
  }
  customer.addresses = kept.sort((a, b) => a.id - b.id);
  if (!kept.some((a) => a.id === customer.defaultAddressId)) customer.defaultAddressId = kept[0]?.id ?? null;
}

export function applyCustomer(shop: EmulatedShop, state: EmulatorState, existing: EmulatedCustomer | undefined, plan: CustomerPlan): EmulatedCustomer {
  const now = state.now();
  let customer = existing;
  if (!customer) {
    customer = {
      id: state.nextId(shop), email: null, phone: null, firstName: null, lastName: null, note: null, tags: [], taxExempt: false, taxExemptions: [], locale: 'en',
      addresses: [], defaultAddressId: null, createdAt: now, updatedAt: now,
    };
    shop.customers.push(customer);
  }
  Object.assign(customer, plan.changes);
  if (plan.addresses) replaceAddresses(shop, state, customer, plan.addresses);
  customer.updatedAt = now;
  return customer;
}

/** Customers of state files written before addresses had ids, tax exemption and locale. */
export function upgradeStoredCustomer(customer: EmulatedCustomer, nextId: () => number): void {
  const stored = customer as Partial<EmulatedCustomer> & { addresses: Array<Address & { id?: number }> };
  customer.taxExempt = stored.taxExempt ?? false;
  customer.taxExemptions = stored.taxExemptions ?? [];
  customer.locale = stored.locale ?? 'en';
  customer.addresses = stored.addresses.map((a) => ({ ...a, id: a.id ?? nextId() }));
  customer.defaultAddressId = stored.defaultAddressId !== undefined ? stored.defaultAddressId : (customer.addresses[0]?.id ?? null);
}
