import { EmulatorAdmin } from '../../emulator/admin-client';
import { Merchant } from '../../emulator/merchant-client';
import type { Erp } from '../../src/erp/db';
import type { Stack } from '../stack';
import { persist } from './persist';
import { FEED_STEPS, LOCATIONS, PAYOUTS_PAID_AT_STEP, type PlannedOrder, type ShopPlan } from './shop-plan';
import { SHOP, TOKEN } from './settings';

/**
 * Writes a ShopPlan into the emulator (as a merchant's store) and the ERP (items, stock, customers, the
 * shop's settings), and brings its later steps while the run goes on.
 */

/** What the shop is set to do: every order-to-cash task, products from Shopify, customers, stock to Shopify. */
export const SHOP_SETTINGS = {
  allowBackgroundSyncs: true,
  skuMapping: 'itemNoAndVariantCode',
  skuFieldSeparator: '-',
  syncItem: 'fromShopify',
  customerImportFromShopify: 'allCustomers',
  autoCreateUnknownCustomers: true,
  customerTemplateCode: 'RETAIL',
  shippingChargesAccount: '7190',
  activateUnstockedInventory: true,
  sendShippingConfirmation: false,
};

/** Seeding spends nothing of the rate limit: a bucket this large holds every orderCreate. */
const SEED_BUCKET = 1_000_000;
/** Shopify writes a bulk query's objects server-side; the emulator's default (100 a second) is for watching one run. */
const BULK_LINES_PER_SECOND = 10_000;

export interface Feed {
  /** Brings step `step` (1..FEED_STEPS): its orders, its ERP stock changes, payouts the bank moves on. */
  step(step: number): Promise<void>;
}

export async function seedShop(stack: Stack, erp: Erp, plan: ShopPlan): Promise<Feed> {
  const admin = new EmulatorAdmin(stack.emulatorUrl);
  const merchant = new Merchant(stack.emulatorUrl, SHOP, TOKEN);
  await admin.createShop({
    domain: SHOP, token: TOKEN, plan: 'plus', name: 'Chaos Store', currencyCode: 'EUR', ianaTimezone: 'Europe/Paris', bucketSize: SEED_BUCKET, bulkLinesPerSecond: BULK_LINES_PER_SECOND,
    locations: LOCATIONS.map((l) => ({ name: l.name, city: l.city, countryCode: 'FR' })),
  });
  const products = await admin.seedProducts(SHOP, plan.items.map((item) => {
    const sized = item.variants.length > 1;
    return {
      title: item.title,
      vendor: 'Chaos',
      options: sized ? [{ name: 'Size', values: item.variants.map((v) => v.variantCode as string) }] : undefined,
      variants: item.variants.map((v) => ({ sku: v.sku, price: v.price, tracked: true, optionValues: sized ? [{ optionName: 'Size', name: v.variantCode as string }] : undefined })),
    };
  }));
  const variantIds = new Map(products.flatMap((p) => p.variants.map((v) => [v.sku ?? '', v.id] as const)));
  await admin.seedCustomers(SHOP, plan.customers.map((c) => ({
    email: c.email, firstName: c.firstName, lastName: c.lastName,
    addresses: [{ firstName: c.firstName, lastName: c.lastName, address1: '1 Rue de la République', city: 'Lyon', zip: '69001', countryCode: 'FR' }],
  })));
  const createOrder = orderMaker(merchant, plan, variantIds);
  for (const order of plan.orders.filter((o) => o.step === 0)) await createOrder(order);
  const seeded = await admin.seedPayouts(SHOP, {
    payouts: plan.payouts,
    balanceTransactions: plan.payouts.flatMap((p, payoutIndex) => {
      const charges = [0.5, 0.3, 0.2].map((share) => Math.round(Number(p.gross) * share));
      return charges.map((amount) => ({ type: 'CHARGE' as const, amount: `${amount}.00`, fee: `${Math.round(amount * 0.02)}.00`, transactionDate: p.issuedAt, payoutIndex }));
    }),
  });
  await admin.updateShop(SHOP, { bucketSize: null });

  await erp.shops.add({ domain: SHOP, ...SHOP_SETTINGS });
  for (const item of plan.items) {
    await erp.items.upsert({
      no: item.itemNo,
      description: item.title,
      unitPrice: item.variants[0]?.price ?? '0.00',
      variants: item.variants.flatMap((v) => (v.variantCode ? [{ code: v.variantCode }] : [])),
      stock: plan.stock.filter((s) => s.itemNo === item.itemNo).map((s) => ({ locationCode: s.locationCode, quantity: s.onHand, ...(s.variantCode ? { variantCode: s.variantCode } : {}) })),
    });
  }
  for (const c of plan.customers) if (c.erpNo) await erp.customers.upsert(c.erpNo, { name: `${c.firstName} ${c.lastName}`, email: c.email });

  return {
    async step(step: number) {
      if (step < 1 || step > FEED_STEPS) return;
      for (const order of plan.orders.filter((o) => o.step === step)) await createOrder(order);
      for (const change of plan.stockChanges[step - 1] ?? []) {
        await persist('an ERP stock change', () => erp.stock.set(change.itemNo, change.variantCode, change.locationCode, { onHand: change.onHand }));
      }
      if (step === PAYOUTS_PAID_AT_STEP) {
        for (const index of plan.payoutsPaidLater) {
          const payout = seeded.payouts[index];
          if (payout) await persist('a payout paid', () => admin.setPayoutStatus(SHOP, payout.id, 'PAID'));
        }
      }
    },
  };
}

