import { cents, type AdjustmentReason, type EmulatedLineItem, type EmulatedOrder, type EmulatedTransaction } from './commerce';

/**
 * Shopify's arithmetic of a refund, without state: what a line's units are worth, how much of a line and of
 * its shipping is left to refund, and how a refund that moves more or less money than it is worth is
 * accounted for (an OrderAdjustment). Amounts are in cents of the shop currency.
 */

/** A line's unit price after its own discount (the discount is spread evenly over the units). */
export function discountedUnitCents(line: EmulatedLineItem): number {
  return cents(line.price) - (line.quantity > 0 ? Math.round(cents(line.discount) / line.quantity) : 0);
}

/**
 * The order's tax on `units` of a line: the emulator keeps tax per order only, so each line carries its share
 * of the order's tax by its discounted value (Shopify keeps tax lines per line; the totals agree).
 */
export function lineTaxCents(order: EmulatedOrder, line: EmulatedLineItem, units: number): number {
  const base = order.lineItems.reduce((sum, l) => sum + discountedUnitCents(l) * l.quantity, 0);
  if (base === 0) return 0;
  return Math.round((cents(order.totalTax) * discountedUnitCents(line) * units) / base);
}

/** What is left to refund of a line, and of which kind: units still on open fulfillment orders, units fulfilled. */
export interface LineRefundState {
  refundable: number;
  /** Units a CANCEL can take: still to be fulfilled. */
  unfulfilled: number;
  /** Units a RETURN can take: fulfilled and not refunded yet. */
  fulfilled: number;
  /** The line never goes through fulfillment orders (no shipping): any restock type takes any refundable unit. */
  unshipped: boolean;
}

export function lineRefundState(order: EmulatedOrder, line: EmulatedLineItem): LineRefundState {
  const foLines = order.fulfillmentOrders.filter((fo) => fo.status !== 'CANCELLED').flatMap((fo) => fo.lineItems).filter((l) => l.lineItemId === line.id);
  const fulfilled = order.fulfillments.filter((f) => f.status === 'SUCCESS').flatMap((f) => f.lineItems).filter((l) => l.lineItemId === line.id).reduce((sum, l) => sum + l.quantity, 0);
  const refundedFromFulfilled = order.refunds
    .flatMap((r) => r.lineItems)
    .filter((l) => l.lineItemId === line.id)
    .reduce((sum, l) => sum + l.quantity - (l.unfulfilledQuantity ?? 0), 0);
  return {
    refundable: line.quantity - line.refundedQuantity,
    unfulfilled: foLines.reduce((sum, l) => sum + l.remainingQuantity, 0),
    fulfilled: Math.max(0, fulfilled - refundedFromFulfilled),
    unshipped: foLines.length === 0,
  };
}

/**
 * How many of the refunded units leave open fulfillment orders: all of a CANCEL, none of a RETURN, and for
 * NO_RESTOCK the unfulfilled units first (a refunded unit is not shipped any more).
 */
export function unfulfilledShare(state: LineRefundState, restockType: string, quantity: number): number {
  if (state.unshipped || restockType === 'RETURN') return 0;
  if (restockType === 'CANCEL') return quantity;
  return Math.min(quantity, state.unfulfilled);
}

/** Why a quantity cannot be refunded with that restock type, or null. */
export function restockQuantityProblem(state: LineRefundState, restockType: string, quantity: number): string | null {
  if (!Number.isInteger(quantity) || quantity <= 0) return 'Quantity must be greater than 0';
  if (quantity > state.refundable) return `Quantity cannot refund more items than were purchased (${state.refundable} refundable)`;
  if (state.unshipped) return null;
  if (restockType === 'CANCEL' && quantity > state.unfulfilled) return `Quantity cannot cancel more items than are unfulfilled (${state.unfulfilled} unfulfilled)`;
  if (restockType === 'RETURN' && quantity > state.fulfilled) return `Quantity cannot return more items than were fulfilled (${state.fulfilled} fulfilled and not refunded)`;
  return null;
}

/** What is left to refund of each shipping line. */
export function shippingRefundable(order: EmulatedOrder): Array<{ shippingLineId: number; refundable: number }> {
  const refunded = (id: number) => order.refunds.flatMap((r) => r.shippingLines ?? []).filter((s) => s.shippingLineId === id).reduce((sum, s) => sum + cents(s.subtotal), 0);
  return order.shippingLines.map((s) => ({ shippingLineId: s.id, refundable: Math.max(0, cents(s.price) - refunded(s.id)) }));
}

/**
 * The shipping a refund takes back, one RefundShippingLine per shipping line: all that is left (fullRefund) or
 * an amount spread over the lines in order. An amount overrides fullRefund, as RefundShippingInput documents.
 */
export function allocateShipping(order: EmulatedOrder, request: { amount?: number; fullRefund?: boolean }): { lines: Array<{ shippingLineId: number; amount: number }> } | { error: string } {
  const left = shippingRefundable(order);
  const total = left.reduce((sum, l) => sum + l.refundable, 0);
  if (request.amount === undefined) return { lines: request.fullRefund ? left.filter((l) => l.refundable > 0).map((l) => ({ shippingLineId: l.shippingLineId, amount: l.refundable })) : [] };
  if (request.amount < 0) return { error: 'Shipping refund amount must not be negative' };
  if (request.amount > total) return { error: `Shipping refund amount exceeds the refundable shipping amount (${(total / 100).toFixed(2)})` };
  let rest = request.amount;
  const lines: Array<{ shippingLineId: number; amount: number }> = [];
  for (const l of left) {
    const take = Math.min(rest, l.refundable);
    if (take > 0) lines.push({ shippingLineId: l.shippingLineId, amount: take });
    rest -= take;
  }
  return { lines };
}

/** The money still refundable: captured payments less refunds that succeeded or are still pending. */
export function refundableMoney(transactions: EmulatedTransaction[]): number {
  const sum = (kinds: string[], statuses: string[]) => transactions.filter((t) => kinds.includes(t.kind) && statuses.includes(t.status)).reduce((s, t) => s + cents(t.amount), 0);
  return sum(['SALE', 'CAPTURE'], ['SUCCESS']) - sum(['REFUND'], ['SUCCESS', 'PENDING']);
}

/** The payment a refund without explicit transactions pays back: the latest successful sale or capture. */
export function defaultParent(transactions: EmulatedTransaction[]): EmulatedTransaction | undefined {
  return [...transactions].reverse().find((t) => (t.kind === 'SALE' || t.kind === 'CAPTURE') && t.status === 'SUCCESS');
}

/**
 * RefundInput.discrepancyReason (OrderAdjustmentInputDiscrepancyReason) as the adjustment's reason
 * (OrderAdjustmentDiscrepancyReason): OTHER, "not one of the predefined reasons", is REFUND_DISCREPANCY there.
 */
export function adjustmentReason(input: string | null | undefined): AdjustmentReason {
  if (input === 'CUSTOMER' || input === 'DAMAGE' || input === 'RESTOCK') return input;
  return 'REFUND_DISCREPANCY';
}

/**
 * The OrderAdjustment amount of a refund whose transactions move `paid` for goods and shipping worth
 * `computed`: positive when less money went back than the refund is worth, negative when more (the sign of the
 * REST order_adjustments examples, where money going back to the buyer is negative). Zero means none.
 */
export function discrepancyCents(computed: number, paid: number): number {
  return computed - paid;
}
