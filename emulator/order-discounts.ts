import { cents, type EmulatedLineItem, type EmulatedOrder } from './commerce';

/**
 * How discounts sit on an order's lines, in shop cents. A line's own discount (LineItem.totalDiscountSet) and
 * its share of the order-level discount (a code applied to all items: a DiscountApplication with
 * targetSelection ALL, allocationMethod ACROSS) are allocated to the whole line, refunded units included
 * (LineItem.discountAllocations). What the line's current units still carry of an allocation is the
 * allocation prorated to currentQuantity / quantity, rounded; a refund takes the difference, so the shares
 * of successive refunds add up to the allocation.
 */

export function lineCurrentQuantity(line: EmulatedLineItem): number {
  return line.quantity - line.refundedQuantity;
}

/** `allocation` prorated to `units` of the line's quantity. */
export function prorated(allocation: number, line: EmulatedLineItem, units: number): number {
  return line.quantity > 0 ? Math.round((allocation * units) / line.quantity) : 0;
}

/**
 * The order-level discount spread over the lines by their value after their own discounts; the last line with
 * value takes the cents rounding leaves (the docs give no rule for the cents; this keeps the sum exact).
 */
export function orderDiscountAllocations(order: EmulatedOrder): Map<number, number> {
  const total = cents(order.orderDiscount);
  const value = (line: EmulatedLineItem) => Math.max(0, cents(line.price) * line.quantity - cents(line.discount));
  const base = order.lineItems.reduce((sum, line) => sum + value(line), 0);
  const allocations = new Map<number, number>(order.lineItems.map((line) => [line.id, 0]));
  if (total === 0 || base === 0) return allocations;
  const valued = order.lineItems.filter((line) => value(line) > 0);
  let left = total;
  valued.forEach((line, index) => {
    const share = index === valued.length - 1 ? left : Math.round((total * value(line)) / base);
    allocations.set(line.id, share);
    left -= share;
  });
  return allocations;
}

/** The order-level discount on the units not refunded (Order.currentCartDiscountAmountSet). */
export function currentOrderDiscount(order: EmulatedOrder): number {
  const allocations = orderDiscountAllocations(order);
  return order.lineItems.reduce((sum, line) => sum + prorated(allocations.get(line.id) ?? 0, line, lineCurrentQuantity(line)), 0);
}

/** What refunding `units` more of a line takes of its order-level allocation. */
export function refundedOrderDiscount(order: EmulatedOrder, line: EmulatedLineItem, units: number, alreadyPlanned = 0): number {
  const allocation = orderDiscountAllocations(order).get(line.id) ?? 0;
  const current = lineCurrentQuantity(line) - alreadyPlanned;
  return prorated(allocation, line, current) - prorated(allocation, line, current - units);
}
