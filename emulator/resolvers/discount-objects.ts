import { cents, money, type EmulatedLineItem, type EmulatedOrder } from '../commerce';
import { orderDiscountAllocations } from '../order-discounts';
import { moneyBag, moneyV2 } from './objects';

/**
 * Order.discountApplications and LineItem.discountAllocations for the discounts the emulator keeps: the order's
 * discount code (index 0, targetSelection ALL, allocationMethod ACROSS: an order-level discount spread over the
 * lines) and each line's own discount (a manual discount, EXPLICIT / ONE, one application per discounted line).
 */

function codeApplication(order: EmulatedOrder) {
  const code = order.orderDiscountCode;
  return {
    __typename: 'DiscountCodeApplication',
    index: 0,
    code: code?.code ?? 'DISCOUNT',
    allocationMethod: 'ACROSS',
    targetSelection: 'ALL',
    targetType: 'LINE_ITEM',
    value: typeof code?.percentage === 'number' ? { __typename: 'PricingPercentageValue', percentage: code.percentage } : { __typename: 'MoneyV2', ...moneyV2(order.orderDiscount, order.currencyCode) },
  };
}

function lineApplication(order: EmulatedOrder, line: EmulatedLineItem) {
  return {
    __typename: 'ManualDiscountApplication',
    index: 1 + order.lineItems.filter((l) => cents(l.discount) > 0).indexOf(line),
    title: 'Line discount',
    description: null,
    allocationMethod: 'ONE',
    targetSelection: 'EXPLICIT',
    targetType: 'LINE_ITEM',
    value: { __typename: 'MoneyV2', ...moneyV2(line.discount, order.currencyCode) },
  };
}

export function discountApplications(order: EmulatedOrder) {
  const lines = order.lineItems.filter((l) => cents(l.discount) > 0).map((l) => lineApplication(order, l));
  return [...(cents(order.orderDiscount) > 0 ? [codeApplication(order)] : []), ...lines];
}

/** A line's allocations, for all its units (refunded ones included, as documented). */
export function discountAllocations(order: EmulatedOrder, line: EmulatedLineItem) {
  const allocation = (amount: string, application: Record<string, unknown>) => ({ allocatedAmount: moneyV2(amount, order.currencyCode), allocatedAmountSet: moneyBag(amount, order), discountApplication: application });
  const fromLine = cents(line.discount) > 0 ? [allocation(line.discount, lineApplication(order, line))] : [];
  const share = orderDiscountAllocations(order).get(line.id) ?? 0;
  return [...fromLine, ...(share > 0 ? [allocation(money(share), codeApplication(order))] : [])];
}
