import type { EmulatedCustomer } from './commerce';
import { normalisePhone } from './phone';

/**
 * How Shopify reads the fields of CustomerInput and CustomerSetInput, from live captures of
 * customerCreate, customerUpdate and customerSet (2025-01 to 2026-04) where shopify.dev is silent:
 * whitespace is dropped from an e-mail ("a b@x.com" is ab@x.com), names are trimmed and a blank one is
 * null, a note is kept as sent, tags are trimmed, de-duplicated and sorted, a phone is stored in E.164.
 * Messages are Shopify's; `field` is relative to the input and each mutation places it.
 */

export interface FieldProblem {
  /** Relative to the input; empty for the input as a whole. */
  field: Array<string | number>;
  message: string;
  /** A CustomerSetUserErrorCode; customerCreate and customerUpdate answer plain UserErrors without it. */
  code: string;
}

export interface CustomerInputFields {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  /** A list, or one comma-separated string (shopify.dev, CustomerInput.tags). */
  tags?: string[] | string | null;
  taxExempt?: boolean | null;
  taxExemptions?: string[] | null;
  locale?: string | null;
}

export type CustomerChanges = Partial<Pick<EmulatedCustomer, 'email' | 'phone' | 'firstName' | 'lastName' | 'note' | 'tags' | 'taxExempt' | 'taxExemptions' | 'locale'>>;

export const BLANK_CUSTOMER = 'A name, phone number, or email address must be present';
const MAX_TEXT = 255;
const MAX_NOTE = 5000;

export function normaliseEmail(raw: string): string | null {
  return raw.replace(/\s+/g, '') || null;
}

/** Captured refusals: "foo@", "@bar.com", "foo@bar" and "foo@@bar.com" are invalid. */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language' });

export function isValidLocale(locale: string): boolean {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) return false;
  const language = locale.split('-')[0] as string;
  return LANGUAGES.of(language) !== language;
}

export function normaliseTags(raw: string[] | string): string[] {
  const tags = (Array.isArray(raw) ? raw : [raw]).flatMap((tag) => tag.split(',')).map((tag) => tag.trim()).filter(Boolean);
  const unique = [...new Map(tags.map((tag) => [tag.toLowerCase(), tag])).values()];
  return unique.sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

export function hasIdentity(customer: Pick<EmulatedCustomer, 'email' | 'phone' | 'firstName' | 'lastName'>): boolean {
  return !!(customer.email || customer.phone || customer.firstName || customer.lastName);
}

const tooLong = (field: string, label: string, max: number): FieldProblem => ({ field: [field], message: `${label} is too long (maximum is ${max} characters)`, code: 'TOO_LONG' });

function readName(value: string | null, field: string, label: string, problems: FieldProblem[]): string | null {
  const name = value?.trim() || null;
  if (name && name.length > MAX_TEXT) problems.push(tooLong(field, label, MAX_TEXT));
  return name;
}

/** The changes the input's fields ask for, normalised, and what is wrong with them in themselves (not uniqueness). */
export function readCustomerInput(input: CustomerInputFields): { changes: CustomerChanges; problems: FieldProblem[] } {
  const changes: CustomerChanges = {};
  const problems: FieldProblem[] = [];
  if (input.email !== undefined) {
    const email = input.email === null ? null : normaliseEmail(input.email);
    if (email && email.length > MAX_TEXT) problems.push(tooLong('email', 'Email', MAX_TEXT));
    if (email && !isValidEmail(email)) problems.push({ field: ['email'], message: 'Email is invalid', code: 'INVALID' });
    changes.email = email;
  }
  if (input.phone !== undefined) {
    const raw = input.phone?.trim() || null;
    if (raw && raw.length > MAX_TEXT) problems.push(tooLong('phone', 'Phone', MAX_TEXT));
    const phone = raw === null ? null : normalisePhone(raw);
    if (raw !== null && phone === null) problems.push({ field: ['phone'], message: 'Phone is invalid', code: 'INVALID' });
    changes.phone = phone;
  }
  if (input.firstName !== undefined) changes.firstName = readName(input.firstName, 'firstName', 'First name', problems);
  if (input.lastName !== undefined) changes.lastName = readName(input.lastName, 'lastName', 'Last name', problems);
  if (input.note !== undefined) {
    if (input.note && input.note.length > MAX_NOTE) problems.push(tooLong('note', 'Note', MAX_NOTE));
    changes.note = input.note;
  }
  if (input.tags !== undefined) {
    changes.tags = input.tags === null ? [] : normaliseTags(input.tags);
    if (changes.tags.some((tag) => tag.length > MAX_TEXT)) problems.push(tooLong('tags', 'Tags', MAX_TEXT));
  }
  if (input.taxExempt === null) problems.push({ field: ['taxExempt'], message: 'Tax exempt is of unexpected type NilClass', code: 'INVALID' });
  else if (input.taxExempt !== undefined) changes.taxExempt = input.taxExempt;
  if (input.taxExemptions !== undefined) changes.taxExemptions = input.taxExemptions ?? [];
  if (input.locale !== undefined && input.locale !== null) {
    if (!isValidLocale(input.locale)) problems.push({ field: ['locale'], message: 'Locale is invalid', code: 'INVALID' });
    changes.locale = input.locale;
  }
  return { changes, problems };
}
