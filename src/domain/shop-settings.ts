import { z } from 'zod';
import { durationMs } from './durations';
import { ScheduleSettingSchema } from './schedule-settings';
import { ShopDomainSchema } from './shop-domain';
import { describeInputIssues, issueMessage } from './task-input';
import { TASK_KEYS, TASKS } from './tasks';

export { SHOP_DOMAIN_PATTERN, ShopDomainSchema } from './shop-domain';

/**
 * A shop's settings: the connector's shop card (table 30102 "Shpfy Shop"), in camelCase, with its
 * defaults. The access token is not here: see src/secrets.ts.
 */

const glAccount = z.string().min(1).max(20).nullable().default(null);
const code = z.string().min(1).max(20).nullable().default(null);

export const ShopSettingsSchema = z
  .object({
    domain: ShopDomainSchema,
    enabled: z.boolean().default(true),
    allowOutgoingRequests: z.boolean().default(true),
    allowBackgroundSyncs: z.boolean().default(true),
    loggingMode: z.enum(['errorOnly', 'all', 'disabled']).default('errorOnly'),

    // Products and items
    syncItem: z.enum(['none', 'toShopify', 'fromShopify']).default('none'),
    canUpdateShopifyProducts: z.boolean().default(false),
    shopifyCanUpdateItems: z.boolean().default(false),
    syncPrices: z.boolean().default(true),
    syncItemImages: z.enum(['none', 'toShopify', 'fromShopify']).default('none'),
    syncItemExtendedText: z.boolean().default(false),
    syncItemAttributes: z.boolean().default(false),
    syncItemMarketingText: z.boolean().default(false),
    skuMapping: z.enum(['none', 'itemNo', 'variantCode', 'itemNoAndVariantCode', 'vendorItemNo', 'barCode']).default('none'),
    skuFieldSeparator: z.string().min(1).max(10).default('|'),
    variantPrefix: z.string().max(10).default('V_'),
    findMappingByBarcode: z.boolean().default(true),
    autoCreateUnknownItems: z.boolean().default(false),
    itemTemplateCode: code,
    uomAsVariant: z.boolean().default(false),
    variantOptionNameForUom: z.string().max(50).nullable().default(null),
    inventoryTracked: z.boolean().default(false),
    /** When Shopify does not stock or track an item at a location, the inventory task activates (and tracks) it instead of reporting it. */
    activateUnstockedInventory: z.boolean().default(false),
    defaultInventoryPolicy: z.enum(['DENY', 'CONTINUE']).default('CONTINUE'),
    statusForCreatedProducts: z.enum(['ACTIVE', 'DRAFT', 'UNLISTED']).default('ACTIVE'),
    /** What happens to the Shopify product of an item that is blocked in the ERP. */
    actionForRemovedProducts: z.enum(['none', 'archive', 'draft']).default('none'),
    /** The product fields the ERP fills when it updates a product (the rest stay the merchant's). */
    productFields: z.array(z.enum(['title', 'description', 'vendor', 'productType', 'tags', 'status'])).default(['title', 'description', 'vendor', 'productType', 'tags', 'status']),
    /** From this many changed variants on, a push goes as one bulk mutation instead of one call per product. */
    productBulkThreshold: z.number().int().min(1).max(1_000_000).default(100),
    /** When an item being added to Shopify has a SKU Shopify already has: link that product, or report the item. */
    addItemsExistingSku: z.enum(['link', 'report']).default('link'),

    // Prices
    customerPriceGroup: code,
    customerDiscountGroup: code,
    allowLineDiscount: z.boolean().default(true),
    pricesIncludingVat: z.boolean().default(false),
    currencyCode: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code').nullable().default(null),

    // Customers
    customerImportFromShopify: z.enum(['none', 'withOrderImport', 'allCustomers']).default('withOrderImport'),
    customerMappingType: z.enum(['byEmailPhone', 'byBillToInfo', 'defaultCustomer']).default('byEmailPhone'),
    autoCreateUnknownCustomers: z.boolean().default(false),
    customerTemplateCode: code,
    /** Customer templates per country (ISO code → template), for customers created from Shopify; others use customerTemplateCode. */
    customerTemplatesByCountry: z.record(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FR'), z.string().min(1).max(20)).default({}),
    defaultCustomerNo: code,
    shopifyCanUpdateCustomers: z.boolean().default(false),
    canUpdateShopifyCustomers: z.boolean().default(false),
    nameSource: z.enum(['companyName', 'firstAndLastName', 'lastAndFirstName', 'none']).default('companyName'),
    name2Source: z.enum(['companyName', 'firstAndLastName', 'lastAndFirstName', 'none']).default('firstAndLastName'),
    contactSource: z.enum(['firstAndLastName', 'lastAndFirstName', 'none']).default('firstAndLastName'),
    countySource: z.enum(['code', 'name']).default('code'),

    // B2B companies and catalogs
    companyImportFromShopify: z.enum(['none', 'withOrderImport', 'allCompanies']).default('withOrderImport'),
    companyMappingType: z.enum(['byEmailPhone', 'byTaxId', 'defaultCompany']).default('byEmailPhone'),
    autoCreateUnknownCompanies: z.boolean().default(false),
    defaultCompanyNo: code,
    shopifyCanUpdateCompanies: z.boolean().default(false),
    canUpdateShopifyCompanies: z.boolean().default(false),
    defaultContactPermission: z.enum(['noPermission', 'orderingOnly', 'locationAdmin']).default('orderingOnly'),
    autoCreateCatalog: z.boolean().default(false),

    // Orders and sales documents
    autoCreateOrders: z.boolean().default(false),
    autoReleaseSalesOrders: z.boolean().default(true),
    createInvoicesFromOrders: z.boolean().default(true),
    useShopifyOrderNo: z.boolean().default(false),
    shopifyOrderNoOnDocLine: z.boolean().default(false),
    orderAttributesToShopify: z.boolean().default(true),
    archiveProcessedOrders: z.boolean().default(true),
    currencyHandling: z.enum(['shopCurrency', 'presentmentCurrency']).default('shopCurrency'),
    /**
     * New orders already closed when an incremental import first sees them (POS sales, shops that archive
     * automatically): `never` skips them as the connector does (sales lost to the ERP); `sinceShopAdded`
     * (default) imports those created since the shop was added here, leaving older archived history out
     * (orders handled before this service); `always` imports every one the import window sees.
     */
    importClosedOrders: z.enum(['never', 'sinceShopAdded', 'always']).default('sinceShopAdded'),
    returnAndRefundProcess: z.enum(['none', 'importOnly', 'autoCreateCreditMemo']).default('importOnly'),
    processReturnsAs: z.enum(['creditMemo', 'returnOrder']).default('creditMemo'),
    shippingChargesAccount: glAccount,
    tipAccount: glAccount,
    soldGiftCardAccount: glAccount,
    cashRoundingsAccount: glAccount,
    refundAccount: glAccount,
    refundAccountNonRestockItems: glAccount,
    sendShippingConfirmation: z.boolean().default(true),
    /**
     * Whether the shipments task releases a fulfillment order's holds (and opens a scheduled one) before
     * fulfilling from it. Off by default: a hold is a decision someone made in Shopify (a fraud check, an
     * unpaid order, another app), and a schedule a promised date; the ERP overrides them only when told to.
     */
    releaseFulfillmentHolds: z.boolean().default(false),

    // Running the tasks
    /** Tasks in the same group never run at once for this shop; tasks not listed share the group "default". */
    lockGroups: z.partialRecord(z.enum(TASK_KEYS), z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a short lower-case name')).default({}),
    /** How long a run of a task may take before Temporal times it out (default: the task's, see src/domain/tasks.ts). */
    runTimeouts: z.partialRecord(z.enum(TASK_KEYS), z.string().refine((text) => (durationMs(text) ?? 0) >= 1000, 'must be a duration such as "90s", "30m", "6h"')).default({}),
    /** Recurring runs per task, applied as Temporal Schedules. */
    schedules: z.partialRecord(z.enum(TASK_KEYS), ScheduleSettingSchema).default({}),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const exclusive: Array<[keyof typeof settings, keyof typeof settings]> = [
      ['canUpdateShopifyProducts', 'shopifyCanUpdateItems'],
      ['canUpdateShopifyCustomers', 'shopifyCanUpdateCustomers'],
      ['canUpdateShopifyCompanies', 'shopifyCanUpdateCompanies'],
    ];
    for (const [a, b] of exclusive) {
      if (settings[a] === true && settings[b] === true) {
        ctx.addIssue({ code: 'custom', path: [b], message: `cannot be on together with ${a}: only one side may update the other` });
      }
    }
    if (settings.returnAndRefundProcess === 'autoCreateCreditMemo' && !settings.autoCreateOrders) {
      ctx.addIssue({ code: 'custom', path: ['returnAndRefundProcess'], message: 'autoCreateCreditMemo needs autoCreateOrders on' });
    }
    if (settings.autoCreateUnknownItems && !settings.itemTemplateCode) {
      ctx.addIssue({ code: 'custom', path: ['itemTemplateCode'], message: 'is required when autoCreateUnknownItems is on' });
    }
    if (settings.customerMappingType === 'defaultCustomer' && !settings.defaultCustomerNo) {
      ctx.addIssue({ code: 'custom', path: ['defaultCustomerNo'], message: 'is required when customerMappingType is defaultCustomer' });
    }
    for (const [task, schedule] of Object.entries(settings.schedules) as Array<[keyof typeof TASKS, NonNullable<(typeof settings.schedules)[keyof typeof TASKS]>]>) {
      for (const part of ['filters', 'options'] as const) {
        const result = TASKS[task][part].safeParse(schedule[part] ?? {});
        if (!result.success) {
          ctx.addIssue({ code: 'custom', path: ['schedules', task, part], message: describeInputIssues(result.error) });
        }
      }
    }
    if (settings.companyMappingType === 'defaultCompany' && !settings.defaultCompanyNo) {
      ctx.addIssue({ code: 'custom', path: ['defaultCompanyNo'], message: 'is required when companyMappingType is defaultCompany' });
    }
  });

export type ShopSettings = z.infer<typeof ShopSettingsSchema>;
export type ShopSettingsInput = z.input<typeof ShopSettingsSchema>;

export interface SettingsProblem {
  field: string;
  message: string;
}

export class InvalidShopSettingsError extends Error {
  constructor(readonly problems: SettingsProblem[]) {
    super(`Invalid shop settings: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
}

/** The settings keyed by task: an unknown key there is no task. */
const PER_TASK_SETTINGS = new Set(['schedules', 'runTimeouts', 'lockGroups']);

function unknownKeyMessage(path: PropertyKey[]): string {
  if (path.length === 0) return 'is not a shop setting';
  if (path.length === 1 && PER_TASK_SETTINGS.has(String(path[0]))) return `is not a task (tasks: ${TASK_KEYS.join(', ')})`;
  return 'is not accepted here';
}

/** Turns zod's issues into one line per field, naming unknown fields too. */
export function describeIssues(error: z.ZodError): SettingsProblem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: unknownKeyMessage(issue.path) }));
    }
    return [{ field: issue.path.join('.') || '(settings)', message: issueMessage(issue) }];
  });
}

/** Validates settings and fills in defaults; throws InvalidShopSettingsError naming each bad field. */
export function parseShopSettings(input: unknown): ShopSettings {
  const parsed = ShopSettingsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidShopSettingsError(describeIssues(parsed.error));
  return parsed.data;
}
