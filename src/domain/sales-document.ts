import type { ItemRef } from './item-mapping';
import { fromCents, toCents } from './money';
import type { Amount, OrderAddress, ShopifyOrder } from './order';
import type { ShopSettings } from './shop-settings';
import { clip } from './text';

/** Orders and invoices come from Shopify orders; credit memos and return orders from refunds made after them. */
export type SalesDocumentType = 'order' | 'invoice' | 'creditMemo' | 'returnOrder';

export interface SalesLineDraft {
  lineNo: number;
  type: 'item' | 'glAccount' | 'comment';
  no: string | null;
  variantCode: string | null;
  description: string;
  quantity: number;
  unitPrice: string;
  lineDiscountAmount: string;
  shopifyOrderLineId: string | null;
  /** Where a returned item goes back to (credit memos and return orders). */
  locationCode?: string | null;
}

export interface SalesDocumentDraft {
  type: SalesDocumentType;
  sellToCustomerNo: string;
  billToCustomerNo: string;
  shipToAddress: OrderAddress | null;
  billToAddress: OrderAddress | null;
  currencyCode: string;
  pricesIncludingVat: boolean;
  documentDate: string;
  externalDocumentNo: string | null;
  workDescription: string | null;
  shopifyOrderId: string;
  shopifyOrderNo: string;
  /** The refund a credit memo or return order was made for; null on orders and invoices. */
  shopifyRefundId: string | null;
  /** A B2B order's company and company location in Shopify. */
  shopifyCompanyId: string | null;
  shopifyCompanyLocationId: string | null;
  lines: SalesLineDraft[];
  invoiceDiscountAmount: string;
  amount: string;
}

/** Raised when an order cannot become a document; the message says what to fix. */
export class DocumentBuildError extends Error {}

/** The ERP document number, or the Shopify order name when the shop says so (reference 3.3 step 3). */
export function documentNumberFromOrderName(name: string): string {
  if (name.startsWith('@')) throw new DocumentBuildError(`order name ${name} cannot be a document number (it starts with @)`);
  return clip(name, 20);
}

type DocumentSettings = Pick<
  ShopSettings,
  'createInvoicesFromOrders' | 'currencyHandling' | 'shippingChargesAccount' | 'soldGiftCardAccount' | 'tipAccount' | 'shopifyOrderNoOnDocLine'
>;

/**
 * The sales document an order becomes (reference 3.3): an invoice when it is already fulfilled (and
 * the shop wants invoices), else an order; item lines for the products, G/L lines for gift cards and
 * shipping, the order-level discount as an invoice discount. Lines already refunded are left out, and
 * the shipping and order-level discount are Shopify's current ones, after those refunds.
 */
export type OrderDocumentType = Extract<SalesDocumentType, 'order' | 'invoice'>;

export function buildSalesDocument(
  order: ShopifyOrder,
  customerNo: string,
  items: Map<string, ItemRef>,
  settings: DocumentSettings,
  billToCustomerNo = customerNo,
): SalesDocumentDraft & { type: OrderDocumentType } {
  if (order.cancelledAt) throw new DocumentBuildError(`order ${order.name} was cancelled in Shopify`);
  const pick = (amount: Amount): string => (settings.currencyHandling === 'presentmentCurrency' ? amount.presentment : amount.shop);
  const problems: string[] = [];
  const lines: SalesLineDraft[] = [];
  const add = (line: Omit<SalesLineDraft, 'lineNo'>): void => void lines.push({ ...line, lineNo: (lines.length + 1) * 10000 });
  if (settings.shopifyOrderNoOnDocLine) {
    add({ type: 'comment', no: null, variantCode: null, description: `Shopify Order No.: ${order.name}`, quantity: 0, unitPrice: '0.00', lineDiscountAmount: '0.00', shopifyOrderLineId: null });
  }
  for (const line of order.lines) {
    if (line.currentQuantity <= 0) continue;
    const discount = line.quantity > 0 ? fromCents(Math.round((toCents(pick(line.totalDiscount)) * line.currentQuantity) / line.quantity)) : '0.00';
    const common = { description: clip(line.title, 100), quantity: line.currentQuantity, unitPrice: pick(line.unitPrice), lineDiscountAmount: discount, shopifyOrderLineId: line.shopifyId };
    if (line.isGiftCard || line.isTip) {
      const account = line.isGiftCard ? settings.soldGiftCardAccount : settings.tipAccount;
      if (!account) problems.push(`line "${line.title}" is a ${line.isGiftCard ? 'gift card' : 'tip'}, but the shop has no ${line.isGiftCard ? 'soldGiftCardAccount' : 'tipAccount'}`);
      else add({ type: 'glAccount', no: account, variantCode: null, ...common });
      continue;
    }
    const item = items.get(line.shopifyId);
    if (!item) {
      problems.push(`line "${line.title}" (SKU ${line.sku ?? 'none'}) is not mapped to an ERP item`);
      continue;
    }
    add({ type: 'item', no: item.itemNo, variantCode: item.variantCode, ...common });
  }
  // Current amounts (after refunds and discounts): a refund made before the document is already out of them.
  const shipping = pick(order.currentShipping ?? order.shipping);
  if (toCents(shipping) > 0) {
    if (!settings.shippingChargesAccount) problems.push(`the order has shipping charges of ${shipping}, but the shop has no shippingChargesAccount`);
    else add({ type: 'glAccount', no: settings.shippingChargesAccount, variantCode: null, description: order.shippingLines[0]?.title ?? 'Shipping', quantity: 1, unitPrice: shipping, lineDiscountAmount: '0.00', shopifyOrderLineId: null });
  }
  if (problems.length === 0 && !lines.some((line) => line.type !== 'comment')) problems.push(`order ${order.name} has no line left to invoice`);
  // Amounts are computed in cents as JavaScript numbers: exact up to 2^53 cents, wrong (silently) beyond.
  for (const line of lines) {
    if (!Number.isSafeInteger(toCents(line.unitPrice) * line.quantity)) problems.push(`line "${line.description}": ${line.quantity} × ${line.unitPrice} is too large an amount to compute to the cent`);
  }
  if (problems.length > 0) throw new DocumentBuildError(problems.join('; '));
  const invoiceDiscountAmount = pick(order.currentCartDiscount ?? order.cartDiscount);
  const amountCents = lines.reduce((sum, line) => sum + toCents(line.unitPrice) * line.quantity - toCents(line.lineDiscountAmount), 0) - toCents(invoiceDiscountAmount);
  if (!Number.isSafeInteger(amountCents)) throw new DocumentBuildError(`order ${order.name} totals too large an amount to compute to the cent`);
  const amount = fromCents(amountCents);
  return {
    type: order.fulfillmentStatus === 'FULFILLED' && settings.createInvoicesFromOrders ? 'invoice' : 'order',
    sellToCustomerNo: customerNo,
    billToCustomerNo,
    shipToAddress: order.shippingAddress,
    billToAddress: order.billingAddress,
    currencyCode: settings.currencyHandling === 'presentmentCurrency' ? order.presentmentCurrencyCode : order.currencyCode,
    pricesIncludingVat: order.taxesIncluded,
    documentDate: order.createdAt.slice(0, 10),
    externalDocumentNo: order.poNumber,
    workDescription: order.note,
    shopifyOrderId: order.shopifyId,
    shopifyOrderNo: order.name,
    shopifyRefundId: null,
    shopifyCompanyId: order.company?.companyId ?? null,
    shopifyCompanyLocationId: order.company?.locationId ?? null,
    lines,
    invoiceDiscountAmount,
    amount,
  };
}
