import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from './keys';

/** A webhook delivery handled, by Shopify's `X-Shopify-Webhook-Id` (the same on every retry of one delivery). */
export interface WebhookDeliveryDocument {
  _id: string;
  shop: string;
  topic: string;
  eventId: string | null;
  receivedAt: Date;
}

/** Deliveries already acted on, so a retried or duplicated delivery is answered without acting twice. */
export class WebhookDeliveryRepository {
  private readonly deliveries: Collection<WebhookDeliveryDocument>;

  constructor(db: Db) {
    this.deliveries = db.collection<WebhookDeliveryDocument>('webhookDeliveries');
  }

  async ensureIndexes(): Promise<void> {
    await this.deliveries.createIndex({ receivedAt: 1 });
  }

  async seen(webhookId: string): Promise<boolean> {
    return (await this.deliveries.findOne({ _id: webhookId }, { projection: { _id: 1 } })) !== null;
  }

  /** Records a delivery once it was acted on; a second record of the same id changes nothing. */
  async record(delivery: Omit<WebhookDeliveryDocument, 'receivedAt'>): Promise<void> {
    try {
      await this.deliveries.insertOne({ ...delivery, receivedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Forgets deliveries older than Shopify retries for (FerretDB has no TTL index). */
  async prune(olderThan: Date): Promise<number> {
    return (await this.deliveries.deleteMany({ receivedAt: { $lt: olderThan } })).deletedCount;
  }
}
