import type { Document } from 'mongodb';
import type { EmulatedShop } from '../../emulator/state';
import type { Erp } from '../../src/erp/db';
import type { BalanceTransactionDocument, PayoutDocument } from '../../src/erp/payouts';
import type { PostedCreditMemo, PostedInvoice, PostedShipment } from '../../src/erp/posted-documents';
import type { SalesDocument } from '../../src/erp/sales-documents';
import type { ShopInventoryDocument } from '../../src/erp/shop-inventory';
import type { ShopifyCustomerDocument } from '../../src/erp/shopify-customers';
import type { ShopifyOrderDocument } from '../../src/erp/shopify-orders';
import type { ProductLink, VariantLink } from '../../src/erp/shopify-products';
import type { SkippedRecord } from '../../src/erp/skipped-records';
import type { SyncStateDocument } from '../../src/erp/sync-state';
import type { CustomerDocument } from '../../src/erp/customers';
import type { AddRecord, ShopNames } from './digest';

/**
 * The ERP side of the digest: sales documents with their lines keyed by Shopify order (the ERP's own
 * numbers differ between runs), what posting made of them, the order mirror's state, the links of
 * customers, products and variants, payouts, the quantities confirmed in Shopify, skipped records,
 * and whether each cursor covers what Shopify has. ERP customers are named by their e-mail.
 */
