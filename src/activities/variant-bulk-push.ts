import { Context } from '@temporalio/activity';
import { variantInput } from '../domain/product-push';
import { BULK_OPERATION_RUN_MUTATION, BULK_VARIANT_PRICE_MUTATION, RUNNING_BULK_MUTATIONS_QUERY } from '../shopify/documents/bulk-operations';
import type { BulkPushLine } from '../erp/bulk-pushes';
import type { ShopifyAdminClient } from '../shopify/client';
import type { ActivityDeps } from './deps';
import { readJsonl, stageJsonl, type BulkState } from './bulk-operations';
import { withFailureTypes } from './failures';
import { plannedProducts, sentFields, type PushScope } from './product-push';
import { checkpoint } from './run-guard';

export type BulkStart =
  | { kind: 'started'; operationId: string; lines: number }
  | { kind: 'nothingToSend' }
  /** Shopify refused another bulk mutation (each app may run five per shop at once, since 2026-01): the caller sends with ordinary calls. */
  | { kind: 'busy'; reason: string };

export interface BulkApplyCounts {
  variantsUpdated: number;
  failed: number;
}

/** Lines applied per read of the staged lines. */
const LINES_PER_READ = 200;

/** A bulk mutation of this app started since `since` (a minute of clock skew allowed): the one a lost answer started. */
async function runningBulkMutation(client: ShopifyAdminClient, since: Date): Promise<{ id: string } | undefined> {
  const { data } = await client.request(RUNNING_BULK_MUTATIONS_QUERY, {});
  return data.bulkOperations.nodes.find((op) => (op.status === 'CREATED' || op.status === 'RUNNING') && Date.parse(op.createdAt) >= since.getTime() - 60_000);
}

