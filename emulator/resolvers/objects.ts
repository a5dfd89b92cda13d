import { addressView } from '../addresses';
import { cents, money, type Address, type EmulatedInventoryLevel, type EmulatedLineItem, type EmulatedOrder, type EmulatedProduct, type EmulatedProductOption, type EmulatedVariant } from '../commerce';
import { currentOrderDiscount, prorated } from '../order-discounts';
import { toPresentmentCents, type OrderCurrencies } from '../currency';
import { gid, parseGid } from '../gid';
import { deactivationBlocker, isActiveLevel, isQuantityName, levelGid, quantityOf, QUANTITY_NAMES, visibleLevels } from '../inventory-store';
import { expressionMatcher, parseSearchExpression } from '../search-query';
import type { EmulatedLocation, EmulatedShop } from '../state';
import { paginate, type ConnectionArgs } from './connection';
import { mediaImageObject, productMediaConnection, readyImages, variantMediaConnection } from './media';
import { ShopifyGraphQLError } from './context';
import { customerObject } from './customer-objects';
import { discountAllocations, discountApplications } from './discount-objects';
import { purchasingCompanyObject } from './company-objects';
import { orderRefundFields, shippingLineObject } from './refund-objects';
import { fulfillmentOrderObject, orderFulfillmentFields } from './fulfillment-objects';

/** How the emulator's records look through the Admin API: one builder per object type. */

export function moneyV2(amount: string, currencyCode: string) {
  return { amount, currencyCode };
}

/** A shop-currency amount of an order in both its currencies (the presentment one converted at the order's rate). */
export function moneyBag(amount: string, order: OrderCurrencies) {
  return { shopMoney: moneyV2(amount, order.currencyCode), presentmentMoney: moneyV2(money(toPresentmentCents(cents(amount), order.presentmentRate)), order.presentmentCurrencyCode) };
}

export function addressObject(address: Address | null) {
  return address ? addressView(address) : null;
}

function productOf(shop: EmulatedShop, variant: EmulatedVariant): EmulatedProduct | undefined {
  return shop.products.find((p) => p.id === variant.productId);
}

function optionValueObject(product: EmulatedProduct | undefined, value: { id: number; name: string }, optionName: string) {
  return {
    __typename: 'ProductOptionValue',
    id: gid('ProductOptionValue', value.id),
    name: value.name,
    hasVariants: !!product?.variants.some((v) => v.selectedOptions.some((s) => s.name === optionName && s.value.toLowerCase() === value.name.toLowerCase())),
    linkedMetafieldValue: null,
    swatch: null,
  };
}

export function productOptionObject(product: EmulatedProduct, option: EmulatedProductOption) {
  return {
    __typename: 'ProductOption',
    id: gid('ProductOption', option.id),
    name: option.name,
    position: option.position,
    values: option.values.map((v) => v.name),
    optionValues: option.values.map((v) => optionValueObject(product, v, option.name)),
    linkedMetafield: null,
  };
}

export function inventoryItemObject(shop: EmulatedShop, variant: EmulatedVariant) {
  const item = variant.inventoryItem;
  const stocked = (includeInactive?: boolean | null) => visibleLevels(item, includeInactive === true).map((level) => ({ level, variant }));
  return {
    __typename: 'InventoryItem',
    id: gid('InventoryItem', variant.inventoryItemId),
    legacyResourceId: String(variant.inventoryItemId),
    sku: variant.sku,
    tracked: item.tracked,
    trackedEditable: { locked: false, reason: null },
    requiresShipping: item.requiresShipping,
    unitCost: item.unitCost === null ? null : moneyV2(item.unitCost, shop.currencyCode),
    measurement: { id: gid('InventoryItemMeasurement', variant.inventoryItemId), weight: item.weight },
    countryCodeOfOrigin: null,
    provinceCodeOfOrigin: null,
    harmonizedSystemCode: null,
    inventoryHistoryUrl: null,
    duplicateSkuCount: variant.sku === null ? 0 : shop.products.flatMap((p) => p.variants).filter((v) => v !== variant && v.sku === variant.sku).length,
    locationsCount: () => ({ count: visibleLevels(item).length, precision: 'EXACT' }),
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    variant: () => variantObject(shop, variant),
    variants: (args: ConnectionArgs) => paginate([variantObject(shop, variant)], args, (v) => v.id),
    inventoryLevel: (args: { locationId: string; includeInactive?: boolean | null }) => {
      const location = shop.locations.find((l) => l.id === parseGid(args.locationId, 'Location'));
      const level = location ? visibleLevels(item, args.includeInactive === true).find((l) => l.locationId === location.id) : undefined;
      return level ? inventoryLevelObject(shop, variant, level) : null;
    },
    inventoryLevels: (args: ConnectionArgs & { query?: string | null; includeInactive?: boolean | null }) => inventoryLevelConnection(shop, stocked(args.includeInactive), args),
  };
}

