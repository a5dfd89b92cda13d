import type { ItemRef } from './item-mapping';
import { fromCents, toCents } from './money';
import type { Amount, ShopifyOrder } from './order';
import { pendingTransactionOf, type ShopifyRefund } from './refund';
import { DocumentBuildError, type SalesDocumentDraft, type SalesLineDraft } from './sales-document';
import type { ShopSettings } from './shop-settings';
import { clip } from './text';

type CreditMemoSettings = Pick<
  ShopSettings,
  'currencyHandling' | 'refundAccount' | 'refundAccountNonRestockItems' | 'shippingChargesAccount' | 'soldGiftCardAccount' | 'tipAccount' | 'processReturnsAs'
>;

/** The customers the order's own document was made for: its credit memos go to them too. */
export interface CreditedParty {
  sellToCustomerNo: string;
  billToCustomerNo: string;
}

export type CreditMemoDecision =
  | { kind: 'memo'; draft: SalesDocumentDraft }
  /** Not yet: the refund's money is still moving; the next run looks again. */
  | { kind: 'wait'; reason: string }
  /** Nothing to credit: no money went back and nothing was restocked (an order edit, say). */
  | { kind: 'nothingToCredit'; reason: string }
  /** Made before the order's document, which already leaves its lines out, and with nothing else to credit. */
  | { kind: 'inOrderDocument'; reason: string };

const RESTOCKING = new Set(['RETURN', 'CANCEL', 'LEGACY_RESTOCK']);

/**
 * The credit memo (or return order) a refund made after the order's document becomes (reference 3.6):
 * restocked items as item lines at the location's return location, other refunded items on the
 * non-restock refund account, gift cards and tips on their accounts, refunded shipping on the shipping
 * account, and whatever differs from the money actually returned (Shopify's order adjustments, a
 * refund typed by hand) on the refund account, so the memo's total is what the customer got back.
 * A refund made before the order's document (`coveredByDocument`) credits only what the document
 * could not leave out: its lines and its shipping are already missing from the document (which
 * uses current quantities and current shipping), any difference is not.
 */
