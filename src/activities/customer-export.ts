import { customerFieldsHash, shopifyFieldsFromErp, type ShopifyCustomerUpdate } from '../domain/customer-fields';
import type { ShopSettings } from '../domain/shop-settings';
import type { CustomerDocument } from '../erp/customers';
import type { ShopifyCustomerDocument } from '../erp/shopify-customers';
import type { ShopifyAdminClient } from '../shopify/client';
import type { CountryCode, CustomerSetInput, MailingAddressInput } from '../shopify/types/admin.types';
import { customerFromRaw } from '../shopify/customer-mapper';
import { CUSTOMER_ADDRESS_CREATE, CUSTOMER_ADDRESS_UPDATE, CUSTOMER_ADDRESSES, CUSTOMER_SET, CUSTOMERS_MATCHING_QUERY } from '../shopify/documents/customers';
import type { ActivityDeps } from './deps';
import { ShopDisabledError, withFailureTypes } from './failures';
import { exportLinkedStep, type LinkedExportCounts } from './linked-export';
import { checkpoint } from './run-guard';

/** `skipped`: linked to an ERP customer that is blocked or gone, not sent. */
export type CustomerExportCounts = LinkedExportCounts;

export interface AddCustomersCounts {
  added: number;
  alreadyInShopify: number;
  skipped: number;
  requests: number;
}

/** A Shopify refusal of one customer: recorded on it, the run goes on. */
class CustomerRefused extends Error {}

const RECORD_TYPE = 'customer';
/** How much earlier than our own clock a customer Shopify created for this run may say it was created. */
const CLOCK_SKEW_MS = 60_000;

function setInput(fields: ShopifyCustomerUpdate): CustomerSetInput {
  // Omitted fields stay as Shopify has them: an ERP customer without an e-mail does not clear Shopify's.
  const input: CustomerSetInput = {};
  if (fields.firstName !== null) input.firstName = fields.firstName;
  if (fields.lastName !== null) input.lastName = fields.lastName;
  if (fields.email !== null) input.email = fields.email;
  if (fields.phone !== null) input.phone = fields.phone;
  return input;
}

function mailingAddress(address: NonNullable<ShopifyCustomerUpdate['address']>): MailingAddressInput {
  const { countryCode, ...rest } = address;
  // The ERP's country is free text; Shopify's is an ISO code: anything else is left for Shopify to keep.
  return { ...rest, ...(countryCode && /^[A-Z]{2}$/.test(countryCode) ? { countryCode: countryCode as CountryCode } : {}) };
}

function refusal(errors: ReadonlyArray<{ field?: string[] | null; message: string }>): CustomerRefused {
  return new CustomerRefused(`Shopify refused the customer: ${errors.map((e) => `${(e.field ?? []).join('.') || 'customer'}: ${e.message}`).join('; ')}`);
}

