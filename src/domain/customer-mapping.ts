import type { OrderAddress, ShopifyOrder } from './order';
import type { ShopSettings } from './shop-settings';

export interface CustomerLookups {
  byEmail(email: string): Promise<string | undefined>;
  byPhoneDigits(digits: string): Promise<string | undefined>;
  byAddress(address: OrderAddress): Promise<string | undefined>;
}

export type CustomerDecision =
  | { customerNo: string; how: 'linked' | 'email' | 'phone' | 'billTo' | 'default' }
  | { create: NewCustomer }
  | { reason: string };

export interface NewCustomer {
  name: string;
  email: string | null;
  phone: string | null;
  address: OrderAddress | null;
  templateCode: string | null;
}

type CustomerSettings = Pick<
  ShopSettings,
  'customerImportFromShopify' | 'customerMappingType' | 'autoCreateUnknownCustomers' | 'customerTemplateCode' | 'defaultCustomerNo'
>;

export function phoneDigits(phone: string | null | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 6 ? digits : undefined;
}

function customerName(order: ShopifyOrder): string {
  const address = order.billingAddress ?? order.shippingAddress;
  const person = [order.customer?.firstName ?? address?.firstName, order.customer?.lastName ?? address?.lastName].filter(Boolean).join(' ');
  return address?.company || person || order.email || order.customer?.email || order.name;
}

/**
 * Finds the ERP customer an order sells to (reference 3.2): the linked one, then by the shop's
 * mapping type, then a new one when the shop allows it, then the shop's default customer.
 */
export async function mapCustomer(order: ShopifyOrder, linkedCustomerNo: string | undefined, settings: CustomerSettings, lookups: CustomerLookups): Promise<CustomerDecision> {
  const fallback = (why: string): CustomerDecision =>
    settings.defaultCustomerNo ? { customerNo: settings.defaultCustomerNo, how: 'default' } : { reason: why };
  if (settings.customerMappingType === 'defaultCustomer' || settings.customerImportFromShopify === 'none') {
    return fallback('the shop maps every order to its default customer, but defaultCustomerNo is not set');
  }
  if (linkedCustomerNo) return { customerNo: linkedCustomerNo, how: 'linked' };
  const email = order.customer?.email ?? order.email;
  const phone = order.customer?.phone ?? order.phone ?? order.billingAddress?.phone ?? null;
  if (!order.customer && !email && !phone) return fallback(`order ${order.name} has no customer, e-mail or phone, and the shop has no defaultCustomerNo`);
  if (settings.customerMappingType === 'byEmailPhone') {
    const byEmail = email ? await lookups.byEmail(email.toLowerCase()) : undefined;
    if (byEmail) return { customerNo: byEmail, how: 'email' };
    const digits = phoneDigits(phone);
    const byPhone = digits ? await lookups.byPhoneDigits(digits) : undefined;
    if (byPhone) return { customerNo: byPhone, how: 'phone' };
  } else {
    const address = order.billingAddress ?? order.shippingAddress;
    const byAddress = address ? await lookups.byAddress(address) : undefined;
    if (byAddress) return { customerNo: byAddress, how: 'billTo' };
  }
  if (settings.autoCreateUnknownCustomers) {
    return { create: { name: customerName(order), email: email?.toLowerCase() ?? null, phone, address: order.billingAddress ?? order.shippingAddress, templateCode: settings.customerTemplateCode } };
  }
  const who = email ?? phone ?? order.customer?.shopifyId ?? 'the buyer';
  return fallback(`no ERP customer matches ${who} (${settings.customerMappingType}); create or link one, turn on autoCreateUnknownCustomers, or set defaultCustomerNo`);
}