export async function erpRecords(erp: Erp, shop: EmulatedShop, names: ShopNames, add: AddRecord): Promise<{ documentNos: Map<string, string> }> {
  const all = async <T>(collection: string, filter: Document = { shop: shop.domain }, projection?: Document): Promise<T[]> =>
    (await erp.db.collection(collection).find(filter, projection ? { projection } : {}).toArray()) as T[];

  const customers = await all<CustomerDocument>('customers', {}, { emailLower: 1, createdFrom: 1, templateCode: 1, blocked: 1 });
  const customerKey = new Map(customers.map((c) => [c._id, c.emailLower ? `customer ${c.emailLower}` : `customer without e-mail ${c._id}`]));
  const who = (no: string | null | undefined): string | null => (no ? (customerKey.get(no) ?? `no such customer ${no}`) : null);
  for (const c of customers) add('erp customer', c.emailLower ?? `without e-mail ${c._id}`, { madeBy: c.createdFrom ? 'the sync' : 'the seed', templateCode: c.templateCode, blocked: c.blocked });

  const documentNos = new Map<string, string>();
  for (const doc of await all<SalesDocument>('salesDocuments')) {
    const order = names.order(doc.shopifyOrderId);
    if (!doc.shopifyRefundId) documentNos.set(order, doc._id);
    add(doc.shopifyRefundId ? 'credit document' : 'document', doc.shopifyRefundId ? `${order} ${names.of(doc.shopifyRefundId)}` : order, {
      type: doc.type, status: doc.status, sellTo: who(doc.sellToCustomerNo), billTo: who(doc.billToCustomerNo), currencyCode: doc.currencyCode,
      amount: doc.amount, invoiceDiscountAmount: doc.invoiceDiscountAmount, externalDocumentNo: doc.externalDocumentNo, shipTo: doc.shipToAddress,
      shipped: doc.postedShipmentNo !== null, invoiced: doc.postedInvoiceNo !== null,
      lines: doc.lines.map((l) => ({ type: l.type, no: l.no, variantCode: l.variantCode, quantity: l.quantity, unitPrice: l.unitPrice, lineDiscountAmount: l.lineDiscountAmount, line: names.of(l.shopifyOrderLineId) })),
    });
  }
  for (const s of await all<PostedShipment>('salesShipments')) {
    add('posted shipment', names.order(s.shopifyOrderId), {
      customer: who(s.customerNo), trackingNo: s.trackingNo,
      lines: s.lines.map((l) => ({ itemNo: l.itemNo, variantCode: l.variantCode, quantity: l.quantity, line: names.of(l.shopifyOrderLineId) })),
      fulfillment: { state: s.fulfillment.state, error: s.fulfillment.error, fulfillments: s.fulfillment.fulfillmentIds.map((id) => names.of(id)).sort() },
    });
  }
  for (const i of await all<PostedInvoice>('salesInvoices')) add('posted invoice', names.order(i.shopifyOrderId), { customer: who(i.customerNo), amount: i.amount, lineCount: i.lineCount });
  for (const m of await all<PostedCreditMemo>('salesCreditMemos')) add('posted credit memo', `${names.order(m.shopifyOrderId)} ${names.of(m.shopifyRefundId)}`, { customer: who(m.customerNo), amount: m.amount, lineCount: m.lineCount });

  const mirrorFields = { shopifyId: 1, processed: 1, document: 1, erpCustomerNo: 1, error: 1, orderStateConflict: 1, conflict: 1 };
  for (const o of await all<ShopifyOrderDocument>('shopifyOrders', { shop: shop.domain }, mirrorFields)) {
    add('order mirror', names.order(o.shopifyId), {
      processed: o.processed, document: o.document?.type ?? null, customer: who(o.erpCustomerNo), error: o.error?.message ?? null, conflict: o.orderStateConflict, conflictMessage: o.conflict?.message ?? null,
    });
  }
  for (const c of await all<ShopifyCustomerDocument>('shopifyCustomers')) add('customer link', `${names.of(c.shopifyId)}`, { erpCustomer: who(c.erpCustomerNo), error: c.error?.message ?? null });
  for (const p of await all<ProductLink>('shopifyProducts')) add('product link', `${names.of(p.shopifyId)}`, { item: p.erpItemNo, status: p.status, error: p.error?.message ?? null });
  for (const v of await all<VariantLink>('shopifyVariants')) add('variant link', `${names.of(v.shopifyId)}`, { item: v.erpItemNo, variantCode: v.erpVariantCode, inventoryItem: names.of(v.inventoryItemId), product: names.of(v.productId) });
  for (const p of await all<PayoutDocument>('payouts')) add('payout', `${names.of(p.shopifyId)}`, { status: p.status, net: p.net, gross: p.gross, fee: p.fee });
  for (const t of await all<BalanceTransactionDocument>('balanceTransactions')) {
    add('balance transaction', `${names.of(t.shopifyId)}`, { type: t.type, amount: t.amount, fee: t.fee, net: t.net, payout: names.of(t.payoutId), payoutStatus: t.payoutStatus, order: names.of(t.orderId) });
  }
  for (const level of await all<ShopInventoryDocument>('shopInventory')) add('confirmed', `${names.of(level.inventoryItemId)} at ${names.of(level.locationId)}`, level.confirmed);
  for (const r of await all<SkippedRecord>('skippedRecords')) add('skipped', `${r.recordType} ${names.of(r.recordId)}`, r.reason);
  const stockLast = await erp.stock.lastChange();
  for (const state of await all<SyncStateDocument>('syncState')) add('cursor', `${state._id.replace(`${shop.domain}|`, '')}`, { covers: covers(state, shop, stockLast) });
  return { documentNos };
}

/**
 * Whether a cursor is past everything it is for: the newest updatedAt of the shop's orders, products or
 * customers, or the ERP's last stock change; values differ between runs, coverage must not.
 */
function covers(state: SyncStateDocument, shop: EmulatedShop, stockLast: number): boolean | string {
  const reaches = (times: string[]): boolean => state.cursor !== null && times.every((time) => Date.parse(state.cursor as string) >= Date.parse(time));
  switch (state.task) {
    case 'orders':
      return reaches(shop.orders.map((o) => o.updatedAt));
    case 'products':
      return reaches(shop.products.map((p) => p.updatedAt));
    case 'customers':
      return reaches(shop.customers.map((c) => c.updatedAt));
    case 'inventory':
      return Number(state.cursor ?? 0) >= stockLast;
    default:
      return `a ${state.task} cursor`;
  }
}
