import { randomUUID } from 'node:crypto';
import type { EmulatedMediaImage, EmulatedProduct } from '../commerce';
import { gid, parseGid } from '../gid';
import { createImage, extensionOf, filenameOf, isValidSource, MAX_ALT_LENGTH, MAX_MEDIA_PER_PRODUCT, mediaStatus, mediaUpdatedAt, replaceImage } from '../media-store';
import { addProductMedia, checkCreateMedia, type CreateMediaInput } from './media-inputs';
import { findProduct, touch } from '../products-store';
import { expressionMatcher, parseSearchExpression, type FieldReader } from '../search-query';
import type { EmulatedShop, EmulatorState } from '../state';
import { paginate, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError, type ResolverContext, type ResolverModule } from './context';
import { productObject, variantObject } from './objects';
import { sortedPage, type SortValue } from './sorted-page';
import { userError, type UserError } from './user-errors';

/** Files (MediaImage) and product and variant media: the objects, the `files` query and the file and variant-media mutations. */

interface FileInput {
  id?: string | null;
  alt?: string | null;
  contentType?: string | null;
  filename?: string | null;
  duplicateResolutionMode?: string | null;
  originalSource?: string | null;
  previewImageSource?: string | null;
  referencesToAdd?: string[] | null;
  referencesToRemove?: string[] | null;
}

/** The path of the bytes behind a file's image; unauthenticated, as Shopify's CDN URLs are. */
export const filePath = (shop: EmulatedShop, file: EmulatedMediaImage) => `/files/${shop.domain}/${file.id}/${encodeURIComponent(file.filename)}`;

function imageObject(shop: EmulatedShop, file: EmulatedMediaImage) {
  return {
    __typename: 'Image',
    id: gid('ImageSource', file.id),
    altText: file.alt,
    width: file.width,
    height: file.height,
    // The emulator serves the original: `transform` is best-effort on Shopify too.
    url: (_args: unknown, context: ResolverContext) => `${context.baseUrl ?? ''}${filePath(shop, file)}?v=${file.version}`,
  };
}

export function mediaImageObject(shop: EmulatedShop, file: EmulatedMediaImage) {
  const status = mediaStatus(file);
  // "The image for the media. Returns `null` until `status` is `READY`."
  const image = status === 'READY' ? imageObject(shop, file) : null;
  const errors = status === 'FAILED' && file.error ? [file.error] : [];
  return {
    __typename: 'MediaImage',
    id: gid('MediaImage', file.id),
    alt: file.alt,
    createdAt: file.createdAt,
    updatedAt: mediaUpdatedAt(file),
    status,
    fileStatus: status,
    mediaContentType: 'IMAGE',
    mimeType: file.mimeType,
    fileErrors: errors,
    mediaErrors: errors,
    mediaWarnings: [],
    image,
    preview: { status, image },
    originalSource: { fileSize: file.fileSize, url: image?.url ?? null },
  };
}

/** The media of a product, as Product.media answers them: gallery order (POSITION) or ID, filtered by `id` and `media_type`. */
export function productMediaConnection(shop: EmulatedShop, product: EmulatedProduct, args: ConnectionArgs & { query?: string | null; sortKey?: string | null }) {
  const fields: Record<string, FieldReader<EmulatedMediaImage>> = { id: (f) => f.id, media_type: () => 'IMAGE' };
  const matches = expressionMatcher(parseSearchExpression(args.query), fields, { id: 'number' });
  const files = shop.media.ofProduct(product.id).filter(matches);
  const sorted = args.sortKey === 'ID' ? [...files].sort((a, b) => a.id - b.id) : files;
  return paginate(sorted.map((f) => mediaImageObject(shop, f)), args, (m) => m.id);
}

export function variantMediaConnection(shop: EmulatedShop, variantId: number, args: ConnectionArgs) {
  return paginate(shop.media.ofVariant(variantId).map((f) => mediaImageObject(shop, f)), args, (m) => m.id);
}

