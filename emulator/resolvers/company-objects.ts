import { countryName, provinceName } from '../addresses';
import {
  assignmentsOf,
  contactsOf,
  locationsOf,
  ORDERING_ONLY,
  type EmulatedCompany,
  type EmulatedCompanyAddress,
  type EmulatedCompanyContact,
  type EmulatedCompanyLocation,
  type EmulatedRoleAssignment,
} from '../b2b-store';
import { money, type EmulatedOrder } from '../commerce';
import { shopifyDecimal } from '../catalogs-store';
import { gid } from '../gid';
import { expressionMatcher, parseSearchExpression, type FieldKinds, type FieldReader } from '../search-query';
import type { EmulatedShop } from '../state';
import { catalogObject } from './catalog-objects';
import { paginate, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError } from './context';
import { customerObject } from './customer-objects';
import { orderObject, orderTotals } from './objects';
import { sortedPage, sortKeyOf, type SortValue } from './sorted-page';

/** Companies, their locations, contacts, roles and addresses as the Admin API shows them. */

const words = (text: string | null) => (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const count = (n: number) => ({ count: n, precision: 'EXACT' });
const emptyConnection = (args: ConnectionArgs) => paginate([], args, () => '');

function ordersWhere(shop: EmulatedShop, test: (o: EmulatedOrder) => boolean): EmulatedOrder[] {
  return shop.orders.filter((o) => o.purchasingCompany !== undefined && test(o));
}

function orderFields(shop: EmulatedShop, orders: () => EmulatedOrder[]) {
  return {
    orders: (args: ConnectionArgs) => paginate(orders().map((o) => orderObject(shop, o)), args, (o) => o.id),
    ordersCount: () => count(orders().length),
    totalSpent: () => ({ amount: shopifyDecimal(money(orders().reduce((sum, o) => sum + orderTotals(o).currentTotal, 0))), currencyCode: shop.currencyCode }),
    draftOrders: emptyConnection,
  };
}

export function roleObject(role: { id: number; name: string }) {
  return { __typename: 'CompanyContactRole', id: gid('CompanyContactRole', role.id), name: role.name, note: null };
}

export function companyAddressObject(shop: EmulatedShop, location: EmulatedCompanyLocation, address: EmulatedCompanyAddress) {
  const company = shop.b2b.companies[location.companyId];
  const province = provinceName(address.countryCode, address.zoneCode) ?? address.zoneCode;
  const country = countryName(address.countryCode);
  return {
    __typename: 'CompanyAddress',
    ...address,
    id: gid('CompanyAddress', address.id),
    companyName: company?.name ?? '',
    province,
    country,
    formattedArea: [address.city, province, country].filter(Boolean).join(', ') || null,
    formattedAddress: (args: { withCompanyName?: boolean | null; withName?: boolean | null }) =>
      [
        args.withName ? [address.firstName, address.lastName].filter(Boolean).join(' ') : '',
        args.withCompanyName === false ? '' : (company?.name ?? ''),
        address.address1,
        address.address2 ?? '',
        [address.city, address.zoneCode, address.zip].filter(Boolean).join(' '),
        country ?? '',
      ].filter(Boolean),
  };
}

export function roleAssignmentObject(shop: EmulatedShop, assignment: EmulatedRoleAssignment) {
  const contact = shop.b2b.contacts[assignment.contactId] as EmulatedCompanyContact;
  const location = shop.b2b.locations[assignment.locationId] as EmulatedCompanyLocation;
  const company = shop.b2b.companies[location.companyId] as EmulatedCompany;
  return {
    __typename: 'CompanyContactRoleAssignment',
    id: gid('CompanyContactRoleAssignment', assignment.id),
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
    company: () => companyObject(shop, company),
    companyContact: () => companyContactObject(shop, contact),
    companyLocation: () => companyLocationObject(shop, location),
    role: () => roleObject(company.roles.find((r) => r.id === assignment.roleId) ?? { id: assignment.roleId, name: '' }),
  };
}

function assignmentSorts(shop: EmulatedShop): Record<string, (a: EmulatedRoleAssignment) => SortValue> {
  return {
    ID: (a) => a.id,
    CREATED_AT: (a) => a.createdAt,
    UPDATED_AT: (a) => a.updatedAt,
    LOCATION_NAME: (a) => (shop.b2b.locations[a.locationId]?.name ?? '').toLowerCase(),
  };
}

function assignmentConnection(shop: EmulatedShop, assignments: EmulatedRoleAssignment[], args: ConnectionArgs & { sortKey?: string | null; query?: string | null }) {
  if (args.query) throw new ShopifyGraphQLError('The emulator does not implement roleAssignments(query:)', 'NOT_IMPLEMENTED');
  return sortedPage(assignments, args, sortKeyOf(assignmentSorts(shop), args.sortKey), (a) => roleAssignmentObject(shop, a));
}

export function companyContactObject(shop: EmulatedShop, contact: EmulatedCompanyContact) {
  const company = shop.b2b.companies[contact.companyId] as EmulatedCompany;
  const customer = shop.customers.find((c) => c.id === contact.customerId);
  return {
    __typename: 'CompanyContact',
    id: gid('CompanyContact', contact.id),
    title: contact.title,
    locale: contact.locale,
    isMainContact: company.mainContactId === contact.id,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    company: () => companyObject(shop, company),
    customer: () => (customer ? customerObject(shop, customer) : null),
    roleAssignments: (args: ConnectionArgs & { sortKey?: string | null; query?: string | null }) => assignmentConnection(shop, assignmentsOf(shop, { contactId: contact.id }), args),
    ...orderFields(shop, () => ordersWhere(shop, (o) => o.purchasingCompany?.contactId === contact.id)),
  };
}

export function companyLocationObject(shop: EmulatedShop, location: EmulatedCompanyLocation) {
  const company = shop.b2b.companies[location.companyId] as EmulatedCompany;
  const catalogs = () => Object.values(shop.catalogs.catalogs).filter((c) => c.companyLocationIds.includes(location.id));
  const address = (value: EmulatedCompanyAddress | null) => (value ? companyAddressObject(shop, location, value) : null);
  const taxSettings = { taxRegistrationId: location.taxRegistrationId, taxExempt: location.taxExempt, taxExemptions: location.taxExemptions };
  return {
    __typename: 'CompanyLocation',
    id: gid('CompanyLocation', location.id),
    name: location.name,
    externalId: location.externalId,
    phone: location.phone,
    locale: location.locale,
    note: location.note,
    createdAt: location.createdAt,
    updatedAt: location.updatedAt,
    // The shop's currency: the emulator has no markets to price a shipping country in.
    currency: shop.currencyCode,
    hasTimelineComment: false,
    company: () => companyObject(shop, company),
    billingAddress: () => address(location.billingAddress),
    shippingAddress: () => address(location.shippingAddress),
    taxSettings,
    taxRegistrationId: location.taxRegistrationId,
    taxExemptions: location.taxExemptions,
    buyerExperienceConfiguration: { checkoutToDraft: location.checkoutToDraft, editableShippingAddress: location.editableShippingAddress, payNowOnly: !location.checkoutToDraft, paymentTermsTemplate: null, deposit: null },
    roleAssignments: (args: ConnectionArgs & { sortKey?: string | null; query?: string | null }) => assignmentConnection(shop, assignmentsOf(shop, { locationId: location.id }), args),
    catalogs: (args: ConnectionArgs) => paginate(catalogs().map((c) => catalogObject(shop, c)), args, (c) => c.id),
    catalogsCount: () => count(catalogs().length),
    inCatalog: (args: { catalogId: string }) => catalogs().some((c) => catalogObject(shop, c).id === args.catalogId),
    orderCount: () => ordersWhere(shop, (o) => o.purchasingCompany?.locationId === location.id).length,
    ...orderFields(shop, () => ordersWhere(shop, (o) => o.purchasingCompany?.locationId === location.id)),
  };
}

/** The `companyLocations` filters of 2026-10 that the emulator's records answer. */
export const LOCATION_FIELDS: Record<string, FieldReader<EmulatedCompanyLocation>> = {
  default: (l) => [...words(l.name), ...(l.externalId ? [l.externalId] : [])],
  id: (l) => l.id,
  company_id: (l) => l.companyId,
  name: (l) => [l.name, ...words(l.name)],
  external_id: (l) => l.externalId,
  created_at: (l) => l.createdAt,
  updated_at: (l) => l.updatedAt,
};
export const LOCATION_KINDS: FieldKinds = { id: 'number', company_id: 'number', created_at: 'date', updated_at: 'date' };

export function locationSorts(shop: EmulatedShop): Record<string, (l: EmulatedCompanyLocation) => SortValue> {
  return {
    ID: (l) => l.id,
    RELEVANCE: (l) => l.id,
    NAME: (l) => l.name.toLowerCase(),
    CREATED_AT: (l) => l.createdAt,
    UPDATED_AT: (l) => l.updatedAt,
    COMPANY_ID: (l) => l.companyId,
    COMPANY_AND_LOCATION_NAME: (l) => `${(shop.b2b.companies[l.companyId]?.name ?? '').toLowerCase()}\u0000${l.name.toLowerCase()}`,
  };
}

export function companyLocationConnection(shop: EmulatedShop, locations: EmulatedCompanyLocation[], args: ConnectionArgs & { query?: string | null; sortKey?: string | null }) {
  const matches = expressionMatcher(parseSearchExpression(args.query), LOCATION_FIELDS, LOCATION_KINDS);
  return sortedPage(locations.filter(matches), args, sortKeyOf(locationSorts(shop), args.sortKey), (l) => companyLocationObject(shop, l));
}

const CONTACT_SORTS: Record<string, (c: EmulatedCompanyContact) => SortValue> = {
  ID: (c) => c.id,
  RELEVANCE: (c) => c.id,
  CREATED_AT: (c) => c.createdAt,
  UPDATED_AT: (c) => c.updatedAt,
  COMPANY_ID: (c) => c.companyId,
  TITLE: (c) => (c.title ?? '').toLowerCase(),
};

export function companyObject(shop: EmulatedShop, company: EmulatedCompany) {
  const mainContact = company.mainContactId === null ? undefined : shop.b2b.contacts[company.mainContactId];
  const defaultRole = company.roles.find((r) => r.name === ORDERING_ONLY);
  return {
    __typename: 'Company',
    id: gid('Company', company.id),
    name: company.name,
    note: company.note,
    externalId: company.externalId,
    customerSince: company.customerSince,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
    hasTimelineComment: false,
    mainContact: () => (mainContact ? companyContactObject(shop, mainContact) : null),
    defaultRole: () => (defaultRole ? roleObject(defaultRole) : null),
    contactRoles: (args: ConnectionArgs & { sortKey?: string | null }) => {
      if (args.sortKey && args.sortKey !== 'ID') throw new ShopifyGraphQLError(`The emulator does not implement contactRoles(sortKey: ${args.sortKey})`, 'NOT_IMPLEMENTED');
      return paginate(company.roles.map(roleObject), args, (r) => r.id);
    },
    contacts: (args: ConnectionArgs & { sortKey?: string | null; query?: string | null }) => {
      if (args.query) throw new ShopifyGraphQLError('The emulator does not implement Company.contacts(query:)', 'NOT_IMPLEMENTED');
      return sortedPage(contactsOf(shop, company), args, sortKeyOf(CONTACT_SORTS, args.sortKey), (c) => companyContactObject(shop, c));
    },
    contactsCount: () => count(contactsOf(shop, company).length),
    contactCount: () => contactsOf(shop, company).length,
    locations: (args: ConnectionArgs & { query?: string | null; sortKey?: string | null }) => companyLocationConnection(shop, locationsOf(shop, company), args),
    locationsCount: () => count(locationsOf(shop, company).length),
    ...orderFields(shop, () => ordersWhere(shop, (o) => o.purchasingCompany?.companyId === company.id)),
  };
}

/** Order.purchasingEntity of a B2B order. */
export function purchasingCompanyObject(shop: EmulatedShop, purchasing: NonNullable<EmulatedOrder['purchasingCompany']>) {
  const company = shop.b2b.companies[purchasing.companyId];
  const location = shop.b2b.locations[purchasing.locationId];
  const contact = purchasing.contactId === null ? undefined : shop.b2b.contacts[purchasing.contactId];
  return {
    __typename: 'PurchasingCompany',
    company: () => (company ? companyObject(shop, company) : null),
    location: () => (location ? companyLocationObject(shop, location) : null),
    contact: () => (contact ? companyContactObject(shop, contact) : null),
  };
}
