import type { Db, Document, Filter } from 'mongodb';
import type { TaskKey } from '../domain/tasks';

/**
 * The connector's "Shopify Activities" cues, per shop, counted from the collections the tasks fill.
 * Each definition says where the records are, which of them need attention, and how to show one.
 */
export interface CueItem {
  id: string;
  label: string;
  error?: string;
  /** When the record last needed attention (its error or skip was written), when known. */
  at?: Date;
}

interface CueDefinition {
  title: string;
  /** The task whose runs fill or clear the cue (its runs are where to look for what happened). */
  task?: TaskKey;
  collection: string;
  filter: Filter<Document>;
  item: (doc: Document) => CueItem;
}

const errorOf = (doc: Document): string | undefined => (doc.error as { message?: string } | undefined)?.message;
const dateOf = (value: unknown): Date | undefined => (value instanceof Date ? value : undefined);
const errorAt = (doc: Document): Date | undefined => dateOf((doc.error as { at?: unknown } | undefined)?.at);
const fulfillmentAt = (doc: Document): Date | undefined => dateOf((doc.fulfillment as { at?: unknown } | undefined)?.at);

export const CUE_DEFINITIONS = {
  unmappedCustomers: {
    title: 'Unmapped customers',
    task: 'customers',
    collection: 'shopifyCustomers',
    filter: { erpCustomerNo: null },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.email ?? doc.displayName ?? doc.shopifyId), error: errorOf(doc), at: errorAt(doc) }),
  },
  unmappedCompanies: {
    title: 'Unmapped companies',
    task: 'companies',
    collection: 'shopifyCompanies',
    filter: { erpCustomerNo: null },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.name ?? doc.shopifyId), error: errorOf(doc), at: errorAt(doc) }),
  },
  unmappedProducts: {
    title: 'Unmapped products',
    task: 'products',
    collection: 'shopifyProducts',
    filter: { erpItemNo: null },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.title ?? doc.shopifyId), error: errorOf(doc), at: errorAt(doc) }),
  },
  unprocessedOrders: {
    title: 'Unprocessed orders',
    task: 'orders',
    collection: 'shopifyOrders',
    filter: { processed: false },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.name ?? doc.shopifyId), error: errorOf(doc), at: errorAt(doc) }),
  },
  unprocessedOrderUpdates: {
    title: 'Unprocessed order updates',
    task: 'orders',
    collection: 'shopifyOrders',
    filter: { orderStateConflict: true },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.name ?? doc.shopifyId), error: (doc.conflict as { message?: string } | undefined)?.message, at: dateOf((doc.conflict as { at?: unknown } | undefined)?.at) }),
  },
  unprocessedRefunds: {
    title: 'Unprocessed refunds',
    task: 'orders',
    collection: 'shopifyRefunds',
    filter: { open: true },
    item: (doc) => ({
      id: String(doc.shopifyId),
      label: `refund of order ${doc.orderName ?? doc.orderId}`,
      error: doc.reason === null || doc.reason === undefined ? undefined : `${doc.state === 'error' ? '' : 'waiting: '}${String(doc.reason)}`,
    }),
  },
  unprocessedShipments: {
    title: 'Unprocessed shipments',
    task: 'shipments',
    collection: 'salesShipments',
    filter: { shopifyOrderId: { $ne: null }, 'fulfillment.state': 'unprocessed' },
    item: (doc) => ({ id: String(doc._id), label: `${String(doc._id)} (order ${doc.shopifyOrderName ?? doc.shopifyOrderId})` }),
  },
  waitingShipments: {
    title: 'Shipments waiting in Shopify',
    task: 'shipments',
    collection: 'salesShipments',
    filter: { shopifyOrderId: { $ne: null }, 'fulfillment.state': 'waiting' },
    item: (doc) => ({
      id: String(doc._id),
      label: `${String(doc._id)} (order ${doc.shopifyOrderName ?? doc.shopifyOrderId})`,
      error: `waiting: ${String((doc.fulfillment as { waitingFor?: string } | undefined)?.waitingFor ?? 'for Shopify')}`,
      at: fulfillmentAt(doc),
    }),
  },
  shipmentErrors: {
    title: 'Shipment errors',
    task: 'shipments',
    collection: 'salesShipments',
    filter: { shopifyOrderId: { $ne: null }, 'fulfillment.state': 'error' },
    item: (doc) => ({
      id: String(doc._id),
      label: `${String(doc._id)} (order ${doc.shopifyOrderName ?? doc.shopifyOrderId})`,
      error: (doc.fulfillment as { error?: string } | undefined)?.error,
      at: fulfillmentAt(doc),
    }),
  },
  skippedRecords: {
    title: 'Skipped records',
    collection: 'skippedRecords',
    filter: {},
    item: (doc) => ({ id: String(doc.recordId ?? doc._id), label: `${doc.recordType ?? 'record'} ${doc.recordId ?? ''}`.trim(), error: doc.reason as string | undefined, at: dateOf(doc.at) }),
  },
} satisfies Record<string, CueDefinition>;

