import { buildCreditMemo } from '../domain/credit-memo';
import { mapVariant, type ItemRef } from '../domain/item-mapping';
import type { ShopifyOrder } from '../domain/order';
import { DocumentBuildError } from '../domain/sales-document';
import type { ShopSettings } from '../domain/shop-settings';
import { DocumentNumberTakenError } from '../erp/sales-documents';
import type { ShopifyRefundDocument } from '../erp/shopify-refunds';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface CreditMemoCounts {
  /** Credit memos and return orders made. */
  credited: number;
  /** Settled without a document: before the order's document, or nothing to credit. */
  settled: number;
  /** Still open: the order has no document yet, or the refund's money is pending. */
  waiting: number;
  failed: number;
}

type Outcome = keyof CreditMemoCounts | 'skipped';

/**
 * Refunds into credit memos (or return orders), the connector's "Auto Create Credit Memo" (reference
 * 3.6): one document per refund made after the order's own, each keyed by the refund so a retry finds
 * it; a refund that cannot become one stays open with the reason, retried each run.
 */
export function createCreditMemoActivities(deps: ActivityDeps) {
  const { erp } = deps;

  async function itemsOf(order: ShopifyOrder, refund: ShopifyRefundDocument['refund'], settings: ShopSettings): Promise<Map<string, ItemRef>> {
    const items = new Map<string, ItemRef>();
    for (const refundLine of refund.lines) {
      const line = order.lines.find((candidate) => candidate.shopifyId === refundLine.orderLineId);
      if (!line || line.isGiftCard || line.isTip) continue;
      const mapped = await mapVariant(line, settings, erp.items);
      if ('item' in mapped) items.set(line.shopifyId, mapped.item);
    }
    return items;
  }

  async function returnLocations(shop: string): Promise<Map<string, string | null>> {
    return new Map((await erp.locations.list(shop)).map((location) => [location.shopifyId, location.defaultLocationCode]));
  }

  async function processRefund(shop: string, key: string, settings: ShopSettings, locations: Map<string, string | null>): Promise<Outcome> {
    const stored = await erp.refunds.getByKey(key);
    if (!stored || !stored.open) return 'skipped';
    const mirror = await erp.orders.getByKey(stored.orderKey);
    const orderDocument = mirror?.processed ? await erp.salesDocuments.findByOrder(shop, stored.orderId) : null;
    if (!mirror || !orderDocument) {
      await erp.refunds.settle(key, 'new', { reason: `waiting for the sales document of order ${mirror?.name ?? stored.orderId}` });
      return 'waiting';
    }
    const refund = stored.refund;
    // Orders processed before refunds were imported did not record which refunds they covered: their time says.
    const covered = mirror.coveredRefundIds ? mirror.coveredRefundIds.includes(refund.shopifyId) : refund.createdAt < orderDocument.createdAt.toISOString();
    try {
      const party = { sellToCustomerNo: orderDocument.sellToCustomerNo, billToCustomerNo: orderDocument.billToCustomerNo };
      const decision = buildCreditMemo(refund, mirror.order, party, await itemsOf(mirror.order, refund, settings), locations, settings, covered);
      if (decision.kind === 'wait') {
        await erp.refunds.settle(key, 'new', { reason: decision.reason });
        return 'waiting';
      }
      if (decision.kind !== 'memo') {
        await erp.refunds.settle(key, decision.kind, { reason: decision.reason });
        return 'settled';
      }
      const draft = { ...decision.draft, shopifyRefundId: refund.shopifyId };
      const existing = await erp.salesDocuments.findByRefund(shop, draft.shopifyOrderId, draft.shopifyRefundId);
      const no = existing?._id ?? (draft.type === 'returnOrder' ? await erp.numbers.next('salesReturnOrders', 'SRO-') : await erp.numbers.next('salesCreditMemos', 'SCM-'));
      const document = existing ?? (await erp.salesDocuments.createForRefund(shop, no, draft, settings.autoReleaseSalesOrders));
      await erp.refunds.settle(key, 'credited', { documentNo: document._id });
      return 'credited';
    } catch (error) {
      if (error instanceof DocumentBuildError || error instanceof DocumentNumberTakenError) {
        await erp.refunds.settle(key, 'error', { reason: error.message });
        return 'failed';
      }
      throw error;
    }
  }

  return withFailureTypes({
    /** Refunds still to settle, when the shop makes credit memos (none otherwise). */
    async listOpenRefunds(input: { shop: string; afterKey: string | null; limit: number }): Promise<string[]> {
      const { settings } = await erp.shops.get(input.shop);
      if (settings.returnAndRefundProcess !== 'autoCreateCreditMemo') return [];
      return erp.refunds.openKeys(input.shop, input.afterKey, input.limit);
    },

    async createCreditMemosFor(input: { shop: string; keys: string[] }): Promise<CreditMemoCounts> {
      const { settings } = await erp.shops.get(input.shop);
      if (!settings.enabled) throw new ShopDisabledError(`shop ${input.shop} is disabled`);
      const counts: CreditMemoCounts = { credited: 0, settled: 0, waiting: 0, failed: 0 };
      const locations = await returnLocations(input.shop); // read once for the batch
      for (const key of input.keys) {
        await checkpoint(counts);
        const outcome = await processRefund(input.shop, key, settings, locations);
        if (outcome !== 'skipped') counts[outcome] += 1;
      }
      return counts;
    },
  });
}

export type CreditMemoActivities = ReturnType<typeof createCreditMemoActivities>;
