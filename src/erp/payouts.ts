import type { Collection, Db } from 'mongodb';

/** Shopify Payments payouts and balance transactions, mirrored for reconciliation (informational). */
export interface PayoutDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  numericId: number;
  status: string;
  issuedAt: string;
  net: string;
  gross: string;
  fee: string;
  currencyCode: string;
}

export interface BalanceTransactionDocument {
  _id: string;
  shop: string;
  shopifyId: string;
  numericId: number;
  type: string;
  amount: string;
  fee: string;
  net: string;
  currencyCode: string;
  transactionDate: string;
  payoutId: string | null;
  payoutStatus: string | null;
  orderId: string | null;
}

export class PayoutRepository {
  readonly payouts: Collection<PayoutDocument>;
  readonly transactions: Collection<BalanceTransactionDocument>;

  constructor(db: Db) {
    this.payouts = db.collection<PayoutDocument>('payouts');
    this.transactions = db.collection<BalanceTransactionDocument>('balanceTransactions');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.payouts.createIndex({ shop: 1, numericId: -1 }), this.transactions.createIndex({ shop: 1, numericId: -1 })]);
  }

  /** The highest id stored for this shop (the next run asks for ids above it). */
  async highestId(shop: string, kind: 'payouts' | 'transactions'): Promise<number> {
    const collection: Collection<{ shop: string; numericId: number }> = kind === 'payouts' ? (this.payouts as never) : (this.transactions as never);
    const top = await collection.find({ shop }).sort({ numericId: -1 }).limit(1).toArray();
    return top[0]?.numericId ?? 0;
  }

  async upsertPayouts(docs: PayoutDocument[]): Promise<void> {
    for (const doc of docs) await this.payouts.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async upsertTransactions(docs: BalanceTransactionDocument[]): Promise<void> {
    for (const doc of docs) await this.transactions.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  /** Payouts not final yet, whose status the next run refreshes. */
  async pendingPayoutIds(shop: string): Promise<number[]> {
    const docs = await this.payouts.find({ shop, status: { $nin: ['PAID', 'CANCELED', 'FAILED'] } }).project<{ numericId: number }>({ numericId: 1 }).toArray();
    return docs.map((doc) => doc.numericId);
  }

  /** Balance transactions whose payout is not final yet (or not issued yet), whose payout status the next run refreshes. */
  async pendingTransactionIds(shop: string): Promise<number[]> {
    const docs = await this.transactions.find({ shop, payoutStatus: { $nin: ['PAID', 'CANCELED', 'FAILED'] } }).project<{ numericId: number }>({ numericId: 1 }).toArray();
    return docs.map((doc) => doc.numericId);
  }
}
