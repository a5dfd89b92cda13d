import { Context } from '@temporalio/activity';
import type { ImageFilters } from '../domain/image-filters';
import type { ItemDocument } from '../erp/items';
import { pictureKey, sha256Of, type PictureInfo } from '../erp/item-pictures';
import type { LinkedImage, ProductLink, VariantLink } from '../erp/shopify-products';
import type { ShopifyAdminClient } from '../shopify/client';
import { FILE_REPLACE, PRODUCT_ADD_MEDIA, PRODUCTS_MEDIA_QUERY, PRODUCTS_PER_MEDIA_QUERY, STAGED_IMAGE_UPLOADS, VARIANT_SET_MEDIA } from '../shopify/documents/media';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { checkpoint } from './run-guard';

export interface ImageCounts {
  products: number;
  uploaded: number;
  downloaded: number;
  unchanged: number;
  skipped: number;
  requests: number;
}

export interface ImageStep {
  shop: string;
  filters: ImageFilters;
  after: string | null;
  maxMillis: number;
}

/** A picture to send: whose it is (the product, or one variant), its bytes' hash, and what Shopify shows now. */
interface Upload {
  kind: 'product' | 'variant';
  link: ProductLink | VariantLink;
  productId: string;
  picture: PictureInfo;
  /** The media Shopify still has for it (replaced in place), or null (a new image is added). */
  existingMediaId: string | null;
  /** The product's media as read, to tell the one a product update adds. */
  knownMediaIds: string[];
}

type MediaNode = { id: string; status: string; image?: { url: string } | null };
type ProductMedia = { id: string; media: MediaNode[]; variants: Map<string, MediaNode | undefined> };

async function productsMedia(client: ShopifyAdminClient, productIds: string[]): Promise<Map<string, ProductMedia>> {
  const found = new Map<string, ProductMedia>();
  if (!productIds.length) return found;
  const { data } = await client.request(PRODUCTS_MEDIA_QUERY, { ids: productIds });
  for (const node of data.nodes) {
    if (!node || !('media' in node)) continue;
    found.set(node.id, {
      id: node.id,
      media: node.media.nodes.map((m) => ({ id: m.id, status: m.status, image: 'image' in m ? m.image : null })),
      variants: new Map(node.variants.nodes.map((v) => [v.id, v.media.nodes.map((m) => ({ id: m.id, status: m.status, image: 'image' in m ? m.image : null }))[0]])),
    });
  }
  return found;
}

function withinFilters(link: ProductLink, filters: ImageFilters): boolean {
  return (!filters.productIds || filters.productIds.includes(link.shopifyId)) && (!filters.itemNos || filters.itemNos.includes(link.erpItemNo as string));
}

