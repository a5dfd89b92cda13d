import { gid } from '../gid';
import { PLAN_DISPLAY_NAMES, PLAN_PUBLIC_NAMES, type EmulatedShop } from '../state';
import type { ResolverModule } from './context';

function timezoneAbbreviation(timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

export function shopObject(shop: EmulatedShop) {
  const url = `https://${shop.domain}`;
  return {
    id: gid('Shop', 1),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.domain,
    url,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: timezoneAbbreviation(shop.ianaTimezone),
    shopOwnerName: shop.shopOwnerName,
    createdAt: shop.createdAt,
    plan: {
      displayName: PLAN_DISPLAY_NAMES[shop.plan],
      publicDisplayName: PLAN_PUBLIC_NAMES[shop.plan],
      partnerDevelopment: false,
      shopifyPlus: shop.plan === 'plus' || shop.plan === 'enterprise',
    },
    primaryDomain: { id: gid('Domain', 1), host: shop.domain, url, sslEnabled: true },
  };
}

export const shopResolvers: ResolverModule = {
  query: {
    shop: (_args, { shop }) => shopObject(shop),
  },
};
