import { countryName, provinceName } from '../addresses';
import type { EmulatedCustomer } from '../commerce';
import { applyCustomer, findCustomer, planCustomer, type CustomerInput } from '../customers-store';
import type { FieldProblem } from '../customer-inputs';
import { normalisePhone } from '../phone';
import { expressionMatcher, parseSearchExpression, rewriteTagNot, rewriteTerms, type FieldKinds, type FieldReader } from '../search-query';
import type { EmulatedShop, EmulatorState } from '../state';
import type { ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { customerAddressMutations } from './customer-addresses';
import { customerObject } from './customer-objects';
import { customerSet } from './customer-set';
import { sortedPage, sortKeyOf, type SortValue } from './sorted-page';
import { userError, type UserError } from './user-errors';

const words = (text: string | null) => (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The `customers` query filters of shopify.dev (2026-10) that the emulator's records answer. */
function customerFields(shop: EmulatedShop): Record<string, FieldReader<EmulatedCustomer>> {
  let orderCounts: Map<number, number> | undefined;
  const ordersOf = (c: EmulatedCustomer) => {
    orderCounts ??= shop.orders.reduce((counts, o) => (o.customerId === null ? counts : counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1)), new Map<number, number>());
    return orderCounts.get(c.id) ?? 0;
  };
  return {
    default: (c) => [...words(c.firstName), ...words(c.lastName), ...(c.email ? [c.email, ...words(c.email)] : []), ...(c.phone ? [c.phone, c.phone.slice(1)] : []), ...c.tags],
    email: (c) => c.email,
    phone: (c) => c.phone,
    first_name: (c) => [c.firstName ?? '', ...words(c.firstName)].filter(Boolean),
    last_name: (c) => [c.lastName ?? '', ...words(c.lastName)].filter(Boolean),
    id: (c) => c.id,
    tag: (c) => c.tags,
    country: (c) => c.addresses.flatMap((a) => [a.countryCode ?? '', countryName(a.countryCode) ?? '']).filter(Boolean),
    customer_date: (c) => c.createdAt,
    // Not in 2026-10's list (customer_date is); kept as its alias since older versions documented it.
    created_at: (c) => c.createdAt,
    updated_at: (c) => c.updatedAt,
    orders_count: (c) => ordersOf(c),
    // Customers created through the Admin API have no account: DISABLED (captured).
    state: () => 'disabled',
  };
}

const CUSTOMER_KINDS: FieldKinds = { email: 'tokens', id: 'number', orders_count: 'number', customer_date: 'date', created_at: 'date', updated_at: 'date' };

/** NAME sorts by "last, first" and LOCATION by the default address's country, province and city (captured cursors). */
const CUSTOMER_SORTS: Record<string, (c: EmulatedCustomer) => SortValue> = {
  ID: (c) => c.id,
  RELEVANCE: (c) => c.id,
  CREATED_AT: (c) => c.createdAt,
  UPDATED_AT: (c) => c.updatedAt,
  NAME: (c) => `${c.lastName ?? ''}, ${c.firstName ?? ''}`.toLowerCase(),
  LOCATION: (c) => {
    const address = c.addresses.find((a) => a.id === c.defaultAddressId);
    return address ? [countryName(address.countryCode), provinceName(address.countryCode, address.provinceCode) ?? address.province, address.city].map((v) => (v ?? '').toLowerCase()).join('\u0000') : '';
  },
};

/** A phone searched for in any format finds the E.164 number Shopify stored. */
function searchExpression(query: unknown) {
  return rewriteTerms(rewriteTagNot(parseSearchExpression(typeof query === 'string' ? query : null)), (term) =>
    term.field === 'phone' ? { ...term, values: term.values.map((v) => (v.includes('*') ? v : (normalisePhone(v) ?? v))) } : term,
  );
}

/** customerCreate and customerUpdate answer plain UserErrors: the field without `input`, null for the whole input. */
function plainErrors(problems: FieldProblem[]): UserError[] {
  return problems.map((p) => userError(p.field.length ? p.field : null, p.message));
}

/** orderCreate's `customer.toUpsert` refusals, placed under `path`. */
export function validateCustomer(shop: EmulatedShop, input: CustomerInput, path: string[]): UserError[] {
  const planned = planCustomer(shop, input);
  return 'problems' in planned ? planned.problems.map((p) => userError([...path, ...p.field], p.message)) : [];
}

/** orderCreate's new customer; the caller validated the input first. */
export function createCustomer(shop: EmulatedShop, state: EmulatorState, input: CustomerInput): EmulatedCustomer {
  const planned = planCustomer(shop, input);
  if ('problems' in planned) throw new Error(`invalid customer: ${planned.problems.map((p) => p.message).join('; ')}`);
  return applyCustomer(shop, state, undefined, planned.plan);
}

export const customerResolvers: ResolverModule = {
  query: {
    customer: (args, { shop }) => {
      const customer = findCustomer(shop, args.id);
      return customer ? customerObject(shop, customer) : null;
    },
    customers: (args, { shop }) => {
      const matches = expressionMatcher(searchExpression(args.query), customerFields(shop), CUSTOMER_KINDS);
      return sortedPage(shop.customers.filter(matches), args as ConnectionArgs, sortKeyOf(CUSTOMER_SORTS, args.sortKey), (c) => customerObject(shop, c));
    },
  },
  mutation: {
    customerCreate: (args, { shop, state }) => {
      const input = args.input as CustomerInput & { id?: string | null };
      if (input.id) return { customer: null, userErrors: [userError(['id'], 'Cannot specify ID on creation')] };
      const planned = planCustomer(shop, input, undefined, { rejectBlankAddresses: true });
      if ('problems' in planned) return { customer: null, userErrors: plainErrors(planned.problems) };
      return { customer: customerObject(shop, applyCustomer(shop, state, undefined, planned.plan)), userErrors: [] };
    },
    customerUpdate: (args, { shop, state }) => {
      const input = args.input as CustomerInput & { id?: string | null };
      const customer = findCustomer(shop, input.id);
      if (!customer) return { customer: null, userErrors: [userError(['id'], 'Customer does not exist')] };
      const planned = planCustomer(shop, input, customer, { rejectBlankAddresses: true });
      if ('problems' in planned) return { customer: null, userErrors: plainErrors(planned.problems) };
      return { customer: customerObject(shop, applyCustomer(shop, state, customer, planned.plan)), userErrors: [] };
    },
    customerDelete: (args, { shop }) => {
      const customer = findCustomer(shop, (args.input as { id?: string }).id);
      if (!customer) return { deletedCustomerId: null, userErrors: [userError(['id'], 'Customer does not exist')] };
      // shopify.dev: "You can only delete customers who haven't placed any orders." (the message is assumed)
      if (shop.orders.some((o) => o.customerId === customer.id)) return { deletedCustomerId: null, userErrors: [userError(['id'], 'Customer can’t be deleted because they have existing orders')] };
      shop.customers.splice(shop.customers.indexOf(customer), 1);
      return { deletedCustomerId: `gid://shopify/Customer/${customer.id}`, userErrors: [] };
    },
    customerSet,
    ...customerAddressMutations,
  },
};
