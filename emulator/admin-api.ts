import { z } from 'zod';
import { b2bAdminRoute } from './admin-b2b';
import { customerAdminRoute } from './admin-customers';
import { fulfillmentOrderAdminRoute } from './admin-fulfillment-orders';
import { lineDiscountAdminRoute } from './admin-line-discounts';
import { transactionAdminRoute } from './admin-transactions';
import { webhookAdminRoute } from './admin-webhooks';
import { FaultRuleSchema } from './faults';
import { gid } from './gid';
import { allInventoryItems, findInventoryItem, isActiveLevel, levelsOf, QUANTITY_NAMES, quantityOf, setLevelQuantity, type StockedItem } from './inventory-store';
import { mediaStatus } from './media-store';
import { findProduct } from './products-store';
import { planProductSet, type ProductSetInput } from './resolvers/product-inputs';
import { applyProductSet } from './resolvers/products';
import { LocationSeedSchema, ShopSeedSchema, StateConflictError, type EmulatedShop, type EmulatorState } from './state';
import { WebhookRetryDelaysSchema } from './webhooks-store';

/** The emulator's own admin API (under /emulator/), used by tests and the demo to seed and steer shops. */
export interface AdminResponse {
  status: number;
  body: unknown;
}

const ShopPatchSchema = z
  .object({
    token: z.string().min(8).optional(),
    plan: z.enum(['standard', 'advanced', 'plus', 'enterprise']).optional(),
    bucketSize: z.number().int().min(1).max(1_000_000).nullable().optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    name: z.string().min(1).max(255).optional(),
    currencyCode: z.string().regex(/^[A-Z]{3}$/).optional(),
    ianaTimezone: z.string().min(1).optional(),
    bulkLinesPerSecond: z.number().positive().max(100_000).optional(),
    mediaProcessingMs: z.number().int().min(0).max(600_000).optional(),
    apiSecret: z.string().min(8).max(255).optional(),
    webhookRetryDelaysMs: WebhookRetryDelaysSchema.optional(),
  })
  .strict();

