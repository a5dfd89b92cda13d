import { cents, money, type EmulatedFulfillment, type EmulatedLineItem, type EmulatedOrder, type EmulatedReturn, type EmulatedReturnLineItem } from '../commerce';
import { gid } from '../gid';
import { discountedUnitCents } from '../refund-rules';
import { refundTransactions } from '../refunds-store';
import { fulfillmentLineItemNumber } from '../returns-store';
import type { EmulatedShop } from '../state';
import { paginate, type ConnectionArgs } from './connection';
import { lineItemObject, locationObject, moneyBag, orderObject } from './objects';
import { refundObject, transactionObject } from './refund-objects';

/** Return, ReturnLineItem, ReverseFulfillmentOrder and FulfillmentLineItem as the Admin API shows them. */

const emptyConnection = (args: ConnectionArgs) => paginate([], args, () => '');

export function fulfillmentLineItemObject(shop: EmulatedShop, order: EmulatedOrder, fulfillment: EmulatedFulfillment, index: number) {
  const fl = fulfillment.lineItems[index] as EmulatedFulfillment['lineItems'][number];
  const line = order.lineItems.find((l) => l.id === fl.lineItemId) as EmulatedLineItem;
  return {
    __typename: 'FulfillmentLineItem',
    id: gid('FulfillmentLineItem', fulfillmentLineItemNumber(fulfillment.id, index)),
    quantity: fl.quantity,
    lineItem: () => lineItemObject(shop, order, line),
    originalTotalSet: moneyBag(money(cents(line.price) * fl.quantity), order),
    discountedTotalSet: moneyBag(money(discountedUnitCents(line) * fl.quantity), order),
  };
}

function returnLineItemObject(shop: EmulatedShop, order: EmulatedOrder, line: EmulatedReturnLineItem) {
  const fulfillment = order.fulfillments.find((f) => f.id === line.fulfillmentId) as EmulatedFulfillment;
  const orderLine = order.lineItems.find((l) => l.id === line.lineItemId) as EmulatedLineItem;
  const unprocessed = line.quantity - line.processedQuantity;
  return {
    __typename: 'ReturnLineItem',
    id: gid('ReturnLineItem', line.id),
    quantity: line.quantity,
    processedQuantity: line.processedQuantity,
    processableQuantity: unprocessed,
    unprocessedQuantity: unprocessed,
    refundedQuantity: line.refundedQuantity,
    refundableQuantity: line.quantity - line.refundedQuantity,
    returnReason: line.returnReason,
    returnReasonNote: line.returnReasonNote,
    returnReasonDefinition: null,
    customerNote: line.customerNote,
    restockingFee: null,
    totalWeight: null,
    withCodeDiscountedTotalPriceSet: moneyBag(money(discountedUnitCents(orderLine) * line.quantity), order),
    fulfillmentLineItem: () => fulfillmentLineItemObject(shop, order, fulfillment, line.fulfillmentLineIndex),
  };
}

function reverseFulfillmentOrderObject(shop: EmulatedShop, order: EmulatedOrder, found: EmulatedReturn) {
  const fulfillmentOf = (line: EmulatedReturnLineItem) => order.fulfillments.find((f) => f.id === line.fulfillmentId) as EmulatedFulfillment;
  return {
    __typename: 'ReverseFulfillmentOrder',
    id: gid('ReverseFulfillmentOrder', found.reverseFulfillmentOrderId),
    status: found.status === 'CLOSED' ? 'CLOSED' : found.status === 'CANCELED' ? 'CANCELED' : 'OPEN',
    thirdPartyConfirmation: null,
    order: () => orderObject(shop, order),
    reverseDeliveries: emptyConnection,
    lineItems: (args: ConnectionArgs) =>
      paginate(
        found.lineItems.map((line) => ({
          __typename: 'ReverseFulfillmentOrderLineItem',
          id: gid('ReverseFulfillmentOrderLineItem', line.reverseFulfillmentOrderLineItemId),
          totalQuantity: line.quantity,
          fulfillmentLineItem: () => fulfillmentLineItemObject(shop, order, fulfillmentOf(line), line.fulfillmentLineIndex),
          dispositions: line.dispositions.map((d) => {
            const location = d.locationId ? shop.locations.find((l) => l.id === d.locationId) : undefined;
            return { id: gid('ReverseFulfillmentOrderDisposition', d.id), type: d.type, quantity: d.quantity, createdAt: d.createdAt, location: location ? locationObject(shop, location) : null };
          }),
        })),
        args,
        (l) => l.id,
      ),
  };
}

export function returnObject(shop: EmulatedShop, order: EmulatedOrder, found: EmulatedReturn): Record<string, unknown> {
  const refunds = order.refunds.filter((r) => r.returnId === found.id);
  return {
    __typename: 'Return',
    id: gid('Return', found.id),
    name: found.name,
    status: found.status,
    createdAt: found.createdAt,
    closedAt: found.closedAt,
    requestApprovedAt: found.createdAt,
    decline: null,
    staffMember: null,
    returnShippingFees: [],
    totalQuantity: found.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    order: () => orderObject(shop, order),
    returnLineItems: (args: ConnectionArgs & { processingStatus?: 'PROCESSABLE' | 'PROCESSED' | null }) =>
      paginate(
        found.lineItems
          .filter((l) => (args.processingStatus === 'PROCESSABLE' ? l.processedQuantity < l.quantity : args.processingStatus === 'PROCESSED' ? l.processedQuantity > 0 : true))
          .map((l) => returnLineItemObject(shop, order, l)),
        args,
        (l) => l.id,
      ),
    exchangeLineItems: emptyConnection,
    reverseFulfillmentOrders: (args: ConnectionArgs) => paginate([reverseFulfillmentOrderObject(shop, order, found)], args, (r) => r.id),
    refunds: (args: ConnectionArgs) => paginate(refunds.map((r) => refundObject(shop, order, r)), args, (r) => String(r.id)),
    transactions: (args: ConnectionArgs) =>
      paginate(refunds.flatMap((r) => refundTransactions(order, r)).map((t) => transactionObject(shop, order, t)), args, (t) => String(t.id)),
  };
}

/** Order.returns and Order.returnStatus (OrderReturnStatus: the prioritised state of the order's returns). */
export function orderReturnFields(shop: EmulatedShop, order: EmulatedOrder) {
  const returns = order.returns ?? [];
  const returnStatus = returns.some((r) => r.status === 'OPEN') ? 'IN_PROGRESS' : returns.some((r) => r.status === 'REQUESTED') ? 'RETURN_REQUESTED' : returns.some((r) => r.status === 'CLOSED') ? 'RETURNED' : 'NO_RETURN';
  return {
    returnStatus,
    returns: (args: ConnectionArgs) => paginate(returns.map((r) => returnObject(shop, order, r)), args, (r) => String(r.id)),
  };
}
