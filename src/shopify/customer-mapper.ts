import type { ShopifyCustomer, ShopifyCustomerAddress } from '../domain/customer-fields';
import type { RawCustomer } from './documents/customers';

type RawCustomerAddress = NonNullable<RawCustomer['defaultAddress']>;

const text = (value: string | null | undefined): string | null => (value === undefined || value === null || value === '' ? null : value);

function address(raw: RawCustomerAddress): ShopifyCustomerAddress {
  return {
    shopifyId: raw.id,
    firstName: text(raw.firstName), lastName: text(raw.lastName), company: text(raw.company), address1: text(raw.address1), address2: text(raw.address2),
    city: text(raw.city), zip: text(raw.zip), province: text(raw.province), provinceCode: text(raw.provinceCode), countryCode: text(raw.countryCodeV2), phone: text(raw.phone),
  };
}

export function customerFromRaw(raw: RawCustomer): ShopifyCustomer {
  return {
    shopifyId: raw.id,
    firstName: text(raw.firstName),
    lastName: text(raw.lastName),
    email: text(raw.defaultEmailAddress?.emailAddress),
    phone: text(raw.defaultPhoneNumber?.phoneNumber),
    taxExempt: raw.taxExempt,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    defaultAddress: raw.defaultAddress ? address(raw.defaultAddress) : null,
    addresses: raw.addressesV2.nodes.map(address),
  };
}
