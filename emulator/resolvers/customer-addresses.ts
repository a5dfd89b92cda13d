import { readAddressInput, type AddressProblem, type MailingAddressInput } from '../addresses';
import type { CustomerAddress, EmulatedCustomer } from '../commerce';
import { addressGid, findCustomer, newAddress, parseAddressGid, sameAddress } from '../customers-store';
import type { EmulatedShop } from '../state';
import { ShopifyGraphQLError, type RootResolver } from './context';
import { customerAddressObject, customerObject } from './customer-objects';
import { userError, type UserError } from './user-errors';

/**
 * A customer's addresses one at a time (plain UserErrors). Refusals as captured from Shopify: an
 * address id of no customer is a top-level RESOURCE_NOT_FOUND error, one of another customer
 * "Address does not exist", an unknown customer "Customer does not exist".
 */

function locate(shop: EmulatedShop, customerId: unknown, addressId: unknown): { customer: EmulatedCustomer; address: CustomerAddress } | { error: UserError } {
  const numeric = parseAddressGid(addressId);
  const owner = numeric === undefined ? undefined : shop.customers.find((c) => c.addresses.some((a) => a.id === numeric));
  if (!owner) throw new ShopifyGraphQLError(`Invalid id: ${String(addressId)}`, 'RESOURCE_NOT_FOUND');
  const customer = findCustomer(shop, customerId);
  if (!customer) return { error: userError(['customerId'], 'Customer does not exist') };
  if (customer !== owner) return { error: userError(['addressId'], 'Address does not exist') };
  return { customer, address: customer.addresses.find((a) => a.id === numeric) as CustomerAddress };
}

const addressErrors = (problems: AddressProblem[]) => problems.map((p) => userError(['address', p.field], p.message));

export const customerAddressMutations: Record<string, RootResolver> = {
  customerAddressCreate: (args, { shop, state }) => {
    const customer = findCustomer(shop, args.customerId);
    if (!customer) return { address: null, userErrors: [userError(['customerId'], 'Customer does not exist')] };
    const read = readAddressInput(args.address as MailingAddressInput);
    if (read.problems.length) return { address: null, userErrors: addressErrors(read.problems) };
    const address = newAddress(state, shop, customer, read.fields);
    if (customer.addresses.some((a) => sameAddress(a, address))) return { address: null, userErrors: [userError(['address'], 'Address already exists')] };
    customer.addresses.push(address);
    // The first address is the default whatever setAsDefault says (an assumption: the docs are silent).
    if (args.setAsDefault === true || customer.defaultAddressId === null) customer.defaultAddressId = address.id;
    customer.updatedAt = state.now();
    return { address: customerAddressObject(address), userErrors: [] };
  },
  customerAddressUpdate: (args, { shop, state }) => {
    const found = locate(shop, args.customerId, args.addressId);
    if ('error' in found) return { address: null, userErrors: [found.error] };
    const input = args.address as MailingAddressInput;
    if ('id' in input && parseAddressGid(input.id) !== found.address.id) {
      return { address: null, userErrors: [userError(['addressId'], 'The id of the address does not match the id in the input')] };
    }
    const read = readAddressInput(input, found.address);
    if (read.problems.length) return { address: null, userErrors: addressErrors(read.problems) };
    Object.assign(found.address, read.fields);
    if (args.setAsDefault === true) found.customer.defaultAddressId = found.address.id;
    found.customer.updatedAt = state.now();
    return { address: customerAddressObject(found.address), userErrors: [] };
  },
  customerAddressDelete: (args, { shop, state }) => {
    const found = locate(shop, args.customerId, args.addressId);
    if ('error' in found) return { deletedAddressId: null, userErrors: [found.error] };
    const { customer, address } = found;
    customer.addresses = customer.addresses.filter((a) => a !== address);
    // Deleting the default makes the next address the default (captured).
    if (customer.defaultAddressId === address.id) customer.defaultAddressId = customer.addresses[0]?.id ?? null;
    customer.updatedAt = state.now();
    return { deletedAddressId: addressGid(address.id), userErrors: [] };
  },
  customerUpdateDefaultAddress: (args, { shop, state }) => {
    const found = locate(shop, args.customerId, args.addressId);
    // Another customer's address leaves the default as it is, without a user error (captured).
    const customer = findCustomer(shop, args.customerId);
    if ('error' in found && found.error.field?.[0] === 'addressId' && customer) return { customer: customerObject(shop, customer), userErrors: [] };
    if ('error' in found) return { customer: null, userErrors: [found.error] };
    found.customer.defaultAddressId = found.address.id;
    found.customer.updatedAt = state.now();
    return { customer: customerObject(shop, found.customer), userErrors: [] };
  },
};
