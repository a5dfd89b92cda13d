import { countryName, provinceName, provincesKnown } from './addresses';
import { companyByExternalId, locationByExternalId, type AddressFields, type CompanyFields, type EmulatedCompany, type EmulatedCompanyLocation, type LocationFields } from './b2b-store';
import { isValidLocale, type FieldProblem } from './customer-inputs';
import { normalisePhone } from './phone';
import type { EmulatedShop } from './state';

/**
 * How Shopify reads CompanyInput, CompanyLocationInput and CompanyAddressInput, from live captures of 2026-04
 * (shopify.dev is silent on them): names of at most 255 characters, notes of at most 5000 (reported on
 * `notes`), external ids of at most 64 characters of a given set and unique in the shop, addresses refusing
 * markup, emoji and links in their text, an unknown country or a zone the country lacks. Rules marked
 * "assumed" were not captured. `field` is relative to the input; each mutation places it.
 */

export interface CompanyInput {
  name?: string | null;
  note?: string | null;
  externalId?: string | null;
  customerSince?: string | null;
}

export interface CompanyAddressInput {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  countryCode?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  recipient?: string | null;
  zip?: string | null;
  zoneCode?: string | null;
}

export interface CompanyLocationInput {
  name?: string | null;
  note?: string | null;
  externalId?: string | null;
  phone?: string | null;
  locale?: string | null;
  taxRegistrationId?: string | null;
  taxExempt?: boolean | null;
  taxExemptions?: string[] | null;
  billingAddress?: CompanyAddressInput | null;
  shippingAddress?: CompanyAddressInput | null;
  billingSameAsShipping?: boolean | null;
  buyerExperienceConfiguration?: { checkoutToDraft?: boolean | null; editableShippingAddress?: boolean | null } | null;
}

