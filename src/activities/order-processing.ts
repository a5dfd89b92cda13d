import { locationCustomers } from '../domain/company';
import { mapCustomer } from '../domain/customer-mapping';
import { mapVariant, type ItemRef } from '../domain/item-mapping';
import type { ShopifyOrder } from '../domain/order';
import { buildSalesDocument, documentNumberFromOrderName, DocumentBuildError } from '../domain/sales-document';
import type { ShopSettings } from '../domain/shop-settings';
import type { OrderFilters } from '../erp/shopify-orders';
import { DocumentNumberTakenError } from '../erp/sales-documents';
import {
  DOCUMENT_NO_ATTRIBUTE,
  ORDER_CLOSE,
  ORDER_SET_ATTRIBUTES,
} from '../shopify/documents/orders';
import { fetchCompany, importCompany } from './company-import';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface ProcessCounts {
  processed: number;
  failed: number;
  skipped: number;
}

/** A problem with one order: it stays unprocessed with this message and is retried next run. */
class OrderProblem extends Error {}

export function createOrderProcessingActivities(deps: ActivityDeps) {
  const { erp, shopify } = deps;

  async function linkCustomerMirror(shop: string, order: ShopifyOrder, customerNo: string | null, error: string | null): Promise<void> {
    if (!order.customer) return;
    const { shopifyId, email, phone, firstName, lastName } = order.customer;
    await erp.shopifyCustomers.recordSighting(shop, { shopifyId, email, phone, displayName: [firstName, lastName].filter(Boolean).join(' ') }, customerNo, error);
  }

  async function linkedCustomer(shop: string, order: ShopifyOrder): Promise<string | undefined> {
    if (!order.customer) return undefined;
    return (await erp.shopifyCustomers.get(shop, order.customer.shopifyId))?.erpCustomerNo ?? undefined;
  }

  async function recordVariant(shop: string, line: ShopifyOrder['lines'][number], item: ItemRef | null, error: string | null): Promise<void> {
    if (!line.variantId) return;
    await erp.products.recordFromOrder(shop, { ...line, variantId: line.variantId }, item, error);
  }

  async function mapLines(shop: string, order: ShopifyOrder, settings: ShopSettings): Promise<Map<string, ItemRef>> {
    const items = new Map<string, ItemRef>();
    for (const line of order.lines) {
      if (line.isGiftCard || line.isTip || line.currentQuantity <= 0) continue;
      const mapped = await mapVariant(line, settings, erp.items);
      if ('item' in mapped) {
        items.set(line.shopifyId, mapped.item);
        await recordVariant(shop, line, mapped.item, null);
      } else {
        await recordVariant(shop, line, null, mapped.reason);
      }
    }
    return items;
  }

  async function customerFor(shop: string, order: ShopifyOrder, settings: ShopSettings): Promise<string> {
    const decision = await mapCustomer(order, await linkedCustomer(shop, order), settings, erp.customers);
    if ('reason' in decision) {
      await linkCustomerMirror(shop, order, null, decision.reason);
      throw new OrderProblem(decision.reason);
    }
    if ('create' in decision) {
      const created = await erp.customers.create(decision.create, `${shop} ${order.name}`);
      await linkCustomerMirror(shop, order, created, null);
      return created;
    }
    // The shop's default customer stands in for the buyer without becoming its link.
    if (decision.how !== 'default') await linkCustomerMirror(shop, order, decision.customerNo, null);
    return decision.customerNo;
  }

  /**
   * The customers of a B2B order (reference 3.2): the company location's sell-to and bill-to
   * overrides, else the company's customer; a company not known yet is imported first (as orders
   * bring their customers along); the shop's default company when companies are not imported.
   */
  async function companyCustomersFor(shop: string, order: ShopifyOrder, placedFor: { companyId: string; locationId: string }, settings: ShopSettings): Promise<{ sellTo: string; billTo: string }> {
    const byDefault = (why: string) => {
      if (settings.defaultCompanyNo) return { sellTo: settings.defaultCompanyNo, billTo: settings.defaultCompanyNo };
      throw new OrderProblem(`order ${order.name} is for company ${placedFor.companyId}: ${why}, and the shop has no defaultCompanyNo`);
    };
    if (settings.companyImportFromShopify === 'none') return byDefault('the shop imports no companies');
    let company = await erp.shopifyCompanies.get(shop, placedFor.companyId);
    let location = await erp.shopifyCompanies.location(shop, placedFor.locationId);
    if (!company || !location) {
      const fetched = await fetchCompany(shopify.forShop(shop), placedFor.companyId);
      if (!fetched) return byDefault('the company is not in Shopify any more');
      await importCompany(erp, shop, settings, fetched, company, false);
      company = await erp.shopifyCompanies.get(shop, placedFor.companyId);
      location = await erp.shopifyCompanies.location(shop, placedFor.locationId);
    }
    const customers = locationCustomers(company?.erpCustomerNo ?? null, { sellToCustomerNo: location?.sellToCustomerNo ?? null, billToCustomerNo: location?.billToCustomerNo ?? null });
    return customers ?? byDefault(`company ${company?.name ?? placedFor.companyId} has no ERP customer (${company?.error?.message ?? 'unmapped'})`);
  }

  async function writeBack(shop: string, order: ShopifyOrder, settings: ShopSettings, documentNo: string, type: 'order' | 'invoice'): Promise<void> {
    if (!settings.allowOutgoingRequests) return;
    const client = shopify.forShop(shop);
    if (settings.orderAttributesToShopify && order.customAttributes.find((a) => a.key === DOCUMENT_NO_ATTRIBUTE)?.value !== documentNo) {
      const attributes = [...order.customAttributes.filter((a) => a.key !== DOCUMENT_NO_ATTRIBUTE), { key: DOCUMENT_NO_ATTRIBUTE, value: documentNo }];
      const { data } = await client.request(
        ORDER_SET_ATTRIBUTES,
        { input: { id: order.shopifyId, customAttributes: attributes.map((a) => ({ key: a.key, value: a.value ?? '' })) } },
        { idempotent: true }, // it sets the attributes to a value: sending it twice is the same
      );
      const errors = data.orderUpdate?.userErrors ?? [];
      if (errors.length) throw new OrderProblem(`Shopify refused the document number attribute: ${errors.map((e) => e.message).join('; ')}`);
    }
    const paid = order.financialStatus === 'PAID';
    if (settings.archiveProcessedOrders && type === 'invoice' && order.fulfillmentStatus === 'FULFILLED' && paid && !order.closed) {
      const { data } = await client.request(ORDER_CLOSE, { input: { id: order.shopifyId } }, { idempotent: true });
      const errors = data.orderClose?.userErrors ?? [];
      if (errors.length) throw new OrderProblem(`Shopify refused to archive the order: ${errors.map((e) => e.message).join('; ')}`);
    }
  }

  /** One order → one sales document, or an error on the order saying what is missing. Idempotent. */
  async function processOrder(shop: string, key: string, settings: ShopSettings): Promise<'processed' | 'failed' | 'skipped'> {
    const mirror = await erp.orders.getByKey(key);
    if (!mirror || mirror.processed) return 'skipped';
    const order = mirror.order;
    try {
      const existing = await erp.salesDocuments.findByOrder(shop, order.shopifyId);
      let document = existing;
      if (!document) {
        const customers = order.company ? await companyCustomersFor(shop, order, order.company, settings) : await customerFor(shop, order, settings).then((no) => ({ sellTo: no, billTo: no }));
        const items = await mapLines(shop, order, settings);
        const draft = buildSalesDocument(order, customers.sellTo, items, settings, customers.billTo);
        const no = settings.useShopifyOrderNo ? documentNumberFromOrderName(order.name) : await erp.numbers.next(draft.type === 'invoice' ? 'salesInvoices' : 'salesOrders', draft.type === 'invoice' ? 'SI-' : 'SO-');
        document = await erp.salesDocuments.createForOrder(shop, no, draft, settings.autoReleaseSalesOrders);
      }
      const type = document.type === 'invoice' ? 'invoice' : 'order';
      await writeBack(shop, order, settings, document._id, type);
      await erp.orders.markProcessed(key, { type, no: document._id }, document.sellToCustomerNo, order);
      return 'processed';
    } catch (error) {
      // What is wrong with this order stays on it; anything else (Shopify down or refusing the token,
      // the database) is the run's problem, retried or failed by Temporal.
      if (error instanceof OrderProblem || error instanceof DocumentBuildError || error instanceof DocumentNumberTakenError) {
        await erp.orders.recordError(key, error.message);
        return 'failed';
      }
      throw error;
    }
  }

  return withFailureTypes({
    async listUnprocessedOrders(input: { shop: string; filters: OrderFilters; afterKey: string | null; limit: number }): Promise<string[]> {
      return erp.orders.unprocessedIds(input.shop, input.filters, input.afterKey, input.limit);
    },

    /** Turns each order into a sales document (the connector's report 30103), recording per-order errors. */
    async createSalesDocumentsFor(input: { shop: string; keys: string[] }): Promise<ProcessCounts> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const counts: ProcessCounts = { processed: 0, failed: 0, skipped: 0 };
      for (const key of input.keys) {
        await checkpoint(counts);
        counts[await processOrder(input.shop, key, settings)] += 1;
      }
      return counts;
    },
  });
}

export type OrderProcessingActivities = ReturnType<typeof createOrderProcessingActivities>;
