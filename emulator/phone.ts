/**
 * Phone numbers as Shopify keeps a customer's: E.164 (`+16135551212`). shopify.dev (the `phone` input of
 * OrderCreateUpsertCustomerAttributesInput and the Customer resource) says the number "can be set using
 * different formats, but each format must represent a number that can be dialed from anywhere in the
 * world", with 6135551212, +16135551212, (613)555-1212 and +1 613-555-1212 as valid examples. So a number
 * with `+` (or `00`) and a country code is read anywhere; one without is read only as a North American
 * number, the docs' examples being such; a national number of another country ("06 12 34 56 78") is
 * not dialable from anywhere and is refused. The length rules below are a small libphonenumber-like
 * table, not the whole numbering plan: numbers of other country codes need 8 to 15 digits in all.
 */

interface CallingCode {
  /** Digits of the national significant number. */
  lengths: [number, number];
  /** The national trunk prefix some write after the country code, "+33 (0)6 …", dropped as dialling does. */
  trunk?: string;
  pattern?: RegExp;
}

const CALLING_CODES: Record<string, CallingCode> = {
  1: { lengths: [10, 10], pattern: /^[2-9]\d{2}[2-9]\d{6}$/ },
  7: { lengths: [10, 10], trunk: '8' },
  27: { lengths: [9, 9], trunk: '0' },
  31: { lengths: [9, 9], trunk: '0' },
  32: { lengths: [8, 9], trunk: '0' },
  33: { lengths: [9, 9], trunk: '0', pattern: /^[1-9]/ },
  34: { lengths: [9, 9] },
  39: { lengths: [6, 11] },
  41: { lengths: [9, 9], trunk: '0' },
  43: { lengths: [4, 13], trunk: '0' },
  44: { lengths: [9, 10], trunk: '0' },
  45: { lengths: [8, 8] },
  46: { lengths: [7, 13], trunk: '0' },
  47: { lengths: [8, 8] },
  48: { lengths: [9, 9] },
  49: { lengths: [6, 13], trunk: '0' },
  52: { lengths: [10, 10] },
  55: { lengths: [10, 11], trunk: '0' },
  61: { lengths: [9, 9], trunk: '0' },
  64: { lengths: [8, 10], trunk: '0' },
  81: { lengths: [9, 10], trunk: '0' },
  86: { lengths: [7, 12], trunk: '0' },
  91: { lengths: [10, 10], trunk: '0' },
  212: { lengths: [9, 9], trunk: '0' },
  351: { lengths: [9, 9] },
  352: { lengths: [4, 11] },
  353: { lengths: [7, 9], trunk: '0' },
};

const SEPARATORS = /[\s\-.()/]/g;

function internationalDigits(raw: string): string | null {
  const compact = raw.trim().replace(SEPARATORS, '');
  if (/^\+\d+$/.test(compact)) return compact.slice(1);
  if (/^00\d+$/.test(compact)) return compact.slice(2);
  if (/^1?[2-9]\d{2}[2-9]\d{6}$/.test(compact)) return compact.length === 10 ? `1${compact}` : compact;
  return null;
}

/** The number in E.164, or null when it is not a phone number Shopify would take. */
export function normalisePhone(raw: string): string | null {
  const digits = internationalDigits(raw);
  if (!digits || digits.startsWith('0')) return null;
  const code = [3, 2, 1].map((n) => digits.slice(0, n)).find((prefix) => CALLING_CODES[prefix]);
  if (!code) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  const rule = CALLING_CODES[code] as CallingCode;
  let national = digits.slice(code.length);
  if (rule.trunk && national.startsWith(rule.trunk) && national.length - 1 >= rule.lengths[0]) national = national.slice(1);
  if (national.length < rule.lengths[0] || national.length > rule.lengths[1]) return null;
  if (rule.pattern && !rule.pattern.test(national)) return null;
  return `+${code}${national}`;
}

/**
 * An address's phone: Shopify files it less strictly than a customer's (captured: "+1 (613) 450-4538"
 * becomes +16134504538, "450-4538" in a Canadian address +14504538, "not a phone" stays as typed).
 */
export function addressPhone(raw: string, callingCode: string | null): string {
  const exact = normalisePhone(raw);
  if (exact) return exact;
  const compact = raw.replace(SEPARATORS, '');
  if (/^\+\d+$/.test(compact)) return compact;
  return /^\d+$/.test(compact) && callingCode ? `+${callingCode}${compact}` : raw;
}

/** How Shopify shows a phone as a customer's displayName (captured: "+1 415-810-3301"). */
export function displayPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}`;
  const french = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return french ? `+33 ${french.slice(1).join(' ')}` : e164;
}
