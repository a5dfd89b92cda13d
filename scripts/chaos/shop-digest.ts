import type { EmulatedShop } from '../../emulator/state';
import { fulfillmentStatus } from '../../emulator/resolvers/objects';
import type { AddRecord, ShopNames } from './digest';

/** The custom attribute the sync writes back (src/activities/order-processing.ts). */
const DOCUMENT_NO_ATTRIBUTE = 'ERP Doc. No.';

/**
 * The emulated shop's side of the digest: what the sync wrote to Shopify. Per order its state (closed,
 * fulfillment status, what its fulfillment orders still hold), each fulfillment with its lines and
 * tracking, one record per fulfillment covering a line (two for one line: a doubled fulfillment), its
 * custom attributes (the document number written back must be the one its ERP document has), and the
 * inventory quantities per variant and location.
 */
export function shopRecords(shop: EmulatedShop, names: ShopNames, documentNos: Map<string, string>, add: AddRecord): void {
  for (const order of shop.orders) {
    add('shopify order', order.name, {
      closed: order.closedAt !== null,
      cancelled: order.cancelledAt !== null,
      fulfillmentStatus: fulfillmentStatus(order),
      fulfillmentOrders: order.fulfillmentOrders.map((fo) => ({
        status: fo.status, location: names.of(fo.locationId), lines: fo.lineItems.map((l) => ({ line: names.of(l.lineItemId), remaining: l.remainingQuantity })),
      })),
    });
    for (const fulfillment of order.fulfillments) {
      const lines = fulfillment.lineItems.map((l) => ({ line: names.of(l.lineItemId), quantity: l.quantity })).sort((a, b) => String(a.line).localeCompare(String(b.line)));
      add('fulfillment', order.name, { status: fulfillment.status, location: names.of(fulfillment.locationId ?? null), notifyCustomer: fulfillment.notifyCustomer, trackingInfo: fulfillment.trackingInfo, lines });
      for (const line of lines) add('fulfilled', String(line.line), line.quantity);
    }
    for (const attribute of order.customAttributes) {
      const own = attribute.key === DOCUMENT_NO_ATTRIBUTE && attribute.value === documentNos.get(order.name);
      add('attribute', `${order.name} ${attribute.key}`, own ? "the order's ERP document number" : attribute.value);
    }
  }
  for (const product of shop.products) {
    for (const variant of product.variants) {
      for (const level of variant.inventoryItem.levels ?? []) {
        add('inventory', `${variant.sku} at ${names.of(level.locationId)}`, { active: level.isActive !== false, quantities: level.quantities });
      }
    }
  }
}