export function buildCreditMemo(
  refund: ShopifyRefund,
  order: ShopifyOrder,
  party: CreditedParty,
  items: Map<string, ItemRef>,
  returnLocations: Map<string, string | null>,
  settings: CreditMemoSettings,
  coveredByDocument = false,
): CreditMemoDecision {
  const pending = pendingTransactionOf(refund);
  if (pending) return { kind: 'wait', reason: `refund transaction ${pending.shopifyId} is still pending at ${pending.gateway ?? 'the gateway'}` };
  const pick = (amount: Amount): number => toCents(settings.currencyHandling === 'presentmentCurrency' ? amount.presentment : amount.shop);
  const refunded = pick(refund.totalRefunded);
  const restocked = refund.lines.filter((line) => line.restocked || RESTOCKING.has(line.restockType));
  if (refunded === 0 && restocked.length === 0) return { kind: 'nothingToCredit', reason: 'no money was returned and nothing was restocked' };

  const problems: string[] = [];
  const lines: SalesLineDraft[] = [];
  const add = (line: Omit<SalesLineDraft, 'lineNo'>): void => void lines.push({ ...line, lineNo: (lines.length + 1) * 10000 });
  const onAccount = (account: string | null, setting: string, what: string, amountCents: number, description: string): void => {
    if (amountCents === 0) return;
    if (!account) problems.push(`${what} of ${fromCents(amountCents)}, but the shop has no ${setting}`);
    else add({ type: 'glAccount', no: account, variantCode: null, description, quantity: 1, unitPrice: fromCents(amountCents), lineDiscountAmount: '0.00', shopifyOrderLineId: null });
  };

  let expected = 0;
  for (const line of refund.lines) {
    const orderLine = order.lines.find((candidate) => candidate.shopifyId === line.orderLineId);
    const subtotal = pick(line.subtotal);
    expected += subtotal + (order.taxesIncluded ? 0 : pick(line.tax));
    if (coveredByDocument) continue;
    if (!orderLine) {
      problems.push(`refund line ${line.shopifyId} is for order line ${line.orderLineId}, which order ${order.name} does not have`);
      continue;
    }
    const unitPrice = pick(line.unitPrice);
    const common = {
      description: clip(orderLine.title, 100),
      quantity: line.quantity,
      unitPrice: fromCents(unitPrice),
      lineDiscountAmount: fromCents(Math.max(0, unitPrice * line.quantity - subtotal)),
      shopifyOrderLineId: orderLine.shopifyId,
    };
    if (orderLine.isGiftCard || orderLine.isTip) {
      const [account, setting] = orderLine.isGiftCard ? [settings.soldGiftCardAccount, 'soldGiftCardAccount'] : [settings.tipAccount, 'tipAccount'];
      if (!account) problems.push(`refunded line "${orderLine.title}" is a ${orderLine.isGiftCard ? 'gift card' : 'tip'}, but the shop has no ${setting}`);
      else add({ type: 'glAccount', no: account, variantCode: null, ...common });
    } else if (restocked.includes(line)) {
      const item = items.get(orderLine.shopifyId);
      if (!item) problems.push(`returned line "${orderLine.title}" (SKU ${orderLine.sku ?? 'none'}) is not mapped to an ERP item`);
      else add({ type: 'item', no: item.itemNo, variantCode: item.variantCode, ...common, locationCode: line.locationId ? (returnLocations.get(line.locationId) ?? null) : null });
    } else if (!settings.refundAccountNonRestockItems) {
      problems.push(`refunded line "${orderLine.title}" was not restocked, but the shop has no refundAccountNonRestockItems`);
    } else {
      add({ type: 'glAccount', no: settings.refundAccountNonRestockItems, variantCode: null, ...common });
    }
  }
  const shipping = refund.shippingLines.reduce((sum, line) => sum + pick(line.subtotal), 0);
  expected += shipping + (order.taxesIncluded ? 0 : refund.shippingLines.reduce((sum, line) => sum + pick(line.tax), 0));
  // The document's shipping line is the order's current shipping, which a covered refund's shipping is already out of.
  if (!coveredByDocument) onAccount(settings.shippingChargesAccount, 'shippingChargesAccount', 'refunded shipping', shipping, 'Shipping refund');
  onAccount(settings.refundAccount, 'refundAccount', 'a refund difference', refunded - expected, refund.note ? clip(`Refund: ${refund.note}`, 100) : 'Refund difference');
  if (problems.length > 0) throw new DocumentBuildError(problems.join('; '));
  if (coveredByDocument && lines.length === 0) return { kind: 'inOrderDocument', reason: "the order's document was made after it and leaves its lines and shipping out" };

  const hasReturnedItems = lines.some((line) => line.type === 'item');
  const amount = lines.reduce((sum, line) => sum + toCents(line.unitPrice) * line.quantity - toCents(line.lineDiscountAmount), 0);
  return {
    kind: 'memo',
    draft: {
      type: settings.processReturnsAs === 'returnOrder' && hasReturnedItems ? 'returnOrder' : 'creditMemo',
      sellToCustomerNo: party.sellToCustomerNo,
      billToCustomerNo: party.billToCustomerNo,
      shipToAddress: order.shippingAddress,
      billToAddress: order.billingAddress,
      currencyCode: settings.currencyHandling === 'presentmentCurrency' ? order.presentmentCurrencyCode : order.currencyCode,
      pricesIncludingVat: order.taxesIncluded,
      documentDate: refund.createdAt.slice(0, 10),
      externalDocumentNo: order.poNumber,
      workDescription: refund.note,
      shopifyOrderId: order.shopifyId,
      shopifyOrderNo: order.name,
      shopifyRefundId: refund.shopifyId,
      shopifyCompanyId: order.company?.companyId ?? null,
      shopifyCompanyLocationId: order.company?.locationId ?? null,
      lines,
      invoiceDiscountAmount: '0.00',
      amount: fromCents(amount),
    },
  };
}
