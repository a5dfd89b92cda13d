import { cents, money, type AdjustmentReason, type EmulatedLineItem, type EmulatedOrder, type EmulatedRefund, type EmulatedTransaction, type RefundRestockType } from './commerce';
import { emitShopEvent } from './events';
import { lineCurrentQuantity, prorated, refundedOrderDiscount } from './order-discounts';
import { findLocation, isActiveLevel, levelsOf, adjustLevelQuantity } from './inventory-store';
import { refundWebhookPayload } from './refund-payload';
import {
  adjustmentReason,
  allocateShipping,
  defaultParent,
  discountedUnitCents,
  discrepancyCents,
  lineRefundState,
  lineTaxCents,
  refundableMoney,
  restockQuantityProblem,
  unfulfilledShare,
} from './refund-rules';
import { touch } from './resolvers/orders';
import { userError, type UserError } from './resolvers/user-errors';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * Refunds as Shopify records them: planned (every rule checked, nothing changed) and then applied to the
 * order, its fulfillment orders, the stock of the restock locations and the order's transactions.
 * refundCreate and returnProcess both come here, each with its own input shape and error paths.
 */

type Path = Array<string | number>;

export interface RefundRequestLine {
  lineItemId: number | undefined;
  quantity: number;
  restockType: string;
  /** Undefined when the input left it out. */
  locationId: number | null | undefined;
  at: Path;
  /** Set when the stock was already dealt with (a return's dispositions): the refund records, it does not restock. */
  restockedElsewhere?: boolean;
  /** Returned units: they come out of the fulfilled ones whatever the restock type. */
  fromFulfilled?: boolean;
}

export interface RefundRequest {
  lines: RefundRequestLine[];
  shipping?: { amount?: number; fullRefund?: boolean; at: Path };
  /** Undefined or empty: Shopify chooses, refunding what the refund is worth to the last payment. */
  transactions?: Array<{ amount: number; gateway?: string; parentId?: number | null; at: Path }>;
  allowOverRefunding: boolean;
  discrepancyReason?: string | null;
  note: string | null;
  processedAt?: string | null;
  returnId?: number | null;
}

interface PlannedLine {
  line: EmulatedLineItem;
  quantity: number;
  restockType: RefundRestockType;
  locationId: number | null;
  restock: boolean;
  restockedElsewhere: boolean;
  unfulfilled: number;
  unit: number;
  /** The refunded units' price after their share of the line's and of the order's discounts. */
  subtotal: number;
  tax: number;
}

export interface RefundPlan {
  order: EmulatedOrder;
  request: RefundRequest;
  lines: PlannedLine[];
  shipping: Array<{ shippingLineId: number; amount: number }>;
  transactions: Array<{ amount: number; gateway: string; parentId: number | null }>;
  adjustment: { amount: number; reason: AdjustmentReason } | null;
}

const RESTOCKING = new Set(['RETURN', 'CANCEL']);

/**
 * What `units` more of a line are worth: their price less what they take of the line's own discount and of
 * its share of the order-level discount, so the refunded and the current amounts always add up to the line's.
 */
function refundedSubtotal(order: EmulatedOrder, line: EmulatedLineItem, units: number, alreadyPlanned: number): number {
  const current = lineCurrentQuantity(line) - alreadyPlanned;
  const lineShare = prorated(cents(line.discount), line, current) - prorated(cents(line.discount), line, current - units);
  return cents(line.price) * units - lineShare - refundedOrderDiscount(order, line, units, alreadyPlanned);
}

