import type { EmulatedMediaImage, EmulatedProduct, EmulatedVariant } from '../commerce';
import { parseGid } from '../gid';
import { createImage, isValidSource, MAX_ALT_LENGTH, MAX_MEDIA_PER_PRODUCT, replaceImage } from '../media-store';
import type { EmulatedShop, EmulatorState } from '../state';
import { ShopifyGraphQLError } from './context';
import type { VariantInput } from './product-inputs';
import { userError, type UserError } from './user-errors';

/**
 * The media the product mutations take: `media: [CreateMediaInput!]` (productCreate, productUpdate and the
 * bulk variant mutations append it to the product), productSet's `files` (the product's media become exactly
 * the list) and a variant's `file`, `mediaId` or `mediaSrc` (the variant's one media).
 */

export interface CreateMediaInput {
  alt?: string | null;
  mediaContentType: string;
  originalSource: string;
}

export interface FileSetInput {
  id?: string | null;
  alt?: string | null;
  contentType?: string | null;
  filename?: string | null;
  originalSource?: string | null;
}

const notImage = (type: string) => new ShopifyGraphQLError(`The emulator models image media only, not ${type}`, 'NOT_IMPLEMENTED');

export function checkCreateMedia(shop: EmulatedShop, product: EmulatedProduct | undefined, media: CreateMediaInput[], path: string, code?: string): UserError[] {
  const errors: UserError[] = [];
  media.forEach((input, index) => {
    if (input.mediaContentType !== 'IMAGE') throw notImage(input.mediaContentType);
    if (!isValidSource(input.originalSource)) errors.push(userError([path, index, 'originalSource'], 'Image URL is invalid', code));
    if ((input.alt ?? '').length > MAX_ALT_LENGTH) errors.push(userError([path, index, 'alt'], `Alt text is too long (maximum is ${MAX_ALT_LENGTH} characters)`, code));
  });
  const count = product ? shop.media.ofProduct(product.id).length : 0;
  if (count + media.length > MAX_MEDIA_PER_PRODUCT) errors.push(userError([path], `Exceeded the limit of ${MAX_MEDIA_PER_PRODUCT} media per product`, code === 'INVALID' ? 'PRODUCT_MEDIA_LIMIT_EXCEEDED' : code));
  return errors;
}

/** Creates the media and appends them to the product's gallery; processing goes on after the mutation answers. */
export function addProductMedia(shop: EmulatedShop, state: EmulatorState, product: EmulatedProduct, media: CreateMediaInput[]): EmulatedMediaImage[] {
  const created = media.map((input) => createImage(shop, state, { source: input.originalSource, alt: input.alt }));
  shop.media.attach(product.id, created.map((f) => f.id));
  return created;
}

export interface PlannedFiles {
  entries: Array<{ id?: number; source?: string; alt?: string | null; filename?: string | null }>;
  /** Which entry each variant with a `file` shows (indexes into the input's variants and files). */
  variantFiles: Array<{ variantIndex: number; fileIndex: number }>;
}

/** Validates productSet's `files` and the variants' `file` ("Any file specified here must also be specified in the `files` input"). */
export function planProductFiles(shop: EmulatedShop, files: FileSetInput[] | null | undefined, variants: VariantInput[] | null | undefined, errors: UserError[]): PlannedFiles | undefined {
  const withFile = (variants ?? []).map((variant, index) => ({ file: variant.file as FileSetInput | null | undefined, index })).filter((v) => !!v.file);
  if (!files) {
    for (const { index } of withFile) errors.push(userError(['input', 'variants', index, 'file'], 'A variant file must also be specified in the files input of the product.', 'INVALID_INPUT'));
    return undefined;
  }
  if (files.length > MAX_MEDIA_PER_PRODUCT) errors.push(userError(['input', 'files'], `Exceeded the limit of ${MAX_MEDIA_PER_PRODUCT} media per product`, 'INVALID_INPUT'));
  const entries = files.map((input, index) => {
    const path = ['input', 'files', index];
    if (input.contentType && input.contentType !== 'IMAGE') throw notImage(input.contentType);
    if ((input.alt ?? '').length > MAX_ALT_LENGTH) errors.push(userError([...path, 'alt'], `Alt text is too long (maximum is ${MAX_ALT_LENGTH} characters)`, 'INVALID_INPUT'));
    if (input.originalSource && !isValidSource(input.originalSource)) errors.push(userError([...path, 'originalSource'], 'Image URL is invalid', 'INVALID_INPUT'));
    if (input.id) {
      const id = parseGid(input.id, 'MediaImage');
      if (!shop.media.find(id)) errors.push(userError([...path, 'id'], 'File does not exist', 'INVALID_INPUT'));
      return { id, source: input.originalSource ?? undefined, alt: input.alt };
    }
    if (!input.originalSource) errors.push(userError(path, 'A file needs an id or an originalSource', 'INVALID_INPUT'));
    return { source: input.originalSource ?? undefined, alt: input.alt, filename: input.filename };
  });
  const variantFiles = withFile.map(({ file, index }) => {
    const fileIndex = files.findIndex((f) => (file?.id ? f.id === file.id : !!file?.originalSource && f.originalSource === file.originalSource));
    if (fileIndex < 0) errors.push(userError(['input', 'variants', index, 'file'], 'A variant file must also be specified in the files input of the product.', 'INVALID_INPUT'));
    return { variantIndex: index, fileIndex };
  });
  return { entries, variantFiles };
}