const MAX_NAME = 255;
const MAX_NOTE = 5000;
const MAX_EXTERNAL_ID = 64;
const EXTERNAL_ID = /^[A-Za-z0-9!@#$%^&*(){}[\]\\/?<>_\-~,.;:'`"]+$/;
const EXTERNAL_ID_CHARACTERS = 'External Id can only contain numbers, letters, and some special characters, including !@#$%^&*(){}[]\\/?<>_-~,.;:\'`"';

const text = (value: string | null | undefined): string | null | undefined => (value === undefined ? undefined : value?.trim() || null);
const problem = (field: string, message: string, code: string): FieldProblem => ({ field: [field], message, code });

function readName(value: string | null | undefined, problems: FieldProblem[]): string | null | undefined {
  const name = text(value);
  if (name && name.length > MAX_NAME) problems.push(problem('name', `Name is too long (maximum is ${MAX_NAME} characters)`, 'TOO_LONG'));
  return name;
}

function readNote(value: string | null | undefined, problems: FieldProblem[]): string | null | undefined {
  if (value && value.length > MAX_NOTE) problems.push(problem('notes', `Notes is too long (maximum is ${MAX_NOTE} characters)`, 'TOO_LONG'));
  return value === undefined ? undefined : value || null;
}

function readExternalId(value: string | null | undefined, taken: (id: string) => boolean, problems: FieldProblem[]): string | null | undefined {
  const id = text(value);
  if (!id) return id;
  if (id.length > MAX_EXTERNAL_ID) problems.push(problem('externalId', `External Id must be ${MAX_EXTERNAL_ID} characters or less.`, 'TOO_LONG'));
  else if (!EXTERNAL_ID.test(id)) problems.push(problem('externalId', EXTERNAL_ID_CHARACTERS, 'INVALID'));
  else if (taken(id)) problems.push(problem('externalId', 'External id has already been taken.', 'TAKEN'));
  return id;
}

/** The company fields an input sets; `existing` for companyUpdate, where customerSince may not change (captured). */
export function readCompanyInput(shop: EmulatedShop, input: CompanyInput, existing?: EmulatedCompany): { fields: Partial<CompanyFields>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (existing && input.customerSince !== undefined) return { fields: {}, problems: [problem('customerSince', 'This field may only be set on creation.', 'INVALID_INPUT')] };
  const fields: Partial<CompanyFields> = {};
  const name = readName(input.name, problems);
  if (existing ? name !== undefined && !name : !name) problems.push(problem('name', "Name can't be blank", 'BLANK'));
  if (name) fields.name = name;
  const note = readNote(input.note, problems);
  if (note !== undefined) fields.note = note;
  const externalId = readExternalId(input.externalId, (id) => companyByExternalId(shop, id) !== existing && companyByExternalId(shop, id) !== undefined, problems);
  if (externalId !== undefined) fields.externalId = externalId;
  if (!existing && input.customerSince) fields.customerSince = new Date(input.customerSince).toISOString();
  return { fields, problems };
}

const ADDRESS_LABELS: Record<string, string> = { address1: 'Address1', address2: 'Address2', city: 'City', firstName: 'First name', lastName: 'Last name', recipient: 'Recipient', zip: 'Zip', phone: 'Phone' };
const MARKUP = /<[^>]*>/;
const EMOJI = /\p{Extended_Pictographic}/u;
const LINK = /(https?:\/\/|www\.)/i;
const ZIP: Record<string, RegExp> = { US: /^\d{5}(-\d{4})?$/, CA: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/ };

/** A CompanyAddressInput as the address it makes; address1 and a country are required (assumed messages). */
export function readCompanyAddress(input: CompanyAddressInput): { fields: AddressFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value = (name: keyof CompanyAddressInput) => text(input[name]) ?? null;
  for (const name of ['address1', 'address2', 'city', 'firstName', 'lastName', 'recipient'] as const) {
    const field = value(name);
    const isName = name === 'firstName' || name === 'lastName';
    if (field && (MARKUP.test(field) || EMOJI.test(field) || (isName && LINK.test(field)))) problems.push(problem(name, `${ADDRESS_LABELS[name]} is invalid`, 'INVALID'));
    else if (field && field.length > MAX_NAME) problems.push(problem(name, `${ADDRESS_LABELS[name]} is too long (maximum is ${MAX_NAME} characters)`, 'TOO_LONG'));
  }
  const countryCode = value('countryCode');
  if (!countryCode) problems.push(problem('countryCode', "Country code can't be blank", 'BLANK'));
  else if (!countryName(countryCode)) problems.push(problem('countryCode', 'Country code is invalid', 'INVALID'));
  const zoneCode = value('zoneCode')?.toUpperCase() ?? null;
  if (zoneCode && provincesKnown(countryCode) && !provinceName(countryCode, zoneCode)) problems.push(problem('zoneCode', 'Zone code is invalid', 'INVALID'));
  const zip = value('zip');
  const zipRule = countryCode ? ZIP[countryCode] : undefined;
  if (zip && zipRule && !zipRule.test(zip)) problems.push(problem('zip', 'Zip is invalid', 'INVALID'));
  const address1 = value('address1');
  if (!address1) problems.push(problem('address1', "Address1 can't be blank", 'BLANK'));
  const rawPhone = value('phone');
  const phone = rawPhone === null ? null : normalisePhone(rawPhone);
  if (rawPhone !== null && phone === null) problems.push(problem('phone', 'Phone is invalid', 'INVALID'));
  return {
    fields: { address1: address1 ?? '', address2: value('address2'), city: value('city'), countryCode: countryCode ?? '', firstName: value('firstName'), lastName: value('lastName'), phone, recipient: value('recipient'), zip, zoneCode },
    problems,
  };
}

export interface LocationPlan {
  fields: Partial<LocationFields>;
  addresses: { billing?: AddressFields; shipping?: AddressFields };
  problems: FieldProblem[];
}

/**
 * The location fields an input sets; `existing` for companyLocationUpdate, where a null name is of "unexpected
 * type NilClass" and a blank one is refused (captured). A new location's blank name is left to the caller.
 */
export function readLocationInput(shop: EmulatedShop, input: CompanyLocationInput, existing?: EmulatedCompanyLocation): LocationPlan {
  const problems: FieldProblem[] = [];
  const fields: Partial<LocationFields> = {};
  if (existing && input.name === null) problems.push(problem('name', 'Name is of unexpected type NilClass', 'UNEXPECTED_TYPE'));
  const name = readName(input.name, problems);
  if (existing && input.name !== undefined && input.name !== null && !name) problems.push(problem('name', "Name can't be blank", 'BLANK'));
  if (name) fields.name = name;
  const note = readNote(input.note, problems);
  if (note !== undefined) fields.note = note;
  const externalId = readExternalId(input.externalId, (id) => {
    const owner = locationByExternalId(shop, id);
    return owner !== undefined && owner !== existing;
  }, problems);
  if (externalId !== undefined) fields.externalId = externalId;
  if (input.phone !== undefined) {
    const raw = text(input.phone) ?? null;
    const phone = raw === null ? null : normalisePhone(raw);
    if (raw !== null && phone === null) problems.push(problem('phone', 'Phone is invalid', 'INVALID'));
    fields.phone = phone;
  }
  if (input.locale) {
    if (!isValidLocale(input.locale)) problems.push(problem('locale', 'Locale is invalid', 'INVALID'));
    fields.locale = input.locale;
  }
  if (input.taxRegistrationId !== undefined) fields.taxRegistrationId = text(input.taxRegistrationId) ?? null;
  if (typeof input.taxExempt === 'boolean') fields.taxExempt = input.taxExempt;
  if (input.taxExemptions) fields.taxExemptions = [...new Set(input.taxExemptions)];
  const experience = input.buyerExperienceConfiguration;
  if (typeof experience?.checkoutToDraft === 'boolean') fields.checkoutToDraft = experience.checkoutToDraft;
  if (typeof experience?.editableShippingAddress === 'boolean') fields.editableShippingAddress = experience.editableShippingAddress;
  const addresses: LocationPlan['addresses'] = {};
  const address = (kind: 'billingAddress' | 'shippingAddress', given: CompanyAddressInput) => {
    const read = readCompanyAddress(given);
    problems.push(...read.problems.map((p) => ({ ...p, field: [kind, ...p.field] })));
    return read.fields;
  };
  if (input.shippingAddress) addresses.shipping = address('shippingAddress', input.shippingAddress);
  // billingSameAsShipping: "If the value is true, then the input for `billingAddress` is ignored"; a second, equal address (captured).
  if (input.billingSameAsShipping && addresses.shipping) addresses.billing = { ...addresses.shipping };
  else if (input.billingAddress) addresses.billing = address('billingAddress', input.billingAddress);
  return { fields, addresses, problems };
}

/** Whether a location input names anything of the location itself; addresses alone are "empty" (captured). */
export function locationInputIsEmpty(input: CompanyLocationInput): boolean {
  const { billingAddress: _billing, shippingAddress: _shipping, ...rest } = input;
  return Object.values(rest).every((value) => value === undefined || value === null);
}
