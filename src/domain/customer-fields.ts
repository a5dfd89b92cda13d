import { changeHash } from './change-hash';
import type { Buyer } from './customer-mapping';
import type { OrderAddress } from './order';
import type { ShopSettings } from './shop-settings';

/**
 * The fields a customer carries on either side, and how one side's become the other's (reference 2.7:
 * name, name 2 and contact from the shop's name sources, county as code or name).
 */
export interface ShopifyCustomerAddress extends OrderAddress {
  shopifyId: string | null;
  province: string | null;
}

export interface ShopifyCustomer {
  shopifyId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  taxExempt: boolean;
  updatedAt: string;
  createdAt: string;
  defaultAddress: ShopifyCustomerAddress | null;
  addresses: ShopifyCustomerAddress[];
}

export interface ErpCustomerFields {
  name: string;
  name2: string | null;
  contact: string | null;
  email: string | null;
  phone: string | null;
  address: OrderAddress | null;
  county: string | null;
}

type NameSettings = Pick<ShopSettings, 'nameSource' | 'name2Source' | 'contactSource' | 'countySource'>;
type NameSource = ShopSettings['nameSource'];

function personName(first: string | null, last: string | null, order: 'firstAndLastName' | 'lastAndFirstName'): string | null {
  const parts = order === 'firstAndLastName' ? [first, last] : [last, first];
  return parts.filter((part) => part && part.trim()).join(' ') || null;
}

function nameFrom(source: NameSource, customer: ShopifyCustomer): string | null {
  if (source === 'none') return null;
  if (source === 'companyName') return customer.defaultAddress?.company?.trim() || null;
  return personName(customer.firstName, customer.lastName, source);
}

export function buyerOfCustomer(customer: ShopifyCustomer): Buyer {
  return {
    shopifyCustomerId: customer.shopifyId,
    email: customer.email,
    phone: customer.phone ?? customer.defaultAddress?.phone ?? null,
    firstName: customer.firstName,
    lastName: customer.lastName,
    address: customer.defaultAddress ?? customer.addresses[0] ?? null,
    label: `customer ${customer.shopifyId}`,
  };
}

function plainAddress(address: ShopifyCustomerAddress | null): OrderAddress | null {
  if (!address) return null;
  const { shopifyId: _id, province: _province, ...plain } = address;
  return plain;
}

/**
 * An ERP customer's fields from a Shopify customer: the name from nameSource (falling back to the
 * person's name, then the e-mail, so it is never empty), name 2 from name2Source unless it repeats the
 * name, the contact from contactSource, the default (or first) address.
 */
export function erpFieldsFromShopify(customer: ShopifyCustomer, settings: NameSettings): ErpCustomerFields {
  const address = customer.defaultAddress ?? customer.addresses[0] ?? null;
  const person = personName(customer.firstName, customer.lastName, 'firstAndLastName');
  const name = nameFrom(settings.nameSource, customer) ?? person ?? customer.email ?? customer.phone ?? customer.shopifyId;
  const name2 = nameFrom(settings.name2Source, customer);
  return {
    name,
    name2: name2 && name2 !== name ? name2 : null,
    contact: settings.contactSource === 'none' ? null : personName(customer.firstName, customer.lastName, settings.contactSource),
    email: customer.email?.toLowerCase() ?? null,
    phone: customer.phone,
    address: plainAddress(address),
    county: settings.countySource === 'name' ? (address?.province ?? null) : (address?.provinceCode ?? null),
  };
}

/** What the ERP sends to Shopify for a linked customer: the person's names, e-mail, phone, default address. */
export interface ShopifyCustomerUpdate {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  address: {
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    address1: string | null;
    address2: string | null;
    city: string | null;
    zip: string | null;
    provinceCode: string | null;
    countryCode: string | null;
    phone: string | null;
  } | null;
}

function splitContact(contact: string | null, order: ShopSettings['contactSource']): { firstName: string | null; lastName: string | null } {
  const words = (contact ?? '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: null, lastName: words[0] as string };
  // The contact was written as the shop's contactSource says: "Last First" or "First Last".
  if (order === 'lastAndFirstName') return { firstName: words.slice(1).join(' '), lastName: words[0] as string };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] as string };
}

/**
 * A phone as Shopify takes it (E.164: "+" and 8 to 15 digits; "00" counts as "+"), or null: a national
 * number ("06 …") has no country code to add safely, so Shopify keeps what it has rather than refuse
 * the whole customer.
 */
export function e164(phone: string | null | undefined): string | null {
  const trimmed = (phone ?? '').trim();
  const international = trimmed.startsWith('+') ? trimmed.slice(1) : trimmed.startsWith('00') ? trimmed.slice(2) : null;
  if (international === null) return null;
  const digits = international.replace(/[\s().-]/g, '');
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
}

/**
 * The Shopify fields of an ERP customer. The person's name is the contact (or the address's names);
 * the company on the address is the ERP name when the shop names customers by company and that name
 * is not the person's own.
 */
export function shopifyFieldsFromErp(customer: ErpCustomerFields, settings: Pick<ShopSettings, 'nameSource' | 'contactSource'>): ShopifyCustomerUpdate {
  const person = customer.contact ? splitContact(customer.contact, settings.contactSource) : { firstName: customer.address?.firstName ?? null, lastName: customer.address?.lastName ?? null };
  const address = customer.address;
  const fullName = [person.firstName, person.lastName].filter(Boolean).join(' ');
  const company = settings.nameSource === 'companyName' && customer.name !== customer.contact && customer.name !== fullName ? customer.name : (address?.company ?? null);
  return {
    ...person,
    email: customer.email?.toLowerCase() ?? null,
    phone: e164(customer.phone),
    address: address
      ? {
          firstName: address.firstName ?? person.firstName,
          lastName: address.lastName ?? person.lastName,
          company,
          address1: address.address1,
          address2: address.address2,
          city: address.city,
          zip: address.zip,
          provinceCode: address.provinceCode,
          countryCode: address.countryCode,
          phone: e164(address.phone),
        }
      : null,
  };
}

/**
 * What Shopify has, in the ERP's terms: the fields the ERP would send had it taken this customer
 * as imported. A first link to an ERP customer with the same values sends nothing.
 */
export function shopifyBaselineHash(customer: ShopifyCustomer, settings: NameSettings): string {
  return customerFieldsHash(shopifyFieldsFromErp(erpFieldsFromShopify(customer, settings), settings));
}

export function customerFieldsHash(fields: ShopifyCustomerUpdate): string {
  return changeHash(fields);
}

/** A customer is read again only when Shopify changed it since the last import. */
export function needsCustomerImport(updatedAt: string, mirror: { shopifyUpdatedAt?: string | null } | null): boolean {
  return !mirror?.shopifyUpdatedAt || mirror.shopifyUpdatedAt < updatedAt;
}