/** Shopify's locations get their ERP stock (free inventory of the location code); refreshShopInfo must have read them. */
export async function configureLocations(erp: Erp): Promise<void> {
  for (const location of LOCATIONS) {
    const configured = await erp.locations.configure(SHOP, location.name, { stockCalculation: 'freeInventory', locationFilter: location.code });
    if (!configured) throw new Error(`location ${location.name} is not known to the ERP: did refreshShopInfo run?`);
  }
}

/**
 * Creates orders as a merchant's shop receives them. Faults hit the merchant's requests too, and one whose
 * answer was lost may have made the order: a retry first looks for the order's tag, so that each planned
 * order is made once and the orders keep their numbers in both runs.
 */
function orderMaker(merchant: Merchant, plan: ShopPlan, variantIds: Map<string, string>): (order: PlannedOrder) => Promise<void> {
  return async (order) => {
    const tag = `chaos-${order.index}`;
    const customer = plan.customers[order.customer];
    if (!customer) throw new Error(`order ${order.index}: no customer ${order.customer}`);
    const address = { firstName: customer.firstName, lastName: customer.lastName, address1: '1 Rue de la République', city: 'Lyon', zip: '69001', countryCode: 'FR' };
    let attempt = 0;
    await persist(`order ${tag}`, async () => {
      attempt += 1;
      if (attempt > 1) {
        const found = await merchant.graphql<{ orders: { nodes: unknown[] } }>('query($q: String!) { orders(first: 1, query: $q) { nodes { id } } }', { q: `tag:${tag}` });
        if (found.orders.nodes.length > 0) return;
      }
      await merchant.order({
        lineItems: order.lines.map((l) => ({ variantId: variantIds.get(l.sku), quantity: l.quantity })),
        customer: { toAssociate: { email: customer.email } },
        email: customer.email,
        shippingAddress: address,
        billingAddress: address,
        shippingLines: [{ title: 'Standard', code: 'STD', priceSet: { shopMoney: { amount: '4.90', currencyCode: 'EUR' } } }],
        financialStatus: order.paid ? 'PAID' : 'PENDING',
        ...(order.fulfilled ? { fulfillmentStatus: 'FULFILLED' } : {}),
        tags: [tag],
      });
    }, { pauseMs: 200 });
  };
}
