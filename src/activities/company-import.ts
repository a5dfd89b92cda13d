import { Context } from '@temporalio/activity';
import { companyChangedAt, companyExportHash, mainLocation, mapCompany, type ShopifyCompany } from '../domain/company';
import type { CustomerOptions } from '../domain/customer-filters';
import type { ShopSettings } from '../domain/shop-settings';
import type { Erp } from '../erp/db';
import type { ShopifyCompanyDocument } from '../erp/shopify-companies';
import { SyncStateRepository } from '../erp/sync-state';
import type { ShopifyAdminClient } from '../shopify/client';
import { companyFromRaw } from '../shopify/company-mapper';
import { COMPANIES_PAGE_QUERY, COMPANIES_PER_PAGE, COMPANY_BY_ID_QUERY, COMPANY_LOCATIONS_PER_PAGE, COMPANY_MORE_LOCATIONS_QUERY } from '../shopify/documents/companies';
import type { CompanyFieldsFragment, CompanyLocationFieldsFragment } from '../shopify/types/admin.generated';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { prefetchedPages } from './prefetched-pages';
import { checkpoint } from './run-guard';
import { planTwoWay, type TwoWayPlan } from './two-way-plan';

export type CompanySyncPlan = TwoWayPlan;

export interface CompanyImportCounts {
  fetched: number;
  created: number;
  linked: number;
  updated: number;
  refreshed: number;
  unchanged: number;
  unmapped: number;
  notKnown: number;
  requests: number;
}

type Outcome = Exclude<keyof CompanyImportCounts, 'fetched' | 'requests'>;

interface RawCompany extends CompanyFieldsFragment {
  locations: { nodes: CompanyLocationFieldsFragment[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
}

/** A company with all its locations: the first ten came with it, the rest take a request per 50. */
export async function wholeCompany(client: ShopifyAdminClient, raw: RawCompany): Promise<{ company: ShopifyCompany; requests: number }> {
  const locations = [...raw.locations.nodes];
  let requests = 0;
  let page = raw.locations.pageInfo;
  while (page.hasNextPage) {
    const { data } = await client.request(COMPANY_MORE_LOCATIONS_QUERY, { id: raw.id, after: page.endCursor ?? null });
    requests += 1;
    if (!data.company) break;
    locations.push(...data.company.locations.nodes);
    page = data.company.locations.pageInfo;
  }
  return { company: companyFromRaw(raw, locations), requests };
}

/** One company read by id (an order placed for a company the ERP does not know yet). */
export async function fetchCompany(client: ShopifyAdminClient, id: string): Promise<ShopifyCompany | null> {
  const { data } = await client.request(COMPANY_BY_ID_QUERY, { id, locations: COMPANY_LOCATIONS_PER_PAGE });
  return data.company ? (await wholeCompany(client, data.company)).company : null;
}

/**
 * Imports one company: keeps its link or finds its ERP customer by the shop's company mapping type,
 * creates one from its main location when the shop says so, updates the linked one when Shopify may
 * update companies; stores its locations (their overrides kept). Safe to repeat.
 */
export async function importCompany(erp: Erp, shop: string, settings: ShopSettings, company: ShopifyCompany, mirror: ShopifyCompanyDocument | null, onlyKnown: boolean): Promise<Outcome> {
  const changedAt = companyChangedAt(company);
  if (mirror && mirror.shopifyUpdatedAt >= changedAt) return 'unchanged';
  if (onlyKnown && !mirror) return 'notKnown';
  // A company that only stands on the shop's default company is mapped again each time, never updated or exported.
  const linked = mirror?.erpCustomerNo && !mirror.viaDefault && (await erp.customers.get(mirror.erpCustomerNo)) ? mirror.erpCustomerNo : undefined;
  const decision = await mapCompany(company, linked, settings, erp.customers);
  const location = mainLocation(company);
  const address = location?.billingAddress ?? location?.shippingAddress ?? null;
  let customerNo: string | null = null;
  let reason: string | null = null;
  let outcome: Outcome;
  if ('reason' in decision) {
    reason = decision.reason;
    outcome = 'unmapped';
  } else if ('create' in decision) {
    customerNo = await erp.customers.create(decision.create, `${shop}|${company.shopifyId}`);
    outcome = 'created';
  } else {
    customerNo = decision.customerNo;
    outcome = linked ? 'refreshed' : 'linked';
    if (settings.shopifyCanUpdateCompanies && decision.how !== 'default') {
      const contact = [company.mainContact?.firstName, company.mainContact?.lastName].filter(Boolean).join(' ');
      // What the company does not say (no main contact, no address) stays as the ERP has it.
      await erp.customers.update(customerNo, {
        name: company.name,
        contact: contact || undefined,
        email: company.mainContact?.email ?? undefined,
        phone: company.mainContact?.phone ?? undefined,
        address: address ?? undefined,
        taxId: location?.taxRegistrationId ?? undefined,
      });
      outcome = 'updated';
    }
  }
  await erp.shopifyCompanies.saveImported(
    shop,
    {
      shopifyId: company.shopifyId,
      name: company.name,
      externalId: company.externalId,
      mainContactEmail: company.mainContact?.email ?? null,
      shopifyUpdatedAt: changedAt,
      locationIds: company.locations.map((l) => l.shopifyId),
      shopifyHash: mirror?.shopifyHash ?? companyExportHash({ name: company.name, address }),
      viaDefault: 'how' in decision && decision.how === 'default',
    },
    company.locations,
    customerNo,
    reason,
  );
  return outcome;
}

export function createCompanyImportActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    async planCompanySync(input: { shop: string; options: CustomerOptions }): Promise<CompanySyncPlan> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      return planTwoWay(erp, settings, {
        importSetting: { name: 'companyImportFromShopify', value: settings.companyImportFromShopify },
        exportSetting: { name: 'canUpdateShopifyCompanies', value: settings.canUpdateShopifyCompanies },
        noun: 'company',
        cursorKey: SyncStateRepository.key(input.shop, 'companies'),
      }, {}, input.options);
    },

