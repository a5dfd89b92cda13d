import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ShopifyGraphQLError } from './resolvers/context';
import type { EmulatedShop } from './state';

/** "The size of the JSONL file can't exceed 100MB" (shopify.dev, "Bulk import data with the GraphQL Admin API", Limitations). */
export const BULK_VARIABLES_MAX_BYTES = 100 * 1024 * 1024;
/** "Images can be up to 20 MB" (Shopify Help Center, product media; shopify.dev's media guide gives 4472 x 4472 px / 20 megapixels). */
export const IMAGE_MAX_BYTES = 20 * 1024 * 1024;
/** Room for the form fields and multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const BUCKET = 'shopify-staged-uploads';

export type StagedResource = 'BULK_MUTATION_VARIABLES' | 'IMAGE';

export interface StagedUpload {
  key: string;
  resource: StagedResource;
  filename: string;
  mimeType: string;
  /** The most a file uploaded to this target may weigh. */
  maxBytes: number;
  /** The uploaded bytes; undefined while the target is reserved but nothing was uploaded yet. */
  bytes?: Buffer;
  /** The same bytes as text, for the JSONL of bulk mutation variables. */
  content?: string;
  /** Counts the uploads to the key: a running bulk operation notices that its file was replaced. */
  version: number;
}

/**
 * The staged upload targets handed out to a shop, and what was uploaded to them. Kept in memory only:
 * `toJSON` leaves them out of the state file and of the admin API's view of the shop.
 */
export class StagedUploads {
  private readonly byKey = new Map<string, StagedUpload>();

  reserve(key: string, resource: StagedResource, filename: string, mimeType: string, maxBytes: number): void {
    this.byKey.set(key, { key, resource, filename, mimeType, maxBytes, version: 0 });
  }

  /** Stores what was uploaded to a target. */
  store(upload: StagedUpload, bytes: Buffer): void {
    upload.bytes = bytes;
    upload.content = upload.resource === 'BULK_MUTATION_VARIABLES' ? bytes.toString('utf8') : undefined;
    upload.version += 1;
  }

  get(key: string): StagedUpload | undefined {
    return this.byKey.get(key);
  }

  toJSON(): undefined {
    return undefined;
  }
}

export interface StagedUploadParameter {
  name: string;
  value: string;
}

