import type { EmulatedCustomer } from '../commerce';
import { normaliseEmail } from '../customer-inputs';
import { applyCustomer, customerByEmail, customerByPhone, findCustomer, planCustomer, type CustomerInput } from '../customers-store';
import { normalisePhone } from '../phone';
import type { EmulatedShop } from '../state';
import { ShopifyGraphQLError, type RootResolver } from './context';
import { customerObject } from './customer-objects';
import { userError, type UserError } from './user-errors';

/**
 * customerSet (shopify.dev): no identifier creates, `identifier.id` updates, `identifier.email` or
 * `.phone` upserts by that key; list fields replace the list, omitted fields stay. The messages are the
 * CustomerSetUserErrorCode descriptions, as Shopify answers them, all on field ["input"] (captured).
 */

interface Identifiers {
  id?: string | null;
  email?: string | null;
  phone?: string | null;
  customId?: unknown;
}

const NOT_FOUND = 'Resource matching the identifier was not found.';
const refusal = (message: string, code: string): { error: UserError } => ({ error: userError(['input'], message, code) });

/** The unique key of the input an upsert identifier names: given, and the same value once normalised. */
function upsertKey(wanted: string, given: string | null | undefined, normalise: (value: string) => string | null): { key: string } | { error: UserError } {
  const givenKey = given ? normalise(given) : null;
  if (!given || !givenKey) return refusal('The input field corresponding to the identifier is required.', 'MISSING_FIELD_REQUIRED');
  const wantedKey = normalise(wanted) ?? wanted.trim();
  if (wantedKey.toLowerCase() !== givenKey.toLowerCase()) return refusal('The identifier value does not match the value of the corresponding field in the input.', 'INPUT_MISMATCH');
  return { key: givenKey };
}

/** The customer the mutation updates (none: it creates one), or why it refuses. */
function target(shop: EmulatedShop, input: CustomerInput & { id?: string | null }, identifier: Identifiers | null): { customer?: EmulatedCustomer } | { error: UserError } {
  if (!identifier) {
    if (!input.id) return {};
    // The deprecated input.id: "Specifies the customer to update. If absent, a new customer is created."
    const customer = findCustomer(shop, input.id);
    return customer ? { customer } : refusal(NOT_FOUND, 'NOT_FOUND');
  }
  if (input.id) return refusal('The id field is not allowed if identifier is provided.', 'ID_NOT_ALLOWED');
  // Custom ids need an `id` metafield definition, which the emulator has none of (captured answer of a shop without one).
  if (identifier.customId) throw new ShopifyGraphQLError("Metafield definition of type 'id' is required when using custom ids.", 'NOT_FOUND');
  if (identifier.id) {
    const customer = findCustomer(shop, identifier.id);
    return customer ? { customer } : refusal(NOT_FOUND, 'NOT_FOUND');
  }
  if (identifier.email) {
    const key = upsertKey(identifier.email, input.email, normaliseEmail);
    return 'error' in key ? key : { customer: customerByEmail(shop, key.key) };
  }
  if (identifier.phone) {
    const key = upsertKey(identifier.phone, input.phone, (value) => normalisePhone(value) ?? (value.trim() || null));
    return 'error' in key ? key : { customer: customerByPhone(shop, key.key) };
  }
  return {};
}

export const customerSet: RootResolver = (args, { shop, state }) => {
  const input = (args.input ?? {}) as CustomerInput & { id?: string | null };
  const found = target(shop, input, (args.identifier ?? null) as Identifiers | null);
  if ('error' in found) return { customer: null, userErrors: [found.error] };
  const planned = planCustomer(shop, input, found.customer);
  if ('problems' in planned) return { customer: null, userErrors: planned.problems.map((p) => userError(['input', ...p.field], p.message, p.code)) };
  return { customer: customerObject(shop, applyCustomer(shop, state, found.customer, planned.plan)), userErrors: [] };
};
