import { createHash } from 'node:crypto';
import type { EmulatedMediaImage, MediaStatus } from './commerce';
import { findStagedUpload } from './staged-uploads';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * The shop's files (MediaImage only) and which products and variants reference them, with Shopify's
 * rules: a file is processed asynchronously (UPLOADED → PROCESSING → READY or FAILED), a product's media
 * keep their order, a variant shows at most one of its product's media. The GraphQL resolvers and the
 * emulator's admin API both go through here.
 */

/** The `productCreateMedia` / `productUpdate` docs: "Exceeded the limit of media per product" (250, shopify.dev media guide). */
export const MAX_MEDIA_PER_PRODUCT = 250;
/** FilesErrorCode.ALT_VALUE_LIMIT_EXCEEDED: "The alt value exceeds the maximum limit of 512 characters." */
export const MAX_ALT_LENGTH = 512;
/** shopify.dev, "Manage media for products": "The maximum image size is 4472 x 4472 px, or 20 megapixels." */
export const MAX_IMAGE_PIXELS = 4472 * 4472;
/** How long a new image takes to process unless the shop says otherwise; 0 makes images READY at once. */
export const DEFAULT_MEDIA_PROCESSING_MS = 200;

export interface StoredMedia {
  files: EmulatedMediaImage[];
  /** Media ids by product id, in the product's gallery order. */
  products: Record<string, number[]>;
  /** Media ids by variant id (at most one). */
  variants: Record<string, number[]>;
}

/** A shop's files and references; the bytes stay in memory (`toJSON` leaves them out of the state file). */
export class ShopMedia {
  files: EmulatedMediaImage[] = [];
  products: Record<string, number[]> = {};
  variants: Record<string, number[]> = {};
  private readonly bytes = new Map<number, Buffer>();

  static restore(stored: Partial<StoredMedia> | undefined): ShopMedia {
    const media = new ShopMedia();
    Object.assign(media, { files: stored?.files ?? [], products: stored?.products ?? {}, variants: stored?.variants ?? {} });
    return media;
  }

  find(id: number | undefined): EmulatedMediaImage | undefined {
    return id === undefined ? undefined : this.files.find((f) => f.id === id);
  }

  contentOf(id: number): Buffer | undefined {
    return this.bytes.get(id);
  }

  setContent(id: number, bytes: Buffer | undefined): void {
    if (bytes) this.bytes.set(id, bytes);
    else this.bytes.delete(id);
  }

  ofProduct(productId: number): EmulatedMediaImage[] {
    return (this.products[productId] ?? []).map((id) => this.find(id)).filter((f): f is EmulatedMediaImage => !!f);
  }

  ofVariant(variantId: number): EmulatedMediaImage[] {
    return (this.variants[variantId] ?? []).map((id) => this.find(id)).filter((f): f is EmulatedMediaImage => !!f);
  }

  /** The products whose gallery holds the file. */
  productsUsing(fileId: number): number[] {
    return Object.entries(this.products).filter(([, ids]) => ids.includes(fileId)).map(([productId]) => Number(productId));
  }

  attach(productId: number, fileIds: number[]): void {
    const current = this.products[productId] ?? [];
    this.products[productId] = [...current, ...fileIds.filter((id) => !current.includes(id))];
  }

  /** Takes files off a product's gallery, and off its variants, as removing a file reference does. */
  detach(productId: number, fileIds: number[], variantIds: number[]): void {
    this.products[productId] = (this.products[productId] ?? []).filter((id) => !fileIds.includes(id));
    for (const variantId of variantIds) this.variants[variantId] = (this.variants[variantId] ?? []).filter((id) => !fileIds.includes(id));
  }

  remove(fileId: number): void {
    this.files = this.files.filter((f) => f.id !== fileId);
    this.bytes.delete(fileId);
    for (const ids of [...Object.values(this.products), ...Object.values(this.variants)]) {
      const at = ids.indexOf(fileId);
      if (at >= 0) ids.splice(at, 1);
    }
  }

  toJSON(): StoredMedia {
    return { files: this.files, products: this.products, variants: this.variants };
  }
}

export function mediaStatus(file: EmulatedMediaImage, now = Date.now()): MediaStatus {
  const elapsed = now - file.processingStartedAt;
  if (elapsed >= file.processingMs) return file.outcome;
  return elapsed >= file.processingMs / 2 ? 'PROCESSING' : 'UPLOADED';
}

/** updatedAt moves when processing ends, as it does when Shopify finishes a file. */
export function mediaUpdatedAt(file: EmulatedMediaImage, now = Date.now()): string {
  const done = file.processingStartedAt + file.processingMs;
  return now >= done && done > Date.parse(file.updatedAt) ? new Date(done).toISOString() : file.updatedAt;
}

