import type { OrderAddress, ShopifyOrder } from './order';
import type { ShopSettings } from './shop-settings';

/**
 * Which ERP customer a Shopify buyer is (reference 3.2): the one rule for orders and for the customers
 * task. A buyer is what both know of a person: the Shopify customer id, e-mail, phone, name, address.
 */
export interface CustomerLookups {
  byEmail(email: string): Promise<string | undefined>;
  byPhoneDigits(digits: string): Promise<string | undefined>;
  byAddress(address: OrderAddress): Promise<string | undefined>;
}

export interface Buyer {
  shopifyCustomerId: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  address: OrderAddress | null;
  /** How messages name the buyer when it has no e-mail or phone (an order name, a customer id). */
  label: string;
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

export type CustomerSettings = Pick<
  ShopSettings,
  'customerImportFromShopify' | 'customerMappingType' | 'autoCreateUnknownCustomers' | 'customerTemplateCode' | 'customerTemplatesByCountry' | 'defaultCustomerNo'
>;

/**
 * A phone number's matching key: its last nine digits. Shopify keeps numbers in E.164
 * ("+33655443322") while an ERP often keeps the national form ("06 55 44 33 22"); the subscriber part
 * at the end is what both share (the connector's digits-only pattern misses that pair).
 */
export function phoneDigits(phone: string | null | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 6 ? digits.slice(-9) : undefined;
}

/** The template a new customer starts from: the one for its country, else the shop's (reference 2.7). */
export function customerTemplateFor(settings: Pick<ShopSettings, 'customerTemplateCode' | 'customerTemplatesByCountry'>, countryCode: string | null | undefined): string | null {
  return (countryCode ? settings.customerTemplatesByCountry[countryCode.toUpperCase()] : undefined) ?? settings.customerTemplateCode;
}

export function buyerName(buyer: Buyer): string {
  const person = [buyer.firstName ?? buyer.address?.firstName, buyer.lastName ?? buyer.address?.lastName].filter(Boolean).join(' ');
  return buyer.address?.company || person || buyer.email || buyer.phone || buyer.label;
}

export function buyerOfOrder(order: ShopifyOrder): Buyer {
  return {
    shopifyCustomerId: order.customer?.shopifyId ?? null,
    email: order.customer?.email ?? order.email,
    phone: order.customer?.phone ?? order.phone ?? order.billingAddress?.phone ?? null,
    firstName: order.customer?.firstName ?? null,
    lastName: order.customer?.lastName ?? null,
    address: order.billingAddress ?? order.shippingAddress,
    label: `order ${order.name}`,
  };
}

/**
 * Finds the ERP customer a buyer is: the linked one, then by the shop's mapping type, then a new one
 * when the shop allows it, then the shop's default customer (only where `useDefault`: an order needs
 * someone to sell to, the customers task does not link a person to the default customer).
 */
export async function mapBuyer(buyer: Buyer, linkedCustomerNo: string | undefined, settings: CustomerSettings, lookups: CustomerLookups, useDefault = true): Promise<CustomerDecision> {
  const fallback = (why: string): CustomerDecision =>
    useDefault && settings.defaultCustomerNo ? { customerNo: settings.defaultCustomerNo, how: 'default' } : { reason: why };
  if (useDefault && (settings.customerMappingType === 'defaultCustomer' || settings.customerImportFromShopify === 'none')) {
    return fallback('the shop maps every order to its default customer, but defaultCustomerNo is not set');
  }
  if (linkedCustomerNo) return { customerNo: linkedCustomerNo, how: 'linked' };
  const { email, phone } = buyer;
  if (!buyer.shopifyCustomerId && !email && !phone) return fallback(`${buyer.label} has no customer, e-mail or phone, and the shop has no defaultCustomerNo`);
  if (settings.customerMappingType === 'byBillToInfo') {
    const byAddress = buyer.address ? await lookups.byAddress(buyer.address) : undefined;
    if (byAddress) return { customerNo: byAddress, how: 'billTo' };
  } else {
    const byEmail = email ? await lookups.byEmail(email.toLowerCase()) : undefined;
    if (byEmail) return { customerNo: byEmail, how: 'email' };
    const digits = phoneDigits(phone);
    const byPhone = digits ? await lookups.byPhoneDigits(digits) : undefined;
    if (byPhone) return { customerNo: byPhone, how: 'phone' };
  }
  if (settings.autoCreateUnknownCustomers) {
    const templateCode = customerTemplateFor(settings, buyer.address?.countryCode);
    return { create: { name: buyerName(buyer), email: email?.toLowerCase() ?? null, phone, address: buyer.address, templateCode } };
  }
  const who = email ?? phone ?? buyer.shopifyCustomerId ?? 'the buyer';
  const mappingType = settings.customerMappingType === 'byBillToInfo' ? 'byBillToInfo' : 'byEmailPhone';
  return fallback(`no ERP customer matches ${who} (${mappingType}); create or link one, turn on autoCreateUnknownCustomers${useDefault ? ', or set defaultCustomerNo' : ''}`);
}

/** The customer an order sells to. */
export async function mapCustomer(order: ShopifyOrder, linkedCustomerNo: string | undefined, settings: CustomerSettings, lookups: CustomerLookups): Promise<CustomerDecision> {
  return mapBuyer(buyerOfOrder(order), linkedCustomerNo, settings, lookups);
}