export function createImageActivities({ erp, shopify }: ActivityDeps) {
  /** The linked products of a page, with their items, variant links and pictures. */
  async function page(step: ImageStep, after: string | null) {
    const links = await erp.products.linkedProducts(step.shop, after, PRODUCTS_PER_MEDIA_QUERY, step.filters.itemNos, step.filters.productIds);
    const items = await erp.items.many(links.map((l) => l.erpItemNo as string));
    // By id when every product knows its variants (FerretDB reads the whole collection for anything else).
    const variants = links.every((l) => l.variantIds)
      ? [...(await erp.products.variantsById(step.shop, links.flatMap((l) => l.variantIds ?? []))).values()].sort((a, b) => a._id.localeCompare(b._id))
      : await erp.products.variantsOf(step.shop, links.map((l) => l.shopifyId));
    const pictures = await erp.pictures.infoOf([...items.keys()]);
    const next = links.length === PRODUCTS_PER_MEDIA_QUERY ? (links[links.length - 1]?._id ?? null) : null;
    return { links: links.filter((l) => withinFilters(l, step.filters)), items, variants, pictures, next };
  }

  /**
   * Uploads the pictures of one page whose bytes changed since they were last sent, or that Shopify
   * no longer has: one staged upload request for all of them, a PUT of each file, then one call per
   * picture to attach it (replacing the old image in place when Shopify still has it).
   */
  async function sendUploads(client: ShopifyAdminClient, shop: string, uploads: Upload[], counts: ImageCounts): Promise<void> {
    if (!uploads.length) return;
    const { data } = await client.request(STAGED_IMAGE_UPLOADS, {
      input: uploads.map((u) => ({ resource: 'IMAGE' as const, filename: u.picture.filename, mimeType: u.picture.contentType, httpMethod: 'PUT' as const })),
    });
    counts.requests += 1;
    const targets = data.stagedUploadsCreate?.stagedTargets ?? [];
    for (const [index, upload] of uploads.entries()) {
      await checkpoint();
      const target = targets[index];
      const bytes = await erp.pictures.bytesOf(upload.picture.itemNo, upload.picture.variantCode);
      if (!target?.url || !target.resourceUrl || !bytes) {
        await erp.skipped.record(shop, 'itemPicture', upload.picture._id, `picture not sent: ${bytes ? 'Shopify gave no upload target' : 'its bytes are gone'}`);
        counts.skipped += 1;
        continue;
      }
      const put = await fetch(target.url, { method: 'PUT', body: bytes, headers: { 'content-type': upload.picture.contentType }, signal: Context.current().cancellationSignal });
      if (!put.ok) throw new Error(`the staged image upload answered HTTP ${put.status}`);
      const mediaId = await attach(client, upload, target.resourceUrl, counts);
      if (!mediaId) continue;
      await erp.products.imageLinked(shop, upload.kind, upload.link.shopifyId, { sha256: upload.picture.sha256, mediaId });
      counts.uploaded += 1;
    }
  }

  /** Attaches an uploaded picture; returns the media id, or null after recording why not. */
  async function attach(client: ShopifyAdminClient, upload: Upload, source: string, counts: ImageCounts): Promise<string | null> {
    counts.requests += 1;
    if (upload.existingMediaId) {
      const { data } = await client.request(FILE_REPLACE, { files: [{ id: upload.existingMediaId, originalSource: source }] });
      const errors = data.fileUpdate?.userErrors ?? [];
      if (!errors.length) return upload.existingMediaId;
      return skip(upload, errors.map((e) => e.message).join('; '));
    }
    if (upload.kind === 'product') {
      const before = new Set(upload.knownMediaIds);
      const { data } = await client.request(PRODUCT_ADD_MEDIA, { id: upload.productId, media: [{ originalSource: source, mediaContentType: 'IMAGE', alt: upload.picture.filename }] });
      const errors = data.productUpdate?.userErrors ?? [];
      const added = data.productUpdate?.product?.media.nodes.map((m) => m.id).filter((id) => !before.has(id)).pop();
      if (errors.length || !added) return skip(upload, errors.map((e) => e.message).join('; ') || 'no media came back');
      return added;
    }
    const { data } = await client.request(VARIANT_SET_MEDIA, {
      productId: upload.productId,
      media: [{ originalSource: source, mediaContentType: 'IMAGE', alt: upload.picture.filename }],
      variants: [{ id: upload.link.shopifyId, mediaSrc: [source] }],
    });
    const errors = data.productVariantsBulkUpdate?.userErrors ?? [];
    const mediaId = data.productVariantsBulkUpdate?.productVariants?.[0]?.media.nodes[0]?.id;
    if (errors.length || !mediaId) return skip(upload, errors.map((e) => e.message).join('; ') || 'no media came back');
    return mediaId;
  }

  async function skip(upload: Upload, reason: string): Promise<null> {
    await erp.skipped.record(upload.link.shop, 'itemPicture', upload.picture._id, `picture not attached in Shopify: ${reason}`);
    return null;
  }

  return withFailureTypes({
    /** ERP → Shopify: item pictures of linked products and variants, by content hash (an unchanged hash sends nothing). */
    async pushImages(step: ImageStep): Promise<ImageCounts & { after: string | null; done: boolean }> {
      const started = Date.now();
      const client = shopify.forShop(step.shop);
      const counts: ImageCounts = { products: 0, uploaded: 0, downloaded: 0, unchanged: 0, skipped: 0, requests: 0 };
      let after = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after ?? step.after;
      for (;;) {
        await checkpoint({ after });
        const { links, variants, pictures, next } = await page(step, after);
        const media = await productsMedia(client, links.map((l) => l.shopifyId));
        counts.requests += links.length ? 1 : 0;
        const uploads: Upload[] = [];
        for (const link of links) {
          counts.products += 1;
          const shown = media.get(link.shopifyId);
          const candidates: Array<{ kind: Upload['kind']; link: ProductLink | VariantLink; picture: PictureInfo | undefined; current: string | null }> = [
            { kind: 'product', link, picture: pictures.get(pictureKey(link.erpItemNo as string, null)), current: shown?.media.find((m) => m.id === link.image?.mediaId)?.id ?? null },
            ...variants
              .filter((v) => v.productId === link.shopifyId && v.erpVariantCode)
              .map((v) => ({ kind: 'variant' as const, link: v, picture: pictures.get(pictureKey(v.erpItemNo as string, v.erpVariantCode)), current: shown?.variants.get(v.shopifyId)?.id === v.image?.mediaId ? (v.image?.mediaId ?? null) : null })),
          ];
          for (const candidate of candidates) {
            if (!candidate.picture) continue;
            const stillShown = candidate.current !== null;
            if (candidate.link.image?.sha256 === candidate.picture.sha256 && stillShown) {
              counts.unchanged += 1;
              continue;
            }
            uploads.push({ kind: candidate.kind, link: candidate.link, productId: link.shopifyId, picture: candidate.picture, existingMediaId: candidate.current, knownMediaIds: shown?.media.map((m) => m.id) ?? [] });
          }
        }
        await sendUploads(client, step.shop, uploads, counts);
        after = next;
        if (next === null) return { ...counts, after: null, done: true };
        if (Date.now() - started >= step.maxMillis) return { ...counts, after, done: false };
      }
    },

    /** Shopify → ERP: a product or variant image whose media id changed since last seen is downloaded into the item (variant) picture. */
    async importImages(step: ImageStep): Promise<ImageCounts & { after: string | null; done: boolean }> {
      const started = Date.now();
      const client = shopify.forShop(step.shop);
      const counts: ImageCounts = { products: 0, uploaded: 0, downloaded: 0, unchanged: 0, skipped: 0, requests: 0 };
      let after = (Context.current().info.heartbeatDetails as { after?: string | null } | undefined)?.after ?? step.after;
      const download = async (link: ProductLink | VariantLink, kind: Upload['kind'], item: ItemDocument, variantCode: string | null, node: MediaNode | undefined): Promise<void> => {
        if (!node?.image?.url || node.status !== 'READY') return;
        if (link.image?.mediaId === node.id) {
          counts.unchanged += 1;
          return;
        }
        await checkpoint({ after });
        const response = await fetch(node.image.url, { signal: Context.current().cancellationSignal });
        if (!response.ok) {
          await erp.skipped.record(step.shop, 'productImage', node.id, `image not downloaded: HTTP ${response.status}`);
          counts.skipped += 1;
          return;
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        const contentType = response.headers.get('content-type') ?? 'image/jpeg';
        const filename = new URL(node.image.url).pathname.split('/').pop() || `${item._id}.img`;
        await erp.pictures.set(item._id, variantCode, bytes, contentType, filename);
        const image: LinkedImage = { sha256: sha256Of(bytes), mediaId: node.id };
        await erp.products.imageLinked(step.shop, kind, link.shopifyId, image);
        counts.downloaded += 1;
      };
      for (;;) {
        await checkpoint({ after });
        const { links, items, variants, next } = await page(step, after);
        const media = await productsMedia(client, links.map((l) => l.shopifyId));
        counts.requests += links.length ? 1 : 0;
        for (const link of links) {
          const item = items.get(link.erpItemNo as string);
          const shown = media.get(link.shopifyId);
          if (!item || !shown) continue;
          counts.products += 1;
          await download(link, 'product', item, null, shown.media[0]);
          for (const variant of variants.filter((v) => v.productId === link.shopifyId && v.erpVariantCode && v.erpItemNo === item._id)) {
            await download(variant, 'variant', item, variant.erpVariantCode, shown.variants.get(variant.shopifyId));
          }
        }
        after = next;
        if (next === null) return { ...counts, after: null, done: true };
        if (Date.now() - started >= step.maxMillis) return { ...counts, after, done: false };
      }
    },
  });
}

export type ImageActivities = ReturnType<typeof createImageActivities>;
