import { companyExportHash, type CompanyExport } from '../domain/company';
import { e164 } from '../domain/customer-fields';
import type { OrderAddress } from '../domain/order';
import type { ShopSettings } from '../domain/shop-settings';
import type { CustomerDocument } from '../erp/customers';
import type { ShopifyCompanyDocument } from '../erp/shopify-companies';
import type { ShopifyAdminClient } from '../shopify/client';
import {
  CATALOG_CREATE,
  COMPANIES_BY_EXTERNAL_ID_QUERY,
  COMPANY_CONTACT_ASSIGN_ROLES,
  COMPANY_CONTACT_REVOKE_ROLES,
  COMPANY_CREATE,
  COMPANY_LOCATION_ASSIGN_ADDRESS,
  COMPANY_LOCATION_CATALOGS_QUERY,
  COMPANY_LOCATIONS_PER_PAGE,
  COMPANY_UPDATE,
  PRICE_LIST_CREATE,
  PUBLICATION_CREATE,
} from '../shopify/documents/companies';
import type { CompanyAddressInput, CountryCode, CurrencyCode } from '../shopify/types/admin.types';
import { wholeCompany } from './company-import';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { exportLinkedStep, type LinkedExportCounts } from './linked-export';
import { checkpoint } from './run-guard';

export type CompanyExportCounts = LinkedExportCounts;

export interface AddCompaniesCounts {
  added: number;
  alreadyInShopify: number;
  catalogsCreated: number;
  skipped: number;
  requests: number;
}

class CompanyRefused extends Error {}

const RECORD_TYPE = 'company';
const ROLE_NAMES = { locationAdmin: 'Location admin' } as const;

function refusal(what: string, errors: ReadonlyArray<{ field?: string[] | null; message: string }>): CompanyRefused {
  return new CompanyRefused(`Shopify refused the ${what}: ${errors.map((e) => `${(e.field ?? []).join('.') || what}: ${e.message}`).join('; ')}`);
}

function companyAddress(address: OrderAddress): CompanyAddressInput {
  return {
    address1: address.address1, address2: address.address2, city: address.city, zip: address.zip, zoneCode: address.provinceCode, phone: e164(address.phone),
    firstName: address.firstName, lastName: address.lastName,
    ...(address.countryCode && /^[A-Z]{2}$/.test(address.countryCode) ? { countryCode: address.countryCode as CountryCode } : {}),
  };
}

function exportOf(customer: CustomerDocument): CompanyExport {
  return { name: customer.name, address: customer.address };
}

