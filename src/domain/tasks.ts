import { z } from 'zod';
import { CatalogFilters, CatalogPriceFilters } from './catalog-filters';
import { AddCustomersFilters, CustomerFilters, CustomerOptions } from './customer-filters';
import { OrderImportFilters, OrderImportOptions } from './order-filters';
import { ImageFilters } from './image-filters';
import { InventoryFilters, InventoryOptions } from './inventory-filters';
import { ProductFilters, ProductOptions } from './product-filters';
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
  /** How long a run may take (continue-as-new included) before Temporal times it out; the shop setting runTimeouts overrides it. */
  runTimeout: string;
  filters: z.ZodType;
  options: z.ZodType;
  /** The whole workflow input: `{ shop, filters, options, trigger }`. */
  input: z.ZodType<{ shop: string }>;
}

/** A run stuck longer than this would block its schedule (overlap SKIP); it times out and shows as a failure instead. */
export const DEFAULT_RUN_TIMEOUT = '4h';

function task<F extends z.ZodType, O extends z.ZodType>(workflowType: string, description: string, filters: F, options: O, runTimeout = DEFAULT_RUN_TIMEOUT) {
  return { workflowType, description, filters, options, runTimeout, input: taskInputSchema(filters, options) };
}

/** A calendar date: 2026-13-45 has the form but is no date (it would compare as one and match nothing). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
const isoDate = z.string().refine((text) => isCalendarDate(text), 'must be a date such as 2026-11-30');

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
  .strict()
  .refine((f) => !f.postingDateFrom || !f.postingDateTo || f.postingDateTo >= f.postingDateFrom, { message: 'must not be before postingDateFrom', path: ['postingDateTo'] });

/** Which items "add items" creates products for: the ones named, or every item not linked yet. */
export const AddItemsFilters = z
  .object({
    itemNos: z.array(z.string().min(1).max(20)).min(1).max(1000).optional(),
    allUnlinked: z.literal(true).optional(),
  })
  .strict()
  .refine((f) => (f.itemNos ? 1 : 0) + (f.allUnlinked ? 1 : 0) === 1, { message: 'give either itemNos or allUnlinked: true' });

export const PostingOptions = z.object({ postingDate: isoDate.optional() }).strict();

/** Where Shopify sends the shop's webhooks: the service's `POST /webhooks` (https, or a local address). */
export const WebhookOptions = z
  .object({
    url: z.url({ protocol: /^https?$/ }).refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url), 'must be an https:// URL (http only for 127.0.0.1 or localhost)'),
  })
  .strict();

