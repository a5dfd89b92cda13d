import type { ShopifyAdminClient } from '../shopify/client';
import { BULK_OPERATION_QUERY, STAGED_UPLOADS_CREATE } from '../shopify/documents/bulk-operations';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';

/** What every bulk operation (mutation or query) shares: its state, the staged upload of its input, the reading of its result. */

export type BulkStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';

export interface BulkState {
  status: BulkStatus;
  errorCode: string | null;
  url: string | null;
  partialDataUrl: string | null;
  objectCount: string;
}

const FINISHED: ReadonlySet<string> = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED']);
export const isFinished = (status: string): boolean => FINISHED.has(status);

/** Uploads the JSONL to the staged target exactly as Shopify's guide says: a multipart POST, the target's parameters first, the file last. */
export async function stageJsonl(client: ShopifyAdminClient, filename: string, jsonl: string, signal: AbortSignal): Promise<string> {
  const { data } = await client.request(STAGED_UPLOADS_CREATE, {
    input: [{ resource: 'BULK_MUTATION_VARIABLES', filename, mimeType: 'text/jsonl', httpMethod: 'POST' }],
  });
  const target = data.stagedUploadsCreate?.stagedTargets?.[0];
  if (!target?.url || data.stagedUploadsCreate?.userErrors.length) {
    throw new Error(`Shopify gave no upload target: ${data.stagedUploadsCreate?.userErrors.map((e) => e.message).join('; ') ?? 'no answer'}`);
  }
  const form = new FormData();
  for (const parameter of target.parameters) form.append(parameter.name, parameter.value);
  form.append('file', new Blob([jsonl], { type: 'text/jsonl' }), filename);
  const response = await fetch(target.url, { method: 'POST', body: form, signal });
  if (!response.ok) throw new Error(`the staged upload answered HTTP ${response.status}`);
  const key = target.parameters.find((p) => p.name === 'key')?.value;
  if (!key) throw new Error('the staged upload target has no key parameter');
  return key;
}

/** The lines of a bulk operation's result file, one JSON text each (the file can be large: read as a stream). */
export async function* readJsonl(url: string, signal: AbortSignal): AsyncGenerator<string> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw new Error(`the bulk operation result answered HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of response.body) {
    rest += decoder.decode(chunk, { stream: true });
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) yield line;
  }
  if (rest.trim()) yield rest;
}

export function createBulkOperationActivities({ shopify }: ActivityDeps) {
  return withFailureTypes({
    async bulkOperationState(input: { shop: string; operationId: string }): Promise<BulkState> {
      const { data } = await shopify.forShop(input.shop).request(BULK_OPERATION_QUERY, { id: input.operationId });
      const op = data.bulkOperation;
      if (!op) return { status: 'EXPIRED', errorCode: 'NOT_FOUND', url: null, partialDataUrl: null, objectCount: '0' };
      return { status: op.status, errorCode: op.errorCode ?? null, url: op.url ?? null, partialDataUrl: op.partialDataUrl ?? null, objectCount: op.objectCount };
    },

  });
}

export type BulkOperationActivities = ReturnType<typeof createBulkOperationActivities>;
