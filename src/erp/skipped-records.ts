import type { Collection, Db } from 'mongodb';

/** Records a task passed over on purpose, with the reason (the connector's "Shpfy Skipped Record"). */
export interface SkippedRecord {
  _id: string;
  shop: string;
  recordType: string;
  recordId: string;
  reason: string;
  at: Date;
}

export class SkippedRecordRepository {
  private readonly records: Collection<SkippedRecord>;

  constructor(db: Db) {
    this.records = db.collection<SkippedRecord>('skippedRecords');
  }

  /** One row per record and type: skipping the same record again only refreshes the reason. */
  async record(shop: string, recordType: string, recordId: string, reason: string): Promise<void> {
    await this.records.updateOne({ _id: `${shop}|${recordType}|${recordId}` }, { $set: { shop, recordType, recordId, reason, at: new Date() } }, { upsert: true });
  }

  /** The record went through after all: it no longer needs attention. */
  async clear(shop: string, recordType: string, recordId: string): Promise<void> {
    await this.records.deleteOne({ _id: `${shop}|${recordType}|${recordId}` });
  }

  /** Many records of one type went through: one delete by id per 500. */
  async clearMany(shop: string, recordType: string, recordIds: string[]): Promise<void> {
    for (let at = 0; at < recordIds.length; at += 500) {
      await this.records.deleteMany({ _id: { $in: recordIds.slice(at, at + 500).map((id) => `${shop}|${recordType}|${id}`) } });
    }
  }

  async list(shop: string): Promise<SkippedRecord[]> {
    return this.records.find({ shop }).sort({ at: -1 }).toArray();
  }
}
