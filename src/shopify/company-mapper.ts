import type { CompanyLocation, ShopifyCompany } from '../domain/company';
import type { OrderAddress } from '../domain/order';
import type { CompanyAddressFieldsFragment, CompanyFieldsFragment, CompanyLocationFieldsFragment } from './types/admin.generated';

const text = (value: string | null | undefined): string | null => (value === undefined || value === null || value === '' ? null : value);

function address(raw: CompanyAddressFieldsFragment | null | undefined): OrderAddress | null {
  if (!raw) return null;
  return {
    firstName: text(raw.firstName), lastName: text(raw.lastName), company: text(raw.companyName), address1: text(raw.address1), address2: text(raw.address2),
    city: text(raw.city), zip: text(raw.zip), provinceCode: text(raw.zoneCode), countryCode: text(raw.countryCode), phone: text(raw.phone),
  };
}

export function companyLocationFromRaw(raw: CompanyLocationFieldsFragment): CompanyLocation {
  return {
    shopifyId: raw.id,
    name: raw.name,
    externalId: text(raw.externalId),
    taxRegistrationId: text(raw.taxSettings?.taxRegistrationId),
    billingAddress: address(raw.billingAddress),
    shippingAddress: address(raw.shippingAddress),
    updatedAt: raw.updatedAt,
  };
}

export function companyFromRaw(raw: CompanyFieldsFragment, locations: CompanyLocationFieldsFragment[]): ShopifyCompany {
  const contact = raw.mainContact;
  return {
    shopifyId: raw.id,
    name: raw.name,
    externalId: text(raw.externalId),
    updatedAt: raw.updatedAt,
    mainContact: contact
      ? {
          contactId: contact.id,
          customerId: contact.customer?.id ?? null,
          email: text(contact.customer?.defaultEmailAddress?.emailAddress),
          phone: text(contact.customer?.defaultPhoneNumber?.phoneNumber),
          firstName: text(contact.customer?.firstName),
          lastName: text(contact.customer?.lastName),
        }
      : null,
    locations: locations.map(companyLocationFromRaw),
  };
}
