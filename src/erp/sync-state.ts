import type { Collection, Db } from 'mongodb';

/** Cursors per shop and task (and filter set): where the next incremental run starts. */
export interface SyncStateDocument {
  _id: string;
  shop: string;
  task: string;
  cursor: string | null;
  updatedAt: Date;
}

export class SyncStateRepository {
  private readonly states: Collection<SyncStateDocument>;

  constructor(db: Db) {
    this.states = db.collection<SyncStateDocument>('syncState');
  }

  static key(shop: string, task: string, variant = ''): string {
    return variant ? `${shop}|${task}|${variant}` : `${shop}|${task}`;
  }

  async cursor(key: string): Promise<string | null> {
    return (await this.states.findOne({ _id: key }))?.cursor ?? null;
  }

  /** Moves the cursor forward only: an older value (a late retry) never moves it back. */
  async advance(key: string, shop: string, task: string, cursor: string): Promise<void> {
    const current = await this.cursor(key);
    if (current !== null && current >= cursor) return;
    await this.states.updateOne({ _id: key }, { $set: { shop, task, cursor, updatedAt: new Date() } }, { upsert: true });
  }
}