/** The deprecated Product.images / featuredImage and ProductVariant.image: the Image of READY media. */
export function readyImages(shop: EmulatedShop, files: EmulatedMediaImage[]) {
  return files.filter((f) => mediaStatus(f) === 'READY').map((f) => imageObject(shop, f));
}

const FILE_SORTS: Record<string, (f: EmulatedMediaImage) => SortValue> = {
  ID: (f) => f.id,
  RELEVANCE: (f) => f.id,
  CREATED_AT: (f) => f.createdAt,
  UPDATED_AT: (f) => mediaUpdatedAt(f),
  FILENAME: (f) => f.filename.toLowerCase(),
  ORIGINAL_UPLOAD_SIZE: (f) => f.fileSize ?? 0,
};

function fileFields(shop: EmulatedShop): Record<string, FieldReader<EmulatedMediaImage>> {
  return {
    default: (f) => [f.filename, ...(f.alt ?? '').toLowerCase().split(/\s+/).filter(Boolean)],
    id: (f) => f.id,
    ids: (f) => String(f.id),
    filename: (f) => f.filename,
    media_type: () => 'IMAGE',
    status: (f) => mediaStatus(f),
    product_id: (f) => shop.media.productsUsing(f.id).map(String),
    used_in: (f) => (shop.media.productsUsing(f.id).length > 0 ? 'product' : 'none'),
    original_upload_size: (f) => f.fileSize,
    created_at: (f) => f.createdAt,
    updated_at: (f) => mediaUpdatedAt(f),
  };
}

const fileIdOf = (id: unknown) => parseGid(id, 'MediaImage');
const variantIdsOf = (shop: EmulatedShop, productId: number) => findProduct(shop, gid('Product', productId))?.variants.map((v) => v.id) ?? [];

/** Moves the updatedAt of the products whose media changed. */
function touchProducts(shop: EmulatedShop, state: EmulatorState, productIds: Iterable<number>): void {
  const now = state.now();
  for (const id of new Set(productIds)) {
    const product = findProduct(shop, gid('Product', id));
    if (product) touch(product, now);
  }
}

