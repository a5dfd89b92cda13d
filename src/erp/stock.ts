import type { Collection, Db } from 'mongodb';
import type { StockFigures } from '../domain/stock';
import { IDS_PER_QUERY } from './keys';

/**
 * The ERP's stock of one item (or item variant): its figures per ERP location, in one document, so
 * one lookup by id gives every location. Every change takes the next number of one company-wide
 * sequence and is written to a change log keyed by that number, so a task asks for "what changed
 * after number N" by id instead of reading every record (FerretDB reads a whole collection for any
 * query that is not by `_id`).
 */
interface ItemStockDocument {
  _id: string;
  itemNo: string;
  variantCode: string | null;
  locations: Record<string, Partial<Omit<StockFigures, 'locationCode'>> & { seq: number; changedAt: Date }>;
}

/** One location's stock of an item (or variant), as read. */
export interface StockRecord extends StockFigures {
  itemNo: string;
  variantCode: string | null;
  seq: number;
  changedAt: Date;
}

interface StockChange {
  _id: string;
  itemNo: string;
  variantCode: string | null;
  locationCode: string;
}

export interface ItemKey {
  itemNo: string;
  variantCode: string | null;
}

/** Change numbers as ids that sort and look up as text. */
const seqKey = (seq: number) => String(seq).padStart(15, '0');
const NO_FIGURES = { onHand: 0, reserved: 0, incoming: 0, outgoing: 0 };

export class StockRepository {
  private readonly stock: Collection<ItemStockDocument>;
  private readonly changes: Collection<StockChange>;
  private readonly counters: Collection<{ _id: string; last: number }>;

  constructor(db: Db) {
    this.stock = db.collection<ItemStockDocument>('itemStock');
    this.changes = db.collection<StockChange>('stockChanges');
    this.counters = db.collection('numberSeries');
  }

  /** Sets stock figures of an item (or variant) at a location; the change takes the next number. */
  async set(itemNo: string, variantCode: string | null, locationCode: string, figures: Partial<Omit<StockFigures, 'locationCode'>>): Promise<number> {
    if (!/^[A-Za-z0-9_-][A-Za-z0-9 _-]*$/.test(locationCode)) throw new Error(`location code ${JSON.stringify(locationCode)}: letters, digits, spaces, _ and - only`);
    const counter = await this.counters.findOneAndUpdate({ _id: 'stockChange' }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' });
    const seq = counter?.last ?? 1;
    const variant = variantCode?.toUpperCase() ?? null;
    const at = `locations.${locationCode}`;
    const set = Object.fromEntries(Object.entries(figures).map(([field, value]) => [`${at}.${field}`, value]));
    await this.stock.updateOne(
      { _id: itemKeyOf({ itemNo, variantCode: variant }) },
      { $set: { itemNo, variantCode: variant, ...set, [`${at}.seq`]: seq, [`${at}.changedAt`]: new Date() } },
      { upsert: true },
    );
    await this.changes.updateOne({ _id: seqKey(seq) }, { $set: { itemNo, variantCode: variant, locationCode } }, { upsert: true });
    return seq;
  }

  /** The number of the latest stock change (0 when there was none). */
  async lastChange(): Promise<number> {
    return (await this.counters.findOne({ _id: 'stockChange' }))?.last ?? 0;
  }

  /**
   * The items (and variants) whose stock changed after `max(from, afterSeq)` up to `to`, in change
   * order, at most `limit` change numbers at a time; `lastSeq` is where the next page starts (null: done).
   */
  async changedItems(from: number, to: number, afterSeq: number, limit: number): Promise<{ keys: ItemKey[]; lastSeq: number | null }> {
    const first = Math.max(from, afterSeq) + 1;
    const last = Math.min(to, first + Math.min(limit, IDS_PER_QUERY) - 1);
    if (first > last) return { keys: [], lastSeq: null };
    const ids = Array.from({ length: last - first + 1 }, (_, i) => seqKey(first + i));
    const found = await this.changes.find({ _id: { $in: ids } }).toArray();
    const keys = new Map(found.sort((a, b) => a._id.localeCompare(b._id)).map((c) => [itemKeyOf(c), { itemNo: c.itemNo, variantCode: c.variantCode }]));
    return { keys: [...keys.values()], lastSeq: last < to ? last : null };
  }

  /** Every location's stock of these items (and variants), by item key. */
  async forItems(keys: ItemKey[]): Promise<Map<string, StockRecord[]>> {
    const byItem = new Map<string, StockRecord[]>();
    const ids = [...new Set(keys.map(itemKeyOf))];
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      for (const doc of await this.stock.find({ _id: { $in: ids.slice(start, start + IDS_PER_QUERY) } }).toArray()) {
        byItem.set(
          doc._id,
          Object.entries(doc.locations ?? {}).map(([locationCode, figures]) => ({ ...NO_FIGURES, ...figures, locationCode, itemNo: doc.itemNo, variantCode: doc.variantCode })),
        );
      }
    }
    return byItem;
  }
}

export function itemKeyOf(key: ItemKey): string {
  return `${key.itemNo}|${key.variantCode ?? ''}`;
}
