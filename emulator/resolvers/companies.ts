import {
  assignAddress,
  assignmentsOf,
  contactOfCustomer,
  findCompany,
  findCompanyContact,
  findCompanyLocation,
  findRole,
  findRoleAssignment,
  newAssignment,
  newCompany,
  newContact,
  newLocation,
  ORDERING_ONLY,
  type EmulatedCompany,
  type EmulatedCompanyContact,
} from '../b2b-store';
import { locationInputIsEmpty, readCompanyAddress, readCompanyInput, readLocationInput, type CompanyAddressInput, type CompanyInput, type CompanyLocationInput } from '../company-inputs';
import type { FieldProblem } from '../customer-inputs';
import { applyCustomer, findCustomer, planCustomer } from '../customers-store';
import { expressionMatcher, parseSearchExpression, type FieldKinds, type FieldReader } from '../search-query';
import type { EmulatedShop, EmulatorState } from '../state';
import { companyAddressObject, companyContactObject, companyLocationConnection, companyLocationObject, companyObject, roleAssignmentObject } from './company-objects';
import type { ConnectionArgs } from './connection';
import type { ResolverModule } from './context';
import { sortedPage, sortKeyOf, type SortValue } from './sorted-page';
import { userError, type UserError } from './user-errors';

/**
 * Companies, locations and contacts (B2B). Messages and codes are Shopify's, from live captures of 2026-04
 * where shopify.dev is silent; those marked "assumed" were not captured. Shops without B2B never get here:
 * b2b-access.ts refuses these fields first.
 */