function googDateOf(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function credentialOf(googDate: string): string {
  return `merchant-assets@shopify-emulator.iam.gserviceaccount.com/${googDate.slice(0, 8)}/auto/storage/goog4_request`;
}

const safeName = (filename: string, fallback: string) => filename.replace(/[^A-Za-z0-9._-]/g, '_') || fallback;

/** A POST target with the same fields as Shopify's GCS POST policy; nothing checks the signature, the key alone identifies the upload. */
function postTarget(shop: EmulatedShop, baseUrl: string, key: string, mimeType: string, maxBytes: number) {
  const url = `${baseUrl}/staged-uploads/${shop.domain}`;
  const now = new Date();
  const googDate = googDateOf(now);
  const credential = credentialOf(googDate);
  const policy = Buffer.from(
    JSON.stringify({
      conditions: [
        { 'Content-Type': mimeType },
        { success_action_status: '201' },
        { acl: 'private' },
        ['content-length-range', 1, maxBytes],
        { bucket: BUCKET },
        { key },
        { 'x-goog-date': googDate },
        { 'x-goog-credential': credential },
        { 'x-goog-algorithm': 'GOOG4-RSA-SHA256' },
      ],
      expiration: new Date(now.getTime() + 24 * 3600_000).toISOString(),
    }),
  ).toString('base64');
  const parameters: StagedUploadParameter[] = [
    { name: 'key', value: key },
    { name: 'Content-Type', value: mimeType },
    { name: 'success_action_status', value: '201' },
    { name: 'acl', value: 'private' },
    { name: 'policy', value: policy },
    { name: 'x-goog-credential', value: credential },
    { name: 'x-goog-algorithm', value: 'GOOG4-RSA-SHA256' },
    { name: 'x-goog-date', value: googDate },
    { name: 'x-goog-signature', value: createHash('sha256').update(`${shop.domain}|${policy}`).digest('hex') },
  ];
  return { url, resourceUrl: `${url}/${key}`, parameters };
}

/**
 * A PUT target as Shopify hands out for media: a signed URL to send the raw bytes to, whose `parameters`
 * name the headers that go with them (`content_type`, `acl`), and the object's URL as `resourceUrl`.
 */
function putTarget(shop: EmulatedShop, baseUrl: string, key: string, mimeType: string) {
  const resourceUrl = `${baseUrl}/staged-uploads/${shop.domain}/${key}`;
  const googDate = googDateOf(new Date());
  const query = new URLSearchParams({
    'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
    'X-Goog-Credential': credentialOf(googDate),
    'X-Goog-Date': googDate,
    'X-Goog-Expires': '604800',
    'X-Goog-SignedHeaders': 'content-type;host;x-goog-acl',
    'X-Goog-Signature': createHash('sha256').update(`${shop.domain}|${key}|${mimeType}`).digest('hex'),
  });
  return { url: `${resourceUrl}?${query.toString()}`, resourceUrl, parameters: [{ name: 'content_type', value: mimeType }, { name: 'acl', value: 'private' }] };
}

/** The StagedMediaUploadTarget Shopify answers for BULK_MUTATION_VARIABLES, pointing at the emulator instead of GCS. */
export function reserveBulkVariablesTarget(shop: EmulatedShop, baseUrl: string, filename: string, mimeType: string) {
  const key = `tmp/${shop.domain.replace('.myshopify.com', '')}/bulk/${randomUUID()}/${safeName(filename, 'bulk_op_vars')}`;
  shop.stagedUploads.reserve(key, 'BULK_MUTATION_VARIABLES', filename, mimeType, BULK_VARIABLES_MAX_BYTES);
  return postTarget(shop, baseUrl, key, mimeType, BULK_VARIABLES_MAX_BYTES);
}

export interface StagedUploadInput {
  resource: string;
  filename: string;
  mimeType: string;
  httpMethod?: string | null;
}

/**
 * One target of `stagedUploadsCreate`: BULK_MUTATION_VARIABLES (POST, as Shopify's import guide uses it)
 * and IMAGE (PUT, the input's default, or POST; the deprecated PRODUCT_IMAGE is the same). Other
 * resources (videos, 3D models, generic files, ...) are not modelled.
 */
export function reserveStagedTarget(shop: EmulatedShop, baseUrl: string, input: StagedUploadInput) {
  const method = input.httpMethod ?? 'PUT';
  if (input.resource === 'BULK_MUTATION_VARIABLES' && method === 'POST') return reserveBulkVariablesTarget(shop, baseUrl, input.filename, input.mimeType);
  if (input.resource === 'IMAGE' || input.resource === 'PRODUCT_IMAGE') {
    const key = `tmp/${shop.domain.replace('.myshopify.com', '')}/products/${randomUUID()}/${safeName(input.filename, 'image')}`;
    shop.stagedUploads.reserve(key, 'IMAGE', input.filename, input.mimeType, IMAGE_MAX_BYTES);
    return method === 'POST' ? postTarget(shop, baseUrl, key, input.mimeType, IMAGE_MAX_BYTES) : putTarget(shop, baseUrl, key, input.mimeType);
  }
  throw new ShopifyGraphQLError(
    'The emulator answers stagedUploadsCreate only for resource BULK_MUTATION_VARIABLES with httpMethod POST and IMAGE (or PRODUCT_IMAGE) with PUT or POST',
    'NOT_IMPLEMENTED',
  );
}

/** The key named by `stagedUploadPath`: the `key` parameter, or the target's `resourceUrl`. */
export function findStagedUpload(shop: EmulatedShop, stagedUploadPath: string): StagedUpload | undefined {
  const marker = `/staged-uploads/${shop.domain}/`;
  const at = stagedUploadPath.indexOf(marker);
  const key = at >= 0 ? stagedUploadPath.slice(at + marker.length).split('?')[0] ?? '' : stagedUploadPath;
  return shop.stagedUploads.get(decodeURIComponent(key));
}

function sendGcsError(response: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  response.writeHead(status, { 'content-type': 'application/xml; charset=UTF-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** Reads the body up to `limit` bytes; past it the rest is drained, so the client gets the answer rather than a reset. */
function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}

/**
 * Accepts an upload the way Shopify's GCS target does: `POST` multipart/form-data with the target's
 * parameters as fields and the `file` field last, answering as `success_action_status` asks (201 with
 * a PostResponse document, else 204), or a GCS-style XML error.
 */
export async function handleStagedUpload(request: IncomingMessage, response: ServerResponse, shop: EmulatedShop): Promise<void> {
  const contentType = String(request.headers['content-type'] ?? '');
  const body = await readLimited(request, BULK_VARIABLES_MAX_BYTES + FORM_OVERHEAD_BYTES);
  if (!body) return sendGcsError(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return sendGcsError(response, 400, 'InvalidArgument', 'POST requires a multipart/form-data body.');
  }
  let form: FormData;
  try {
    form = await new Request('http://emulator/upload', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
  } catch {
    return sendGcsError(response, 400, 'InvalidArgument', 'The multipart body could not be parsed.');
  }
  const names = [...form.keys()];
  const key = form.get('key');
  const file = form.get('file');
  if (typeof key !== 'string' || key === '') return sendGcsError(response, 400, 'InvalidArgument', 'POST object expects a key field.');
  if (!(file instanceof Blob)) return sendGcsError(response, 400, 'InvalidArgument', 'POST object expects a file field.');
  if (names[names.length - 1] !== 'file') return sendGcsError(response, 400, 'InvalidArgument', 'The file field must be the last field of the form.');
  const upload = shop.stagedUploads.get(key);
  if (!upload) return sendGcsError(response, 403, 'AccessDenied', 'Invalid policy: no staged upload target was issued for this key.');
  if (file.size > upload.maxBytes) return sendGcsError(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
  if (file.size === 0) return sendGcsError(response, 400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
  const bytes = Buffer.from(await file.arrayBuffer());
  shop.stagedUploads.store(upload, bytes);
  const status = String(form.get('success_action_status') ?? '');
  if (status === '201') {
    const etag = createHash('md5').update(bytes).digest('hex');
    const xml = `<?xml version='1.0' encoding='UTF-8'?><PostResponse><Location>${request.headers.host ? `http://${request.headers.host}` : ''}/staged-uploads/${shop.domain}/${key}</Location><Bucket>${BUCKET}</Bucket><Key>${key}</Key><ETag>"${etag}"</ETag></PostResponse>`;
    response.writeHead(201, { 'content-type': 'application/xml; charset=UTF-8', 'content-length': Buffer.byteLength(xml) });
    response.end(xml);
    return;
  }
  response.writeHead(status === '200' ? 200 : 204);
  response.end();
}

/**
 * Accepts the raw bytes of a PUT target, as a signed GCS URL does: the key must have been issued, the
 * `Content-Type` header must be the signed one, the size within the target's limit; 200 with an ETag.
 */
export async function handleStagedPut(request: IncomingMessage, response: ServerResponse, shop: EmulatedShop, key: string): Promise<void> {
  const upload = shop.stagedUploads.get(key);
  const body = await readLimited(request, upload?.maxBytes ?? 0);
  if (!upload) return sendGcsError(response, 403, 'AccessDenied', 'Access denied: no staged upload target was issued for this object.');
  if (!body) return sendGcsError(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
  const contentType = String(request.headers['content-type'] ?? '');
  if (contentType.split(';')[0]?.trim().toLowerCase() !== upload.mimeType.toLowerCase()) {
    return sendGcsError(response, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided: the Content-Type header differs from the signed one.');
  }
  if (body.length === 0) return sendGcsError(response, 400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
  shop.stagedUploads.store(upload, body);
  response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"`, 'content-length': 0 });
  response.end();
}