interface ImageInfo {
  mimeType: string;
  width: number | null;
  height: number | null;
}

/** JPEG: the first SOFn marker carries the frame's height and width. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] as number;
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function webpSize(bytes: Buffer): { width: number; height: number } | null {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && bytes.length >= 30) return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return null;
}

/** The formats Shopify takes for images (JPEG, PNG, GIF, WebP, HEIC), recognised by their signature, with their size. */
export function sniffImage(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { mimeType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') return { mimeType: 'image/gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    return { mimeType: 'image/jpeg', width: size?.width ?? null, height: size?.height ?? null };
  }
  if (bytes.length >= 16 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    const size = webpSize(bytes);
    return { mimeType: 'image/webp', width: size?.width ?? null, height: size?.height ?? null };
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|mif1|msf1)$/.test(bytes.toString('latin1', 8, 12))) {
    return { mimeType: 'image/heic', width: null, height: null };
  }
  return undefined;
}

/** A source the mutations take: anything but an http(s) URL is refused at once. */
export function isValidSource(source: string): boolean {
  try {
    const url = new URL(source);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function filenameOf(source: string): string {
  try {
    return decodeURIComponent(new URL(source).pathname.split('/').pop() ?? '') || 'image';
  } catch {
    return 'image';
  }
}

export const extensionOf = (filename: string) => /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';

type Processed = Pick<EmulatedMediaImage, 'mimeType' | 'width' | 'height' | 'fileSize' | 'sha256' | 'outcome' | 'error'> & { bytes?: Buffer };

const failure = (code: string, message: string): Processed => ({
  mimeType: null, width: null, height: null, fileSize: null, sha256: null, outcome: 'FAILED', error: { code, message, details: null },
});

/**
 * What processing a source ends with. The emulator never fetches the internet: a source outside its own
 * staged uploads fails with IMAGE_DOWNLOAD_FAILURE, as an unreachable URL does on Shopify.
 */
function processSource(shop: EmulatedShop, source: string): Processed {
  const upload = source.includes(`/staged-uploads/${shop.domain}/`) ? findStagedUpload(shop, source) : undefined;
  if (!upload?.bytes) return failure('IMAGE_DOWNLOAD_FAILURE', 'Media could not be processed because the image could not be downloaded.');
  const info = sniffImage(upload.bytes);
  if (!info) return failure('UNSUPPORTED_IMAGE_FILE_TYPE', 'Media could not be created because the image is an unsupported file type.');
  if (info.width !== null && info.height !== null && info.width * info.height > MAX_IMAGE_PIXELS) {
    return failure('INVALID_IMAGE_RESOLUTION', "Media could not be created because the image's resolution exceeds the max limit.");
  }
  return {
    ...info, fileSize: upload.bytes.length, sha256: createHash('sha256').update(upload.bytes).digest('hex'), outcome: 'READY', error: null, bytes: upload.bytes,
  };
}

/** Sets a file's contents from a source and starts processing them again. */
function load(shop: EmulatedShop, file: EmulatedMediaImage, source: string): void {
  const { bytes, ...processed } = processSource(shop, source);
  Object.assign(file, processed, { originalSource: source, processingStartedAt: Date.now(), processingMs: shop.mediaProcessingMs });
  file.version += 1;
  shop.media.setContent(file.id, bytes);
}

export function createImage(shop: EmulatedShop, state: EmulatorState, input: { source: string; alt?: string | null; filename?: string | null }): EmulatedMediaImage {
  const now = state.now();
  const file: EmulatedMediaImage = {
    id: state.nextId(shop), alt: input.alt ?? null, filename: input.filename || filenameOf(input.source), originalSource: input.source, mimeType: null, width: null, height: null,
    fileSize: null, sha256: null, version: 0, processingStartedAt: 0, processingMs: 0, outcome: 'FAILED', error: null, createdAt: now, updatedAt: now,
  };
  load(shop, file, input.source);
  shop.media.files.push(file);
  return file;
}

/** fileUpdate's `originalSource`: new contents under the same id and URL path; processed again. */
export function replaceImage(shop: EmulatedShop, state: EmulatorState, file: EmulatedMediaImage, source: string): void {
  load(shop, file, source);
  file.updatedAt = state.now();
}

/** The bytes behind a READY image's URL (the file name must be the file's), or nothing. */
export function servedFile(shop: EmulatedShop, id: number, filename: string): { bytes: Buffer; mimeType: string } | undefined {
  const file = shop.media.find(id);
  const bytes = file && file.filename === filename && mediaStatus(file) === 'READY' ? shop.media.contentOf(id) : undefined;
  return file && bytes ? { bytes, mimeType: file.mimeType ?? 'application/octet-stream' } : undefined;
}