const decimal = z.string().regex(/^-?\d+(\.\d{1,2})?$/, 'must be a decimal amount such as "12.50"');
const PayoutsBodySchema = z
  .object({
    payouts: z
      .array(z.object({ status: z.enum(['SCHEDULED', 'IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED']), issuedAt: z.iso.datetime(), net: decimal, gross: decimal, fee: decimal }).strict())
      .default([]),
    balanceTransactions: z
      .array(
        z
          .object({
            type: z.enum(['CHARGE', 'REFUND', 'ADJUSTMENT', 'PAYOUT']),
            amount: decimal,
            fee: decimal,
            transactionDate: z.iso.datetime(),
            payoutIndex: z.number().int().min(0).optional(),
            sourceOrderId: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const PayoutStatusSchema = z.object({ status: z.enum(['SCHEDULED', 'IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED']) }).strict();

/** POST /emulator/shops/:domain/payouts/:id { status }: the bank moving a payout on (Shopify has no mutation for it). */
function setPayoutStatus(state: EmulatorState, shop: EmulatedShop, rawId: string, body: unknown): AdminResponse {
  const parsed = PayoutStatusSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const payout = shop.payouts.find((p) => String(p.id) === rawId || gid('ShopifyPaymentsPayout', p.id) === decodeURIComponent(rawId));
  if (!payout) return { status: 404, body: { errors: [{ message: `no payout ${rawId} in ${shop.domain}` }] } };
  payout.status = parsed.data.status;
  state.changed();
  return { status: 200, body: { payout } };
}

const amount = z.string().regex(/^\d+(\.\d{1,2})?$/, 'must be a non-negative decimal amount such as "12.50"');
const VariantSeedSchema = z
  .object({
    sku: z.string().min(1).max(255).optional(),
    barcode: z.string().min(1).max(255).optional(),
    price: amount,
    compareAtPrice: amount.optional(),
    taxable: z.boolean().optional(),
    inventoryPolicy: z.enum(['DENY', 'CONTINUE']).optional(),
    optionValues: z.array(z.object({ optionName: z.string().min(1), name: z.string().min(1) }).strict()).max(3).optional(),
    cost: amount.optional(),
    tracked: z.boolean().optional(),
    requiresShipping: z.boolean().optional(),
    weight: z.object({ unit: z.enum(['GRAMS', 'KILOGRAMS', 'OUNCES', 'POUNDS']), value: z.number().min(0) }).strict().optional(),
  })
  .strict();
export const ProductSeedSchema = z
  .object({
    title: z.string().trim().min(1).max(255),
    handle: z.string().min(1).max(255).optional(),
    vendor: z.string().max(255).optional(),
    productType: z.string().max(255).optional(),
    status: z.enum(['ACTIVE', 'DRAFT', 'ARCHIVED', 'UNLISTED']).optional(),
    tags: z.array(z.string().min(1).max(255)).optional(),
    descriptionHtml: z.string().optional(),
    giftCard: z.boolean().optional(),
    options: z.array(z.object({ name: z.string().min(1).max(255), values: z.array(z.string().min(1)).min(1) }).strict()).max(3).optional(),
    variants: z.array(VariantSeedSchema).min(1).max(2048),
  })
  .strict();
export type ProductSeed = z.input<typeof ProductSeedSchema>;
const ProductsBodySchema = z.object({ products: z.array(ProductSeedSchema).min(1).max(10_000) }).strict();

/** A seeded product as productSet's input, so that seeds obey the rules of the Admin API (one path, one set of rules). */
function productSetInputOf(seed: z.infer<typeof ProductSeedSchema>): ProductSetInput {
  const options = seed.options?.length ? seed.options : [{ name: 'Title', values: ['Default Title'] }];
  return {
    title: seed.title,
    handle: seed.handle,
    vendor: seed.vendor,
    productType: seed.productType,
    status: seed.status,
    tags: seed.tags,
    descriptionHtml: seed.descriptionHtml,
    giftCard: seed.giftCard,
    productOptions: options.map((o) => ({ name: o.name, values: o.values.map((name) => ({ name })) })),
    variants: seed.variants.map((v) => ({
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      taxable: v.taxable,
      inventoryPolicy: v.inventoryPolicy,
      optionValues: v.optionValues ?? (seed.options?.length ? [] : [{ optionName: 'Title', name: 'Default Title' }]),
      inventoryItem: { cost: v.cost, tracked: v.tracked, requiresShipping: v.requiresShipping, measurement: v.weight ? { weight: v.weight } : undefined },
    })),
  };
}

/** Seeds products without spending the shop's rate limit; all or none: the first refused product undoes the request. */
function seedProducts(state: EmulatorState, shop: EmulatedShop, body: unknown): AdminResponse {
  const parsed = ProductsBodySchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const before = shop.products.length;
  const created = [];
  for (const [index, seed] of parsed.data.products.entries()) {
    const planned = planProductSet(shop, productSetInputOf(seed), null);
    if ('errors' in planned) {
      shop.products.splice(before);
      const errors = planned.errors.map((e) => ({ field: ['products', index, ...(e.field ?? []).slice(1)].join('.'), message: e.message, code: e.code }));
      return { status: 422, body: { errors } };
    }
    const product = applyProductSet(shop, state, planned.plan);
    created.push({
      id: gid('Product', product.id),
      legacyResourceId: String(product.id),
      handle: product.handle,
      variants: product.variants.map((v) => ({ id: gid('ProductVariant', v.id), sku: v.sku, title: v.title })),
    });
  }
  state.changed();
  return { status: 201, body: { products: created } };
}

const InventoryBodySchema = z
  .object({
    levels: z
      .array(
        z
          .object({
            sku: z.string().min(1).optional(),
            inventoryItemId: z.union([z.string().regex(/^gid:\/\/shopify\/InventoryItem\/\d+$/), z.number().int().positive()]).optional(),
            locationId: z.union([z.string().regex(/^gid:\/\/shopify\/Location\/\d+$/), z.number().int().positive()]).optional(),
            locationName: z.string().min(1).optional(),
            name: z.enum(['available', 'on_hand']),
            quantity: z.number().int().min(-1_000_000_000).max(1_000_000_000),
          })
          .strict()
          .refine((l) => (l.sku === undefined) !== (l.inventoryItemId === undefined), { message: 'give exactly one of sku or inventoryItemId' })
          .refine((l) => (l.locationId === undefined) !== (l.locationName === undefined), { message: 'give exactly one of locationId or locationName' }),
      )
      .min(1)
      .max(10_000),
  })
  .strict();

/** A level as the admin API shows it: every quantity name, on_hand and unavailable computed. */
function levelView(shop: EmulatedShop, stocked: StockedItem) {
  return levelsOf(stocked.item).filter(isActiveLevel).map((level) => ({
    inventoryItemId: gid('InventoryItem', stocked.variant.inventoryItemId),
    sku: stocked.variant.sku,
    locationId: gid('Location', level.locationId),
    locationName: shop.locations.find((l) => l.id === level.locationId)?.name ?? null,
    quantities: Object.fromEntries(QUANTITY_NAMES.map((name) => [name, quantityOf(level, name)])),
    updatedAt: level.updatedAt,
  }));
}

/**
 * Sets quantities as a merchant would in Shopify's admin (drift made in Shopify): no compare, no rate limit,
 * levels' updatedAt moved. All or none: a line naming no item, location or level refuses the request.
 */
function setInventory(state: EmulatorState, shop: EmulatedShop, body: unknown): AdminResponse {
  const parsed = InventoryBodySchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error);
  const errors: Array<{ field: string; message: string }> = [];
  const planned = parsed.data.levels.flatMap((line, index) => {
    const items = line.sku !== undefined
      ? allInventoryItems(shop).filter((s) => s.variant.sku === line.sku)
      : [findInventoryItem(shop, line.inventoryItemId)].filter((s): s is StockedItem => !!s);
    if (items.length !== 1) {
      errors.push({ field: `levels.${index}.${line.sku !== undefined ? 'sku' : 'inventoryItemId'}`, message: items.length === 0 ? 'names no inventory item' : 'names several inventory items (SKU shared)' });
      return [];
    }
    const location = line.locationName !== undefined
      ? shop.locations.find((l) => l.name === line.locationName)
      : shop.locations.find((l) => l.id === (typeof line.locationId === 'number' ? line.locationId : Number(String(line.locationId).split('/').pop())));
    if (!location) {
      errors.push({ field: `levels.${index}.${line.locationName !== undefined ? 'locationName' : 'locationId'}`, message: 'names no location of the shop' });
      return [];
    }
    const stocked = items[0] as StockedItem;
    const level = levelsOf(stocked.item).find((l) => l.locationId === location.id && isActiveLevel(l));
    if (!level) {
      errors.push({ field: `levels.${index}`, message: `the item is not stocked at ${location.name} (activate it first)` });
      return [];
    }
    return [{ stocked, level, name: line.name, quantity: line.quantity }];
  });
  if (errors.length > 0) return { status: 422, body: { errors } };
  const now = state.now();
  for (const p of planned) setLevelQuantity(p.level, p.stocked.variant.inventoryItemId, p.name, p.quantity, now);
  state.changed();
  const touched = [...new Set(planned.map((p) => p.stocked))];
  return { status: 200, body: { levels: touched.flatMap((s) => levelView(shop, s)) } };
}

const ProductIdSchema = z.union([z.string().regex(/^\d+$/).transform((id) => gid('Product', id)), z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/)]);

/** A product's media in gallery order, with what the tests compare: status, sha256 of the bytes, the variants showing each. */
function productMedia(shop: EmulatedShop, rawId: string): AdminResponse {
  const parsed = ProductIdSchema.safeParse(rawId);
  if (!parsed.success) return { status: 422, body: { errors: [{ field: 'id', message: 'must be a product id or gid' }] } };
  const product = findProduct(shop, parsed.data);
  if (!product) return { status: 404, body: { errors: [{ message: `no product ${rawId} in ${shop.domain}` }] } };
  const media = shop.media.ofProduct(product.id).map((file, index) => ({
    id: gid('MediaImage', file.id),
    position: index + 1,
    status: mediaStatus(file),
    alt: file.alt,
    filename: file.filename,
    mimeType: file.mimeType,
    width: file.width,
    height: file.height,
    fileSize: file.fileSize,
    sha256: file.sha256,
    error: file.error,
    variantIds: product.variants.filter((v) => shop.media.ofVariant(v.id).includes(file)).map((v) => gid('ProductVariant', v.id)),
  }));
  return { status: 200, body: { media } };
}

const FaultsBodySchema = z.object({ faults: z.array(FaultRuleSchema) }).strict();
const LocationsBodySchema = z.object({ locations: z.array(LocationSeedSchema).min(1) }).strict();

function invalid(error: z.ZodError): AdminResponse {
  return {
    status: 422,
    body: { errors: error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })) },
  };
}

