import { cents, type EmulatedFulfillment, type EmulatedOrder, type EmulatedReturn, type EmulatedReturnLineItem } from './commerce';
import { toShopCents } from './currency';
import { parseGid } from './gid';
import { findLocation } from './inventory-store';
import { lineRefundState } from './refund-rules';
import { applyRefund, planRefund, restock, type RefundRequestLine } from './refunds-store';
import { findOrder, touch } from './resolvers/orders';
import type { UserError } from './resolvers/user-errors';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * Returns (shopify.dev returnCreate, returnProcess, returnClose, 2026-10): a return opens on fulfilled units,
 * returnProcess confirms units, disposes of them (restocking at a location) and may issue a refund that
 * names the return; a return whose units are all processed is closed. ReturnUserError codes are the
 * ReturnErrorCode values; the messages are the emulator's (the docs give none).
 */

type Path = Array<string | number>;
const returnError = (field: Path, message: string, code: string): UserError => ({ field: field.map(String), message, code });

/** FulfillmentLineItem ids: a fulfillment's lines by their index there (the emulator keeps no id of their own). */
export function fulfillmentLineItemNumber(fulfillmentId: number, index: number): number {
  return fulfillmentId * 100 + index;
}

export function findFulfillmentLine(order: EmulatedOrder, id: number | undefined): { fulfillment: EmulatedFulfillment; index: number } | undefined {
  if (id === undefined) return undefined;
  const fulfillment = order.fulfillments.find((f) => f.id === Math.floor(id / 100));
  const index = id % 100;
  return fulfillment && fulfillment.status === 'SUCCESS' && index < fulfillment.lineItems.length ? { fulfillment, index } : undefined;
}

export function returnsOf(order: EmulatedOrder): EmulatedReturn[] {
  order.returns ??= [];
  return order.returns;
}

const ACTIVE = new Set(['OPEN', 'REQUESTED', 'CLOSED']);

/** Units of a fulfillment line, and of its order line, still free to go into a new return. */
function returnableQuantity(order: EmulatedOrder, fulfillment: EmulatedFulfillment, index: number): number {
  const fl = fulfillment.lineItems[index] as EmulatedFulfillment['lineItems'][number];
  const line = order.lineItems.find((l) => l.id === fl.lineItemId);
  if (!line) return 0;
  const returnLines = returnsOf(order).filter((r) => ACTIVE.has(r.status)).flatMap((r) => r.lineItems);
  const fromThisLine = returnLines.filter((l) => l.fulfillmentId === fulfillment.id && l.fulfillmentLineIndex === index).reduce((sum, l) => sum + l.quantity, 0);
  const openOnOrderLine = returnLines.filter((l) => l.lineItemId === line.id).reduce((sum, l) => sum + l.quantity - l.refundedQuantity, 0);
  return Math.max(0, Math.min(fl.quantity - fromThisLine, lineRefundState(order, line).fulfilled - openOnOrderLine));
}

export interface ReturnCreateInput {
  orderId: string;
  returnLineItems: Array<{ fulfillmentLineItemId: string; quantity: number; returnReason?: string | null; returnReasonNote?: string | null }>;
  requestedAt?: string | null;
}

export function createReturn(shop: EmulatedShop, state: EmulatorState, input: ReturnCreateInput): { order: EmulatedOrder; created: EmulatedReturn } | { errors: UserError[] } {
  const at = ['returnInput'];
  const order = findOrder(shop, input.orderId);
  if (!order) return { errors: [returnError([...at, 'orderId'], 'Order does not exist.', 'NOT_FOUND')] };
  if (input.returnLineItems.length === 0) return { errors: [returnError([...at, 'returnLineItems'], "Return line items can't be blank.", 'BLANK')] };
  const errors: UserError[] = [];
  const planned: Array<{ fulfillment: EmulatedFulfillment; index: number; quantity: number; reason: string; note: string }> = [];
  input.returnLineItems.forEach((item, i) => {
    const path = [...at, 'returnLineItems', i];
    const found = findFulfillmentLine(order, parseGid(item.fulfillmentLineItemId, 'FulfillmentLineItem'));
    if (!found) return void errors.push(returnError([...path, 'fulfillmentLineItemId'], 'Fulfillment line item does not exist.', 'NOT_FOUND'));
    if (!(item.quantity > 0)) return void errors.push(returnError([...path, 'quantity'], 'Quantity must be greater than 0.', 'GREATER_THAN'));
    const claimed = planned.filter((p) => p.fulfillment === found.fulfillment && p.index === found.index).reduce((sum, p) => sum + p.quantity, 0);
    const returnable = returnableQuantity(order, found.fulfillment, found.index) - claimed;
    if (item.quantity > returnable) return void errors.push(returnError([...path, 'quantity'], `Quantity is greater than the returnable quantity (${Math.max(0, returnable)}).`, 'INVALID'));
    if ((item.returnReasonNote ?? '').length > 255) return void errors.push(returnError([...path, 'returnReasonNote'], 'Return reason note is too long (maximum is 255 characters).', 'TOO_LONG'));
    planned.push({ ...found, quantity: item.quantity, reason: item.returnReason ?? 'UNKNOWN', note: item.returnReasonNote ?? '' });
  });
  if (errors.length > 0) return { errors };
  const now = state.now();
  const returns = returnsOf(order);
  const created: EmulatedReturn = {
    id: state.nextId(shop),
    name: `${order.name}-R${returns.length + 1}`,
    status: 'OPEN',
    createdAt: input.requestedAt ?? now,
    updatedAt: now,
    closedAt: null,
    reverseFulfillmentOrderId: state.nextId(shop),
    lineItems: planned.map((p): EmulatedReturnLineItem => ({
      id: state.nextId(shop),
      fulfillmentId: p.fulfillment.id,
      fulfillmentLineIndex: p.index,
      lineItemId: (p.fulfillment.lineItems[p.index] as EmulatedFulfillment['lineItems'][number]).lineItemId,
      quantity: p.quantity,
      processedQuantity: 0,
      refundedQuantity: 0,
      returnReason: p.reason,
      returnReasonNote: p.note,
      customerNote: null,
      reverseFulfillmentOrderLineItemId: state.nextId(shop),
      dispositions: [],
    })),
  };
  returns.push(created);
  touch(order, state);
  return { order, created };
}

