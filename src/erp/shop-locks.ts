import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { LockCounters, LockHolder, LockRequest } from '../domain/shop-lock';

/**
 * What a shop lock must never lose, kept beside the ERP records it protects: the last token handed
 * out, the holder, and the queue. The token and the holder change only by compare-and-set on the
 * token, so a lock workflow working from a stale picture (reset, restarted, or two at once after an
 * operator's terminate) cannot hand out a token twice or take the lease from the real holder.
 * Activities read the holder's token here before they write: that is the fence.
 */
export interface ShopLockDocument {
  _id: string;
  shop: string;
  token: number;
  holder: LockHolder | null;
  queue: LockRequest[];
  counters?: LockCounters;
  updatedAt: Date;
}

export type GrantOutcome = { granted: true; token: number } | { granted: false; token: number; holder: LockHolder | null };

export interface StoredLock {
  token: number;
  holder: LockHolder | null;
  queue: LockRequest[];
  counters?: LockCounters;
}

export class ShopLockRepository {
  private readonly locks: Collection<ShopLockDocument>;

  constructor(db: Db) {
    this.locks = db.collection<ShopLockDocument>('shopLocks');
  }

  async load(lockId: string): Promise<StoredLock> {
    const doc = await this.locks.findOne({ _id: lockId });
    return { token: doc?.token ?? 0, holder: doc?.holder ?? null, queue: doc?.queue ?? [], counters: doc?.counters };
  }

  /**
   * Hands the next token to `request` if the lock's last token is `expectedToken` and it is free (or
   * held by `from`, whose lease ends with this grant, in the same write); otherwise answers what the
   * store has, for the lock workflow to catch up with.
   */
  async grant(lockId: string, shop: string, expectedToken: number, request: LockRequest, queue: LockRequest[], grantedAt: number, from?: number): Promise<GrantOutcome> {
    const token = expectedToken + 1;
    const holder: LockHolder = { ...request, token, grantedAt };
    try {
      const result = await this.locks.updateOne(
        from === undefined ? { _id: lockId, token: expectedToken, holder: null } : { _id: lockId, token: expectedToken, 'holder.token': from },
        { $set: { shop, token, holder, queue, updatedAt: new Date() } },
        { upsert: expectedToken === 0 && from === undefined },
      );
      if (result.matchedCount === 1 || result.upsertedCount === 1) return { granted: true, token };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error; // the upsert lost a race: someone has the lock
    }
    const current = await this.load(lockId);
    return { granted: false, token: current.token, holder: current.holder };
  }

  /** A new token for the run that already holds the lock but lost its grant (it was reset to before it). */
  async regrant(lockId: string, currentToken: number, request: LockRequest, grantedAt: number): Promise<GrantOutcome> {
    const token = currentToken + 1;
    const result = await this.locks.updateOne(
      { _id: lockId, token: currentToken, 'holder.key': request.key },
      { $set: { token, holder: { ...request, token, grantedAt }, updatedAt: new Date() } },
    );
    if (result.matchedCount === 1) return { granted: true, token };
    const current = await this.load(lockId);
    return { granted: false, token: current.token, holder: current.holder };
  }

  /** Takes the lease of `token` away (released, broken, or its holder closed). Idempotent. */
  async revoke(lockId: string, token: number): Promise<boolean> {
    const result = await this.locks.updateOne({ _id: lockId, 'holder.token': token }, { $set: { holder: null, updatedAt: new Date() } });
    return result.modifiedCount === 1;
  }

  async saveQueue(lockId: string, shop: string, queue: LockRequest[], counters: LockCounters): Promise<void> {
    await this.locks.updateOne({ _id: lockId }, { $set: { shop, queue, counters, updatedAt: new Date() }, $setOnInsert: { token: 0, holder: null } }, { upsert: true });
  }

  /** The fence: is `token` still the holder's? One read by primary key, cheap enough for every record. */
  async isCurrent(lockId: string, token: number): Promise<boolean> {
    return (await this.locks.findOne({ _id: lockId, 'holder.token': token }, { projection: { _id: 1 } })) !== null;
  }

  async holder(lockId: string): Promise<LockHolder | null> {
    return (await this.locks.findOne({ _id: lockId }, { projection: { holder: 1 } }))?.holder ?? null;
  }
}
