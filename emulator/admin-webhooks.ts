import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AdminResponse } from './admin-api';
import { emitShopEvent } from './events';
import { PLAN_DISPLAY_NAMES, type EmulatedShop, type EmulatorState } from './state';
import { deliveryLog } from './webhook-delivery';
import { restTime, type WebhookPayload } from './webhook-payloads';

/** app/uninstalled carries the Shop resource. */
function shopPayload(shop: EmulatedShop): WebhookPayload {
  const primary = shop.locations.find((l) => l.isActive);
  return {
    id: 1, // the emulator's shop { id } is gid://shopify/Shop/1
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    country_code: primary?.countryCode ?? 'US',
    province_code: primary?.provinceCode ?? null,
    city: primary?.city ?? null,
    zip: primary?.zip ?? null,
    address1: primary?.address1 ?? null,
    created_at: restTime(shop.createdAt, shop.ianaTimezone),
    updated_at: restTime(shop.createdAt, shop.ianaTimezone),
    currency: shop.currencyCode,
    customer_email: shop.email,
    iana_timezone: shop.ianaTimezone,
    shop_owner: shop.shopOwnerName,
    plan_display_name: PLAN_DISPLAY_NAMES[shop.plan],
    plan_name: shop.plan,
    primary_location_id: primary?.id ?? null,
    enabled_presentment_currencies: [shop.currencyCode],
  };
}

const UninstallBodySchema = z.object({}).strict();

/**
 * The merchant uninstalls the app: app/uninstalled goes to the subscriptions, then, as in Shopify, the
 * access token stops working (GraphQL answers 401) and the app's shop-scoped subscriptions are gone.
 * A new token (PATCH /emulator/shops/:domain {"token": …}) stands for a reinstall.
 */
function uninstall(state: EmulatorState, shop: EmulatedShop, body: unknown): AdminResponse {
  const parsed = UninstallBodySchema.safeParse(body);
  if (!parsed.success) return { status: 422, body: { errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })) } };
  emitShopEvent(state, shop.domain, 'app/uninstalled', shopPayload(shop));
  shop.token = `revoked_${randomBytes(16).toString('hex')}`;
  shop.webhookSubscriptions = [];
  state.changed();
  return { status: 200, body: { uninstalled: true } };
}

/** The emulator's admin routes for webhooks, under /emulator/shops/:domain/; undefined when the route is not one of them. */
export function webhookAdminRoute(state: EmulatorState, shop: EmulatedShop, method: string, route: string[], body: unknown): AdminResponse | undefined {
  const [sub, ...rest] = route;
  if (rest.length > 0) return undefined;
  if (sub === 'webhook-deliveries' && method === 'GET') return { status: 200, body: { deliveries: deliveryLog(shop) } };
  if (sub === 'uninstall' && method === 'POST') return uninstall(state, shop, body);
  return undefined;
}