function checkFileUpdate(shop: EmulatedShop, input: FileInput, index: number): UserError[] {
  const path = ['files', index];
  const file = shop.media.find(fileIdOf(input.id));
  if (!file) return [userError([...path, 'id'], `File id ${String(input.id)} does not exist.`, 'FILE_DOES_NOT_EXIST')];
  const errors: UserError[] = [];
  const status = mediaStatus(file);
  if (status === 'FAILED') errors.push(userError([...path, 'id'], 'File cannot be updated in a failed state.', 'INVALID_FAILED_MEDIA_STATE'));
  else if (status !== 'READY') errors.push(userError([...path, 'id'], 'Non-ready files cannot be updated.', 'NON_READY_STATE'));
  if (input.originalSource && input.previewImageSource) errors.push(userError(path, 'Cannot update both originalSource and previewImageSource.', 'INVALID'));
  else if (input.previewImageSource) throw new ShopifyGraphQLError('The emulator does not implement previewImageSource for images', 'NOT_IMPLEMENTED');
  if (input.originalSource && !isValidSource(input.originalSource)) errors.push(userError([...path, 'originalSource'], 'Invalid image source url value provided.', 'INVALID_IMAGE_SOURCE_URL'));
  if ((input.alt ?? '').length > MAX_ALT_LENGTH) errors.push(userError([...path, 'alt'], 'The alt value exceeds the maximum limit of 512 characters.', 'ALT_VALUE_LIMIT_EXCEEDED'));
  if (input.filename && extensionOf(input.filename) !== extensionOf(file.filename)) errors.push(userError([...path, 'filename'], 'Invalid filename extension.', 'INVALID_FILENAME_EXTENSION'));
  for (const [list, name] of [[input.referencesToAdd, 'referencesToAdd'], [input.referencesToRemove, 'referencesToRemove']] as const) {
    (list ?? []).forEach((ref, refIndex) => {
      if (!/^gid:\/\/shopify\/Product\//.test(ref)) errors.push(userError([...path, name, refIndex], 'The file type is not supported for referencing.', 'UNSUPPORTED_FILE_REFERENCE'));
      else if (!findProduct(shop, ref)) errors.push(userError([...path, name, refIndex], 'The target resource does not exist.', 'REFERENCE_TARGET_DOES_NOT_EXIST'));
    });
  }
  for (const ref of input.referencesToAdd ?? []) {
    const productId = parseGid(ref, 'Product') as number;
    if (!shop.media.ofProduct(productId).some((f) => f.id === file.id) && shop.media.ofProduct(productId).length >= MAX_MEDIA_PER_PRODUCT) {
      errors.push(userError([...path, 'referencesToAdd'], 'Exceeded the limit of media per product.', 'PRODUCT_MEDIA_LIMIT_EXCEEDED'));
    }
  }
  return errors;
}

function checkFileCreate(shop: EmulatedShop, input: FileInput, index: number): UserError[] {
  const path = ['files', index];
  if (input.contentType && input.contentType !== 'IMAGE') throw new ShopifyGraphQLError(`The emulator models image files only, not ${input.contentType}`, 'NOT_IMPLEMENTED');
  const source = input.originalSource ?? '';
  if (!isValidSource(source)) return [userError([...path, 'originalSource'], 'Invalid image source url value provided.', 'INVALID_IMAGE_SOURCE_URL')];
  const errors: UserError[] = [];
  if ((input.alt ?? '').length > MAX_ALT_LENGTH) errors.push(userError([...path, 'alt'], 'The alt value exceeds the maximum limit of 512 characters.', 'ALT_VALUE_LIMIT_EXCEEDED'));
  if (input.filename && extensionOf(input.filename) !== extensionOf(filenameOf(source))) {
    errors.push(userError([...path, 'filename'], 'Cannot create file with custom filename which does not match original source extension.', 'MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE'));
  }
  const mode = input.duplicateResolutionMode ?? 'APPEND_UUID';
  if (mode === 'REPLACE' && !input.filename) errors.push(userError([...path, 'duplicateResolutionMode'], 'Duplicate resolution mode REPLACE cannot be used without specifying filename.', 'MISSING_FILENAME_FOR_DUPLICATE_MODE_REPLACE'));
  const name = input.filename || filenameOf(source);
  if (mode === 'RAISE_ERROR' && shop.media.files.some((f) => f.filename === name)) errors.push(userError([...path, 'filename'], 'The provided filename already exists.', 'FILENAME_ALREADY_EXISTS'));
  return errors;
}

/** A file name not in use: Shopify's APPEND_UUID adds a UUID before the extension. */
function freeFilename(shop: EmulatedShop, wanted: string): string {
  if (!shop.media.files.some((f) => f.filename === wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const uuid = randomUUID();
  return dot > 0 ? `${wanted.slice(0, dot)}_${uuid}${wanted.slice(dot)}` : `${wanted}_${uuid}`;
}

export const mediaResolvers: ResolverModule = {
  query: {
    files: (args, { shop }) => {
      if (args.savedSearchId) throw new ShopifyGraphQLError('The emulator does not implement files(savedSearchId:)', 'NOT_IMPLEMENTED');
      const matches = expressionMatcher(parseSearchExpression(args.query as string | null), fileFields(shop), { id: 'number', created_at: 'date', updated_at: 'date', original_upload_size: 'number' });
      const sort = FILE_SORTS[typeof args.sortKey === 'string' ? args.sortKey : 'ID'] ?? FILE_SORTS.ID;
      return sortedPage(shop.media.files.filter(matches), args as ConnectionArgs, sort as (f: EmulatedMediaImage) => SortValue, (f) => mediaImageObject(shop, f));
    },
  },
  mutation: {
    fileCreate: (args, { shop, state }) => {
      const inputs = args.files as FileInput[];
      // fileCreate's description: "The maximum number of files that can be created in a single batch is 250."
      if (inputs.length > 250) return { files: null, userErrors: [userError(['files'], 'The maximum number of files that can be created in a single batch is 250.', 'INVALID')] };
      const errors = inputs.flatMap((input, index) => checkFileCreate(shop, input, index));
      if (errors.length) return { files: null, userErrors: errors };
      const files = inputs.map((input) => {
        const source = input.originalSource as string;
        const wanted = input.filename || filenameOf(source);
        const existing = input.duplicateResolutionMode === 'REPLACE' ? shop.media.files.find((f) => f.filename === wanted) : undefined;
        if (!existing) return createImage(shop, state, { source, alt: input.alt, filename: freeFilename(shop, wanted) });
        replaceImage(shop, state, existing, source);
        if (input.alt !== undefined) existing.alt = input.alt;
        touchProducts(shop, state, shop.media.productsUsing(existing.id));
        return existing;
      });
      return { files: files.map((f) => mediaImageObject(shop, f)), userErrors: [] };
    },
    fileUpdate: (args, { shop, state }) => {
      const inputs = args.files as FileInput[];
      const errors = inputs.flatMap((input, index) => checkFileUpdate(shop, input, index));
      if (errors.length) return { files: null, userErrors: errors };
      const changedProducts: number[] = [];
      const files = inputs.map((input) => {
        const file = shop.media.find(fileIdOf(input.id)) as EmulatedMediaImage;
        if (input.alt !== undefined) file.alt = input.alt;
        if (input.filename) file.filename = input.filename;
        if (input.originalSource) replaceImage(shop, state, file, input.originalSource);
        else file.updatedAt = state.now();
        for (const ref of input.referencesToAdd ?? []) shop.media.attach(parseGid(ref, 'Product') as number, [file.id]);
        for (const ref of input.referencesToRemove ?? []) {
          const productId = parseGid(ref, 'Product') as number;
          shop.media.detach(productId, [file.id], variantIdsOf(shop, productId));
        }
        changedProducts.push(...shop.media.productsUsing(file.id), ...(input.referencesToRemove ?? []).map((ref) => parseGid(ref, 'Product') as number));
        return file;
      });
      touchProducts(shop, state, changedProducts);
      return { files: files.map((f) => mediaImageObject(shop, f)), userErrors: [] };
    },
    fileDelete: (args, { shop, state }) => {
      const ids = args.fileIds as string[];
      const errors: UserError[] = [];
      ids.forEach((id, index) => {
        const file = shop.media.find(fileIdOf(id));
        if (!file) errors.push(userError(['fileIds', index], `File id ${id} does not exist.`, 'FILE_DOES_NOT_EXIST'));
        // fileDelete's description: "Files that are currently being processed by other operations are rejected."
        else if (mediaStatus(file) === 'UPLOADED' || mediaStatus(file) === 'PROCESSING') errors.push(userError(['fileIds', index], 'File has a pending operation.', 'FILE_LOCKED'));
      });
      if (errors.length) return { deletedFileIds: null, userErrors: errors };
      const products = ids.flatMap((id) => shop.media.productsUsing(fileIdOf(id) as number));
      for (const id of ids) shop.media.remove(fileIdOf(id) as number);
      touchProducts(shop, state, products);
      return { deletedFileIds: ids, userErrors: [] };
    },
    productVariantAppendMedia: (args, { shop, state }) => variantMedia(shop, state, args, 'append'),
    productVariantDetachMedia: (args, { shop, state }) => variantMedia(shop, state, args, 'detach'),
    // Deprecated in 2026-10 ("Use `productUpdate` or `productSet` instead"), kept because it is the same rule as productUpdate(media:).
    productCreateMedia: (args, { shop, state }) => {
      const product = findProduct(shop, args.productId);
      const refuse = (errors: UserError[]) => ({ media: null, product: null, mediaUserErrors: errors, userErrors: errors });
      if (!product) return refuse([userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')]);
      const errors = checkCreateMedia(shop, product, args.media as CreateMediaInput[], 'media', 'INVALID');
      if (errors.length) return refuse(errors);
      const created = addProductMedia(shop, state, product, args.media as CreateMediaInput[]);
      touch(product, state.now());
      return { media: created.map((f) => mediaImageObject(shop, f)), product: productObject(shop, product), mediaUserErrors: [], userErrors: [] };
    },
  },
};

/** productVariantAppendMedia and productVariantDetachMedia, with MediaUserErrorCode; all or nothing. */
function variantMedia(shop: EmulatedShop, state: EmulatorState, args: Record<string, unknown>, action: 'append' | 'detach') {
  const product = findProduct(shop, args.productId);
  const refuse = (errors: UserError[]) => ({ product: null, productVariants: null, userErrors: errors });
  if (!product) return refuse([userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')]);
  const pairs = args.variantMedia as Array<{ variantId: string; mediaIds: string[] }>;
  if (pairs.length > 100) return refuse([userError(['variantMedia'], 'Exceeded the maximum number of 100 variant-media pairs per mutation call.', 'MAXIMUM_VARIANT_MEDIA_PAIRS_EXCEEDED')]);
  const errors: UserError[] = [];
  const seen = new Set<number>();
  pairs.forEach((pair, index) => {
    const path = ['variantMedia', index];
    const variant = product.variants.find((v) => v.id === parseGid(pair.variantId, 'ProductVariant'));
    if (!variant) return void errors.push(userError([...path, 'variantId'], 'Variant does not exist on the given product.', 'PRODUCT_VARIANT_DOES_NOT_EXIST_ON_PRODUCT'));
    if (seen.has(variant.id)) errors.push(userError([...path, 'variantId'], 'Variant specified in more than one pair.', 'PRODUCT_VARIANT_SPECIFIED_MULTIPLE_TIMES'));
    seen.add(variant.id);
    if (action === 'append' && pair.mediaIds.length > 1) errors.push(userError([...path, 'mediaIds'], 'Only one mediaId is allowed per variant-media input pair.', 'TOO_MANY_MEDIA_PER_INPUT_PAIR'));
    pair.mediaIds.forEach((mediaId, mediaIndex) => {
      const at = [...path, 'mediaIds', mediaIndex];
      const file = shop.media.find(fileIdOf(mediaId));
      if (!file) errors.push(userError(at, 'Media does not exist.', 'MEDIA_DOES_NOT_EXIST'));
      else if (!shop.media.ofProduct(product.id).includes(file)) errors.push(userError(at, 'Media does not exist on the given product.', 'MEDIA_DOES_NOT_EXIST_ON_PRODUCT'));
      else if (action === 'detach' && !shop.media.ofVariant(variant.id).includes(file)) errors.push(userError(at, 'The specified media is not attached to the specified variant.', 'MEDIA_IS_NOT_ATTACHED_TO_VARIANT'));
      else if (action === 'append' && mediaStatus(file) !== 'READY') errors.push(userError(at, 'Non-ready media are not supported.', 'NON_READY_MEDIA'));
      else if (action === 'append' && shop.media.ofVariant(variant.id).length > 0) errors.push(userError([...path, 'variantId'], 'Product variant already has attached media.', 'PRODUCT_VARIANT_ALREADY_HAS_MEDIA'));
    });
  });
  if (errors.length) return refuse(errors);
  const variants = pairs.map((pair) => product.variants.find((v) => v.id === parseGid(pair.variantId, 'ProductVariant')) as EmulatedProduct['variants'][number]);
  pairs.forEach((pair, index) => {
    const variant = variants[index] as EmulatedProduct['variants'][number];
    const ids = pair.mediaIds.map((id) => fileIdOf(id) as number);
    shop.media.variants[variant.id] = action === 'append' ? ids : (shop.media.variants[variant.id] ?? []).filter((id) => !ids.includes(id));
  });
  touch(product, state.now(), variants);
  return { product: productObject(shop, product), productVariants: variants.map((v) => variantObject(shop, v)), userErrors: [] };
}
