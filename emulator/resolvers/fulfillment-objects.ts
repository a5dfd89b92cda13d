import type { EmulatedFulfillment, EmulatedFulfillmentHold, EmulatedFulfillmentOrder, EmulatedLineItem, EmulatedOrder } from '../commerce';
import { gid } from '../gid';
import type { EmulatedShop } from '../state';
import { paginate, type ConnectionArgs } from './connection';
import { lineItemObject, locationObject } from './objects';
import { fulfillmentLineItemObject } from './return-objects';

/** FulfillmentOrder, FulfillmentHold and Fulfillment as the Admin API shows them. */

const HOLD_REASON_TEXT: Record<EmulatedFulfillmentHold['reason'], string> = {
  AWAITING_PAYMENT: 'Awaiting payment',
  AWAITING_RETURN_ITEMS: 'Awaiting return items',
  HIGH_RISK_OF_FRAUD: 'High risk of fraud',
  INCORRECT_ADDRESS: 'Incorrect address',
  INVENTORY_OUT_OF_STOCK: 'Inventory out of stock',
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: 'Post-purchase cross-sell',
  OTHER: 'Other',
  UNKNOWN_DELIVERY_DATE: 'Unknown delivery date',
};

export function fulfillmentHoldObject(hold: EmulatedFulfillmentHold) {
  return {
    __typename: 'FulfillmentHold',
    id: gid('FulfillmentHold', hold.id),
    reason: hold.reason,
    reasonNotes: hold.reasonNotes,
    displayReason: HOLD_REASON_TEXT[hold.reason],
    handle: hold.handle,
    heldByApp: null,
    heldByRequestingApp: true,
  };
}

/** FulfillmentOrderAction values by status: what the Shopify admin offers on such a fulfillment order. */
export function supportedActions(fo: EmulatedFulfillmentOrder): string[] {
  switch (fo.status) {
    case 'OPEN':
      return fo.fulfillmentService ? ['REQUEST_FULFILLMENT', 'HOLD', 'MOVE'] : ['CREATE_FULFILLMENT', 'HOLD', 'MOVE'];
    case 'IN_PROGRESS':
      return fo.fulfillmentService ? [] : ['CREATE_FULFILLMENT', 'HOLD'];
    case 'ON_HOLD':
      return ['RELEASE_HOLD', 'HOLD'];
    case 'SCHEDULED':
      return ['MARK_AS_OPEN'];
    default:
      return [];
  }
}

export function fulfillmentOrderObject(shop: EmulatedShop, order: EmulatedOrder, fo: EmulatedFulfillmentOrder) {
  const location = shop.locations.find((l) => l.id === fo.locationId);
  const service = fo.fulfillmentService;
  return {
    __typename: 'FulfillmentOrder',
    id: gid('FulfillmentOrder', fo.id),
    status: fo.status,
    requestStatus: 'UNSUBMITTED',
    updatedAt: fo.updatedAt,
    fulfillAt: fo.fulfillAt ?? null,
    fulfillmentHolds: (fo.holds ?? []).map(fulfillmentHoldObject),
    supportedActions: supportedActions(fo).map((action) => ({ action, externalUrl: null })),
    assignedLocation: {
      name: location?.name ?? 'Unknown',
      countryCode: location?.countryCode ?? 'US',
      city: location?.city ?? null,
      address1: location?.address1 ?? null,
      address2: null,
      zip: location?.zip ?? null,
      province: null,
      phone: null,
      location: location
        ? {
          ...locationObject(shop, location),
          isFulfillmentService: !!service,
          fulfillmentService: service ? { id: gid('FulfillmentService', fo.locationId), handle: service.handle, serviceName: service.serviceName } : null,
        }
        : null,
    },
    lineItems: (args: ConnectionArgs) =>
      paginate(
        fo.lineItems.map((l) => {
          const line = order.lineItems.find((li) => li.id === l.lineItemId) as EmulatedLineItem;
          return { id: gid('FulfillmentOrderLineItem', l.id), totalQuantity: l.totalQuantity, remainingQuantity: l.remainingQuantity, sku: line.sku, lineItem: lineItemObject(shop, order, line) };
        }),
        args,
        (l) => l.id,
      ),
  };
}

export function fulfillmentObject(shop: EmulatedShop, order: EmulatedOrder, f: EmulatedFulfillment) {
  const location = f.locationId ? shop.locations.find((l) => l.id === f.locationId) : undefined;
  return {
    __typename: 'Fulfillment',
    id: gid('Fulfillment', f.id),
    name: `${order.name}-F${order.fulfillments.indexOf(f) + 1}`,
    status: f.status,
    createdAt: f.createdAt,
    location: location ? locationObject(shop, location) : null,
    trackingInfo: () => f.trackingInfo,
    fulfillmentLineItems: (conn: ConnectionArgs) => paginate(f.lineItems.map((_, index) => fulfillmentLineItemObject(shop, order, f, index)), conn, (fl) => fl.id),
  };
}

/** Order.fulfillments is a plain list `first` truncates (no cap, no paging); fulfillmentsCount counts cancelled ones too. */
export function orderFulfillmentFields(shop: EmulatedShop, order: EmulatedOrder) {
  return {
    fulfillments: (args: { first?: number | null }) => order.fulfillments.slice(0, args.first ?? undefined).map((f) => fulfillmentObject(shop, order, f)),
    fulfillmentsCount: { count: order.fulfillments.length, precision: 'EXACT' },
  };
}