function planLines(shop: EmulatedShop, order: EmulatedOrder, request: RefundRequest, errors: UserError[]): PlannedLine[] {
  const planned: PlannedLine[] = [];
  for (const item of request.lines) {
    const line = order.lineItems.find((l) => l.id === item.lineItemId);
    if (!line) {
      errors.push(userError([...item.at, 'lineItemId'], 'Line item does not exist'));
      continue;
    }
    if (item.restockType === 'LEGACY_RESTOCK') {
      errors.push(userError([...item.at, 'restockType'], 'Restock type LEGACY_RESTOCK is not accepted when creating new refunds'));
      continue;
    }
    const restocking = RESTOCKING.has(item.restockType);
    if (restocking && (item.locationId === undefined || item.locationId === null)) {
      errors.push(userError([...item.at, 'locationId'], `Location is required when the restock type is ${item.restockType}`));
      continue;
    }
    if (restocking && !findLocation(shop, item.locationId)) {
      errors.push(userError([...item.at, 'locationId'], 'Location does not exist'));
      continue;
    }
    // Lines named twice in one refund count together, as the state the next line sees.
    const state = lineRefundState(order, line);
    const earlier = planned.filter((p) => p.line === line);
    state.refundable -= earlier.reduce((s, p) => s + p.quantity, 0);
    state.unfulfilled -= earlier.reduce((s, p) => s + p.unfulfilled, 0);
    state.fulfilled -= earlier.reduce((s, p) => s + p.quantity - p.unfulfilled, 0);
    const problem = restockQuantityProblem(state, item.fromFulfilled ? 'RETURN' : item.restockType, item.quantity);
    if (problem) {
      errors.push(userError([...item.at, 'quantity'], problem));
      continue;
    }
    planned.push({
      line,
      quantity: item.quantity,
      restockType: item.restockType as RefundRestockType,
      locationId: restocking ? (item.locationId as number) : null,
      restock: restocking && !item.restockedElsewhere,
      restockedElsewhere: item.restockedElsewhere ?? false,
      unfulfilled: item.fromFulfilled ? 0 : unfulfilledShare(state, item.restockType, item.quantity),
      unit: discountedUnitCents(line),
      subtotal: refundedSubtotal(order, line, item.quantity, earlier.reduce((sum, p) => sum + p.quantity, 0)),
      tax: lineTaxCents(order, line, item.quantity),
    });
  }
  return planned;
}

/** Checks a refund against the order; nothing changes until `applyRefund`. */
export function planRefund(shop: EmulatedShop, order: EmulatedOrder, request: RefundRequest): { plan: RefundPlan } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const lines = planLines(shop, order, request, errors);
  let shipping: RefundPlan['shipping'] = [];
  if (request.shipping) {
    const allocated = allocateShipping(order, request.shipping);
    if ('error' in allocated) errors.push(userError(request.shipping.at, allocated.error));
    else shipping = allocated.lines;
  }
  const goods = lines.reduce((sum, l) => sum + l.subtotal + (order.taxesIncluded ? 0 : l.tax), 0);
  const computed = goods + shipping.reduce((sum, s) => sum + s.amount, 0);
  const refundable = refundableMoney(order.transactions);
  let transactions: RefundPlan['transactions'] = [];
  let adjustment: RefundPlan['adjustment'] = null;
  if (request.transactions && request.transactions.length > 0) {
    for (const t of request.transactions) {
      if (!(t.amount > 0)) errors.push(userError([...t.at, 'amount'], 'Amount must be greater than 0'));
      const parent = t.parentId === undefined || t.parentId === null ? undefined : order.transactions.find((p) => p.id === t.parentId);
      if (t.parentId !== undefined && t.parentId !== null && (!parent || (parent.kind !== 'SALE' && parent.kind !== 'CAPTURE') || parent.status !== 'SUCCESS')) {
        errors.push(userError([...t.at, 'parentId'], 'Parent transaction must be a successful sale or capture of the order'));
      }
      transactions.push({ amount: t.amount, gateway: t.gateway ?? parent?.gateway ?? 'manual', parentId: parent?.id ?? defaultParent(order.transactions)?.id ?? null });
    }
    const total = transactions.reduce((sum, t) => sum + t.amount, 0);
    if (!request.allowOverRefunding && total > refundable) {
      errors.push(userError(request.transactions[0]?.at.slice(0, -1) ?? ['transactions'], `Refund amount ${money(total)} is greater than the refundable amount ${money(Math.max(0, refundable))}`));
    }
    const discrepancy = discrepancyCents(computed, total);
    if (discrepancy !== 0) adjustment = { amount: discrepancy, reason: adjustmentReason(request.discrepancyReason) };
  } else {
    const parent = defaultParent(order.transactions);
    const amount = Math.min(computed, Math.max(0, refundable));
    if (parent && amount > 0) transactions = [{ amount, gateway: parent.gateway, parentId: parent.id }];
  }
  if (errors.length > 0) return { errors };
  return { plan: { order, request, lines, shipping, transactions, adjustment } };
}

