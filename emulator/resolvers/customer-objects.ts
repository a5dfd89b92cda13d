import { addressView } from '../addresses';
import type { CustomerAddress, EmulatedCustomer } from '../commerce';
import { addressGid } from '../customers-store';
import { gid } from '../gid';
import { displayPhone } from '../phone';
import type { EmulatedShop } from '../state';
import { paginate, type ConnectionArgs } from './connection';

/** Customers and their addresses as the Admin API shows them. */

export function customerAddressObject(address: CustomerAddress) {
  return { ...addressView(address), id: addressGid(address.id) };
}

/** displayName: the names, else the e-mail, else the phone (shopify.dev, Customer.displayName). */
export function displayName(customer: EmulatedCustomer): string {
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email || (customer.phone ? displayPhone(customer.phone) : '');
}

export function customerObject(shop: EmulatedShop, customer: EmulatedCustomer) {
  const defaultAddress = customer.addresses.find((a) => a.id === customer.defaultAddressId);
  const orders = () => shop.orders.filter((o) => o.customerId === customer.id).length;
  return {
    __typename: 'Customer',
    id: gid('Customer', customer.id),
    legacyResourceId: String(customer.id),
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: displayName(customer),
    note: customer.note,
    tags: customer.tags,
    taxExempt: customer.taxExempt,
    taxExemptions: customer.taxExemptions,
    locale: customer.locale,
    // Created through the Admin API: no account invitation, e-mail taken as verified (shopify.dev, Customer.verifiedEmail).
    state: 'DISABLED',
    verifiedEmail: true,
    validEmailAddress: !!customer.email,
    dataSaleOptOut: false,
    multipassIdentifier: null,
    numberOfOrders: () => String(orders()),
    canDelete: () => orders() === 0,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    defaultEmailAddress: customer.email
      ? { emailAddress: customer.email, marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, marketingUpdatedAt: null, validFormat: true, openTrackingLevel: 'UNKNOWN', sourceLocation: null }
      : null,
    defaultPhoneNumber: customer.phone
      ? { phoneNumber: customer.phone, marketingState: 'NOT_SUBSCRIBED', marketingOptInLevel: null, marketingUpdatedAt: null, marketingCollectedFrom: null, sourceLocation: null }
      : null,
    defaultAddress: defaultAddress ? customerAddressObject(defaultAddress) : null,
    addresses: (args: { first?: number | null }) => customer.addresses.slice(0, args.first ?? 250).map(customerAddressObject),
    addressesV2: (args: ConnectionArgs) => paginate(customer.addresses.map(customerAddressObject), args, (a) => a.id),
  };
}
