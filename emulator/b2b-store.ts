import { parseGid } from './gid';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * B2B companies, their locations and contacts, and contacts' roles at locations, as live captures of
 * 2026-04 show them where shopify.dev is silent: every company has the roles "Location admin" and "Ordering
 * only" and at least one location; a contact is a customer of the shop; the contact made with a company is
 * its main contact and may order at the location made with it. Records are kept by id; each change moves
 * the changed record's updatedAt only (the docs do not say a location's change moves its company's).
 */

export const CONTACT_ROLE_NAMES = ['Location admin', 'Ordering only'] as const;
/** The role companyCreate gives the contact at the location it makes (captured), also `Company.defaultRole`. */
export const ORDERING_ONLY = 'Ordering only';

export interface EmulatedCompanyAddress {
  id: number;
  firstName: string | null;
  lastName: string | null;
  address1: string;
  address2: string | null;
  city: string | null;
  zip: string | null;
  zoneCode: string | null;
  countryCode: string;
  phone: string | null;
  recipient: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedCompanyLocation {
  id: number;
  companyId: number;
  name: string;
  externalId: string | null;
  phone: string | null;
  locale: string;
  note: string | null;
  taxRegistrationId: string | null;
  taxExempt: boolean;
  taxExemptions: string[];
  billingAddress: EmulatedCompanyAddress | null;
  shippingAddress: EmulatedCompanyAddress | null;
  checkoutToDraft: boolean;
  editableShippingAddress: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedCompanyContact {
  id: number;
  companyId: number;
  customerId: number;
  title: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedRoleAssignment {
  id: number;
  contactId: number;
  locationId: number;
  roleId: number;
  createdAt: string;
  updatedAt: string;
}

export interface EmulatedCompany {
  id: number;
  name: string;
  note: string | null;
  externalId: string | null;
  customerSince: string;
  mainContactId: number | null;
  roles: Array<{ id: number; name: string }>;
  createdAt: string;
  updatedAt: string;
}

export interface ShopB2B {
  companies: Record<string, EmulatedCompany>;
  locations: Record<string, EmulatedCompanyLocation>;
  contacts: Record<string, EmulatedCompanyContact>;
  assignments: Record<string, EmulatedRoleAssignment>;
}

export function emptyB2B(): ShopB2B {
  return { companies: {}, locations: {}, contacts: {}, assignments: {} };
}

export function findCompany(shop: EmulatedShop, id: unknown): EmulatedCompany | undefined {
  const numeric = parseGid(id, 'Company');
  return numeric === undefined ? undefined : shop.b2b.companies[numeric];
}

export function findCompanyLocation(shop: EmulatedShop, id: unknown): EmulatedCompanyLocation | undefined {
  const numeric = parseGid(id, 'CompanyLocation');
  return numeric === undefined ? undefined : shop.b2b.locations[numeric];
}

export function findCompanyContact(shop: EmulatedShop, id: unknown): EmulatedCompanyContact | undefined {
  const numeric = parseGid(id, 'CompanyContact');
  return numeric === undefined ? undefined : shop.b2b.contacts[numeric];
}

export function findRole(company: EmulatedCompany, id: unknown): { id: number; name: string } | undefined {
  const numeric = parseGid(id, 'CompanyContactRole');
  return company.roles.find((role) => role.id === numeric);
}

export function findCompanyAddress(shop: EmulatedShop, id: unknown): { location: EmulatedCompanyLocation; address: EmulatedCompanyAddress } | undefined {
  const numeric = parseGid(id, 'CompanyAddress');
  if (numeric === undefined) return undefined;
  for (const location of Object.values(shop.b2b.locations)) {
    for (const address of [location.billingAddress, location.shippingAddress]) if (address?.id === numeric) return { location, address };
  }
  return undefined;
}

export function findRoleAssignment(shop: EmulatedShop, id: unknown): EmulatedRoleAssignment | undefined {
  const numeric = parseGid(id, 'CompanyContactRoleAssignment');
  return numeric === undefined ? undefined : shop.b2b.assignments[numeric];
}

export function locationsOf(shop: EmulatedShop, company: EmulatedCompany): EmulatedCompanyLocation[] {
  return Object.values(shop.b2b.locations).filter((l) => l.companyId === company.id);
}

export function contactsOf(shop: EmulatedShop, company: EmulatedCompany): EmulatedCompanyContact[] {
  return Object.values(shop.b2b.contacts).filter((c) => c.companyId === company.id);
}

export function assignmentsOf(shop: EmulatedShop, by: { contactId?: number; locationId?: number }): EmulatedRoleAssignment[] {
  return Object.values(shop.b2b.assignments).filter((a) => (by.contactId === undefined || a.contactId === by.contactId) && (by.locationId === undefined || a.locationId === by.locationId));
}

export function companyByExternalId(shop: EmulatedShop, externalId: string): EmulatedCompany | undefined {
  return Object.values(shop.b2b.companies).find((c) => c.externalId === externalId);
}

export function locationByExternalId(shop: EmulatedShop, externalId: string): EmulatedCompanyLocation | undefined {
  return Object.values(shop.b2b.locations).find((l) => l.externalId === externalId);
}

export function contactOfCustomer(shop: EmulatedShop, company: EmulatedCompany, customerId: number): EmulatedCompanyContact | undefined {
  return contactsOf(shop, company).find((c) => c.customerId === customerId);
}

export type CompanyFields = Pick<EmulatedCompany, 'name' | 'note' | 'externalId'> & { customerSince?: string | null };

export function newCompany(state: EmulatorState, shop: EmulatedShop, fields: CompanyFields): EmulatedCompany {
  const now = state.now();
  const company: EmulatedCompany = {
    id: state.nextId(shop),
    name: fields.name,
    note: fields.note,
    externalId: fields.externalId,
    customerSince: fields.customerSince ?? now,
    mainContactId: null,
    roles: [],
    createdAt: now,
    updatedAt: now,
  };
  company.roles = CONTACT_ROLE_NAMES.map((name) => ({ id: state.nextId(shop), name }));
  shop.b2b.companies[company.id] = company;
  return company;
}

export type LocationFields = Partial<Omit<EmulatedCompanyLocation, 'id' | 'companyId' | 'createdAt' | 'updatedAt' | 'billingAddress' | 'shippingAddress'>> & { name: string };
export type AddressFields = Omit<EmulatedCompanyAddress, 'id' | 'createdAt' | 'updatedAt'>;

export function newAddress(state: EmulatorState, shop: EmulatedShop, fields: AddressFields): EmulatedCompanyAddress {
  const now = state.now();
  return { id: state.nextId(shop), ...fields, createdAt: now, updatedAt: now };
}

export function newLocation(state: EmulatorState, shop: EmulatedShop, company: EmulatedCompany, fields: LocationFields, addresses: { billing?: AddressFields; shipping?: AddressFields } = {}): EmulatedCompanyLocation {
  const now = state.now();
  const location: EmulatedCompanyLocation = {
    id: state.nextId(shop),
    companyId: company.id,
    externalId: null,
    phone: null,
    locale: 'en',
    note: null,
    taxRegistrationId: null,
    taxExempt: false,
    taxExemptions: [],
    checkoutToDraft: false,
    editableShippingAddress: false,
    ...fields,
    // Captured ids: the shipping address is made before the billing one.
    shippingAddress: addresses.shipping ? newAddress(state, shop, addresses.shipping) : null,
    billingAddress: null,
    createdAt: now,
    updatedAt: now,
  };
  location.billingAddress = addresses.billing ? newAddress(state, shop, addresses.billing) : null;
  shop.b2b.locations[location.id] = location;
  return location;
}

export function newContact(state: EmulatorState, shop: EmulatedShop, company: EmulatedCompany, customerId: number, fields: { title?: string | null; locale?: string | null } = {}): EmulatedCompanyContact {
  const now = state.now();
  const contact: EmulatedCompanyContact = { id: state.nextId(shop), companyId: company.id, customerId, title: fields.title ?? null, locale: fields.locale ?? 'en', createdAt: now, updatedAt: now };
  shop.b2b.contacts[contact.id] = contact;
  return contact;
}

export function newAssignment(state: EmulatorState, shop: EmulatedShop, contact: EmulatedCompanyContact, location: EmulatedCompanyLocation, roleId: number): EmulatedRoleAssignment {
  const now = state.now();
  const assignment: EmulatedRoleAssignment = { id: state.nextId(shop), contactId: contact.id, locationId: location.id, roleId, createdAt: now, updatedAt: now };
  shop.b2b.assignments[assignment.id] = assignment;
  return assignment;
}

/** Writes an address of a location: the one it has keeps its id (captured), else one is made. */
export function assignAddress(state: EmulatorState, shop: EmulatedShop, location: EmulatedCompanyLocation, kind: 'billingAddress' | 'shippingAddress', fields: AddressFields): EmulatedCompanyAddress {
  const existing = location[kind];
  if (existing) {
    Object.assign(existing, fields, { updatedAt: state.now() });
    return existing;
  }
  const address = newAddress(state, shop, fields);
  location[kind] = address;
  return address;
}
