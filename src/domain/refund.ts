import type { Amount } from './order';

/**
 * A Shopify refund as the ERP keeps it (the connector's "Shpfy Refund Header" and lines): what was
 * given back for which order lines, restocked where, shipping refunded, the discrepancy Shopify
 * recorded as order adjustments, and the money moved. Amounts in shop and presentment currency.
 */
export interface RefundLine {
  shopifyId: string;
  orderLineId: string;
  quantity: number;
  /** NO_RESTOCK | CANCEL | RETURN | LEGACY_RESTOCK */
  restockType: string;
  restocked: boolean;
  /** The Shopify location the items went back to, when restocked. */
  locationId: string | null;
  unitPrice: Amount;
  /** Price × quantity after the line's discounts, before tax. */
  subtotal: Amount;
  tax: Amount;
}

export interface RefundShippingLine {
  title: string | null;
  subtotal: Amount;
  tax: Amount;
}

export interface RefundAdjustment {
  reason: string | null;
  amount: Amount;
  tax: Amount;
}

export interface RefundTransaction {
  shopifyId: string;
  kind: string;
  status: string;
  gateway: string | null;
  amount: Amount;
}

export interface ShopifyRefund {
  shopifyId: string;
  orderId: string;
  createdAt: string;
  updatedAt: string;
  note: string | null;
  /** The return the refund settles, if it came from one. */
  returnId: string | null;
  totalRefunded: Amount;
  lines: RefundLine[];
  shippingLines: RefundShippingLine[];
  adjustments: RefundAdjustment[];
  transactions: RefundTransaction[];
}

/** A refund as the order lists it: enough to tell whether the stored copy is current. */
export interface RefundVersion {
  shopifyId: string;
  updatedAt: string;
}

/** A refund whose money has not moved yet (an asynchronous gateway): its credit memo waits (reference 3.6). */
export function pendingTransactionOf(refund: ShopifyRefund): RefundTransaction | undefined {
  return refund.transactions.find((t) => t.kind === 'REFUND' && t.status === 'PENDING');
}