export function variantObject(shop: EmulatedShop, variant: EmulatedVariant) {
  const product = productOf(shop, variant);
  return {
    __typename: 'ProductVariant',
    id: gid('ProductVariant', variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product?.title ?? ''} - ${variant.title}`,
    sku: variant.sku,
    barcode: variant.barcode,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    taxable: variant.taxable,
    inventoryPolicy: variant.inventoryPolicy,
    position: variant.position,
    selectedOptions: variant.selectedOptions.map((s) => {
      const value = product?.options.find((o) => o.name === s.name)?.values.find((v) => v.name.toLowerCase() === s.value.toLowerCase());
      return { name: s.name, value: s.value, optionValue: () => (value ? optionValueObject(product, value, s.name) : null) };
    }),
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    inventoryItem: () => inventoryItemObject(shop, variant),
    product: () => (product ? productObject(shop, product) : null),
    media: (args: ConnectionArgs) => variantMediaConnection(shop, variant.id, args),
    image: () => readyImages(shop, shop.media.ofVariant(variant.id))[0] ?? null,
  };
}

export function productObject(shop: EmulatedShop, product: EmulatedProduct) {
  const onlyDefault = product.variants.length === 1 && product.options.length === 1 && product.options[0]?.name === 'Title' && product.variants[0]?.title === 'Default Title';
  return {
    __typename: 'Product',
    id: gid('Product', product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    descriptionHtml: product.descriptionHtml,
    description: (args: { truncateAt?: number | null }) => {
      const text = product.descriptionHtml.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
      return args.truncateAt && text.length > args.truncateAt ? `${text.slice(0, Math.max(0, args.truncateAt - 3))}...` : text;
    },
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    handle: product.handle,
    tags: product.tags,
    isGiftCard: product.giftCard,
    hasOnlyDefaultVariant: onlyDefault,
    tracksInventory: product.variants.some((v) => v.inventoryItem.tracked),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    options: (args: { first?: number | null }) => product.options.slice(0, args.first ?? undefined).map((o) => productOptionObject(product, o)),
    variants: (args: ConnectionArgs & { sortKey?: string | null }) => {
      const sorted = args.sortKey === 'SKU' || args.sortKey === 'TITLE'
        ? [...product.variants].sort((a, b) => (args.sortKey === 'SKU' ? (a.sku ?? '').localeCompare(b.sku ?? '') : a.title.localeCompare(b.title)) || a.id - b.id)
        : args.sortKey === 'ID' ? [...product.variants].sort((a, b) => a.id - b.id) : product.variants;
      return paginate(sorted.map((v) => variantObject(shop, v)), args, (v) => v.id);
    },
    variantsCount: { count: product.variants.length, precision: 'EXACT' },
    media: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }) => productMediaConnection(shop, product, args),
    mediaCount: () => ({ count: shop.media.ofProduct(product.id).length, precision: 'EXACT' }),
    featuredMedia: () => {
      const first = shop.media.ofProduct(product.id)[0];
      return first ? mediaImageObject(shop, first) : null;
    },
    featuredImage: () => readyImages(shop, shop.media.ofProduct(product.id))[0] ?? null,
    images: (args: ConnectionArgs) => paginate(readyImages(shop, shop.media.ofProduct(product.id)), args, (image) => image.id),
  };
}

/** Quantities after refunds; what is left to fulfil. */
export function currentQuantity(line: EmulatedLineItem): number {
  return line.quantity - line.refundedQuantity;
}

export function fulfilledQuantity(order: EmulatedOrder, line: EmulatedLineItem): number {
  return order.fulfillments
    .filter((f) => f.status === 'SUCCESS')
    .flatMap((f) => f.lineItems)
    .filter((l) => l.lineItemId === line.id)
    .reduce((sum, l) => sum + l.quantity, 0);
}

export interface OrderTotals {
  /** Lines after all their discounts, before returns (Order.subtotalPriceSet). */
  subtotal: number;
  /** The same on the units not refunded (Order.currentSubtotalPriceSet). */
  currentSubtotal: number;
  shipping: number;
  /** Shipping less what refunds gave back of it (Order.currentShippingPriceSet). */
  currentShipping: number;
  discounts: number;
  currentDiscounts: number;
  currentOrderDiscount: number;
  tax: number;
  total: number;
  currentTotal: number;
  paid: number;
  refunded: number;
  authorized: number;
}

export function orderTotals(order: EmulatedOrder): OrderTotals {
  const lineDiscounts = order.lineItems.reduce((sum, l) => sum + cents(l.discount), 0);
  const currentLineDiscounts = order.lineItems.reduce((sum, l) => sum + prorated(cents(l.discount), l, currentQuantity(l)), 0);
  const orderDiscount = cents(order.orderDiscount);
  const currentCart = currentOrderDiscount(order);
  const subtotal = order.lineItems.reduce((sum, l) => sum + cents(l.price) * l.quantity, 0) - lineDiscounts - orderDiscount;
  const currentSubtotal = order.lineItems.reduce((sum, l) => sum + cents(l.price) * currentQuantity(l), 0) - currentLineDiscounts - currentCart;
  const shipping = order.shippingLines.reduce((sum, s) => sum + cents(s.price), 0);
  const shippingRefunded = order.refunds.flatMap((r) => r.shippingLines ?? []).reduce((sum, s) => sum + cents(s.subtotal), 0);
  const tax = cents(order.totalTax);
  const taxOnTop = order.taxesIncluded ? 0 : tax;
  const successful = order.transactions.filter((t) => t.status === 'SUCCESS');
  const sum = (kinds: string[]) => successful.filter((t) => kinds.includes(t.kind)).reduce((s, t) => s + cents(t.amount), 0);
  return {
    subtotal,
    currentSubtotal,
    shipping,
    currentShipping: Math.max(0, shipping - shippingRefunded),
    discounts: lineDiscounts + orderDiscount,
    currentDiscounts: currentLineDiscounts + currentCart,
    currentOrderDiscount: currentCart,
    tax,
    total: subtotal + shipping + taxOnTop,
    currentTotal: currentSubtotal + Math.max(0, shipping - shippingRefunded) + taxOnTop,
    paid: sum(['SALE', 'CAPTURE']),
    refunded: sum(['REFUND']),
    authorized: sum(['AUTHORIZATION']),
  };
}

export function financialStatus(order: EmulatedOrder): string {
  const t = orderTotals(order);
  if (order.cancelledAt && t.paid === 0) return 'VOIDED';
  if (t.refunded > 0) return t.refunded >= t.paid ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (t.paid > 0) return t.paid >= t.currentTotal ? 'PAID' : 'PARTIALLY_PAID';
  if (t.authorized > 0) return 'AUTHORIZED';
  return t.currentTotal === 0 ? 'PAID' : 'PENDING';
}

export function fulfillmentStatus(order: EmulatedOrder): string {
  const shippable = order.lineItems.filter((l) => l.requiresShipping && currentQuantity(l) > 0);
  if (shippable.length === 0) return order.fulfillments.length > 0 ? 'FULFILLED' : 'UNFULFILLED';
  const done = shippable.map((l) => fulfilledQuantity(order, l) >= currentQuantity(l));
  if (done.every(Boolean)) return 'FULFILLED';
  return shippable.some((l) => fulfilledQuantity(order, l) > 0) ? 'PARTIALLY_FULFILLED' : 'UNFULFILLED';
}

export function lineItemObject(shop: EmulatedShop, order: EmulatedOrder, line: EmulatedLineItem) {
  const variant = line.variantId ? shop.products.flatMap((p) => p.variants).find((v) => v.id === line.variantId) : undefined;
  const unitDiscount = line.quantity > 0 ? Math.round(cents(line.discount) / line.quantity) : 0;
  return {
    __typename: 'LineItem',
    id: gid('LineItem', line.id),
    sku: line.sku,
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variantTitle: line.variantTitle,
    vendor: line.vendor,
    quantity: line.quantity,
    currentQuantity: currentQuantity(line),
    refundableQuantity: currentQuantity(line),
    unfulfilledQuantity: Math.max(0, currentQuantity(line) - fulfilledQuantity(order, line)),
    isGiftCard: line.giftCard,
    requiresShipping: line.requiresShipping,
    customAttributes: [],
    originalUnitPriceSet: moneyBag(line.price, order),
    discountedUnitPriceSet: moneyBag(money(cents(line.price) - unitDiscount), order),
    totalDiscountSet: moneyBag(line.discount, order),
    discountAllocations: () => discountAllocations(order, line),
    variant: variant ? variantObject(shop, variant) : null,
    product: () => {
      const product = shop.products.find((p) => p.id === line.productId);
      return product ? productObject(shop, product) : null;
    },
  };
}

export function orderObject(shop: EmulatedShop, order: EmulatedOrder) {
  const totals = orderTotals(order);
  const customer = order.customerId ? shop.customers.find((c) => c.id === order.customerId) : undefined;
  const status = financialStatus(order);
  const bag = (amount: number) => moneyBag(money(amount), order);
  const recommendation = { LOW: 'ACCEPT', MEDIUM: 'INVESTIGATE', HIGH: 'CANCEL', NONE: 'NONE' }[order.riskLevel];
  return {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    number: order.number,
    email: order.email,
    phone: order.phone,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    confirmed: true,
    test: order.test,
    currencyCode: order.currencyCode,
    presentmentCurrencyCode: order.presentmentCurrencyCode,
    taxesIncluded: order.taxesIncluded,
    sourceName: order.sourceName,
    channelInformation: { id: gid('ChannelInformation', order.id), channelDefinition: { handle: order.channelHandle, channelName: order.channelHandle === 'pos' ? 'Point of Sale' : 'Online Store' } },
    // What replaces channelInformation in 2026-10 (the orders query's `channel` filter reads this handle).
    attribution: { handle: order.channelHandle, displayName: order.channelHandle === 'pos' ? 'Point of Sale' : 'Online Store', icon: null },
    tags: order.tags,
    note: order.note,
    poNumber: order.poNumber,
    customAttributes: order.customAttributes,
    billingAddress: addressObject(order.billingAddress),
    shippingAddress: addressObject(order.shippingAddress),
    displayAddress: addressObject(order.shippingAddress ?? order.billingAddress),
    customer: customer ? customerObject(shop, customer) : null,
    purchasingEntity: () => (order.purchasingCompany ? purchasingCompanyObject(shop, order.purchasingCompany) : customer ? customerObject(shop, customer) : null),
    displayFinancialStatus: status,
    displayFulfillmentStatus: fulfillmentStatus(order),
    fullyPaid: totals.paid - totals.refunded >= totals.currentTotal || status === 'PAID',
    unpaid: totals.paid === 0,
    riskLevel: order.riskLevel,
    risk: { recommendation, assessments: [] },
    subtotalLineItemsQuantity: order.lineItems.reduce((s, l) => s + l.quantity, 0),
    currentSubtotalLineItemsQuantity: order.lineItems.reduce((s, l) => s + currentQuantity(l), 0),
    subtotalPriceSet: bag(totals.subtotal),
    currentSubtotalPriceSet: bag(totals.currentSubtotal),
    totalShippingPriceSet: bag(totals.shipping),
    currentShippingPriceSet: bag(totals.currentShipping),
    totalDiscountsSet: bag(totals.discounts),
    currentTotalDiscountsSet: bag(totals.currentDiscounts),
    cartDiscountAmountSet: bag(cents(order.orderDiscount)),
    discountApplications: (args: ConnectionArgs) => paginate(discountApplications(order), args, (a) => String(a.index)),
    currentCartDiscountAmountSet: bag(totals.currentOrderDiscount),
    totalTaxSet: bag(totals.tax),
    totalPriceSet: bag(totals.total),
    currentTotalPriceSet: bag(totals.currentTotal),
    totalReceivedSet: bag(totals.paid),
    totalRefundedSet: bag(totals.refunded),
    totalOutstandingSet: bag(Math.max(0, totals.currentTotal - totals.paid + totals.refunded)),
    lineItems: (args: ConnectionArgs) => paginate(order.lineItems.map((l) => lineItemObject(shop, order, l)), args, (l) => l.id),
    shippingLines: (args: ConnectionArgs) => paginate(order.shippingLines.map((s) => shippingLineObject(order, s)), args, (s) => s.id),
    fulfillmentOrders: (args: ConnectionArgs) => paginate(order.fulfillmentOrders.map((fo) => fulfillmentOrderObject(shop, order, fo)), args, (fo) => fo.id),
    ...orderFulfillmentFields(shop, order),
    ...orderRefundFields(shop, order),
  };
}

/** A level of one variant's inventory item, as InventoryLevel. */
export function inventoryLevelObject(shop: EmulatedShop, variant: EmulatedVariant, level: EmulatedInventoryLevel) {
  const id = levelGid(level, variant.inventoryItemId);
  const blocker = deactivationBlocker(variant.inventoryItem, level);
  const location = shop.locations.find((l) => l.id === level.locationId);
  return {
    __typename: 'InventoryLevel',
    id,
    isActive: isActiveLevel(level),
    canDeactivate: blocker === null,
    deactivationAlert: blocker,
    createdAt: level.createdAt,
    updatedAt: level.updatedAt,
    item: () => inventoryItemObject(shop, variant),
    location: () => (location ? locationObject(shop, location) : null),
    quantities: (args: { names: string[] }) =>
      args.names.map((name) => {
        if (!isQuantityName(name)) throw new ShopifyGraphQLError(`Invalid quantity name '${name}'. Valid names: ${QUANTITY_NAMES.join(', ')}.`, 'BAD_REQUEST');
        const stored = name !== 'on_hand' && name !== 'unavailable';
        return {
          __typename: 'InventoryQuantity',
          id: `gid://shopify/InventoryQuantity/${level.id}?inventory_item_id=${variant.inventoryItemId}&name=${name}`,
          name,
          quantity: quantityOf(level, name),
          updatedAt: stored ? level.quantityUpdatedAt[name] ?? null : level.updatedAt,
        };
      }),
    scheduledChanges: (args: ConnectionArgs) => paginate([], args, () => ''),
  };
}