export const TASKS = {
  refreshShopInfo: task('refreshShopInfo', "read the shop's name, plan, currency, timezone and locations", NoFilters, NoOptions, '30m'),
  orders: task('syncOrders', 'import new and changed orders; create sales documents when the shop says so', OrderImportFilters, OrderImportOptions),
  salesDocuments: task('createSalesDocuments', 'turn every unprocessed order into a sales order or invoice, retrying earlier failures', SalesDocumentFilters, NoOptions),
  postSalesDocuments: task('postSalesDocuments', 'ship and invoice released sales orders that came from Shopify', NoFilters, PostingOptions),
  postSalesInvoices: task('postSalesInvoices', 'post released sales invoices that came from Shopify', NoFilters, PostingOptions),
  postCreditMemos: task('postCreditMemos', 'post released credit memos and return orders made for Shopify refunds', NoFilters, PostingOptions),
  shipments: task('syncShipments', 'send posted shipments of Shopify orders as fulfillments with tracking', ShipmentFilters, NoOptions),
  products: task('syncProducts', 'import products and map them to items, or push item changes and prices to linked products', ProductFilters, ProductOptions),
  addItems: {
    ...task('addItemsToShopify', 'create Shopify products from ERP items, with their variants and prices, and link them', AddItemsFilters, NoOptions),
    // No filters must not mean "every item": the run is told which items, or told all unlinked ones.
    input: taskInputSchema(AddItemsFilters, NoOptions).required({ filters: true }),
  },
  inventory: task('syncInventory', 'send the stock of linked variants to Shopify: what changed since the last push, compare-and-set', InventoryFilters, InventoryOptions),
  images: task('syncImages', 'item pictures to product and variant images by content hash, or Shopify images into item pictures', ImageFilters, NoOptions),
  customers: task('syncCustomers', 'import customers changed in Shopify and map them to ERP customers; send changed linked ERP customers when the shop says so', CustomerFilters, CustomerOptions),
  addCustomers: {
    ...task('addCustomersToShopify', 'create Shopify customers from ERP customers and link them (an e-mail is required)', AddCustomersFilters, NoOptions),
    input: taskInputSchema(AddCustomersFilters, NoOptions).required({ filters: true }),
  },
  companies: task('syncCompanies', 'import B2B companies changed in Shopify with their locations and map them to ERP customers; send changed linked companies when the shop says so', NoFilters, CustomerOptions),
  addCompanies: {
    ...task('addCompaniesToShopify', 'create B2B companies in Shopify from ERP customers (location, main contact, optionally a catalog) and link them', AddCustomersFilters, NoOptions),
    input: taskInputSchema(AddCustomersFilters, NoOptions).required({ filters: true }),
  },
  catalogs: task('syncCatalogs', 'import company-location and market catalogs with their price lists\' currency', CatalogFilters, NoOptions),
  catalogPrices: task('syncCatalogPrices', 'send the ERP prices of each catalog with syncPrices as its price list\'s fixed prices, changed ones only', CatalogPriceFilters, NoOptions),
  payments: task('syncPayments', 'import Shopify Payments payouts and balance transactions', NoFilters, NoOptions),
  webhooks: {
    ...task('applyWebhooks', "make the shop's webhook subscriptions one per topic at the service's URL", NoFilters, WebhookOptions, '30m'),
    input: taskInputSchema(NoFilters, WebhookOptions).required({ options: true }),
  },
} satisfies Record<string, TaskDefinition>;

export type TaskKey = keyof typeof TASKS;
export const TASK_KEYS = Object.keys(TASKS) as [TaskKey, ...TaskKey[]];

export function isTaskKey(value: string): value is TaskKey {
  return Object.hasOwn(TASKS, value);
}

/**
 * The id of a manual run: one per shop, task and input, so a second identical request joins the run
 * already going, while a request with other filters or options (`inputKey`, a digest of them) is a
 * run of its own, queued behind it at the shop's lock.
 */
export function manualRunId(shop: string, task: TaskKey, inputKey?: string): string {
  return inputKey ? `run:${shop}:${task}:${inputKey}` : `run:${shop}:${task}`;
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

/** The run timeout of a task for a shop: the shop's runTimeouts setting, or the task's default. */
export function runTimeoutOf(settings: { runTimeouts: Partial<Record<TaskKey, string>> }, task: TaskKey): string {
  return settings.runTimeouts[task] ?? TASKS[task].runTimeout;
}

/**
 * What the Web UI shows as a run's summary and details (Temporal's static user metadata): the task,
 * the shop, how it was started, and the filters and options it got.
 */
export function runMetadata(shop: string, task: TaskKey, trigger: string, filters?: Record<string, unknown>, options?: Record<string, unknown>) {
  const describe = (values: Record<string, unknown> | undefined): string =>
    Object.entries(values ?? {}).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ');
  const inputs = [describe(filters), describe(options)].filter(Boolean).join('; ');
  return {
    staticSummary: `${task} · ${shop} · ${trigger}${inputs ? ` · ${inputs}` : ''}`,
    staticDetails: [
      `**Task** ${task} (${TASKS[task].workflowType}): ${TASKS[task].description}`,
      `**Shop** ${shop}`,
      `**Started by** ${trigger}`,
      `**Filters** ${describe(filters) || 'none'}`,
      `**Options** ${describe(options) || 'none'}`,
    ].join('\n\n'),
  };
}
