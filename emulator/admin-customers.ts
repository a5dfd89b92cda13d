import { z } from 'zod';
import type { EmulatedCustomer } from './commerce';
import type { FieldProblem } from './customer-inputs';
import { addressGid, applyCustomer, findCustomer, planCustomer } from './customers-store';
import { gid } from './gid';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * The emulator's admin routes for customers: seeding many at once (no rate limit, all or none) and
 * changing one as a merchant would in Shopify's admin. A body of the wrong shape is a 400 naming the
 * field; a customer Shopify would refuse (customerCreate's rules) a 422 naming the record and field.
 */

const text = z.string().max(5000).nullable().optional();
const AddressSeedSchema = z
  .object({
    firstName: text, lastName: text, company: text, address1: text, address2: text, city: text, zip: text, provinceCode: text, phone: text,
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FR').nullable().optional(),
  })
  .strict();
const CustomerFieldsSchema = z
  .object({
    email: text,
    phone: text,
    firstName: text,
    lastName: text,
    note: text,
    tags: z.array(z.string()).max(250).optional(),
    taxExempt: z.boolean().optional(),
    locale: z.string().min(2).max(35).optional(),
    addresses: z.array(AddressSeedSchema).max(250).optional(),
  })
  .strict();
const CustomerSeedSchema = CustomerFieldsSchema.extend({ createdAt: z.iso.datetime().optional(), updatedAt: z.iso.datetime().optional() })
  .strict()
  .refine((c) => !c.createdAt || !c.updatedAt || Date.parse(c.updatedAt) >= Date.parse(c.createdAt), { message: 'updatedAt must not be before createdAt', path: ['updatedAt'] });
export type CustomerSeed = z.input<typeof CustomerSeedSchema>;
export type CustomerChange = z.input<typeof CustomerFieldsSchema>;
const CustomersBodySchema = z.object({ customers: z.array(CustomerSeedSchema).min(1).max(10_000) }).strict();

interface AdminAnswer {
  status: number;
  body: unknown;
}

function badBody(error: z.ZodError): AdminAnswer {
  return { status: 400, body: { errors: error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })) } };
}

function refused(prefix: Array<string | number>, problems: FieldProblem[]): AdminAnswer {
  return { status: 422, body: { errors: problems.map((p) => ({ field: [...prefix, ...p.field].join('.'), message: p.message, code: p.code })) } };
}

/** What the admin API answers for a customer: its ids and what a test compares. */
export function customerView(customer: EmulatedCustomer) {
  return {
    id: gid('Customer', customer.id),
    legacyResourceId: String(customer.id),
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    tags: customer.tags,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    defaultAddressId: customer.defaultAddressId === null ? null : addressGid(customer.defaultAddressId),
    addressIds: customer.addresses.map((a) => addressGid(a.id)),
  };
}

function seedCustomers(state: EmulatorState, shop: EmulatedShop, body: unknown): AdminAnswer {
  const parsed = CustomersBodySchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error);
  const before = shop.customers.length;
  const created: EmulatedCustomer[] = [];
  for (const [index, seed] of parsed.data.customers.entries()) {
    const { createdAt, updatedAt, ...fields } = seed;
    const planned = planCustomer(shop, fields, undefined, { rejectBlankAddresses: true });
    if ('problems' in planned) {
      shop.customers.splice(before);
      return refused(['customers', index], planned.problems);
    }
    const customer = applyCustomer(shop, state, undefined, planned.plan);
    // Stored as toISOString() writes them, so that timestamps compare as text in sorts.
    const stamp = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
    customer.createdAt = stamp(createdAt) ?? stamp(updatedAt) ?? customer.createdAt;
    customer.updatedAt = stamp(updatedAt) ?? stamp(createdAt) ?? customer.updatedAt;
    created.push(customer);
  }
  state.changed();
  return { status: 201, body: { customers: created.map(customerView) } };
}

function changeCustomer(state: EmulatorState, shop: EmulatedShop, customer: EmulatedCustomer, body: unknown): AdminAnswer {
  const parsed = CustomerFieldsSchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error);
  const planned = planCustomer(shop, parsed.data, customer, { rejectBlankAddresses: true });
  if ('problems' in planned) return refused([], planned.problems);
  applyCustomer(shop, state, customer, planned.plan);
  state.changed();
  return { status: 200, body: { customer: customerView(customer) } };
}

/** POST …/customers, GET and PATCH …/customers/<id> (numeric or gid); undefined for any other route. */
export function customerAdminRoute(state: EmulatorState, shop: EmulatedShop, method: string, id: string | undefined, body: unknown): AdminAnswer | undefined {
  if (id === undefined) return method === 'POST' ? seedCustomers(state, shop, body) : undefined;
  if (method !== 'GET' && method !== 'PATCH') return undefined;
  const customer = findCustomer(shop, /^\d+$/.test(id) ? gid('Customer', id) : id);
  if (!customer) return { status: 404, body: { errors: [{ message: `no customer ${id} in ${shop.domain}` }] } };
  return method === 'GET' ? { status: 200, body: { customer: customerView(customer) } } : changeCustomer(state, shop, customer, body);
}