/** Units restocked at a location come back to `available` there, if the variant is stocked (actively) at it. */
export function restock(shop: EmulatedShop, line: EmulatedLineItem, locationId: number, quantity: number, now: string): boolean {
  const variant = line.variantId === null ? undefined : shop.products.flatMap((p) => p.variants).find((v) => v.id === line.variantId);
  const level = variant ? levelsOf(variant.inventoryItem).find((l) => l.locationId === locationId && isActiveLevel(l)) : undefined;
  if (!variant || !level) return false;
  adjustLevelQuantity(level, variant.inventoryItemId, 'available', quantity, now);
  return true;
}

/** Refunded units leave the open fulfillment orders; an order left with nothing to fulfil closes. */
function releaseFromFulfillmentOrders(order: EmulatedOrder, lineItemId: number, quantity: number, now: string): void {
  let rest = quantity;
  for (const fo of order.fulfillmentOrders) {
    if (rest === 0) break;
    if (fo.status === 'CLOSED' || fo.status === 'CANCELLED') continue;
    for (const foLine of fo.lineItems.filter((l) => l.lineItemId === lineItemId)) {
      const take = Math.min(rest, foLine.remainingQuantity);
      foLine.remainingQuantity -= take;
      rest -= take;
    }
    if (fo.lineItems.every((l) => l.remainingQuantity === 0)) fo.status = 'CLOSED';
    fo.updatedAt = now;
  }
}

/** Records a planned refund: the order, stock and transactions change, the order's updatedAt moves, refunds/create is emitted. */
export function applyRefund(shop: EmulatedShop, state: EmulatorState, plan: RefundPlan): EmulatedRefund {
  const { order, request } = plan;
  const now = state.now();
  const transactions: EmulatedTransaction[] = plan.transactions.map((t) => ({
    id: state.nextId(shop),
    kind: 'REFUND',
    status: 'SUCCESS',
    gateway: t.gateway,
    amount: money(t.amount),
    createdAt: now,
    processedAt: now,
    parentId: t.parentId,
  }));
  const refund: EmulatedRefund = {
    id: state.nextId(shop),
    createdAt: now,
    updatedAt: now,
    processedAt: request.processedAt ?? now,
    note: request.note,
    lineItems: plan.lines.map((p) => {
      p.line.refundedQuantity += p.quantity;
      if (p.unfulfilled > 0) releaseFromFulfillmentOrders(order, p.line.id, p.unfulfilled, now);
      const restocked = p.restockedElsewhere || (p.restock && p.locationId !== null && restock(shop, p.line, p.locationId, p.quantity, now));
      return {
        id: state.nextId(shop),
        lineItemId: p.line.id,
        quantity: p.quantity,
        restockType: p.restockType,
        locationId: p.locationId,
        restocked,
        unfulfilledQuantity: p.unfulfilled,
        price: money(p.unit),
        subtotal: money(p.subtotal),
        totalTax: money(p.tax),
      };
    }),
    shippingLines: plan.shipping.map((s) => ({ id: state.nextId(shop), shippingLineId: s.shippingLineId, subtotal: money(s.amount), tax: '0.00' })),
    orderAdjustments: plan.adjustment ? [{ id: state.nextId(shop), amount: money(plan.adjustment.amount), taxAmount: '0.00', reason: plan.adjustment.reason }] : [],
    transactionIds: transactions.map((t) => t.id),
    returnId: request.returnId ?? null,
    totalRefunded: money(transactions.reduce((sum, t) => sum + cents(t.amount), 0)),
  };
  order.transactions.push(...transactions);
  order.refunds.push(refund);
  touch(order, state);
  emitShopEvent(state, shop.domain, 'refunds/create', refundWebhookPayload(order, refund));
  return refund;
}

export function findRefund(shop: EmulatedShop, id: number | undefined): { order: EmulatedOrder; refund: EmulatedRefund } | undefined {
  if (id === undefined) return undefined;
  for (const order of shop.orders) {
    const refund = order.refunds.find((r) => r.id === id);
    if (refund) return { order, refund };
  }
  return undefined;
}

/** The order's transactions a refund made (older stored refunds name none). */
export function refundTransactions(order: EmulatedOrder, refund: EmulatedRefund): EmulatedTransaction[] {
  const ids = new Set(refund.transactionIds ?? []);
  return order.transactions.filter((t) => ids.has(t.id));
}