/** What the admin API shows of a shop: everything but the token, which it only hints at. */
export function publicShop(shop: EmulatedShop) {
  const { token, ...rest } = shop;
  return { ...rest, tokenHint: `${token.slice(0, 4)}…` };
}

export function handleAdminRequest(state: EmulatorState, method: string, path: string[], body: unknown): AdminResponse {
  const [resource, domain, sub] = path;
  if (resource === 'reset' && method === 'POST') {
    state.reset();
    return { status: 200, body: { ok: true } };
  }
  if (resource !== 'shops') return { status: 404, body: { errors: [{ message: `no admin route ${method} /emulator/${path.join('/')}` }] } };
  if (!domain) {
    if (method === 'GET') return { status: 200, body: { shops: state.list().map(publicShop) } };
    if (method === 'POST') {
      const parsed = ShopSeedSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      try {
        return { status: 201, body: { shop: publicShop(state.createShop(parsed.data)) } };
      } catch (error) {
        if (error instanceof StateConflictError) return { status: 409, body: { errors: [{ message: error.message }] } };
        throw error;
      }
    }
  }
  const shop = domain ? state.get(domain) : undefined;
  if (!shop) return { status: 404, body: { errors: [{ message: `no shop ${domain}` }] } };
  if (!sub) {
    if (method === 'GET') return { status: 200, body: { shop: publicShop(shop) } };
    if (method === 'DELETE') return { status: 200, body: { deleted: state.deleteShop(shop.domain) } };
    if (method === 'PATCH') {
      const parsed = ShopPatchSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const { bucketSize, ...rest } = parsed.data;
      Object.assign(shop, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
      if (bucketSize !== undefined) shop.bucketSize = bucketSize ?? undefined;
      state.changed();
      return { status: 200, body: { shop: publicShop(shop) } };
    }
  }
  if (sub === 'locations' && method === 'POST') {
    const parsed = LocationsBodySchema.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const created = parsed.data.locations.map((location) => state.addLocation(shop, location));
    return { status: 201, body: { locations: created } };
  }
  if (sub === 'faults') {
    if (method === 'GET') return { status: 200, body: { faults: shop.faults } };
    if (method === 'DELETE') {
      state.setFaults(shop, []);
      return { status: 200, body: { faults: [] } };
    }
    if (method === 'PUT') {
      const parsed = FaultsBodySchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      state.setFaults(shop, parsed.data.faults);
      return { status: 200, body: { faults: shop.faults } };
    }
  }
  if (sub === 'payouts' && method === 'POST' && path[3] !== undefined) return setPayoutStatus(state, shop, path[3], body);
  if (sub === 'payouts' && method === 'POST') {
    const parsed = PayoutsBodySchema.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const payouts = parsed.data.payouts.map((p) => ({ ...p, id: state.nextId(shop), currencyCode: shop.currencyCode }));
    const balanceTransactions = parsed.data.balanceTransactions.map((t) => {
      const payout = t.payoutIndex === undefined ? undefined : payouts[t.payoutIndex];
      if (t.payoutIndex !== undefined && !payout) throw new Error(`payoutIndex ${t.payoutIndex} names no payout of this request`);
      const net = ((Math.round(Number(t.amount) * 100) - Math.round(Number(t.fee) * 100)) / 100).toFixed(2);
      return { id: state.nextId(shop), type: t.type, test: false, amount: t.amount, fee: t.fee, net, currencyCode: shop.currencyCode, transactionDate: t.transactionDate, payoutId: payout?.id ?? null, sourceOrderId: t.sourceOrderId ?? null };
    });
    shop.payouts.push(...payouts);
    shop.balanceTransactions.push(...balanceTransactions);
    state.changed();
    return { status: 201, body: { payouts, balanceTransactions } };
  }
  if (sub === 'products') {
    const id = path[3];
    if (method === 'POST' && id === undefined) return seedProducts(state, shop, body);
    if (method === 'GET' && id !== undefined && path[4] === 'media' && path.length === 5) return productMedia(shop, id);
    if (method === 'GET' && id !== undefined) {
      const product = findProduct(shop, /^\d+$/.test(id) ? gid('Product', id) : id);
      return product ? { status: 200, body: { product } } : { status: 404, body: { errors: [{ message: `no product ${id} in ${shop.domain}` }] } };
    }
  }
  if (sub === 'catalogs' || sub === 'companies' || sub === 'price-lists') {
    const answer = b2bAdminRoute(state, shop, method, path.slice(2), body);
    if (answer) return answer;
  }
  if (sub === 'customers' && path.length <= 4) {
    const answer = customerAdminRoute(state, shop, method, path[3], body);
    if (answer) return answer;
  }
  if (sub === 'inventory') {
    // GET …/inventory lists every level; GET …/inventory/<sku> those of one SKU (the admin router sees no query string).
    if (method === 'PUT' && path[3] === undefined) return setInventory(state, shop, body);
    if (method === 'GET') {
      const sku = path[3];
      const items = allInventoryItems(shop).filter((s) => sku === undefined || s.variant.sku === sku);
      return { status: 200, body: { levels: items.flatMap((s) => levelView(shop, s)) } };
    }
  }
  if (sub === 'transactions' && path.length === 4) {
    const answer = transactionAdminRoute(state, shop, method, path[3], body);
    if (answer) return answer;
  }
  if (sub === 'orders' && path[4] === 'fulfillment-orders' && path.length === 5) return fulfillmentOrderAdminRoute(state, shop, method, path[3], body);
  if (sub === 'orders' && path[4] === 'line-discounts' && path.length === 5) return lineDiscountAdminRoute(state, shop, method, path[3], body);
  if (sub === 'stats' && method === 'GET') return { status: 200, body: { stats: shop.stats } };
  if (sub === 'webhook-deliveries' || sub === 'uninstall') {
    const answer = webhookAdminRoute(state, shop, method, path.slice(2), body);
    if (answer) return answer;
  }
  return { status: 404, body: { errors: [{ message: `no admin route ${method} /emulator/${path.join('/')}` }] } };
}