export function createCompanyExportActivities({ erp, shopify }: ActivityDeps) {
  async function exportOne(client: ShopifyAdminClient, shop: string, company: ShopifyCompanyDocument, customer: CustomerDocument | undefined, counts: CompanyExportCounts): Promise<void> {
    if (!customer || customer.blocked) {
      counts.skipped += 1;
      return;
    }
    const fields = exportOf(customer);
    const hash = companyExportHash(fields);
    if (hash === company.shopifyHash) {
      counts.unchanged += 1;
      return;
    }
    try {
      const updated = await client.request(COMPANY_UPDATE, { companyId: company.shopifyId, input: { name: fields.name } }, { idempotent: true });
      counts.requests += 1;
      if (updated.data.companyUpdate?.userErrors.length) throw refusal('company', updated.data.companyUpdate.userErrors);
      const mainLocationId = company.locationIds[0];
      if (fields.address && mainLocationId) {
        const assigned = await client.request(COMPANY_LOCATION_ASSIGN_ADDRESS, { locationId: mainLocationId, address: companyAddress(fields.address), addressTypes: ['BILLING'] }, { idempotent: true });
        counts.requests += 1;
        if (assigned.data.companyLocationAssignAddress?.userErrors.length) throw refusal('company location address', assigned.data.companyLocationAssignAddress.userErrors);
      }
      await erp.shopifyCompanies.markSent(shop, company.shopifyId, hash);
      await erp.skipped.clear(shop, RECORD_TYPE, company.shopifyId);
      counts.sent += 1;
    } catch (error) {
      if (!(error instanceof CompanyRefused)) throw error;
      await erp.shopifyCompanies.recordError(shop, company.shopifyId, error.message);
      await erp.skipped.record(shop, RECORD_TYPE, company.shopifyId, error.message);
      counts.failed += 1;
    }
  }

  /** The catalog of a new company's location, with its publication and a price list in the shop's currency (autoCreateCatalog). */
  async function createCatalog(client: ShopifyAdminClient, name: string, locationId: string, currency: string, counts: AddCompaniesCounts): Promise<void> {
    const existing = await client.request(COMPANY_LOCATION_CATALOGS_QUERY, { id: locationId });
    counts.requests += 1;
    if (existing.data.companyLocation?.catalogs.nodes.length) return;
    const catalog = await client.request(CATALOG_CREATE, { input: { title: name, status: 'ACTIVE', context: { companyLocationIds: [locationId] } } });
    counts.requests += 1;
    const catalogId = catalog.data.catalogCreate?.catalog?.id;
    if (!catalogId) throw refusal('catalog', catalog.data.catalogCreate?.userErrors ?? []);
    const publication = await client.request(PUBLICATION_CREATE, { input: { catalogId, autoPublish: false, defaultState: 'EMPTY' } });
    const priceList = await client.request(PRICE_LIST_CREATE, { input: { name: `${name} ${catalogId.slice(catalogId.lastIndexOf('/') + 1)}`, currency: currency as CurrencyCode, catalogId, parent: { adjustment: { type: 'PERCENTAGE_DECREASE', value: 0 } } } });
    counts.requests += 2;
    const problems = [...(publication.data.publicationCreate?.userErrors ?? []), ...(priceList.data.priceListCreate?.userErrors ?? [])];
    if (problems.length) throw refusal('catalog', problems);
    counts.catalogsCreated += 1;
  }

  /**
   * Adds one ERP customer to Shopify as a company (the connector's report 30113): the company (its
   * external id is the customer number, so a retry finds it), its location with the customer's address
   * and tax id, its main contact (the customer's e-mail is required) with the shop's default permission,
   * and a catalog with a price list when `autoCreateCatalog` is on.
   */
  async function addOne(client: ShopifyAdminClient, shop: string, settings: ShopSettings, currency: string | null, no: string, counts: AddCompaniesCounts): Promise<void> {
    const customer = await erp.customers.get(no);
    const skip = async (reason: string) => {
      await erp.skipped.record(shop, RECORD_TYPE, no, reason);
      counts.skipped += 1;
    };
    if (!customer) return skip(`not added to Shopify: customer ${no} does not exist`);
    if (!customer.email) return skip(`not added to Shopify as a company: customer ${no} has no e-mail for its main contact`);
    if (await erp.shopifyCompanies.linkedTo(shop, no)) {
      counts.alreadyInShopify += 1;
      return;
    }
    const found = await client.request(COMPANIES_BY_EXTERNAL_ID_QUERY, { query: `external_id:"${no.replace(/["\\]/g, '')}"`, locations: COMPANY_LOCATIONS_PER_PAGE });
    counts.requests += 1;
    let raw = found.data.companies.nodes[0];
    // A company found by its external id was made by an earlier attempt: its steps are done again (each is idempotent).
    let roles: Array<{ id: string; name: string }> = raw?.contactRoles.nodes ?? [];
    if (raw) {
      counts.alreadyInShopify += 1;
    } else {
      const [firstName, ...rest] = (customer.contact ?? '').split(/\s+/).filter(Boolean);
      const created = await client.request(COMPANY_CREATE, {
        input: {
          company: { name: customer.name, externalId: no },
          companyContact: { email: customer.email, firstName: firstName ?? null, lastName: rest.join(' ') || null, phone: e164(customer.phone) },
          companyLocation: { name: customer.name, ...(customer.address ? { billingAddress: companyAddress(customer.address), billingSameAsShipping: true } : {}), ...(customer.taxId ? { taxRegistrationId: customer.taxId } : {}) },
        },
        locations: COMPANY_LOCATIONS_PER_PAGE,
      });
      counts.requests += 1;
      const company = created.data.companyCreate?.company;
      if (!company) return skip(`not added to Shopify: ${refusal('company', created.data.companyCreate?.userErrors ?? []).message}`);
      raw = company;
      roles = company.contactRoles.nodes;
      counts.added += 1;
    }
    const whole = await wholeCompany(client, raw);
    counts.requests += whole.requests;
    const location = whole.company.locations[0];
    const contactId = whole.company.mainContact?.contactId;
    try {
      // Shopify gives a new main contact "Ordering only" at the new location; another permission replaces it.
      if (roles.length && contactId && location && settings.defaultContactPermission !== 'orderingOnly') {
        const revoked = await client.request(COMPANY_CONTACT_REVOKE_ROLES, { companyContactId: contactId }, { idempotent: true });
        counts.requests += 1;
        if (revoked.data.companyContactRevokeRoles?.userErrors.length) throw refusal('contact role', revoked.data.companyContactRevokeRoles.userErrors);
        const admin = roles.find((r) => r.name === ROLE_NAMES.locationAdmin);
        if (settings.defaultContactPermission === 'locationAdmin' && admin) {
          const assigned = await client.request(COMPANY_CONTACT_ASSIGN_ROLES, { companyContactId: contactId, rolesToAssign: [{ companyContactRoleId: admin.id, companyLocationId: location.shopifyId }] });
          counts.requests += 1;
          if (assigned.data.companyContactAssignRoles?.userErrors.length) throw refusal('contact role', assigned.data.companyContactAssignRoles.userErrors);
        }
      }
      if (settings.autoCreateCatalog && location && currency) await createCatalog(client, customer.name, location.shopifyId, currency, counts);
    } catch (error) {
      if (!(error instanceof CompanyRefused)) throw error;
      await erp.skipped.record(shop, RECORD_TYPE, no, `added to Shopify, but: ${error.message}`);
    }
    const mirror = await erp.shopifyCompanies.get(shop, whole.company.shopifyId);
    if (mirror?.erpCustomerNo !== no) {
      await erp.shopifyCompanies.saveImported(shop, {
        shopifyId: whole.company.shopifyId, name: whole.company.name, externalId: no, mainContactEmail: whole.company.mainContact?.email ?? null,
        shopifyUpdatedAt: whole.company.updatedAt, locationIds: whole.company.locations.map((l) => l.shopifyId), shopifyHash: companyExportHash(exportOf(customer)),
      }, whole.company.locations, no, null);
    }
  }

  async function enabledSettings(shop: string) {
    const record = await erp.shops.get(shop);
    if (!record.settings.enabled) throw new ShopDisabledError(`shop ${shop} is disabled`);
    return record;
  }

  return withFailureTypes({
    /** Sends linked companies whose ERP customer changed (name, main location's address), until done or out of time. */
    async pushCompanyChanges(step: { shop: string; afterKey: string | null; maxMillis: number }): Promise<CompanyExportCounts & { afterKey: string | null; done: boolean }> {
      await enabledSettings(step.shop);
      const client = shopify.forShop(step.shop);
      return exportLinkedStep(erp, step, (afterKey) => erp.shopifyCompanies.linked(step.shop, afterKey), (company, customer, counts) => exportOne(client, step.shop, company, customer, counts));
    },

    /** "Add companies to Shopify": each named ERP customer becomes a company, once. */
    async addCompaniesToShopify(input: { shop: string; customerNos: string[] }): Promise<AddCompaniesCounts> {
      const { settings, shopInfo } = await enabledSettings(input.shop);
      const client = shopify.forShop(input.shop);
      const counts: AddCompaniesCounts = { added: 0, alreadyInShopify: 0, catalogsCreated: 0, skipped: 0, requests: 0 };
      for (const no of input.customerNos) {
        await checkpoint(counts);
        if (!settings.allowOutgoingRequests) {
          await erp.skipped.record(input.shop, RECORD_TYPE, no, 'not added to Shopify: the shop has allowOutgoingRequests off');
          counts.skipped += 1;
          continue;
        }
        await addOne(client, input.shop, settings, settings.currencyCode ?? shopInfo?.currencyCode ?? null, no, counts);
      }
      return counts;
    },
  });
}

export type CompanyExportActivities = ReturnType<typeof createCompanyExportActivities>;
