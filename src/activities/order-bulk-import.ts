import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { BULK_OPERATION_RUN_GROUPED_QUERY, bulkQueryText, ORDERS_BULK_QUERY, RECENT_BULK_QUERIES } from '../shopify/documents/order-bulk';
import { BulkOrderGrouper, type GroupedOrder } from '../shopify/order-bulk-mapper';
import { readJsonl } from './bulk-operations';
import type { ActivityDeps } from './deps';
import { withFailureTypes } from './failures';
import { createOrderStore, type OrderImportCounts } from './order-import';
import { checkpoint } from './run-guard';

export interface OrderBulkStep {
  shop: string;
  /** The completed operation's result file; null when it found no order. */
  url: string | null;
  /** The first line of the first order not stored yet. */
  fromLine: number;
  includeClosed: boolean;
  country?: string;
  /** Stop after this long and hand back the line reached, so the workflow's history stays small. */
  maxMillis: number;
}

export interface OrderBulkStepResult extends OrderImportCounts {
  /** Where the next step starts: every order before this line is stored. */
  line: number;
  done: boolean;
  maxUpdatedAt: string | null;
  /** Shopify requests spent (reading refunds in full). */
  requests: number;
  /** Time spent streaming and storing, in this step. */
  millis: number;
}

/** What a retried attempt resumes from: the heartbeat of the attempt before it. */
interface BulkProgress {
  line: number;
  counts: OrderBulkStepResult;
}

/** Orders stored per look-up of their stored versions. */
const BATCH = 100;
const LIVE: ReadonlySet<string> = new Set(['CREATED', 'RUNNING', 'COMPLETED']);

export function createOrderBulkImportActivities({ erp, shopify }: ActivityDeps) {
  const { orderWriter } = createOrderStore(erp);

  return withFailureTypes({
    /**
     * Starts the bulk query of the orders `query` finds. A retry after Shopify created the operation
     * (the answer was lost, the worker died) finds that operation by its text among this app's bulk
     * queries created since the run's start, instead of starting a second one.
     */
    async startOrderBulkQuery(input: { shop: string; query: string; since: string }): Promise<string> {
      const client = shopify.forShop(input.shop);
      const text = bulkQueryText(ORDERS_BULK_QUERY, { query: input.query });
      const { data: recent } = await client.request(RECENT_BULK_QUERIES, { query: `operation_type:query AND created_at:>='${input.since}'` });
      const mine = recent.bulkOperations.nodes.find((op) => op.query === text && LIVE.has(op.status));
      if (mine) return mine.id;
      const { data } = await client.request(BULK_OPERATION_RUN_GROUPED_QUERY, { query: text });
      const operation = data.bulkOperationRunQuery?.bulkOperation;
      if (operation) return operation.id;
      const errors = data.bulkOperationRunQuery?.userErrors ?? [];
      const message = `Shopify refused the orders bulk query: ${errors.map((e) => `${e.message}${e.code ? ` (${e.code})` : ''}`).join('; ') || 'no answer'}`;
      // Five bulk queries may run at once per shop (2026-01 on): a full house is waited out by the activity's retries.
      if (errors.some((e) => e.code === 'LIMIT_REACHED' || e.code === 'OPERATION_IN_PROGRESS')) throw new Error(message);
      throw ApplicationFailure.nonRetryable(message, 'BulkQueryRefused');
    },

    /**
     * Streams the result file from `fromLine` (or from where a failed attempt's heartbeat says it
     * got), groups its lines into whole orders and stores them as the paged import does, each after
     * the fence check, with their new or changed refunds read in full. Stops at the end of the file or
     * after `maxMillis`, at an order boundary.
     */
    async ingestOrderBulkResult(step: OrderBulkStep): Promise<OrderBulkStepResult> {
      const started = Date.now();
      const resumed = Context.current().info.heartbeatDetails as BulkProgress | undefined;
      const from = resumed?.line ?? step.fromLine;
      const result: OrderBulkStepResult = resumed?.counts ?? {
        fetched: 0, created: 0, updated: 0, unchanged: 0, conflicts: 0, skippedClosed: 0, filteredOut: 0, line: from, done: false, maxUpdatedAt: null, requests: 0, millis: 0,
      };
      const finish = (done: boolean): OrderBulkStepResult => ({ ...result, done, millis: result.millis + (Date.now() - started) });
      if (!step.url) return finish(true);
      const writer = await orderWriter(shopify.forShop(step.shop), step);
      if (writer.importRefunds) result.refunds ??= 0;

      const store = async (batch: GroupedOrder[]): Promise<void> => {
        const stored = await erp.orders.storedVersions(step.shop, batch.map((g) => g.order.shopifyId));
        for (const { order, firstLine } of batch) {
          await checkpoint({ line: firstLine, counts: result } satisfies BulkProgress); // a retry starts again at this order
          await writer.store(order, stored.get(order.shopifyId) ?? null, result);
        }
        result.line = batch[batch.length - 1]?.nextLine ?? result.line;
        await checkpoint({ line: result.line, counts: result } satisfies BulkProgress);
      };

      const grouper = new BulkOrderGrouper();
      let batch: GroupedOrder[] = [];
      let lineNo = -1;
      for await (const text of readJsonl(step.url, Context.current().cancellationSignal)) {
        lineNo += 1;
        if (lineNo < from) continue;
        const whole = grouper.push(text, lineNo);
        if (whole) batch.push(whole);
        if (batch.length < BATCH) continue;
        await store(batch);
        batch = [];
        if (Date.now() - started >= step.maxMillis) return finish(false);
      }
      const last = grouper.end(lineNo + 1);
      if (last) batch.push(last);
      if (batch.length) await store(batch);
      return finish(true);
    },
  });
}

export type OrderBulkImportActivities = ReturnType<typeof createOrderBulkImportActivities>;
