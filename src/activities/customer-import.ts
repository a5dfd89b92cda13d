import { Context } from '@temporalio/activity';
import { buyerOfCustomer, erpFieldsFromShopify, needsCustomerImport, shopifyBaselineHash, type ShopifyCustomer } from '../domain/customer-fields';
import { customerFilterKey, type CustomerFilters, type CustomerOptions } from '../domain/customer-filters';
import { mapBuyer } from '../domain/customer-mapping';
import type { ShopSettings } from '../domain/shop-settings';
import type { Erp } from '../erp/db';
import type { ShopifyCustomerDocument } from '../erp/shopify-customers';
import { SyncStateRepository } from '../erp/sync-state';
import { customerFromRaw } from '../shopify/customer-mapper';
import { CUSTOMER_ADDRESSES, CUSTOMERS_PAGE_QUERY, CUSTOMERS_PER_PAGE } from '../shopify/documents/customers';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { prefetchedPages } from './prefetched-pages';
import { checkpoint } from './run-guard';
import { planTwoWay, type TwoWayPlan } from './two-way-plan';

/** What a customers run does, from the shop's settings (reference 2.7): import, export, both, or nothing. */
export type CustomerSyncPlan = TwoWayPlan;

export interface CustomerImportCounts {
  fetched: number;
  created: number;
  linked: number;
  updated: number;
  /** Changed in Shopify, already linked, and the ERP customer is not Shopify's to update. */
  refreshed: number;
  unchanged: number;
  unmapped: number;
  /** Customers not known yet while the shop imports only known ones (customerImportFromShopify withOrderImport). */
  notKnown: number;
  requests: number;
}

export interface CustomerImportStep {
  shop: string;
  query: string;
  onlyKnown: boolean;
  after: string | null;
  maxMillis: number;
}

export interface CustomerImportStepResult extends CustomerImportCounts {
  after: string | null;
  done: boolean;
}

type Outcome = 'created' | 'linked' | 'updated' | 'refreshed' | 'unchanged' | 'unmapped' | 'notKnown';

/**
 * Imports one customer: keeps its link or finds its ERP customer by the shop's mapping type, creates
 * one from the template of its country when the shop says so, updates the linked one when Shopify may
 * update customers; an unmapped customer keeps the reason. Safe to repeat: the mirror is an upsert and
 * a created customer is found again by its origin.
 */
export async function importCustomer(erp: Erp, shop: string, settings: ShopSettings, customer: ShopifyCustomer, mirror: ShopifyCustomerDocument | null, onlyKnown: boolean): Promise<Outcome> {
  if (!needsCustomerImport(customer.updatedAt, mirror)) return 'unchanged';
  if (onlyKnown && !mirror) return 'notKnown';
  const linked = mirror?.erpCustomerNo && (await erp.customers.get(mirror.erpCustomerNo)) ? mirror.erpCustomerNo : undefined;
  const decision = await mapBuyer(buyerOfCustomer(customer), linked, settings, erp.customers, false);
  const fields = erpFieldsFromShopify(customer, settings);
  let customerNo: string | null = null;
  let reason: string | null = null;
  let outcome: Outcome;
  if ('reason' in decision) {
    reason = decision.reason;
    outcome = 'unmapped';
  } else if ('create' in decision) {
    customerNo = await erp.customers.create({ ...decision.create, ...fields }, `${shop}|${customer.shopifyId}`);
    outcome = 'created';
  } else {
    customerNo = decision.customerNo;
    outcome = linked ? 'refreshed' : 'linked';
    if (settings.shopifyCanUpdateCustomers) {
      await erp.customers.update(customerNo, fields);
      outcome = 'updated';
    }
  }
  await erp.shopifyCustomers.saveImported(
    shop,
    {
      shopifyId: customer.shopifyId,
      email: customer.email,
      phone: customer.phone,
      displayName: [customer.firstName, customer.lastName].filter(Boolean).join(' ') || (customer.email ?? customer.shopifyId),
      shopifyUpdatedAt: customer.updatedAt,
      defaultAddressId: customer.defaultAddress?.shopifyId ?? null,
      // Once the ERP has sent its values, Shopify's own later edits do not make it send them again.
      shopifyHash: mirror?.shopifyHash ?? shopifyBaselineHash(customer, settings),
    },
    customerNo,
    reason,
  );
  return outcome;
}

export function createCustomerImportActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    async planCustomerSync(input: { shop: string; filters: CustomerFilters; options: CustomerOptions }): Promise<CustomerSyncPlan> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const plan = await planTwoWay(erp, settings, {
        importSetting: { name: 'customerImportFromShopify', value: settings.customerImportFromShopify },
        exportSetting: { name: 'canUpdateShopifyCustomers', value: settings.canUpdateShopifyCustomers },
        noun: 'customer',
        cursorKey: SyncStateRepository.key(input.shop, 'customers', customerFilterKey(input.filters)),
      }, input.filters, input.options);
      if (plan.export && input.filters.customerIds) return { ...plan, export: false, notes: [...plan.notes, 'a run for some customer ids only imports them'] };
      return plan;
    },

    /**
     * Imports pages of customers until done or out of time: one request reads 100 customers with
     * their addresses, and the next page is fetched while this one is stored. Safe to retry:
     * importing a customer again is a no-op, and a retry resumes at the last page reported.
     */
    async importCustomerPages(step: CustomerImportStep): Promise<CustomerImportStepResult> {
      const started = Date.now();
      const { settings } = await erp.shops.get(step.shop);
      const client = shopify.forShop(step.shop);
      const resumed = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after;
      let after = resumed !== undefined ? resumed : step.after;
      const result: CustomerImportStepResult = { fetched: 0, created: 0, linked: 0, updated: 0, refreshed: 0, unchanged: 0, unmapped: 0, notKnown: 0, requests: 0, after, done: false };
      const fetchPage = async (from: string | null) =>
        (await client.request(CUSTOMERS_PAGE_QUERY, { first: CUSTOMERS_PER_PAGE, after: from, query: step.query, addresses: CUSTOMER_ADDRESSES })).data.customers;
      for await (const page of prefetchedPages(fetchPage, after, () => Date.now() - started < step.maxMillis)) {
        result.requests += 1;
        const customers = page.nodes.map(customerFromRaw);
        const mirrors = await erp.shopifyCustomers.byIds(step.shop, customers.map((c) => c.shopifyId));
        for (const customer of customers) {
          await checkpoint({ after }); // the pages before this one are stored: a retry resumes here
          result[await importCustomer(erp, step.shop, settings, customer, mirrors.get(customer.shopifyId) ?? null, step.onlyKnown)] += 1;
        }
        result.fetched += customers.length;
        after = page.pageInfo.endCursor ?? null;
        result.after = after;
        result.done = !page.pageInfo.hasNextPage;
      }
      return result;
    },

    /** Moves the customer cursor to the run's start, once every page of the run is stored. */
    async advanceCustomerCursor(input: { shop: string; cursorKey: string; cursor: string }): Promise<void> {
      await checkpoint();
      await erp.syncState.advance(input.cursorKey, input.shop, 'customers', input.cursor);
    },
  });
}

export type CustomerImportActivities = ReturnType<typeof createCustomerImportActivities>;
