import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedShop } from './state';

/** "The size of the JSONL file can't exceed 100MB" (shopify.dev, "Bulk import data with the GraphQL Admin API", Limitations). */
export const BULK_VARIABLES_MAX_BYTES = 100 * 1024 * 1024;
/** Room for the form fields and multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const BUCKET = 'shopify-staged-uploads';

export interface StagedUpload {
  key: string;
  filename: string;
  mimeType: string;
  /** The uploaded JSONL; undefined while the target is reserved but nothing was uploaded yet. */
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

  reserve(key: string, filename: string, mimeType: string): void {
    this.byKey.set(key, { key, filename, mimeType, version: 0 });
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

/** The StagedMediaUploadTarget Shopify answers for BULK_MUTATION_VARIABLES, pointing at the emulator instead of GCS. */
export function reserveBulkVariablesTarget(shop: EmulatedShop, baseUrl: string, filename: string, mimeType: string) {
  const url = `${baseUrl}/staged-uploads/${shop.domain}`;
  const key = `tmp/${shop.domain.replace('.myshopify.com', '')}/bulk/${randomUUID()}/${filename.replace(/[^A-Za-z0-9._-]/g, '_') || 'bulk_op_vars'}`;
  shop.stagedUploads.reserve(key, filename, mimeType);
  const now = new Date();
  const googDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const credential = `merchant-assets@shopify-emulator.iam.gserviceaccount.com/${googDate.slice(0, 8)}/auto/storage/goog4_request`;
  // The same fields as Shopify's GCS POST policy; nothing checks the signature, the key alone identifies the upload.
  const policy = Buffer.from(
    JSON.stringify({
      conditions: [
        { 'Content-Type': mimeType },
        { success_action_status: '201' },
        { acl: 'private' },
        ['content-length-range', 1, BULK_VARIABLES_MAX_BYTES],
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

/** The key named by `stagedUploadPath`: the `key` parameter, or the target's `resourceUrl`. */
export function findStagedUpload(shop: EmulatedShop, stagedUploadPath: string): StagedUpload | undefined {
  const marker = `/staged-uploads/${shop.domain}/`;
  const at = stagedUploadPath.indexOf(marker);
  return shop.stagedUploads.get(at >= 0 ? stagedUploadPath.slice(at + marker.length) : stagedUploadPath);
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
  if (file.size > BULK_VARIABLES_MAX_BYTES) return sendGcsError(response, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
  if (file.size === 0) return sendGcsError(response, 400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
  const content = await file.text();
  upload.content = content;
  upload.version += 1;
  const status = String(form.get('success_action_status') ?? '');
  if (status === '201') {
    const etag = createHash('md5').update(content).digest('hex');
    const xml = `<?xml version='1.0' encoding='UTF-8'?><PostResponse><Location>${request.headers.host ? `http://${request.headers.host}` : ''}/staged-uploads/${shop.domain}/${key}</Location><Bucket>${BUCKET}</Bucket><Key>${key}</Key><ETag>"${etag}"</ETag></PostResponse>`;
    response.writeHead(201, { 'content-type': 'application/xml; charset=UTF-8', 'content-length': Buffer.byteLength(xml) });
    response.end(xml);
    return;
  }
  response.writeHead(status === '200' ? 200 : 204);
  response.end();
}
