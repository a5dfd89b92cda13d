import { contactOfCustomer, findCompanyLocation } from '../b2b-store';
import { amountCents, rateOf } from '../currency';
import { parseGid } from '../gid';
import { cents, money, type EmulatedLineItem, type EmulatedOrder, type EmulatedTransaction } from '../commerce';
import type { EmulatedShop, EmulatorState } from '../state';
import type { ConnectionArgs } from './connection';
import { sortedPage } from './sorted-page';
import { orderMatcher, orderSort } from './order-search';
import type { ResolverModule } from './context';
import { toAddress } from '../addresses';
import { applyCustomer, customerByEmail, findCustomer, planCustomer, type CustomerInput } from '../customers-store';
import { createCustomer, validateCustomer } from './customers';
import { orderObject, orderTotals } from './objects';
import { orderCancelled, orderChanged, orderCreated } from '../order-webhooks';
import { userError, type UserError } from './user-errors';

type MoneyBagInput = { shopMoney: { amount: string; currencyCode: string }; presentmentMoney?: { amount: string; currencyCode: string } | null };

interface OrderCreateInput {
  lineItems?: Array<{ variantId?: string; productId?: string; title?: string; sku?: string; quantity: number; priceSet?: MoneyBagInput; giftCard?: boolean; requiresShipping?: boolean; vendor?: string; variantTitle?: string }>;
  customerId?: string;
  companyLocationId?: string;
  customer?: { toAssociate?: { id?: string; email?: string }; toUpsert?: CustomerInput & { id?: string } };
  email?: string;
  phone?: string;
  currency?: string;
  presentmentCurrency?: string;
  financialStatus?: string;
  fulfillmentStatus?: string;
  shippingAddress?: Record<string, string | null>;
  billingAddress?: Record<string, string | null>;
  shippingLines?: Array<{ title: string; code?: string; priceSet: MoneyBagInput }>;
  transactions?: Array<{ amountSet: MoneyBagInput; kind?: EmulatedTransaction['kind']; status?: EmulatedTransaction['status']; gateway?: string }>;
  discountCode?: { itemFixedDiscountCode?: { code: string; amountSet?: MoneyBagInput }; itemPercentageDiscountCode?: { code: string; percentage?: number } };
  taxLines?: Array<{ priceSet?: MoneyBagInput; rate: string; title: string }>;
  taxesIncluded?: boolean;
  tags?: string[];
  note?: string;
  poNumber?: string;
  customAttributes?: Array<{ key: string; value: string }>;
  sourceName?: string;
  processedAt?: string;
  closedAt?: string;
  test?: boolean;
  name?: string;
}

export function findOrder(shop: EmulatedShop, id: unknown): EmulatedOrder | undefined {
  const numeric = parseGid(id, 'Order');
  return shop.orders.find((o) => o.id === numeric);
}

function validateOrder(shop: EmulatedShop, input: OrderCreateInput): UserError[] {
  const errors: UserError[] = [];
  const lines = input.lineItems ?? [];
  if (lines.length === 0) errors.push(userError(['order', 'lineItems'], 'Line items must have at least one line item', 'INVALID'));
  lines.forEach((line, index) => {
    const path = ['order', 'lineItems', index];
    if (!(line.quantity > 0)) errors.push(userError([...path, 'quantity'], 'Quantity must be greater than 0', 'INVALID'));
    if (line.variantId !== undefined && !shop.products.some((p) => p.variants.some((v) => v.id === parseGid(line.variantId, 'ProductVariant')))) {
      errors.push(userError([...path, 'variantId'], 'Variant does not exist', 'PRODUCT_DOES_NOT_EXIST'));
    }
    if (line.variantId === undefined && (!line.title || !line.priceSet)) {
      errors.push(userError([...path], 'A line item without a variant needs a title and a price', 'INVALID'));
    }
  });
  if (input.customerId !== undefined && !shop.customers.some((c) => c.id === parseGid(input.customerId, 'Customer'))) {
    errors.push(userError(['order', 'customerId'], 'Customer does not exist', 'CUSTOMER_DOES_NOT_EXIST'));
  }
  // Assumed message: the docs and captures say nothing of an unknown company location.
  if (input.companyLocationId !== undefined && input.companyLocationId !== null && !findCompanyLocation(shop, input.companyLocationId)) {
    errors.push(userError(['order', 'companyLocationId'], 'Company location does not exist', 'INVALID'));
  }
  if (input.customer?.toUpsert && !input.customer.toUpsert.id) {
    const upsert = input.customer.toUpsert;
    const existing = upsert.email ? customerByEmail(shop, upsert.email) : undefined;
    if (!existing) errors.push(...validateCustomer(shop, upsert, ['order', 'customer', 'toUpsert']));
  }
  return errors;
}

