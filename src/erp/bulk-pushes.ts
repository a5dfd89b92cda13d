import type { Collection, Db } from 'mongodb';

/**
 * A bulk price push: which Shopify bulk operation carries it, and, per JSONL line, the values it
 * sends. They are written to the variant links only for the lines Shopify confirms, so a line that
 * fails (or an operation that fails) leaves the "last sent" values as they were: the next run sends
 * them again. Keyed by the run, so a retried activity finds its operation instead of starting another.
 */
export interface BulkPush {
  _id: string;
  shop: string;
  /** Shopify's BulkOperation id, once started. */
  operationId: string | null;
  /** staged: lines recorded; starting: the mutation was asked for (a retry adopts what Shopify runs); running; applied. */
  status: 'staged' | 'starting' | 'running' | 'applied';
  lines: number;
  startedAt: Date;
}

export interface BulkPushLine {
  _id: string;
  push: string;
  line: number;
  productId: string;
  /** What each variant's link records once Shopify confirms the line. */
  variants: Array<{ variantId: string; priceHash?: string; fieldsHash?: string; sentPrice?: { price: string; compareAtPrice: string | null; cost: string | null } }>;
}

export class BulkPushRepository {
  private readonly pushes: Collection<BulkPush>;
  private readonly lines: Collection<BulkPushLine>;

  constructor(db: Db) {
    this.pushes = db.collection<BulkPush>('bulkPushes');
    this.lines = db.collection<BulkPushLine>('bulkPushLines');
  }

  async ensureIndexes(): Promise<void> {
    await this.lines.createIndex({ push: 1, line: 1 });
  }

  async get(id: string): Promise<BulkPush | null> {
    return this.pushes.findOne({ _id: id });
  }

  /** Records the lines of a push before anything is sent (replacing those of an attempt that stopped before starting). */
  async stage(id: string, shop: string, lines: Array<Omit<BulkPushLine, '_id' | 'push'>>): Promise<void> {
    await this.lines.deleteMany({ push: id });
    if (lines.length) await this.lines.insertMany(lines.map((line) => ({ ...line, _id: `${id}|${line.line}`, push: id })));
    await this.pushes.replaceOne({ _id: id }, { shop, operationId: null, status: 'staged', lines: lines.length, startedAt: new Date() }, { upsert: true });
  }

  async starting(id: string): Promise<void> {
    await this.pushes.updateOne({ _id: id }, { $set: { status: 'starting', startedAt: new Date() } });
  }

  async started(id: string, operationId: string): Promise<void> {
    await this.pushes.updateOne({ _id: id }, { $set: { operationId, status: 'running' } });
  }

  async applied(id: string): Promise<void> {
    await this.pushes.updateOne({ _id: id }, { $set: { status: 'applied' } });
  }

  async linesOf(id: string, from: number, limit: number): Promise<BulkPushLine[]> {
    return this.lines.find({ push: id, line: { $gte: from } }).sort({ line: 1 }).limit(limit).toArray();
  }
}
