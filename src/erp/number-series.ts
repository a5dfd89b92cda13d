import type { Collection, Db } from 'mongodb';

/** ERP number series: SO-000001, SI-000001, C000001 ... (gaps are allowed, duplicates never). */
export class NumberSeries {
  private readonly counters: Collection<{ _id: string; last: number }>;

  constructor(db: Db) {
    this.counters = db.collection('numberSeries');
  }

  async next(series: string, prefix: string, digits = 6): Promise<string> {
    const result = await this.counters.findOneAndUpdate({ _id: series }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' });
    return `${prefix}${String(result?.last ?? 1).padStart(digits, '0')}`;
  }
}