export type StoredCueKey = keyof typeof CUE_DEFINITIONS;

export interface Cue {
  title: string;
  count: number;
  items: CueItem[];
}

/** Counts each cue for one shop and lists up to `limit` of its records, newest first. */
export async function countStoredCues(db: Db, shop: string, limit: number): Promise<Record<StoredCueKey, Cue>> {
  const entries = await Promise.all(
    (Object.entries(CUE_DEFINITIONS) as Array<[StoredCueKey, CueDefinition]>).map(async ([key, definition]) => {
      const collection = db.collection(definition.collection);
      const filter = { ...definition.filter, shop };
      const [count, docs] = await Promise.all([
        collection.countDocuments(filter),
        collection.find(filter).sort({ _id: -1 }).limit(limit).toArray(),
      ]);
      return [key, { title: definition.title, count, items: docs.map(definition.item) }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<StoredCueKey, Cue>;
}

export function isStoredCueKey(value: string): value is StoredCueKey {
  return Object.hasOwn(CUE_DEFINITIONS, value);
}

export function storedCueTask(key: StoredCueKey): TaskKey | undefined {
  return (CUE_DEFINITIONS[key] as CueDefinition).task;
}

/** One page of a cue's records (newest first) with the cue's total, for a drill-down. */
export async function listCueRecords(db: Db, shop: string, key: StoredCueKey, page: { skip: number; limit: number }): Promise<Cue> {
  const definition: CueDefinition = CUE_DEFINITIONS[key];
  const collection = db.collection(definition.collection);
  const filter = { ...definition.filter, shop };
  const [count, docs] = await Promise.all([
    collection.countDocuments(filter),
    collection.find(filter).sort({ _id: -1 }).skip(page.skip).limit(page.limit).toArray(),
  ]);
  return { title: definition.title, count, items: docs.map(definition.item) };
}

/** Every cue's count for many shops at once: one grouped count per cue, not one per cue and shop. */
export async function countStoredCuesByShop(db: Db, shops: string[]): Promise<Map<string, Record<StoredCueKey, number>>> {
  const counts = new Map<string, Record<StoredCueKey, number>>(shops.map((shop) => [shop, Object.fromEntries(Object.keys(CUE_DEFINITIONS).map((key) => [key, 0])) as Record<StoredCueKey, number>]));
  await Promise.all(
    (Object.entries(CUE_DEFINITIONS) as Array<[StoredCueKey, CueDefinition]>).map(async ([key, definition]) => {
      const groups = await db
        .collection(definition.collection)
        .aggregate<{ _id: string; count: number }>([{ $match: { ...definition.filter, shop: { $in: shops } } }, { $group: { _id: '$shop', count: { $sum: 1 } } }])
        .toArray();
      for (const group of groups) {
        const shopCounts = counts.get(group._id);
        if (shopCounts) shopCounts[key] = group.count;
      }
    }),
  );
  return counts;
}
