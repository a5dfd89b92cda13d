import type { Address } from './commerce';
import { addressPhone } from './phone';

/**
 * Mailing addresses: country and province names as Shopify answers them (captured: countryCode CA with
 * provinceCode ON reads back country "Canada", province "Ontario", formattedArea "Ottawa ON, Canada").
 * Country names come from the runtime's region names; provinces are known for Canada and the United
 * States only, elsewhere `province` is whatever was given and no province code is refused.
 */

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

const PROVINCES: Record<string, Record<string, string>> = {
  CA: {
    AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador', NT: 'Northwest Territories',
    NS: 'Nova Scotia', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
  },
  US: {
    AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia',
    FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine',
    MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
    NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
    PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia',
    WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico', GU: 'Guam', VI: 'U.S. Virgin Islands', AS: 'American Samoa', MP: 'Northern Mariana Islands',
  },
};

/** Country calling codes, for address phones typed without one. */
const CALLING_CODE: Record<string, string> = {
  US: '1', CA: '1', FR: '33', BE: '32', CH: '41', LU: '352', DE: '49', AT: '43', NL: '31', GB: '44', IE: '353', ES: '34', PT: '351', IT: '39',
  DK: '45', SE: '46', NO: '47', PL: '48', AU: '61', NZ: '64', JP: '81', CN: '86', IN: '91', BR: '55', MX: '52', MA: '212', ZA: '27',
};

export function countryName(code: string | null): string | null {
  if (!code) return null;
  const name = REGION_NAMES.of(code);
  return name && name !== code && name !== 'Unknown Region' ? name : null;
}

let codesByName: Map<string, string> | undefined;

/** A country given by two-letter code or English name, as its code; null when it names no country. */
export function countryCodeOf(value: string): string | null {
  const upper = value.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return countryName(upper) ? upper : null;
  if (!codesByName) {
    codesByName = new Map();
    for (let a = 65; a <= 90; a += 1) {
      for (let b = 65; b <= 90; b += 1) {
        const code = String.fromCharCode(a, b);
        const name = countryName(code);
        if (name) codesByName.set(name.toLowerCase(), code);
      }
    }
  }
  return codesByName.get(value.trim().toLowerCase()) ?? null;
}

/** Whether the emulator knows the country's provinces (Canada and the United States), so can refuse an unknown one. */
export function provincesKnown(countryCode: string | null): boolean {
  return !!countryCode && PROVINCES[countryCode] !== undefined;
}

export function provinceName(countryCode: string | null, provinceCode: string | null): string | null {
  return countryCode && provinceCode ? PROVINCES[countryCode]?.[provinceCode] ?? null : null;
}

/** A province of a country whose provinces are known, given by code or name, as its code. */
function provinceCodeOf(provinces: Record<string, string>, value: string): string | undefined {
  const upper = value.toUpperCase();
  if (provinces[upper]) return upper;
  return Object.entries(provinces).find(([, name]) => name.toLowerCase() === value.toLowerCase())?.[0];
}

/** MailingAddressInput's fields (countryCode the enum's value; country and province deprecated, by name or code). */
export interface MailingAddressInput {
  id?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  zip?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  country?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

export interface AddressProblem {
  field: string;
  message: string;
  code: 'INVALID' | 'TOO_LONG';
}

const TEXT_FIELDS = { firstName: 'First name', lastName: 'Last name', company: 'Company', address1: 'Address1', address2: 'Address2', city: 'City', zip: 'Zip', phone: 'Phone' } as const;
type TextField = keyof typeof TEXT_FIELDS;

const text = (value: string | null | undefined): string | null | undefined => (value === undefined ? undefined : value?.trim() || null);

/**
 * The fields an address input sets, trimmed, blanks as null (captured: " " and "" read back null), the
 * country and province resolved against `base` (the address being updated). Omitted fields are absent.
 */
export function readAddressInput(input: MailingAddressInput, base: Partial<Address> = {}): { fields: Partial<Address>; problems: AddressProblem[] } {
  const fields: Partial<Address> = {};
  const problems: AddressProblem[] = [];
  for (const name of Object.keys(TEXT_FIELDS) as TextField[]) {
    const value = text(input[name]);
    if (value === undefined) continue;
    if (value && value.length > 255) problems.push({ field: name, message: `${TEXT_FIELDS[name]} is too long (maximum is 255 characters)`, code: 'TOO_LONG' });
    fields[name] = value;
  }
  const country = text(input.countryCode) ?? text(input.country);
  if (country !== undefined) {
    const code = country === null ? null : countryCodeOf(country);
    if (country !== null && !code) problems.push({ field: 'country', message: 'Country is invalid', code: 'INVALID' });
    fields.countryCode = code;
  }
  const countryCode = fields.countryCode !== undefined ? fields.countryCode : (base.countryCode ?? null);
  const provinceCode = text(input.provinceCode);
  const province = text(input.province);
  if (provinceCode !== undefined || province !== undefined) {
    const given = provinceCode ?? province ?? null;
    const known = countryCode ? PROVINCES[countryCode] : undefined;
    if (given && known) {
      const code = provinceCodeOf(known, given);
      if (!code) problems.push({ field: 'province', message: 'Province is invalid', code: 'INVALID' });
      fields.provinceCode = code ?? null;
      fields.province = null;
    } else {
      fields.provinceCode = provinceCode ?? null;
      fields.province = province ?? null;
    }
  }
  if (fields.phone) fields.phone = addressPhone(fields.phone, countryCode ? CALLING_CODE[countryCode] ?? null : null);
  return { fields, problems };
}

/** An order's billing or shipping address as given, without validation (orderCreate takes what it is sent). */
export function toAddress(input: MailingAddressInput): Address {
  const countryCode = input.countryCode ?? (input.country ? countryCodeOf(input.country) : null);
  return {
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    company: input.company ?? null,
    address1: input.address1 ?? null,
    address2: input.address2 ?? null,
    city: input.city ?? null,
    zip: input.zip ?? null,
    province: input.province ?? null,
    provinceCode: input.provinceCode ?? null,
    countryCode,
    phone: input.phone ?? null,
  };
}

/** MailingAddress's fields but its id: names for codes, the name, formattedArea and formatted lines. */
export function addressView(address: Address) {
  const province = provinceName(address.countryCode, address.provinceCode) ?? address.province;
  const country = countryName(address.countryCode);
  const locality = [address.city, address.provinceCode ?? province].filter(Boolean).join(' ');
  const formattedArea = [locality, country].filter(Boolean).join(', ') || null;
  return {
    __typename: 'MailingAddress',
    ...address,
    province,
    country,
    countryCodeV2: address.countryCode,
    name: [address.firstName, address.lastName].filter(Boolean).join(' ') || null,
    formattedArea,
    formatted: (args: { withName?: boolean | null; withCompany?: boolean | null }) =>
      [
        args.withName ? [address.firstName, address.lastName].filter(Boolean).join(' ') : '',
        args.withCompany === false ? '' : (address.company ?? ''),
        [address.address1, address.address2].filter(Boolean).join(', '),
        [locality, address.zip].filter(Boolean).join(' '),
        country ?? '',
      ].filter(Boolean),
    coordinatesValidated: false,
    latitude: null,
    longitude: null,
    timeZone: null,
    validationResultSummary: null,
  };
}