const words = (text: string | null) => (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The `companies` filters of 2026-10 that the emulator's records answer. */
function companyFields(shop: EmulatedShop): Record<string, FieldReader<EmulatedCompany>> {
  const contactCounts = () => Object.values(shop.b2b.contacts).reduce((counts, c) => counts.set(c.companyId, (counts.get(c.companyId) ?? 0) + 1), new Map<number, number>());
  let counts: Map<number, number> | undefined;
  return {
    default: (c) => [...words(c.name), ...(c.externalId ? [c.externalId] : [])],
    id: (c) => c.id,
    name: (c) => [c.name, ...words(c.name)],
    external_id: (c) => c.externalId,
    created_at: (c) => c.createdAt,
    updated_at: (c) => c.updatedAt,
    since_date: (c) => c.customerSince,
    active_customers_count: (c) => (counts ??= contactCounts()).get(c.id) ?? 0,
    // Companies made through the API may order (no approval flow in the emulator).
    ordering_status: () => 'approved',
  };
}
const COMPANY_KINDS: FieldKinds = { id: 'number', created_at: 'date', updated_at: 'date', since_date: 'date', active_customers_count: 'number' };

function companySorts(shop: EmulatedShop): Record<string, (c: EmulatedCompany) => SortValue> {
  const spent = (c: EmulatedCompany) => companyObject(shop, c).totalSpent().amount ?? '0';
  return {
    ID: (c) => c.id,
    CREATED_AT: (c) => c.createdAt,
    UPDATED_AT: (c) => c.updatedAt,
    NAME: (c) => c.name.toLowerCase(),
    SINCE_DATE: (c) => c.customerSince,
    ORDER_COUNT: (c) => shop.orders.filter((o) => o.purchasingCompany?.companyId === c.id).length,
    TOTAL_SPENT: (c) => Number(spent(c)),
  };
}

const placed = (prefix: Array<string | number>, problems: FieldProblem[]): UserError[] => problems.map((p) => userError([...prefix, ...p.field], p.message, p.code));

const CONTACT_INPUT_KEYS = ['email', 'firstName', 'lastName', 'phone', 'title', 'locale'] as const;
const MARKUP = /<[^>]*>/;

interface ContactInput {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  title?: string | null;
  locale?: string | null;
}

/**
 * A contact's customer to make, or the refusals (captured): an e-mail is required, names may hold no markup,
 * the e-mail and phone must be free in the shop ("Email address …", "Phone number has already been taken.").
 */
type PlannedCustomer = Extract<ReturnType<typeof planCustomer>, { plan: unknown }>;

function planContact(shop: EmulatedShop, input: ContactInput, at: Array<string | number>): { customer: PlannedCustomer } | { errors: UserError[] } {
  if (!input.email) return { errors: [userError(at, 'Either the attribute email or customer_id must be provided', 'INVALID')] };
  if ([input.firstName, input.lastName].some((name) => name && MARKUP.test(name))) return { errors: [userError(at, 'Invalid input.', 'INVALID_INPUT')] };
  const planned = planCustomer(shop, { email: input.email, phone: input.phone, firstName: input.firstName, lastName: input.lastName, locale: input.locale ?? undefined });
  if ('problems' in planned) {
    const taken: Record<string, string> = { email: 'Email address has already been taken.', phone: 'Phone number has already been taken.' };
    return { errors: planned.problems.map((p) => userError([...at, ...p.field], p.code === 'TAKEN' ? (taken[String(p.field[0])] ?? p.message) : p.message, p.code)) };
  }
  return { customer: planned };
}

function createContact(shop: EmulatedShop, state: EmulatorState, company: EmulatedCompany, input: ContactInput, planned: PlannedCustomer): EmulatedCompanyContact {
  const customer = applyCustomer(shop, state, undefined, planned.plan);
  return newContact(state, shop, company, customer.id, { title: input.title?.trim() || null, locale: input.locale });
}

function companyCreate(shop: EmulatedShop, state: EmulatorState, input: { company: CompanyInput; companyContact?: ContactInput | null; companyLocation?: CompanyLocationInput | null }) {
  const errors: UserError[] = [];
  const company = readCompanyInput(shop, input.company);
  errors.push(...placed(['input', 'company'], company.problems));
  const contact = input.companyContact ? planContact(shop, input.companyContact, ['input', 'companyContact']) : undefined;
  if (contact && 'errors' in contact) errors.push(...contact.errors);
  const location = input.companyLocation ? readLocationInput(shop, input.companyLocation) : undefined;
  if (location) errors.push(...placed(['input', 'companyLocation'], location.problems));
  if (errors.length > 0 || !company.fields.name) return { company: null, userErrors: errors };
  const created = newCompany(state, shop, { name: company.fields.name, note: company.fields.note ?? null, externalId: company.fields.externalId ?? null, customerSince: company.fields.customerSince });
  // A company always has a location; one without a name of its own takes the company's (captured).
  const made = newLocation(state, shop, created, { ...location?.fields, name: location?.fields.name ?? created.name }, location?.addresses);
  if (contact && 'customer' in contact && input.companyContact) {
    const person = createContact(shop, state, created, input.companyContact, contact.customer);
    created.mainContactId = person.id;
    const role = created.roles.find((r) => r.name === ORDERING_ONLY);
    if (role) newAssignment(state, shop, person, made, role.id);
  }
  return { company: companyObject(shop, created), userErrors: [] };
}

function companyLocationCreate(shop: EmulatedShop, state: EmulatorState, companyId: unknown, input: CompanyLocationInput) {
  const company = findCompany(shop, companyId);
  if (!company) return { companyLocation: null, userErrors: [userError(['companyId'], 'Company does not exist.', 'RESOURCE_NOT_FOUND')] };
  if (locationInputIsEmpty(input)) return { companyLocation: null, userErrors: [userError(null, 'Company location create input is empty.', 'NO_INPUT')] };
  const planned = readLocationInput(shop, input);
  if (planned.problems.length > 0) return { companyLocation: null, userErrors: placed(['input'], planned.problems) };
  // Without a name: the shipping (else billing) address's first line, else the company's name (captured).
  const name = planned.fields.name ?? planned.addresses.shipping?.address1 ?? planned.addresses.billing?.address1 ?? company.name;
  const location = newLocation(state, shop, company, { ...planned.fields, name }, planned.addresses);
  return { companyLocation: companyLocationObject(shop, location), userErrors: [] };
}

function changed<T extends { updatedAt: string }>(state: EmulatorState, record: T): T {
  record.updatedAt = state.now();
  return record;
}

const LOCATION_MISSING = "The company location doesn't exist";
const CONTACT_MISSING = "The company contact doesn't exist";

function contactRoleAssignments(shop: EmulatedShop, state: EmulatorState, contact: EmulatedCompanyContact, requests: Array<{ roleId: unknown; locationId: unknown }>, fieldsOf: (index: number) => { role: Array<string | number>; location: Array<string | number>; entry: Array<string | number> }) {
  const company = shop.b2b.companies[contact.companyId] as EmulatedCompany;
  const errors: UserError[] = [];
  const made = requests.flatMap((request, index) => {
    const fields = fieldsOf(index);
    const location = findCompanyLocation(shop, request.locationId);
    if (!location || location.companyId !== company.id) {
      errors.push(userError(fields.location, 'Resource requested does not exist.', 'RESOURCE_NOT_FOUND'));
      return [];
    }
    const role = findRole(company, request.roleId);
    if (!role) {
      // Assumed, as for the location.
      errors.push(userError(fields.role, 'Resource requested does not exist.', 'RESOURCE_NOT_FOUND'));
      return [];
    }
    if (assignmentsOf(shop, { contactId: contact.id, locationId: location.id }).length > 0) {
      errors.push(userError(fields.entry, 'Company contact has already been assigned a role in that company location.', 'LIMIT_REACHED'));
      return [];
    }
    return [newAssignment(state, shop, contact, location, role.id)];
  });
  if (made.length > 0) changed(state, contact);
  return { roleAssignments: made.map((a) => roleAssignmentObject(shop, a)), userErrors: errors };
}

const ADDRESS_TYPES = { BILLING: 'billingAddress', SHIPPING: 'shippingAddress' } as const;

function assignLocationAddress(shop: EmulatedShop, state: EmulatorState, locationId: unknown, input: CompanyAddressInput, types: Array<keyof typeof ADDRESS_TYPES>) {
  const location = findCompanyLocation(shop, locationId);
  // Assumed: the message companyLocationUpdate answers.
  if (!location) return { addresses: null, userErrors: [userError(['locationId'], LOCATION_MISSING, 'RESOURCE_NOT_FOUND')] };
  if (types.length === 0 || new Set(types).size !== types.length) return { addresses: null, userErrors: [userError(null, 'Invalid input.', 'INVALID_INPUT')] };
  const read = readCompanyAddress(input);
  if (read.problems.length > 0) return { addresses: null, userErrors: placed(['address'], read.problems) };
  const written = types.map((type) => assignAddress(state, shop, location, ADDRESS_TYPES[type], { ...read.fields }));
  changed(state, location);
  return { addresses: written.sort((a, b) => a.id - b.id).map((a) => companyAddressObject(shop, location, a)), userErrors: [] };
}

export const companyResolvers: ResolverModule = {
  query: {
    companies: (args, { shop }) => {
      const matches = expressionMatcher(parseSearchExpression(typeof args.query === 'string' ? args.query : null), companyFields(shop), COMPANY_KINDS);
      return sortedPage(Object.values(shop.b2b.companies).filter(matches), args as ConnectionArgs, sortKeyOf(companySorts(shop), args.sortKey), (c) => companyObject(shop, c));
    },
    companiesCount: (args, { shop }) => {
      const total = Object.keys(shop.b2b.companies).length;
      const limit = typeof args.limit === 'number' ? args.limit : null;
      return limit !== null && total > limit ? { count: limit, precision: 'AT_LEAST' } : { count: total, precision: 'EXACT' };
    },
    company: (args, { shop }) => {
      const company = findCompany(shop, args.id);
      return company ? companyObject(shop, company) : null;
    },
    companyLocation: (args, { shop }) => {
      const location = findCompanyLocation(shop, args.id);
      return location ? companyLocationObject(shop, location) : null;
    },
    companyLocations: (args, { shop }) => companyLocationConnection(shop, Object.values(shop.b2b.locations), args as ConnectionArgs & { query?: string | null; sortKey?: string | null }),
    companyContact: (args, { shop }) => {
      const contact = findCompanyContact(shop, args.id);
      return contact ? companyContactObject(shop, contact) : null;
    },
  },
  mutation: {
    companyCreate: (args, { shop, state }) => companyCreate(shop, state, args.input as Parameters<typeof companyCreate>[2]),
    companyUpdate: (args, { shop, state }) => {
      const company = findCompany(shop, args.companyId);
      if (!company) return { company: null, userErrors: [userError(['companyId'], 'Resource requested does not exist.', 'RESOURCE_NOT_FOUND')] };
      const input = (args.input ?? {}) as CompanyInput;
      if (Object.keys(input).length === 0) return { company: null, userErrors: [userError(['input'], 'At least one attribute to change must be present', 'INVALID')] };
      const read = readCompanyInput(shop, input, company);
      if (read.problems.length > 0) return { company: null, userErrors: placed(['input'], read.problems) };
      Object.assign(company, read.fields);
      return { company: companyObject(shop, changed(state, company)), userErrors: [] };
    },
    companyLocationCreate: (args, { shop, state }) => companyLocationCreate(shop, state, args.companyId, (args.input ?? {}) as CompanyLocationInput),
    companyLocationUpdate: (args, { shop, state }) => {
      const location = findCompanyLocation(shop, args.companyLocationId);
      if (!location) return { companyLocation: null, userErrors: [userError(['input'], LOCATION_MISSING, 'RESOURCE_NOT_FOUND')] };
      const input = (args.input ?? {}) as CompanyLocationInput;
      if (Object.keys(input).length === 0) return { companyLocation: null, userErrors: [userError(null, 'Company location update input is empty.', 'NO_INPUT')] };
      const read = readLocationInput(shop, input, location);
      if (read.problems.length > 0) return { companyLocation: null, userErrors: placed(['input'], read.problems) };
      Object.assign(location, read.fields);
      return { companyLocation: companyLocationObject(shop, changed(state, location)), userErrors: [] };
    },
    companyLocationAssignAddress: (args, { shop, state }) => assignLocationAddress(shop, state, args.locationId, args.address as CompanyAddressInput, args.addressTypes as Array<keyof typeof ADDRESS_TYPES>),
    companyLocationTaxSettingsUpdate: (args, { shop, state }) => {
      const location = findCompanyLocation(shop, args.companyLocationId);
      if (!location) return { companyLocation: null, userErrors: [userError(['companyLocationId'], LOCATION_MISSING, 'RESOURCE_NOT_FOUND')] };
      if (args.taxRegistrationId !== undefined) location.taxRegistrationId = (args.taxRegistrationId as string | null)?.trim() || null;
      if (typeof args.taxExempt === 'boolean') location.taxExempt = args.taxExempt;
      const toRemove = new Set((args.exemptionsToRemove as string[] | null | undefined) ?? []);
      location.taxExemptions = [...new Set([...location.taxExemptions, ...((args.exemptionsToAssign as string[] | null | undefined) ?? [])])].filter((e) => !toRemove.has(e));
      return { companyLocation: companyLocationObject(shop, changed(state, location)), userErrors: [] };
    },
    companyContactCreate: (args, { shop, state }) => {
      const company = findCompany(shop, args.companyId);
      if (!company) return { companyContact: null, userErrors: [userError(['companyId'], 'Company does not exist.', 'RESOURCE_NOT_FOUND')] };
      const input = (args.input ?? {}) as ContactInput;
      if (CONTACT_INPUT_KEYS.every((key) => input[key] === undefined)) return { companyContact: null, userErrors: [userError(null, 'Company contact create input is empty.', 'NO_INPUT')] };
      const planned = planContact(shop, input, ['input']);
      if ('errors' in planned) return { companyContact: null, userErrors: planned.errors };
      return { companyContact: companyContactObject(shop, createContact(shop, state, company, input, planned.customer)), userErrors: [] };
    },
    companyAssignCustomerAsContact: (args, { shop, state }) => {
      const company = findCompany(shop, args.companyId);
      // Assumed, as companyContactCreate answers.
      if (!company) return { companyContact: null, userErrors: [userError(['companyId'], 'Company does not exist.', 'RESOURCE_NOT_FOUND')] };
      const customer = findCustomer(shop, args.customerId);
      if (!customer) return { companyContact: null, userErrors: [userError(['customerId'], 'Customer does not exist.', 'RESOURCE_NOT_FOUND')] };
      if (!customer.email) return { companyContact: null, userErrors: [userError(['companyId'], 'Customer must have an email address.', 'INVALID_INPUT')] };
      if (contactOfCustomer(shop, company, customer.id)) return { companyContact: null, userErrors: [userError(['companyId'], 'Customer is already associated with a company contact.', 'INVALID_INPUT')] };
      return { companyContact: companyContactObject(shop, newContact(state, shop, company, customer.id, { locale: customer.locale })), userErrors: [] };
    },
    companyAssignMainContact: (args, { shop, state }) => {
      const company = findCompany(shop, args.companyId);
      // Assumed messages.
      if (!company) return { company: null, userErrors: [userError(['companyId'], 'Company does not exist.', 'RESOURCE_NOT_FOUND')] };
      const contact = findCompanyContact(shop, args.companyContactId);
      if (!contact || contact.companyId !== company.id) return { company: null, userErrors: [userError(['companyContactId'], CONTACT_MISSING, 'RESOURCE_NOT_FOUND')] };
      company.mainContactId = contact.id;
      return { company: companyObject(shop, changed(state, company)), userErrors: [] };
    },
    companyContactAssignRoles: (args, { shop, state }) => {
      const contact = findCompanyContact(shop, args.companyContactId);
      // Assumed message.
      if (!contact) return { roleAssignments: null, userErrors: [userError(['companyContactId'], CONTACT_MISSING, 'RESOURCE_NOT_FOUND')] };
      const requests = (args.rolesToAssign as Array<{ companyContactRoleId: string; companyLocationId: string }>).map((r) => ({ roleId: r.companyContactRoleId, locationId: r.companyLocationId }));
      return contactRoleAssignments(shop, state, contact, requests, (i) => ({ role: ['rolesToAssign', i, 'companyContactRoleId'], location: ['rolesToAssign', i, 'companyLocationId'], entry: ['rolesToAssign', i] }));
    },
    companyContactRevokeRoles: (args, { shop, state }) => {
      const contact = findCompanyContact(shop, args.companyContactId);
      if (!contact) return { revokedRoleAssignmentIds: null, userErrors: [userError(['companyContactId'], CONTACT_MISSING, 'RESOURCE_NOT_FOUND')] };
      const ids = (args.roleAssignmentIds as string[] | null | undefined) ?? [];
      if (args.revokeAll !== true && ids.length === 0) return { revokedRoleAssignmentIds: null, userErrors: [userError(null, 'Invalid input.', 'INVALID_INPUT')] };
      const errors: UserError[] = [];
      const revoked = args.revokeAll === true
        ? assignmentsOf(shop, { contactId: contact.id })
        : ids.flatMap((id, index) => {
            const assignment = findRoleAssignment(shop, id);
            if (assignment?.contactId === contact.id) return [assignment];
            errors.push(userError(['roleAssignmentIds', index], 'Resource requested does not exist.', 'RESOURCE_NOT_FOUND'));
            return [];
          });
      for (const assignment of revoked) delete shop.b2b.assignments[assignment.id];
      if (revoked.length > 0) changed(state, contact);
      return { revokedRoleAssignmentIds: revoked.map((a) => `gid://shopify/CompanyContactRoleAssignment/${a.id}`), userErrors: errors };
    },
    companyContactRevokeRole: (args, { shop, state }) => {
      const contact = findCompanyContact(shop, args.companyContactId);
      if (!contact) return { revokedCompanyContactRoleAssignmentId: null, userErrors: [userError(['companyContactId'], CONTACT_MISSING, 'RESOURCE_NOT_FOUND')] };
      const assignment = findRoleAssignment(shop, args.companyContactRoleAssignmentId);
      if (assignment?.contactId !== contact.id) return { revokedCompanyContactRoleAssignmentId: null, userErrors: [userError(['companyContactRoleAssignmentId'], "The role assignment doesn't exist.", 'RESOURCE_NOT_FOUND')] };
      delete shop.b2b.assignments[assignment.id];
      changed(state, contact);
      return { revokedCompanyContactRoleAssignmentId: `gid://shopify/CompanyContactRoleAssignment/${assignment.id}`, userErrors: [] };
    },
    companyContactAssignRole: (args, { shop, state }) => {
      const contact = findCompanyContact(shop, args.companyContactId);
      if (!contact) return { companyContactRoleAssignment: null, userErrors: [userError(['companyContactId'], CONTACT_MISSING, 'RESOURCE_NOT_FOUND')] };
      const location = findCompanyLocation(shop, args.companyLocationId);
      const company = shop.b2b.companies[contact.companyId] as EmulatedCompany;
      if (!location || location.companyId !== company.id) return { companyContactRoleAssignment: null, userErrors: [userError(['companyLocationId'], `${LOCATION_MISSING}.`, 'RESOURCE_NOT_FOUND')] };
      if (!findRole(company, args.companyContactRoleId)) return { companyContactRoleAssignment: null, userErrors: [userError(['companyContactRoleId'], "The company contact role doesn't exist.", 'RESOURCE_NOT_FOUND')] };
      const answer = contactRoleAssignments(shop, state, contact, [{ roleId: args.companyContactRoleId, locationId: args.companyLocationId }], () => ({ role: ['companyContactRoleId'], location: ['companyLocationId'], entry: [] }));
      const refused = answer.userErrors.map((e) => (e.code === 'LIMIT_REACHED' ? { ...e, field: null } : e));
      return { companyContactRoleAssignment: answer.roleAssignments[0] ?? null, userErrors: refused };
    },
  },
};