export function createVariantBulkPushActivities({ erp, shopify }: ActivityDeps) {
  return withFailureTypes({
    /**
     * Starts one bulk mutation carrying every changed variant of the scope (reference 1.6): the lines
     * are recorded first under `pushId`, uploaded as JSONL, then `bulkOperationRunMutation` runs them.
     * A retry finds its operation: by the id recorded, or, when the answer was lost, the bulk mutation
     * Shopify started since the attempt (only this run starts price pushes: it holds the shop's lock).
     */
    async startVariantBulkPush(input: PushScope & { pushId: string }): Promise<BulkStart> {
      const client = shopify.forShop(input.shop);
      const recorded = await erp.bulkPushes.get(input.pushId);
      if (recorded?.operationId) return { kind: 'started', operationId: recorded.operationId, lines: recorded.lines };
      if (recorded?.status === 'starting') {
        const running = await runningBulkMutation(client, recorded.startedAt);
        if (running) {
          await erp.bulkPushes.started(input.pushId, running.id);
          return { kind: 'started', operationId: running.id, lines: recorded.lines };
        }
      }

      const { settings } = await erp.shops.get(input.shop);
      const lines: Array<Omit<BulkPushLine, '_id' | 'push'>> = [];
      const jsonl: string[] = [];
      let after: string | null = null;
      for (;;) {
        await checkpoint();
        const batch = await plannedProducts(erp, settings, input, after);
        for (const { link, plan } of batch.planned) {
          for (const skipped of plan.skipped) await erp.skipped.record(input.shop, 'productVariant', skipped.recordId, skipped.reason);
          if (!plan.variants.length) continue;
          lines.push({ line: lines.length, productId: link.shopifyId, variants: plan.variants.map((change) => ({ variantId: change.variantId, ...sentFields(change) })) });
          jsonl.push(JSON.stringify({ productId: link.shopifyId, variants: plan.variants.map((change) => variantInput(change)) }));
        }
        after = batch.last;
        if (!batch.more) break;
      }
      if (!lines.length) return { kind: 'nothingToSend' };
      await erp.bulkPushes.stage(input.pushId, input.shop, lines);
      const stagedUploadPath = await stageJsonl(client, 'variant-prices.jsonl', `${jsonl.join('\n')}\n`, Context.current().cancellationSignal);
      await checkpoint();
      await erp.bulkPushes.starting(input.pushId);
      const { data } = await client.request(BULK_OPERATION_RUN_MUTATION, { mutation: BULK_VARIANT_PRICE_MUTATION, stagedUploadPath, clientIdentifier: input.pushId });
      const result = data.bulkOperationRunMutation;
      const operation = result?.bulkOperation;
      if (!operation) {
        const errors = result?.userErrors ?? [];
        if (errors.some((e) => e.code === 'LIMIT_REACHED' || e.code === 'OPERATION_IN_PROGRESS')) return { kind: 'busy', reason: errors.map((e) => e.message).join('; ') };
        throw new Error(`Shopify refused the bulk mutation: ${errors.map((e) => e.message).join('; ') || 'no answer'}`);
      }
      await erp.bulkPushes.started(input.pushId, operation.id);
      return { kind: 'started', operationId: operation.id, lines: lines.length };
    },

    /**
     * Reads the operation's result JSONL and records, per line, what Shopify confirmed: the variants'
     * new "last sent" values, or a skipped record with the line's userErrors (its old values stay, so
     * the next run sends it again). Lines with no result (a failed or cancelled operation) are
     * skipped with the operation's error. Safe to repeat: recording a value twice is a no-op.
     */
    async applyVariantBulkPush(input: { shop: string; pushId: string; state: BulkState }): Promise<BulkApplyCounts> {
      const url = input.state.url ?? input.state.partialDataUrl;
      const results = new Map<number, { errors: string[]; updatedAt: string | null }>();
      if (url) {
        for await (const text of readJsonl(url, Context.current().cancellationSignal)) {
          const line = JSON.parse(text) as { __lineNumber?: number; data?: { productVariantsBulkUpdate?: { product?: { updatedAt: string } | null; userErrors?: Array<{ field?: string[] | null; message: string }> } | null }; errors?: Array<{ message: string }> };
          const payload = line.data?.productVariantsBulkUpdate;
          const errors = [...(line.errors ?? []).map((e) => e.message), ...(payload?.userErrors ?? []).map((e) => (e.field?.length ? `${e.field.join('.')}: ${e.message}` : e.message))];
          if (typeof line.__lineNumber === 'number') results.set(line.__lineNumber, { errors: payload ? errors : errors.length ? errors : ['no result'], updatedAt: payload?.product?.updatedAt ?? null });
        }
      }
      const counts: BulkApplyCounts = { variantsUpdated: 0, failed: 0 };
      let from = (Context.current().info.heartbeatDetails as { from?: number } | undefined)?.from ?? 0;
      for (;;) {
        const lines = await erp.bulkPushes.linesOf(input.pushId, from, LINES_PER_READ);
        for (const line of lines) {
          await checkpoint({ from: line.line });
          const result = results.get(line.line);
          if (!result || result.errors.length) {
            const reason = result ? `Shopify refused the bulk price update: ${result.errors.join('; ')}` : `bulk operation ended ${input.state.status}${input.state.errorCode ? ` (${input.state.errorCode})` : ''} before this line`;
            for (const variant of line.variants) await erp.skipped.record(input.shop, 'productVariant', variant.variantId, reason);
            counts.failed += line.variants.length;
            continue;
          }
          for (const variant of line.variants) {
            const { variantId, ...sent } = variant;
            await erp.products.variantSent(input.shop, variantId, sent);
          }
          if (result.updatedAt) await erp.products.productSent(input.shop, line.productId, undefined, result.updatedAt);
          counts.variantsUpdated += line.variants.length;
        }
        if (lines.length < LINES_PER_READ) break;
        from = (lines[lines.length - 1]?.line ?? from) + 1;
      }
      await erp.bulkPushes.applied(input.pushId);
      return counts;
    },
  });
}

export type VariantBulkPushActivities = ReturnType<typeof createVariantBulkPushActivities>;