export function findReturn(shop: EmulatedShop, id: unknown): { order: EmulatedOrder; found: EmulatedReturn } | undefined {
  const numeric = parseGid(id, 'Return');
  for (const order of shop.orders) {
    const found = (order.returns ?? []).find((r) => r.id === numeric);
    if (found) return { order, found };
  }
  return undefined;
}

type DispositionType = EmulatedReturnLineItem['dispositions'][number]['type'];

export interface ReturnProcessInput {
  returnId: string;
  returnLineItems?: Array<{ id: string; quantity: number; dispositions?: Array<{ dispositionType: DispositionType; locationId?: string | null; quantity: number; reverseFulfillmentOrderLineItemId: string }> | null }> | null;
  financialTransfer?: { issueRefund?: { orderTransactions: Array<{ parentId: string; transactionAmount: { amount: string; currencyCode: string } }>; allowOverRefunding?: boolean | null } | null } | null;
  refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: { amount: string; currencyCode: string } | null } | null;
  note?: string | null;
}

interface PlannedProcess {
  line: EmulatedReturnLineItem;
  quantity: number;
  dispositions: Array<{ type: DispositionType; quantity: number; locationId: number | null }>;
  at: Path;
}

function planProcessLines(shop: EmulatedShop, found: EmulatedReturn, input: ReturnProcessInput, errors: UserError[]): PlannedProcess[] {
  const planned: PlannedProcess[] = [];
  (input.returnLineItems ?? []).forEach((item, i) => {
    const at = ['input', 'returnLineItems', i];
    const line = found.lineItems.find((l) => l.id === parseGid(item.id, 'ReturnLineItem'));
    if (!line) return void errors.push(returnError([...at, 'id'], 'Return line item does not exist.', 'NOT_FOUND'));
    const unprocessed = line.quantity - line.processedQuantity - planned.filter((p) => p.line === line).reduce((sum, p) => sum + p.quantity, 0);
    if (!(item.quantity > 0)) return void errors.push(returnError([...at, 'quantity'], 'Quantity must be greater than 0.', 'GREATER_THAN'));
    if (item.quantity > unprocessed) return void errors.push(returnError([...at, 'quantity'], `Quantity is greater than the processable quantity (${unprocessed}).`, 'INVALID'));
    const dispositions: PlannedProcess['dispositions'] = [];
    (item.dispositions ?? []).forEach((d, j) => {
      const dAt = [...at, 'dispositions', j];
      if (parseGid(d.reverseFulfillmentOrderLineItemId, 'ReverseFulfillmentOrderLineItem') !== line.reverseFulfillmentOrderLineItemId) {
        return void errors.push(returnError([...dAt, 'reverseFulfillmentOrderLineItemId'], 'Reverse fulfillment order line item does not belong to this return line item.', 'NOT_FOUND'));
      }
      if (d.dispositionType === 'RESTOCKED' && !d.locationId) return void errors.push(returnError([...dAt, 'locationId'], 'Location is required when the disposition type is RESTOCKED.', 'BLANK'));
      const location = d.locationId ? findLocation(shop, d.locationId) : undefined;
      if (d.locationId && !location) return void errors.push(returnError([...dAt, 'locationId'], 'Location does not exist.', 'NOT_FOUND'));
      dispositions.push({ type: d.dispositionType, quantity: d.quantity, locationId: location?.id ?? null });
    });
    if (dispositions.some((d) => !(d.quantity > 0)) || dispositions.reduce((sum, d) => sum + d.quantity, 0) > item.quantity) {
      return void errors.push(returnError([...at, 'dispositions'], 'Disposed quantities must be positive and at most the processed quantity.', 'INVALID'));
    }
    planned.push({ line, quantity: item.quantity, dispositions, at });
  });
  return planned;
}

