import { createHash } from 'node:crypto';
import { Binary, type Collection, type Db } from 'mongodb';

/** An item's (or item variant's) picture in the ERP: its bytes and their content hash. */
export interface ItemPicture {
  _id: string;
  itemNo: string;
  variantCode: string | null;
  contentType: string;
  filename: string;
  bytes: Binary;
  sha256: string;
  changedAt: Date;
}

export type PictureInfo = Omit<ItemPicture, 'bytes'>;

const pictureKey = (itemNo: string, variantCode: string | null) => `${itemNo}|${variantCode ?? ''}`;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class ItemPictureRepository {
  private readonly pictures: Collection<ItemPicture>;

  constructor(db: Db) {
    this.pictures = db.collection<ItemPicture>('itemPictures');
  }

  async ensureIndexes(): Promise<void> {
    await this.pictures.createIndex({ itemNo: 1 });
  }

  /** Stores a picture; storing the same bytes again changes nothing. */
  async set(itemNo: string, variantCode: string | null, bytes: Uint8Array, contentType: string, filename: string): Promise<string> {
    const sha256 = sha256Of(bytes);
    const code = variantCode?.toUpperCase() ?? null;
    await this.pictures.updateOne(
      { _id: pictureKey(itemNo, code), sha256: { $ne: sha256 } },
      { $set: { itemNo, variantCode: code, contentType, filename, bytes: new Binary(bytes), sha256, changedAt: new Date() } },
      { upsert: true },
    ).catch((error: unknown) => {
      // The same bytes are already stored: the filter on sha256 matched nothing and the upsert collided with the key.
      if ((error as { code?: number }).code !== 11000) throw error;
    });
    return sha256;
  }

  /** The pictures of these items (and their variants), without their bytes. */
  async infoOf(itemNos: string[]): Promise<Map<string, PictureInfo>> {
    const found = await this.pictures.find({ itemNo: { $in: itemNos } }, { projection: { bytes: 0 } }).toArray();
    return new Map(found.map((p) => [pictureKey(p.itemNo, p.variantCode), p]));
  }

  async bytesOf(itemNo: string, variantCode: string | null): Promise<Uint8Array | null> {
    const picture = await this.pictures.findOne({ _id: pictureKey(itemNo, variantCode) });
    return picture ? picture.bytes.buffer : null;
  }
}

export { pictureKey };