function resolveCustomer(shop: EmulatedShop, state: EmulatorState, input: OrderCreateInput): number | null {
  if (input.customerId) return parseGid(input.customerId, 'Customer') ?? null;
  const associate = input.customer?.toAssociate;
  if (associate?.id) return parseGid(associate.id, 'Customer') ?? null;
  if (associate?.email) return customerByEmail(shop, associate.email)?.id ?? null;
  const upsert = input.customer?.toUpsert;
  if (!upsert) return null;
  const existing = upsert.id ? findCustomer(shop, upsert.id) : upsert.email ? customerByEmail(shop, upsert.email) : undefined;
  if (existing) {
    // The known customer's names and phone follow the order; a change Shopify would refuse (a taken phone) is left out.
    const planned = planCustomer(shop, { firstName: upsert.firstName, lastName: upsert.lastName, phone: upsert.phone }, existing);
    if ('plan' in planned) applyCustomer(shop, state, existing, planned.plan);
    return existing.id;
  }
  return createCustomer(shop, state, upsert).id;
}

/**
 * The order's exchange rate, from the first price given in both currencies (lines, then shipping lines). The
 * docs give orderCreate no rate of its own: a MoneyBagInput without presentmentMoney means one currency, so an
 * order without any keeps rate 1. Later presentment amounts are not checked against the rate: they are answered
 * converted from their shop amounts.
 */
function presentmentRate(input: OrderCreateInput, currency: string): string | undefined {
  if (!input.presentmentCurrency || input.presentmentCurrency === currency) return undefined;
  const bags = [...(input.lineItems ?? []).map((l) => l.priceSet), ...(input.shippingLines ?? []).map((s) => s.priceSet)];
  const pair = bags.find((bag) => bag?.presentmentMoney && cents(bag.shopMoney.amount) > 0 && cents(bag.presentmentMoney.amount) > 0);
  return pair?.presentmentMoney ? rateOf(cents(pair.shopMoney.amount), cents(pair.presentmentMoney.amount)) : undefined;
}

function codeOf(input: OrderCreateInput): EmulatedOrder['orderDiscountCode'] {
  const fixed = input.discountCode?.itemFixedDiscountCode;
  const percentage = input.discountCode?.itemPercentageDiscountCode;
  if (fixed) return { code: fixed.code, percentage: null };
  return percentage ? { code: percentage.code, percentage: percentage.percentage ?? 0 } : undefined;
}