/**
 * A page of levels, in level id order, filtered by the connection's documented search terms: id,
 * inventory_item_id, inventory_group_id (no groups here, so it matches nothing), created_at, updated_at.
 */
export function inventoryLevelConnection(shop: EmulatedShop, entries: Array<{ level: EmulatedInventoryLevel; variant: EmulatedVariant }>, args: ConnectionArgs & { query?: string | null }) {
  const matches = expressionMatcher<{ level: EmulatedInventoryLevel; variant: EmulatedVariant }>(
    parseSearchExpression(args.query),
    {
      id: (e) => e.level.id,
      inventory_item_id: (e) => e.variant.inventoryItemId,
      inventory_group_id: () => null,
      created_at: (e) => e.level.createdAt,
      updated_at: (e) => e.level.updatedAt,
      default: (e) => e.variant.sku,
    },
    { id: 'number', inventory_item_id: 'number', inventory_group_id: 'number', created_at: 'date', updated_at: 'date' },
  );
  const sorted = entries.filter(matches).sort((a, b) => a.level.id - b.level.id);
  // Only the page's levels become objects: a location's connection pages through every level of the shop.
  const page = paginate(sorted, args, (e) => levelGid(e.level, e.variant.inventoryItemId));
  const nodes = page.nodes.map((e) => inventoryLevelObject(shop, e.variant, e.level));
  return { ...page, nodes, edges: page.edges.map((edge, index) => ({ cursor: edge.cursor, node: nodes[index] })) };
}