    /** Imports pages of 20 companies with their first 10 locations until done or out of time; safe to retry. */
    async importCompanyPages(step: { shop: string; query: string; onlyKnown: boolean; after: string | null; maxMillis: number }): Promise<CompanyImportCounts & { after: string | null; done: boolean }> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      const client = shopify.forShop(step.shop);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const result = { fetched: 0, created: 0, linked: 0, updated: 0, refreshed: 0, unchanged: 0, unmapped: 0, notKnown: 0, requests: 0, after, done: false };
      const fetchPage = async (from: string | null) =>
        (await client.request(COMPANIES_PAGE_QUERY, { first: COMPANIES_PER_PAGE, after: from, query: step.query, locations: COMPANY_LOCATIONS_PER_PAGE })).data.companies;
      for await (const page of prefetchedPages(fetchPage, after, () => Date.now() - started < step.maxMillis)) {
        result.requests += 1;
        const mirrors = await erp.shopifyCompanies.byIds(step.shop, page.nodes.map((c) => c.id));
        for (const raw of page.nodes) {
          await checkpoint({ after });
          const whole = await wholeCompany(client, raw);
          result.requests += whole.requests;
          result[await importCompany(erp, step.shop, settings, whole.company, mirrors.get(raw.id) ?? null, step.onlyKnown)] += 1;
        }
        result.fetched += page.nodes.length;
        after = page.pageInfo.endCursor ?? null;
        result.after = after;
        result.done = !page.pageInfo.hasNextPage;
      }
      return result;
    },

    async advanceCompanyCursor(input: { shop: string; cursorKey: string; cursor: string }): Promise<void> {
      await checkpoint();
      await erp.syncState.advance(input.cursorKey, input.shop, 'companies', input.cursor);
    },
  });
}

export type CompanyImportActivities = ReturnType<typeof createCompanyImportActivities>;