export function createOrder(shop: EmulatedShop, state: EmulatorState, input: OrderCreateInput): EmulatedOrder {
  const now = state.now();
  const currency = input.currency ?? shop.currencyCode;
  const rate = presentmentRate(input, currency);
  const lineItems: EmulatedLineItem[] = (input.lineItems ?? []).map((line) => {
    const variantId = line.variantId ? (parseGid(line.variantId, 'ProductVariant') as number) : null;
    const product = variantId ? shop.products.find((p) => p.variants.some((v) => v.id === variantId)) : undefined;
    const variant = product?.variants.find((v) => v.id === variantId);
    return {
      id: state.nextId(shop),
      productId: product?.id ?? null,
      variantId,
      sku: line.sku ?? variant?.sku ?? null,
      title: line.title ?? product?.title ?? 'Item',
      variantTitle: line.variantTitle ?? (variant && variant.title !== 'Default Title' ? variant.title : null),
      vendor: line.vendor ?? product?.vendor ?? null,
      quantity: line.quantity,
      price: money(amountCents(line.priceSet?.shopMoney.amount ?? variant?.price ?? 0, currency)),
      discount: '0.00',
      giftCard: line.giftCard ?? false,
      // Lines of a variant ship like the variant (physical goods here); custom lines say so themselves.
      requiresShipping: variant ? !line.giftCard : (line.requiresShipping ?? false),
      refundedQuantity: 0,
    };
  });
  const subtotal = lineItems.reduce((sum, l) => sum + cents(l.price) * l.quantity, 0);
  const discount = input.discountCode?.itemFixedDiscountCode?.amountSet
    ? amountCents(input.discountCode.itemFixedDiscountCode.amountSet.shopMoney.amount, currency)
    : input.discountCode?.itemPercentageDiscountCode
      ? Math.round((subtotal * (input.discountCode.itemPercentageDiscountCode.percentage ?? 0)) / 100)
      : 0;
  const number = shop.nextOrderNumber;
  shop.nextOrderNumber += 1;
  const order: EmulatedOrder = {
    id: state.nextId(shop),
    number,
    name: input.name ?? `#${number}`,
    email: input.email ?? input.customer?.toUpsert?.email ?? null,
    phone: input.phone ?? null,
    customerId: resolveCustomer(shop, state, input),
    createdAt: now,
    updatedAt: now,
    processedAt: input.processedAt ?? now,
    closedAt: input.closedAt ?? null,
    cancelledAt: null,
    cancelReason: null,
    currencyCode: currency,
    presentmentCurrencyCode: input.presentmentCurrency ?? currency,
    ...(rate === undefined ? {} : { presentmentRate: rate }),
    taxesIncluded: input.taxesIncluded ?? false,
    test: input.test ?? false,
    sourceName: input.sourceName ?? 'web',
    channelHandle: input.sourceName === 'pos' ? 'pos' : 'web',
    tags: input.tags ?? [],
    note: input.note ?? null,
    poNumber: input.poNumber ?? null,
    customAttributes: input.customAttributes ?? [],
    billingAddress: input.billingAddress ? toAddress(input.billingAddress) : null,
    shippingAddress: input.shippingAddress ? toAddress(input.shippingAddress) : null,
    lineItems,
    shippingLines: (input.shippingLines ?? []).map((s) => ({ id: state.nextId(shop), title: s.title, code: s.code ?? null, price: money(amountCents(s.priceSet.shopMoney.amount, currency)) })),
    transactions: [],
    orderDiscount: money(discount),
    ...(codeOf(input) ? { orderDiscountCode: codeOf(input) } : {}),
    totalTax: money((input.taxLines ?? []).reduce((sum, t) => sum + cents(t.priceSet?.shopMoney.amount ?? 0), 0)),
    fulfillmentOrders: [],
    fulfillments: [],
    refunds: [],
    riskLevel: 'LOW',
  };
  order.transactions = (input.transactions ?? []).map((t) => ({
    id: state.nextId(shop),
    kind: t.kind ?? 'SALE',
    status: t.status ?? 'SUCCESS',
    gateway: t.gateway ?? 'manual',
    amount: money(amountCents(t.amountSet.shopMoney.amount, order.currencyCode)),
    createdAt: now,
  }));
  if (order.transactions.length === 0 && input.financialStatus && input.financialStatus !== 'PENDING') {
    const total = orderTotals(order).total;
    const kind = input.financialStatus === 'AUTHORIZED' ? 'AUTHORIZATION' : 'SALE';
    const amount = input.financialStatus === 'PARTIALLY_PAID' ? Math.floor(total / 2) : total;
    order.transactions.push({ id: state.nextId(shop), kind, status: 'SUCCESS', gateway: 'manual', amount: money(amount), createdAt: now });
  }
  const location = shop.locations.find((l) => l.isActive && l.fulfillsOnlineOrders) ?? shop.locations[0];
  const shippable = lineItems.filter((l) => l.requiresShipping);
  if (shippable.length > 0) {
    order.fulfillmentOrders.push({
      id: state.nextId(shop),
      status: 'OPEN',
      locationId: location?.id ?? 0,
      updatedAt: now,
      lineItems: shippable.map((l) => ({ id: state.nextId(shop), lineItemId: l.id, totalQuantity: l.quantity, remainingQuantity: l.quantity })),
    });
  }
  if (input.fulfillmentStatus === 'FULFILLED') {
    for (const fo of order.fulfillmentOrders) {
      order.fulfillments.push({ id: state.nextId(shop), status: 'SUCCESS', createdAt: now, notifyCustomer: false, trackingInfo: [], lineItems: fo.lineItems.map((l) => ({ lineItemId: l.lineItemId, quantity: l.remainingQuantity })) });
      fo.lineItems.forEach((l) => (l.remainingQuantity = 0));
      fo.status = 'CLOSED';
    }
  }
  const companyLocation = input.companyLocationId ? findCompanyLocation(shop, input.companyLocationId) : undefined;
  if (companyLocation) {
    // The buyer is the contact the order's customer is at that company, if any (the docs say no more).
    const company = shop.b2b.companies[companyLocation.companyId];
    const contact = company && order.customerId !== null ? contactOfCustomer(shop, company, order.customerId) : undefined;
    order.purchasingCompany = { companyId: companyLocation.companyId, locationId: companyLocation.id, contactId: contact?.id ?? null };
  }
  shop.orders.push(order);
  orderCreated(state, shop, order);
  return order;
}

