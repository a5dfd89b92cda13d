import type { Db, Document, Filter } from 'mongodb';

/**
 * The connector's "Shopify Activities" cues, per shop, counted from the collections the tasks fill.
 * Each definition says where the records are, which of them need attention, and how to show one.
 */
export interface CueItem {
  id: string;
  label: string;
  error?: string;
}

interface CueDefinition {
  title: string;
  collection: string;
  filter: Filter<Document>;
  item: (doc: Document) => CueItem;
}

const errorOf = (doc: Document): string | undefined => (doc.error as { message?: string } | undefined)?.message;

export const CUE_DEFINITIONS = {
  unmappedCustomers: {
    title: 'Unmapped customers',
    collection: 'shopifyCustomers',
    filter: { erpCustomerNo: null },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.email ?? doc.displayName ?? doc.shopifyId), error: errorOf(doc) }),
  },
  unmappedCompanies: {
    title: 'Unmapped companies',
    collection: 'shopifyCompanies',
    filter: { erpCustomerNo: null },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.name ?? doc.shopifyId), error: errorOf(doc) }),
  },
  unmappedProducts: {
    title: 'Unmapped products',
    collection: 'shopifyProducts',
    filter: { erpItemNo: null },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.title ?? doc.shopifyId), error: errorOf(doc) }),
  },
  unprocessedOrders: {
    title: 'Unprocessed orders',
    collection: 'shopifyOrders',
    filter: { processed: false },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.name ?? doc.shopifyId), error: errorOf(doc) }),
  },
  unprocessedOrderUpdates: {
    title: 'Unprocessed order updates',
    collection: 'shopifyOrders',
    filter: { orderStateConflict: true },
    item: (doc) => ({ id: String(doc.shopifyId), label: String(doc.name ?? doc.shopifyId), error: (doc.conflict as { message?: string } | undefined)?.message }),
  },
  unprocessedRefunds: {
    title: 'Unprocessed refunds',
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
    collection: 'salesShipments',
    filter: { shopifyOrderId: { $ne: null }, 'fulfillment.state': 'unprocessed' },
    item: (doc) => ({ id: String(doc._id), label: `${String(doc._id)} (order ${doc.shopifyOrderName ?? doc.shopifyOrderId})` }),
  },
  waitingShipments: {
    title: 'Shipments waiting in Shopify',
    collection: 'salesShipments',
    filter: { shopifyOrderId: { $ne: null }, 'fulfillment.state': 'waiting' },
    item: (doc) => ({
      id: String(doc._id),
      label: `${String(doc._id)} (order ${doc.shopifyOrderName ?? doc.shopifyOrderId})`,
      error: `waiting: ${String((doc.fulfillment as { waitingFor?: string } | undefined)?.waitingFor ?? 'for Shopify')}`,
    }),
  },
  shipmentErrors: {
    title: 'Shipment errors',
    collection: 'salesShipments',
    filter: { shopifyOrderId: { $ne: null }, 'fulfillment.state': 'error' },
    item: (doc) => ({
      id: String(doc._id),
      label: `${String(doc._id)} (order ${doc.shopifyOrderName ?? doc.shopifyOrderId})`,
      error: (doc.fulfillment as { error?: string } | undefined)?.error,
    }),
  },
  skippedRecords: {
    title: 'Skipped records',
    collection: 'skippedRecords',
    filter: {},
    item: (doc) => ({ id: String(doc.recordId ?? doc._id), label: `${doc.recordType ?? 'record'} ${doc.recordId ?? ''}`.trim(), error: doc.reason as string | undefined }),
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