function searchValue(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export function createCustomerExportActivities({ erp, shopify }: ActivityDeps) {
  async function sendChanges(client: ShopifyAdminClient, link: ShopifyCustomerDocument, fields: ShopifyCustomerUpdate): Promise<number> {
    const { data } = await client.request(CUSTOMER_SET, { identifier: { id: link.shopifyId }, input: setInput(fields), addresses: 1 }, { idempotent: true });
    const errors = data.customerSet?.userErrors ?? [];
    if (errors.length) throw refusal(errors);
    if (!fields.address) return 1;
    const current = data.customerSet?.customer?.defaultAddress?.id ?? link.defaultAddressId ?? null;
    if (current) {
      const updated = await client.request(CUSTOMER_ADDRESS_UPDATE, { customerId: link.shopifyId, addressId: current, address: mailingAddress(fields.address) }, { idempotent: true });
      const addressErrors = updated.data.customerAddressUpdate?.userErrors ?? [];
      if (addressErrors.length) throw refusal(addressErrors);
    } else {
      // Not idempotent: a retry after a lost answer may add the address twice, which is harmless (it is set as default either way).
      const created = await client.request(CUSTOMER_ADDRESS_CREATE, { customerId: link.shopifyId, address: mailingAddress(fields.address) });
      const addressErrors = created.data.customerAddressCreate?.userErrors ?? [];
      if (addressErrors.length) throw refusal(addressErrors);
    }
    return 2;
  }

  async function exportOne(client: ShopifyAdminClient, shop: string, settings: ShopSettings, link: ShopifyCustomerDocument, customer: CustomerDocument | undefined, counts: CustomerExportCounts): Promise<void> {
    if (!customer || customer.blocked) {
      counts.skipped += 1;
      return;
    }
    const fields = shopifyFieldsFromErp(customer, settings);
    const hash = customerFieldsHash(fields);
    if (hash === link.shopifyHash) {
      counts.unchanged += 1;
      return;
    }
    try {
      counts.requests += await sendChanges(client, link, fields);
      await erp.shopifyCustomers.markSent(shop, link.shopifyId, { shopifyHash: hash });
      await erp.skipped.clear(shop, RECORD_TYPE, customer._id);
      counts.sent += 1;
    } catch (error) {
      if (!(error instanceof CustomerRefused)) throw error;
      await erp.shopifyCustomers.recordError(shop, link.shopifyId, error.message);
      await erp.skipped.record(shop, RECORD_TYPE, customer._id, error.message);
      counts.failed += 1;
    }
  }

  /**
   * Adds one ERP customer to Shopify (the connector's report 30112): an e-mail is required; an e-mail
   * or phone Shopify already has is a skipped record naming the customer who has it. The attempt is
   * written down before the call, so a retry that finds the customer it created itself links it.
   */
  async function addOne(client: ShopifyAdminClient, shop: string, settings: ShopSettings, no: string, counts: AddCustomersCounts): Promise<void> {
    const customer = await erp.customers.get(no);
    const skip = async (reason: string) => {
      await erp.skipped.record(shop, RECORD_TYPE, no, reason);
      counts.skipped += 1;
    };
    if (!customer) return skip(`not added to Shopify: customer ${no} does not exist`);
    if (await erp.shopifyCustomers.linkedTo(shop, no)) {
      counts.alreadyInShopify += 1;
      return;
    }
    if (!customer.email) return skip(`not added to Shopify: customer ${no} has no e-mail, and Shopify needs one`);
    const attempt = await erp.shopifyCustomers.startAdding(shop, no);
    const fields = shopifyFieldsFromErp(customer, settings);
    const terms = [`email:${searchValue(customer.email)}`, ...(fields.phone ? [`phone:${searchValue(fields.phone)}`] : [])];
    const { data: found } = await client.request(CUSTOMERS_MATCHING_QUERY, { query: terms.join(' OR ') });
    counts.requests += 1;
    const match = found.customers.nodes[0];
    if (match) {
      const sameEmail = match.defaultEmailAddress?.emailAddress?.toLowerCase() === customer.emailLower;
      if (attempt.retry && sameEmail && Date.parse(match.createdAt) >= attempt.at.getTime() - CLOCK_SKEW_MS) {
        // The earlier attempt created it and its answer was lost: link it rather than report ourselves.
        await erp.shopifyCustomers.saveImported(shop, { shopifyId: match.id, email: customer.emailLower, phone: customer.phone, displayName: customer.name, shopifyUpdatedAt: '', defaultAddressId: null, shopifyHash: customerFieldsHash(fields) }, no, null);
        await erp.shopifyCustomers.finishAdding(shop, no);
        counts.added += 1;
        return;
      }
      await erp.shopifyCustomers.finishAdding(shop, no);
      return skip(`not added to Shopify: Shopify already has a customer with ${sameEmail ? `e-mail ${customer.email}` : `phone ${customer.phone ?? ''}`} (${match.id})`);
    }
    const input = { ...setInput(fields), ...(fields.address ? { addresses: [mailingAddress(fields.address)] } : {}) };
    const { data } = await client.request(CUSTOMER_SET, { input, addresses: CUSTOMER_ADDRESSES });
    counts.requests += 1;
    const errors = data.customerSet?.userErrors ?? [];
    const created = data.customerSet?.customer;
    if (errors.length || !created) {
      await erp.shopifyCustomers.finishAdding(shop, no);
      return skip(`not added to Shopify: ${refusal(errors).message}`);
    }
    const shopifyCustomer = customerFromRaw(created);
    await erp.shopifyCustomers.saveImported(
      shop,
      {
        shopifyId: created.id,
        email: shopifyCustomer.email,
        phone: shopifyCustomer.phone,
        displayName: customer.name,
        shopifyUpdatedAt: shopifyCustomer.updatedAt,
        defaultAddressId: shopifyCustomer.defaultAddress?.shopifyId ?? null,
        shopifyHash: customerFieldsHash(fields),
      },
      no,
      null,
    );
    await erp.shopifyCustomers.finishAdding(shop, no);
    await erp.skipped.clear(shop, RECORD_TYPE, no);
    counts.added += 1;
  }

  async function outgoingSettings(shop: string): Promise<ShopSettings> {
    const { settings } = await erp.shops.get(shop);
    if (!settings.enabled) throw new ShopDisabledError(`shop ${shop} is disabled`);
    return settings;
  }

  return withFailureTypes({
    /**
     * Sends linked ERP customers whose fields differ from what Shopify was last known to have, until
     * done or out of time (reference 2.7, export). Reads the shop's links with one cursor, their ERP
     * customers by number a batch at a time. Safe to retry: a customer sent is marked, and sending the
     * same values again changes nothing.
     */
    async pushCustomerChanges(step: { shop: string; afterKey: string | null; maxMillis: number }): Promise<CustomerExportCounts & { afterKey: string | null; done: boolean }> {
      const settings = await outgoingSettings(step.shop);
      const client = shopify.forShop(step.shop);
      return exportLinkedStep(erp, step, (afterKey) => erp.shopifyCustomers.linked(step.shop, afterKey), (link, customer, counts) => exportOne(client, step.shop, settings, link, customer, counts));
    },

    /** "Add customers to Shopify": each named ERP customer, once. */
    async addCustomersToShopify(input: { shop: string; customerNos: string[] }): Promise<AddCustomersCounts> {
      const settings = await outgoingSettings(input.shop);
      const client = shopify.forShop(input.shop);
      const counts: AddCustomersCounts = { added: 0, alreadyInShopify: 0, skipped: 0, requests: 0 };
      for (const no of input.customerNos) {
        await checkpoint(counts);
        if (settings.allowOutgoingRequests) {
          await addOne(client, input.shop, settings, no, counts);
        } else {
          // Not sent, and not silently: the reason shows under skipped records until the setting changes.
          await erp.skipped.record(input.shop, RECORD_TYPE, no, 'not added to Shopify: the shop has allowOutgoingRequests off');
          counts.skipped += 1;
        }
      }
      return counts;
    },
  });
}

export type CustomerExportActivities = ReturnType<typeof createCustomerExportActivities>;