/** Every change to an order goes through here: updatedAt moves and orders/updated is sent (once per request). */
export function touch(order: EmulatedOrder, state: EmulatorState): void {
  order.updatedAt = state.now();
  orderChanged(state, order);
}

export const orderResolvers: ResolverModule = {
  query: {
    orders: (args, { shop }) => {
      const matches = orderMatcher(shop, args.query);
      // Cursors carry the sort position, as Shopify's do: an order edited during a paged read moves, nothing after the cursor is skipped.
      return sortedPage(shop.orders.filter(matches), args as ConnectionArgs, orderSort(args.sortKey), (o) => orderObject(shop, o));
    },
    order: (args, { shop }) => {
      const order = findOrder(shop, args.id);
      return order ? orderObject(shop, order) : null;
    },
  },
  mutation: {
    orderCreate: (args, { shop, state }) => {
      const input = args.order as OrderCreateInput;
      const errors = validateOrder(shop, input);
      if (errors.length) return { order: null, userErrors: errors };
      return { order: orderObject(shop, createOrder(shop, state, input)), userErrors: [] };
    },
    orderUpdate: (args, { shop, state }) => {
      const input = args.input as { id: string; customAttributes?: Array<{ key: string; value: string }>; tags?: string[]; note?: string; email?: string; poNumber?: string; shippingAddress?: Record<string, string | null> };
      const order = findOrder(shop, input.id);
      if (!order) return { order: null, userErrors: [userError(['id'], 'Order does not exist')] };
      if (input.customAttributes) order.customAttributes = input.customAttributes;
      if (input.tags) order.tags = input.tags;
      if (input.note !== undefined) order.note = input.note;
      if (input.email !== undefined) order.email = input.email;
      if (input.poNumber !== undefined) order.poNumber = input.poNumber;
      if (input.shippingAddress) order.shippingAddress = toAddress(input.shippingAddress);
      touch(order, state);
      return { order: orderObject(shop, order), userErrors: [] };
    },
    orderClose: (args, { shop, state }) => {
      const order = findOrder(shop, (args.input as { id: string }).id);
      if (!order) return { order: null, userErrors: [userError(['id'], 'Order does not exist')] };
      order.closedAt ??= state.now();
      touch(order, state);
      return { order: orderObject(shop, order), userErrors: [] };
    },
    orderCancel: (args, { shop, state }) => {
      const order = findOrder(shop, args.orderId);
      const job = { id: `gid://shopify/Job/${state.nextId(shop)}`, done: true };
      if (!order) return { job: null, orderCancelUserErrors: [userError(['orderId'], 'Order does not exist', 'NOT_FOUND')], userErrors: [] };
      if (order.cancelledAt) return { job: null, orderCancelUserErrors: [userError(['orderId'], 'Order has already been cancelled', 'INVALID')], userErrors: [] };
      order.cancelledAt = state.now();
      order.cancelReason = String(args.reason);
      order.closedAt ??= order.cancelledAt;
      for (const fo of order.fulfillmentOrders) if (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS') fo.status = 'CANCELLED';
      if (args.refund === true) {
        const { paid, refunded } = orderTotals(order);
        if (paid - refunded > 0) order.transactions.push({ id: state.nextId(shop), kind: 'REFUND', status: 'SUCCESS', gateway: 'manual', amount: money(paid - refunded), createdAt: order.cancelledAt });
      }
      touch(order, state);
      orderCancelled(state, shop, order);
      return { job, orderCancelUserErrors: [], userErrors: [] };
    },
  },
};
