import { createHash } from 'node:crypto';
import type { EmulatedShop } from '../../emulator/state';
import type { Erp } from '../../src/erp/db';
import { erpRecords } from './erp-digest';
import { shopRecords } from './shop-digest';

/**
 * A digest of what a run left behind, in the ERP and in the emulated shop, that two runs of the same
 * seed can be compared by: records under readable keys ("document #1042", "fulfilled #1042 line 2"),
 * with every id the runs allocate differently replaced by the name of what it points at, and every
 * timestamp and ERP-made number left out. A key holding two records where the clean run has one is a
 * record made twice.
 */
export interface Digest {
  /** Key → its records, each as canonical JSON, sorted. */
  records: Record<string, string[]>;
  hash: string;
  size: number;
  /** How many records of each kind ("document", "fulfilled", ...). */
  kinds: Record<string, number>;
}

/** Adds a record under the key `<kind> <name>`. */
export type AddRecord = (kind: string, name: string, value: unknown) => void;

export async function takeDigest(erp: Erp, shop: EmulatedShop): Promise<Digest> {
  const records = new Map<string, string[]>();
  const kinds: Record<string, number> = {};
  const add: AddRecord = (kind, name, value) => {
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const key = `${kind} ${name}`;
    const list = records.get(key) ?? [];
    list.push(canonical(value));
    records.set(key, list);
  };
  const names = new ShopNames(shop);
  const { documentNos } = await erpRecords(erp, shop, names, add);
  shopRecords(shop, names, documentNos, add);
  const sorted = Object.fromEntries([...records.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => [key, list.sort()]));
  const hash = createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
  return { records: sorted, hash, size: [...records.values()].reduce((n, list) => n + list.length, 0), kinds };
}

/** JSON with object keys in order, so equal values give equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Names for the emulated shop's ids. The emulator numbers every object of a shop from one counter, so an
 * id depends on what was made before it (fulfillments, in each run's own order); a name does not.
 */
export class ShopNames {
  private readonly byId = new Map<number, string>();

  constructor(shop: EmulatedShop) {
    const set = (id: number, name: string): void => void this.byId.set(id, name);
    const locationName = new Map(shop.locations.map((l) => [l.id, l.name]));
    for (const location of shop.locations) set(location.id, `location ${location.name}`);
    for (const product of shop.products) {
      set(product.id, `product ${product.title}`);
      for (const variant of product.variants) {
        set(variant.id, `variant ${variant.sku}`);
        set(variant.inventoryItemId, `inventory item ${variant.sku}`);
        for (const level of variant.inventoryItem.levels ?? []) set(level.id, `level ${variant.sku} at ${locationName.get(level.locationId)}`);
      }
    }
    for (const customer of shop.customers) set(customer.id, `customer ${customer.email}`);
    for (const order of shop.orders) {
      set(order.id, `order ${order.name}`);
      order.lineItems.forEach((line, i) => set(line.id, `${order.name} line ${i + 1}`));
      order.shippingLines.forEach((line, i) => set(line.id, `${order.name} shipping line ${i + 1}`));
      order.transactions.forEach((t, i) => set(t.id, `${order.name} transaction ${i + 1}`));
      order.fulfillmentOrders.forEach((fo, i) => set(fo.id, `${order.name} fulfillment order ${i + 1}`));
      // Fulfillments the sync made come in each run's own order: named by their order only.
      for (const fulfillment of order.fulfillments) set(fulfillment.id, `${order.name} fulfillment`);
    }
    shop.payouts.forEach((p, i) => set(p.id, `payout ${i + 1}`));
    shop.balanceTransactions.forEach((t, i) => set(t.id, `balance transaction ${i + 1}`));
  }

  /** The name of a gid or numeric id; an id the shop does not know keeps its type only. */
  of(id: string | number | null | undefined): string | null {
    if (id === null || id === undefined) return null;
    const match = /(?:gid:\/\/shopify\/(\w+)\/)?(\d+)$/.exec(String(id));
    if (!match) return String(id);
    return this.byId.get(Number(match[2])) ?? `unknown ${match[1] ?? 'id'}`;
  }

  /** An order's name from its gid (the key its records go under). */
  order(id: string | null | undefined): string {
    return (this.of(id) ?? 'no order').replace(/^order /, '');
  }
}