export function locationObject(shop: EmulatedShop, location: EmulatedLocation) {
  const stocked = (includeInactive?: boolean | null) =>
    shop.products.flatMap((p) => p.variants).flatMap((variant) => visibleLevels(variant.inventoryItem, includeInactive === true).filter((l) => l.locationId === location.id).map((level) => ({ level, variant })));
  return {
    __typename: 'Location',
    id: gid('Location', location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.isActive,
    isPrimary: shop.locations.find((l) => l.isActive) === location,
    fulfillsOnlineOrders: location.fulfillsOnlineOrders,
    shipsInventory: location.shipsInventory,
    hasActiveInventory: stocked().length > 0,
    isFulfillmentService: false,
    deactivatedAt: location.isActive ? null : location.updatedAt,
    createdAt: location.createdAt,
    updatedAt: location.updatedAt,
    address: {
      address1: location.address1,
      address2: null,
      city: location.city,
      zip: location.zip,
      countryCode: location.countryCode,
      country: location.countryCode,
      provinceCode: location.provinceCode,
      province: location.provinceCode,
      phone: null,
      formatted: [location.address1, location.city, location.zip, location.countryCode].filter(Boolean),
    },
    inventoryLevel: (args: { inventoryItemId: string; includeInactive?: boolean | null }) => {
      const entry = stocked(args.includeInactive).find((e) => e.variant.inventoryItemId === parseGid(args.inventoryItemId, 'InventoryItem'));
      return entry ? inventoryLevelObject(shop, entry.variant, entry.level) : null;
    },
    inventoryLevels: (args: ConnectionArgs & { query?: string | null; includeInactive?: boolean | null }) => inventoryLevelConnection(shop, stocked(args.includeInactive), args),
  };
}
