import type { Collection, Db } from 'mongodb';
import type { StockFigures } from '../domain/stock';

/**
 * The ERP's stock per item (and variant) and ERP location. Every change takes the next number of
 * one company-wide sequence, so a task can ask for "what changed since number N" instead of
 * reading every record.
 */
export interface StockDocument extends StockFigures {
  _id: string;
  itemNo: string;
  variantCode: string | null;
  seq: number;
  changedAt: Date;
}

export interface ItemKey {
  itemNo: string;
  variantCode: string | null;
}

const stockKey = (itemNo: string, variantCode: string | null, locationCode: string) => `${itemNo}|${variantCode ?? ''}|${locationCode}`;

export class StockRepository {
  private readonly stock: Collection<StockDocument>;
  private readonly counters: Collection<{ _id: string; last: number }>;

  constructor(db: Db) {
    this.stock = db.collection<StockDocument>('itemStock');
    this.counters = db.collection('numberSeries');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.stock.createIndex({ seq: 1 }), this.stock.createIndex({ itemNo: 1, variantCode: 1 })]);
  }

  /** Sets stock figures of an item (or variant) at a location; the record takes the next change number. */
  async set(itemNo: string, variantCode: string | null, locationCode: string, figures: Partial<Omit<StockFigures, 'locationCode'>>): Promise<number> {
    const counter = await this.counters.findOneAndUpdate({ _id: 'stockChange' }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' });
    const seq = counter?.last ?? 1;
    await this.stock.updateOne(
      { _id: stockKey(itemNo, variantCode?.toUpperCase() ?? null, locationCode) },
      {
        $set: { ...figures, seq, changedAt: new Date() },
        $setOnInsert: { itemNo, variantCode: variantCode?.toUpperCase() ?? null, locationCode, ...defaultsBut(figures) },
      },
      { upsert: true },
    );
    return seq;
  }

  /** The number of the latest stock change (0 when there was none). */
  async lastChange(): Promise<number> {
    return (await this.counters.findOne({ _id: 'stockChange' }))?.last ?? 0;
  }

  /** The items (and variants) whose stock changed after `from` up to `to`, in change order, a page at a time. */
  async changedItems(from: number, to: number, afterSeq: number, limit: number): Promise<{ keys: ItemKey[]; lastSeq: number | null }> {
    const docs = await this.stock.find({ seq: { $gt: Math.max(from, afterSeq), $lte: to } }, { projection: { itemNo: 1, variantCode: 1, seq: 1 } }).sort({ seq: 1 }).limit(limit).toArray();
    return { keys: docs.map((d) => ({ itemNo: d.itemNo, variantCode: d.variantCode })), lastSeq: docs.length === limit ? (docs[docs.length - 1]?.seq ?? null) : null };
  }

  /** Every stock record of these items (and variants). */
  async forItems(keys: ItemKey[]): Promise<Map<string, StockDocument[]>> {
    const byItem = new Map<string, StockDocument[]>();
    if (!keys.length) return byItem;
    const docs = await this.stock.find({ itemNo: { $in: [...new Set(keys.map((k) => k.itemNo))] } }).toArray();
    for (const doc of docs) {
      const key = itemKeyOf(doc);
      byItem.set(key, [...(byItem.get(key) ?? []), doc]);
    }
    return byItem;
  }
}

export function itemKeyOf(key: ItemKey): string {
  return `${key.itemNo}|${key.variantCode ?? ''}`;
}

function defaultsBut(figures: Partial<Omit<StockFigures, 'locationCode'>>): Partial<StockFigures> {
  const defaults = { onHand: 0, reserved: 0, incoming: 0, outgoing: 0 };
  return Object.fromEntries(Object.entries(defaults).filter(([key]) => !(key in figures)));
}