/** The refund lines of processed units: the restocked ones as RETURN at their location, the others NO_RESTOCK. */
function refundLinesOf(planned: PlannedProcess[]): RefundRequestLine[] {
  return planned.flatMap((p) => {
    const restocked = p.dispositions.filter((d) => d.type === 'RESTOCKED');
    const rest = p.quantity - restocked.reduce((sum, d) => sum + d.quantity, 0);
    const base = { lineItemId: p.line.lineItemId, at: p.at, fromFulfilled: true, restockedElsewhere: true };
    return [
      ...restocked.map((d) => ({ ...base, quantity: d.quantity, restockType: 'RETURN', locationId: d.locationId })),
      ...(rest > 0 ? [{ ...base, quantity: rest, restockType: 'NO_RESTOCK', locationId: null, restockedElsewhere: false }] : []),
    ];
  });
}

export function processReturn(shop: EmulatedShop, state: EmulatorState, input: ReturnProcessInput): { order: EmulatedOrder; found: EmulatedReturn } | { errors: UserError[] } {
  const located = findReturn(shop, input.returnId);
  if (!located) return { errors: [returnError(['input', 'returnId'], 'Return does not exist.', 'NOT_FOUND')] };
  const { order, found } = located;
  if (found.status !== 'OPEN') return { errors: [returnError(['input', 'returnId'], `Return is ${found.status.toLowerCase()} and cannot be processed.`, 'INVALID_STATE')] };
  const errors: UserError[] = [];
  const planned = planProcessLines(shop, found, input, errors);
  const issue = input.financialTransfer?.issueRefund;
  const transferAt = ['input', 'financialTransfer', 'issueRefund', 'orderTransactions'];
  issue?.orderTransactions.forEach((t, i) => {
    if (t.transactionAmount.currencyCode !== order.presentmentCurrencyCode) {
      errors.push(returnError([...transferAt, i, 'transactionAmount', 'currencyCode'], `Currency must be the order's presentment currency (${order.presentmentCurrencyCode}).`, 'INVALID'));
    }
  });
  if (errors.length > 0) return { errors };
  const shipping = input.refundShipping;
  const refundPlan = issue
    ? planRefund(shop, order, {
        lines: refundLinesOf(planned),
        shipping: shipping
          ? { amount: shipping.shippingRefundAmount ? toShopCents(cents(shipping.shippingRefundAmount.amount), order.presentmentRate) : undefined, fullRefund: shipping.fullRefund ?? false, at: ['input', 'refundShipping'] }
          : undefined,
        transactions: issue.orderTransactions.map((t, i) => ({ amount: toShopCents(cents(t.transactionAmount.amount), order.presentmentRate), parentId: parseGid(t.parentId, 'OrderTransaction') ?? -1, at: [...transferAt, i] })),
        allowOverRefunding: issue.allowOverRefunding ?? false,
        note: input.note ?? null,
        returnId: found.id,
      })
    : undefined;
  if (refundPlan && 'errors' in refundPlan) return { errors: refundPlan.errors.map((e) => ({ ...e, code: 'INVALID' })) };
  const now = state.now();
  for (const p of planned) {
    p.line.processedQuantity += p.quantity;
    const orderLine = order.lineItems.find((l) => l.id === p.line.lineItemId);
    for (const d of p.dispositions) {
      if (d.type === 'RESTOCKED' && d.locationId !== null && orderLine) restock(shop, orderLine, d.locationId, d.quantity, now);
      p.line.dispositions.push({ id: state.nextId(shop), type: d.type, quantity: d.quantity, locationId: d.locationId, createdAt: now });
    }
    if (refundPlan) p.line.refundedQuantity += p.quantity;
  }
  if (refundPlan) applyRefund(shop, state, refundPlan.plan);
  if (found.lineItems.every((l) => l.processedQuantity === l.quantity)) {
    found.status = 'CLOSED';
    found.closedAt = now;
  }
  found.updatedAt = now;
  touch(order, state);
  return { order, found };
}

/** returnClose: an open return is complete. */
export function closeReturn(shop: EmulatedShop, state: EmulatorState, id: unknown): { order: EmulatedOrder; found: EmulatedReturn } | { errors: UserError[] } {
  const located = findReturn(shop, id);
  if (!located) return { errors: [returnError(['id'], 'Return does not exist.', 'NOT_FOUND')] };
  if (located.found.status !== 'OPEN') return { errors: [returnError(['id'], `Return is ${located.found.status.toLowerCase()} and cannot be closed.`, 'INVALID_STATE')] };
  const now = state.now();
  located.found.status = 'CLOSED';
  located.found.closedAt = now;
  located.found.updatedAt = now;
  touch(located.order, state);
  return located;
}
