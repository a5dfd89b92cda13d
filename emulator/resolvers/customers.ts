import { parseGid } from '../gid';
import type { Address, EmulatedCustomer } from '../commerce';
import type { EmulatedShop, EmulatorState } from '../state';
import type { ResolverModule } from './context';
import { customerObject } from './objects';
import { userError, type UserError } from './user-errors';

export interface CustomerFields {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  tags?: string[];
  addresses?: Array<Partial<Address> & { country?: string | null }>;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function toAddress(input: Partial<Address> & { country?: string | null; countryCode?: string | null }): Address {
  return {
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    company: input.company ?? null,
    address1: input.address1 ?? null,
    address2: input.address2 ?? null,
    city: input.city ?? null,
    zip: input.zip ?? null,
    province: input.province ?? null,
    provinceCode: input.provinceCode ?? null,
    countryCode: input.countryCode ?? (input.country && input.country.length === 2 ? input.country.toUpperCase() : null),
    phone: input.phone ?? null,
  };
}

export function validateCustomer(shop: EmulatedShop, input: CustomerFields, path: string[], exceptId?: number): UserError[] {
  const errors: UserError[] = [];
  if (!input.email && !input.phone && !input.firstName && !input.lastName) {
    errors.push(userError(path, 'A name, phone number, or email address must be present'));
  }
  if (input.email && !EMAIL.test(input.email)) errors.push(userError([...path, 'email'], 'Email is invalid'));
  if (input.email && shop.customers.some((c) => c.id !== exceptId && c.email?.toLowerCase() === input.email?.toLowerCase())) {
    errors.push(userError([...path, 'email'], 'Email has already been taken'));
  }
  return errors;
}

export function createCustomer(shop: EmulatedShop, state: EmulatorState, input: CustomerFields): EmulatedCustomer {
  const now = state.now();
  const customer: EmulatedCustomer = {
    id: state.nextId(shop),
    email: input.email ?? null,
    phone: input.phone ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    note: input.note ?? null,
    tags: input.tags ?? [],
    addresses: (input.addresses ?? []).map(toAddress),
    createdAt: now,
    updatedAt: now,
  };
  shop.customers.push(customer);
  return customer;
}

export const customerResolvers: ResolverModule = {
  query: {
    customer: (args, { shop }) => {
      const customer = shop.customers.find((c) => c.id === parseGid(args.id, 'Customer'));
      return customer ? customerObject(customer) : null;
    },
  },
  mutation: {
    customerCreate: (args, { shop, state }) => {
      const input = args.input as CustomerFields;
      const errors = validateCustomer(shop, input, ['input']);
      if (errors.length) return { customer: null, userErrors: errors };
      return { customer: customerObject(createCustomer(shop, state, input)), userErrors: [] };
    },
  },
};
