import { z } from 'zod';
import { OrderImportFilters, OrderImportOptions } from './order-filters';
import { taskInputSchema } from './task-input';

/**
 * The tasks: key, workflow type, and the filters and options each accepts (the connector's request
 * pages). The task issues add the connector's eleven and batch posting here.
 */
export const NoFilters = z.object({}).strict();
export const NoOptions = z.object({}).strict();

export interface TaskDefinition {
  workflowType: string;
  description: string;
  filters: z.ZodType;
  options: z.ZodType;
  /** The whole workflow input: `{ shop, filters, options, trigger }`. */
  input: z.ZodType<{ shop: string }>;
}

function task<F extends z.ZodType, O extends z.ZodType>(workflowType: string, description: string, filters: F, options: O) {
  return { workflowType, description, filters, options, input: taskInputSchema(filters, options) };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-11-30');

export const SalesDocumentFilters = z
  .object({
    financialStatus: OrderImportFilters.shape.financialStatus,
    fulfillmentStatus: OrderImportFilters.shape.fulfillmentStatus,
  })
  .strict();

export const ShipmentFilters = z
  .object({
    documentNo: z.string().min(1).max(40).optional(),
    customerNo: z.string().min(1).max(20).optional(),
    postingDateFrom: isoDate.optional(),
    postingDateTo: isoDate.optional(),
  })
  .strict();

export const PostingOptions = z.object({ postingDate: isoDate.optional() }).strict();

export const TASKS = {
  refreshShopInfo: task('refreshShopInfo', "read the shop's name, plan, currency, timezone and locations", NoFilters, NoOptions),
  orders: task('syncOrders', 'import new and changed orders; create sales documents when the shop says so', OrderImportFilters, OrderImportOptions),
  salesDocuments: task('createSalesDocuments', 'turn every unprocessed order into a sales order or invoice, retrying earlier failures', SalesDocumentFilters, NoOptions),
  postSalesDocuments: task('postSalesDocuments', 'ship and invoice released sales orders that came from Shopify', NoFilters, PostingOptions),
  postSalesInvoices: task('postSalesInvoices', 'post released sales invoices that came from Shopify', NoFilters, PostingOptions),
  shipments: task('syncShipments', 'send posted shipments of Shopify orders as fulfillments with tracking', ShipmentFilters, NoOptions),
  payments: task('syncPayments', 'import Shopify Payments payouts and balance transactions', NoFilters, NoOptions),
} satisfies Record<string, TaskDefinition>;

export type TaskKey = keyof typeof TASKS;
export const TASK_KEYS = Object.keys(TASKS) as [TaskKey, ...TaskKey[]];

export function isTaskKey(value: string): value is TaskKey {
  return Object.hasOwn(TASKS, value);
}

/** The id of a manual run: one per shop and task, so a second request joins the run already going. */
export function manualRunId(shop: string, task: TaskKey): string {
  return `run:${shop}:${task}`;
}

/** The id of a task's schedule. */
export function scheduleId(shop: string, task: TaskKey): string {
  return `sched:${shop}:${task}`;
}

/** The id of a shop's lock workflow: one per shop, or per lock group when the shop splits its tasks. */
export function lockId(shop: string, group: string): string {
  return group === DEFAULT_LOCK_GROUP ? `shop-lock:${shop}` : `shop-lock:${shop}:${group}`;
}

export const DEFAULT_LOCK_GROUP = 'default';