/** productSet's list rule for files: the product's media become the entries, in order; the others are taken off it (not deleted from Files). */
export function applyProductFiles(shop: EmulatedShop, state: EmulatorState, product: EmulatedProduct, planned: PlannedFiles): void {
  const ids = planned.entries.map((entry) => {
    const existing = shop.media.find(entry.id);
    if (!existing) return createImage(shop, state, { source: entry.source as string, alt: entry.alt, filename: entry.filename }).id;
    if (entry.alt !== undefined) existing.alt = entry.alt;
    if (entry.source && entry.source !== existing.originalSource) replaceImage(shop, state, existing, entry.source);
    return existing.id;
  });
  const kept = [...new Set(ids)];
  shop.media.detach(product.id, shop.media.ofProduct(product.id).map((f) => f.id).filter((id) => !kept.includes(id)), product.variants.map((v) => v.id));
  shop.media.products[product.id] = kept;
  for (const { variantIndex, fileIndex } of planned.variantFiles) {
    const variant = product.variants[variantIndex];
    const id = ids[fileIndex];
    if (variant && id !== undefined) shop.media.variants[variant.id] = [id];
  }
}

/**
 * The bulk variant mutations' media: `media` is appended to the product; a variant's `mediaId` names one of
 * the product's media, its `mediaSrc` the originalSource of one given in `media` (or already on the product).
 * The variant then shows that media instead of the one it had. `apply` takes the variants, aligned with the
 * inputs (undefined for one not changed), and links only the inputs that passed.
 */
export function planVariantMedia(shop: EmulatedShop, product: EmulatedProduct, inputs: VariantInput[], media: CreateMediaInput[] | null | undefined) {
  const errors = checkCreateMedia(shop, product, media ?? [], 'media', 'INVALID_INPUT');
  const gallery = shop.media.ofProduct(product.id);
  const refused = new Set<number>();
  inputs.forEach((input, index) => {
    const path = ['variants', index];
    const before = errors.length;
    if (input.mediaId && input.mediaSrc?.length) errors.push(userError(path, 'Cannot specify both mediaId and mediaSrc', 'CANNOT_SPECIFY_BOTH'));
    else if (input.mediaId && !gallery.some((f) => f.id === parseGid(input.mediaId, 'MediaImage'))) errors.push(userError([...path, 'mediaId'], 'Media does not exist on the given product', 'INVALID_INPUT'));
    else if ((input.mediaSrc?.length ?? 0) > 1) errors.push(userError([...path, 'mediaSrc'], 'A variant can show only one media', 'INVALID_INPUT'));
    else if (input.mediaSrc?.[0] && !(media ?? []).some((m) => m.originalSource === input.mediaSrc?.[0]) && !gallery.some((f) => f.originalSource === input.mediaSrc?.[0])) {
      errors.push(userError([...path, 'mediaSrc'], 'mediaSrc must be the originalSource of a media given in media or already on the product', 'INVALID_INPUT'));
    }
    if (errors.length > before) refused.add(index);
  });
  const apply = (state: EmulatorState, variants: Array<EmulatedVariant | undefined>): void => {
    const created = addProductMedia(shop, state, product, media ?? []);
    inputs.forEach((input, index) => {
      const variant = variants[index];
      if (!variant || refused.has(index)) return;
      const src = input.mediaSrc?.[0];
      const id = input.mediaId ? parseGid(input.mediaId, 'MediaImage') : src ? (created.find((f) => f.originalSource === src) ?? gallery.find((f) => f.originalSource === src))?.id : undefined;
      if (id !== undefined) shop.media.variants[variant.id] = [id];
    });
  };
  return { errors, apply };
}
