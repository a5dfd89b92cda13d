import { random } from '../bench/seeded-random';

/**
 * The shop a chaos run works on, derived from the seed alone, so the clean run and the chaos run get
 * the same one: items with their variants and stock, customers (most known to the ERP, the rest made
 * by the sync), orders of 1 to 6 lines, payouts. Most orders are there from the start; the rest
 * arrive in steps while the run goes on, with ERP stock changes and payouts the bank moves on.
 */
export interface PlannedVariant {
  sku: string;
  itemNo: string;
  variantCode: string | null;
  price: string;
}

export interface PlannedItem {
  itemNo: string;
  title: string;
  variants: PlannedVariant[];
}

export interface PlannedCustomer {
  email: string;
  firstName: string;
  lastName: string;
  /** The ERP customer it is known as from the start; null: the sync makes one (autoCreateUnknownCustomers). */
  erpNo: string | null;
}

export interface PlannedOrder {
  /** Its tag (`chaos-<index>`), by which a retried creation finds it. */
  index: number;
  customer: number;
  lines: Array<{ sku: string; quantity: number }>;
  paid: boolean;
  /** Already fulfilled in Shopify when created: it becomes an invoice, and the order is archived. */
  fulfilled: boolean;
  /** 0: seeded before the run; 1..FEED_STEPS: created at that step. */
  step: number;
}

export interface StockFigure {
  itemNo: string;
  variantCode: string | null;
  locationCode: string;
  onHand: number;
}

export interface PlannedPayout {
  status: 'PAID' | 'IN_TRANSIT';
  issuedAt: string;
  net: string;
  gross: string;
  fee: string;
}

export interface ShopPlan {
  items: PlannedItem[];
  customers: PlannedCustomer[];
  orders: PlannedOrder[];
  stock: StockFigure[];
  /** ERP stock changes made at each step (index 0 = step 1). */
  stockChanges: StockFigure[][];
  payouts: PlannedPayout[];
  /** Payouts (by index) the bank marks paid at PAYOUTS_PAID_AT_STEP. */
  payoutsPaidLater: number[];
}

/** Steps after the first round at which new orders and changes arrive (one per round). */
export const FEED_STEPS = 4;
export const PAYOUTS_PAID_AT_STEP = 2;
/** Shopify's locations and the ERP location codes their stock comes from. */
export const LOCATIONS = [
  { name: 'Lyon warehouse', city: 'Lyon', code: 'LYON' },
  { name: 'Paris shop', city: 'Paris', code: 'PARIS' },
] as const;
const ITEMS = 24;
const SIZES = ['S', 'M', 'L'];
const SHARE_SEEDED = 0.8;

export function planShop(seed: number, orderCount: number): ShopPlan {
  const rng = random(seed);
  const pick = (n: number): number => Math.floor(rng() * n);

  const items: PlannedItem[] = Array.from({ length: ITEMS }, (_, i) => {
    const itemNo = `ITEM${String(i + 1).padStart(3, '0')}`;
    const sizes = 1 + pick(3);
    const price = `${5 + pick(40)}.${pick(2) ? '90' : '50'}`;
    const variants = sizes === 1
      ? [{ sku: itemNo, itemNo, variantCode: null, price }]
      : SIZES.slice(0, sizes).map((size) => ({ sku: `${itemNo}-${size}`, itemNo, variantCode: size, price }));
    return { itemNo, title: `Chaos item ${i + 1}`, variants };
  });
  const variants = items.flatMap((item) => item.variants);

  const customerCount = Math.min(400, Math.max(20, Math.round(orderCount / 10)));
  const customers: PlannedCustomer[] = Array.from({ length: customerCount }, (_, i) => ({
    email: `buyer${i + 1}@chaos.example.com`,
    firstName: ['Ada', 'Jules', 'Camille', 'Nina', 'Léa', 'Hugo'][i % 6] as string,
    lastName: `Buyer${i + 1}`,
    erpNo: rng() < 0.75 ? `K${String(i + 1).padStart(5, '0')}` : null,
  }));

  const seeded = Math.round(orderCount * SHARE_SEEDED);
  const perStep = Math.ceil((orderCount - seeded) / FEED_STEPS);
  const orders: PlannedOrder[] = Array.from({ length: orderCount }, (_, index) => {
    const lineCount = 1 + pick(6);
    const chosen = new Set<number>();
    while (chosen.size < lineCount) chosen.add(pick(variants.length));
    const paid = rng() < 0.9;
    return {
      index,
      customer: pick(customers.length),
      lines: [...chosen].map((v) => ({ sku: (variants[v] as PlannedVariant).sku, quantity: 1 + pick(3) })),
      paid,
      fulfilled: paid && rng() < 0.1,
      step: index < seeded ? 0 : 1 + Math.floor((index - seeded) / perStep),
    };
  });

  const stock = variants.flatMap((v) => [
    { itemNo: v.itemNo, variantCode: v.variantCode, locationCode: 'LYON', onHand: 20 + pick(180) },
    { itemNo: v.itemNo, variantCode: v.variantCode, locationCode: 'PARIS', onHand: pick(50) },
  ]);
  const stockChanges = Array.from({ length: FEED_STEPS }, () =>
    variants.filter(() => rng() < 0.15).map((v) => ({ itemNo: v.itemNo, variantCode: v.variantCode, locationCode: rng() < 0.5 ? 'LYON' : 'PARIS', onHand: pick(150) })),
  );

  const payoutCount = Math.max(4, Math.round(orderCount / 250));
  const payouts: PlannedPayout[] = Array.from({ length: payoutCount }, (_, i) => {
    const gross = 500 + pick(5000);
    const fee = Math.round(gross * 0.02);
    return {
      status: i % 4 === 3 ? 'IN_TRANSIT' : 'PAID',
      issuedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      gross: `${gross}.00`,
      fee: `${fee}.00`,
      net: `${gross - fee}.00`,
    };
  });
  const payoutsPaidLater = payouts.flatMap((p, i) => (p.status === 'IN_TRANSIT' ? [i] : []));

  return { items, customers, orders, stock, stockChanges, payouts, payoutsPaidLater };
}
