import { changeHash } from './change-hash';
import { customerTemplateFor, phoneDigits, type NewCustomer } from './customer-mapping';
import type { OrderAddress } from './order';
import type { ShopSettings } from './shop-settings';

/**
 * B2B companies (reference 2.8 and 3.2): a company with its locations and main contact, which ERP
 * customer it is, and what the ERP sends back. The company's customer is found by the shop's company
 * mapping type; a location may carry its own sell-to and bill-to customers.
 */
export interface CompanyLocation {
  shopifyId: string;
  name: string;
  externalId: string | null;
  taxRegistrationId: string | null;
  billingAddress: OrderAddress | null;
  shippingAddress: OrderAddress | null;
  updatedAt: string;
}

export interface ShopifyCompany {
  shopifyId: string;
  name: string;
  externalId: string | null;
  updatedAt: string;
  mainContact: { contactId: string; customerId: string | null; email: string | null; phone: string | null; firstName: string | null; lastName: string | null } | null;
  locations: CompanyLocation[];
}

export interface CompanyLookups {
  byEmail(email: string): Promise<string | undefined>;
  byPhoneDigits(digits: string): Promise<string | undefined>;
  byTaxId(taxId: string): Promise<string | undefined>;
}

export type CompanyDecision = { customerNo: string; how: 'linked' | 'email' | 'phone' | 'taxId' | 'default' } | { create: NewCustomer & { taxId: string | null } } | { reason: string };

type CompanySettings = Pick<
  ShopSettings,
  'companyMappingType' | 'autoCreateUnknownCompanies' | 'defaultCompanyNo' | 'customerTemplateCode' | 'customerTemplatesByCountry'
>;

/** The latest change of the company or any of its locations: a location edit does not always touch the company. */
export function companyChangedAt(company: ShopifyCompany): string {
  return [company.updatedAt, ...company.locations.map((location) => location.updatedAt)].reduce((latest, at) => (at > latest ? at : latest));
}

/** A tax id as a lookup key: letters and digits only, upper case ("FR 12 345" and "fr12345" are one). */
export function taxIdKey(taxId: string | null | undefined): string | undefined {
  const key = (taxId ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return key.length >= 4 ? key : undefined;
}

/** The location a company is known by: the first one (the connector makes the customer from it). */
export function mainLocation(company: ShopifyCompany): CompanyLocation | undefined {
  return company.locations[0];
}

/** Which ERP customer a company is: its link, then the shop's company mapping type, then a new one when allowed. */
export async function mapCompany(company: ShopifyCompany, linkedCustomerNo: string | undefined, settings: CompanySettings, lookups: CompanyLookups): Promise<CompanyDecision> {
  if (linkedCustomerNo) return { customerNo: linkedCustomerNo, how: 'linked' };
  const location = mainLocation(company);
  if (settings.companyMappingType === 'defaultCompany') {
    return settings.defaultCompanyNo ? { customerNo: settings.defaultCompanyNo, how: 'default' } : { reason: 'companyMappingType is defaultCompany but defaultCompanyNo is not set' };
  }
  const contact = company.mainContact;
  if (settings.companyMappingType === 'byTaxId') {
    const key = taxIdKey(location?.taxRegistrationId);
    const found = key ? await lookups.byTaxId(key) : undefined;
    if (found) return { customerNo: found, how: 'taxId' };
  } else {
    const byEmail = contact?.email ? await lookups.byEmail(contact.email.toLowerCase()) : undefined;
    if (byEmail) return { customerNo: byEmail, how: 'email' };
    const digits = phoneDigits(contact?.phone);
    const byPhone = digits ? await lookups.byPhoneDigits(digits) : undefined;
    if (byPhone) return { customerNo: byPhone, how: 'phone' };
  }
  const address = location?.billingAddress ?? location?.shippingAddress ?? null;
  if (settings.autoCreateUnknownCompanies) {
    return {
      create: {
        name: company.name,
        email: contact?.email?.toLowerCase() ?? null,
        phone: contact?.phone ?? null,
        address,
        templateCode: customerTemplateFor(settings, address?.countryCode),
        taxId: location?.taxRegistrationId ?? null,
      },
    };
  }
  const by = settings.companyMappingType === 'byTaxId' ? `tax id ${location?.taxRegistrationId ?? '(none)'}` : `main contact ${contact?.email ?? contact?.phone ?? '(none)'}`;
  return { reason: `no ERP customer matches company ${company.name} by ${by} (${settings.companyMappingType}); link one, or turn on autoCreateUnknownCompanies` };
}

/**
 * The customers a company location's orders go to (reference 3.2, B2B): both overrides as set; only
 * sell-to set: it is bill-to too; neither: the company's customer.
 */
export function locationCustomers(companyCustomerNo: string | null, overrides: { sellToCustomerNo: string | null; billToCustomerNo: string | null }): { sellTo: string; billTo: string } | null {
  const sellTo = overrides.sellToCustomerNo ?? companyCustomerNo;
  if (!sellTo) return null;
  return { sellTo, billTo: overrides.billToCustomerNo ?? sellTo };
}

/** What the ERP sends for a linked company: its name, and its main location's billing address and tax id. */
export interface CompanyExport {
  name: string;
  address: OrderAddress | null;
}

/** Compared on the name and the address lines the ERP owns (Shopify fills the recipient and company name itself). */
export function companyExportHash(fields: CompanyExport): string {
  const a = fields.address;
  return changeHash({ name: fields.name, address: a ? { address1: a.address1, address2: a.address2, city: a.city, zip: a.zip, countryCode: a.countryCode } : null });
}
