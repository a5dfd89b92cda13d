import type { Collection, Db } from 'mongodb';
import type { CustomerLookups, NewCustomer } from '../domain/customer-mapping';
import { phoneDigits } from '../domain/customer-mapping';
import { taxIdKey } from '../domain/company';
import { clip } from '../domain/text';
import type { OrderAddress } from '../domain/order';
import { isDuplicateKey } from './keys';
import type { NumberSeries } from './number-series';

/** An ERP customer (company-wide master data). E-mail and phone are also kept normalised for lookups. */
export interface CustomerDocument {
  _id: string;
  name: string;
  name2: string | null;
  contact: string | null;
  email: string | null;
  emailLower: string | null;
  phone: string | null;
  phoneDigits: string | null;
  address: OrderAddress | null;
  /** The county as the shop's countySource says: the province code or its name. */
  county: string | null;
  templateCode: string | null;
  blocked: boolean;
  createdFrom: string | null;
  changedAt: Date;
  /** The customer's price and discount groups (a catalog that names the customer prices with them). */
  customerPriceGroup?: string | null;
  customerDiscountGroup?: string | null;
  /** VAT registration or tax id (B2B companies are found by it when the shop maps by tax id). */
  taxId?: string | null;
}

export interface CustomerFields {
  name: string;
  name2?: string | null;
  contact?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: OrderAddress | null;
  county?: string | null;
  blocked?: boolean;
  customerPriceGroup?: string | null;
  customerDiscountGroup?: string | null;
  taxId?: string | null;
}

/** The price groups when given: an update that does not name them keeps them. */
function priceGroups(fields: CustomerFields) {
  return {
    ...(fields.customerPriceGroup === undefined ? {} : { customerPriceGroup: fields.customerPriceGroup }),
    ...(fields.customerDiscountGroup === undefined ? {} : { customerDiscountGroup: fields.customerDiscountGroup }),
    ...(fields.taxId === undefined ? {} : { taxId: fields.taxId }),
  };
}

/**
 * A lookup key (`email|…`, `phone|…`, `origin|…`) and the customer it finds. FerretDB reads a whole
 * collection for any filter but `_id`, so e-mail and phone lookups go through these, by `_id`. A key
 * is a hint: the customer is read and checked, and a stale key (the e-mail changed) is dropped.
 */
interface CustomerKey {
  _id: string;
  customerNo: string;
}

/** Bumped when the keys' form changes (2: phones keyed by their last nine digits; 3: tax ids). */
/** The normalised fields made from another field: given when that one is. */
const DERIVED_FROM: Record<string, string> = { emailLower: 'email', phoneDigits: 'phone' };

const KEYS_BUILT = 'built|3';

const emailKey = (emailLower: string) => `email|${emailLower}`;
const phoneKey = (digits: string) => `phone|${digits}`;
const originKey = (origin: string) => `origin|${origin}`;
const taxKey = (key: string) => `tax|${key}`;

function normalised(fields: CustomerFields) {
  const email = fields.email?.trim() || null;
  return {
    name: clip(fields.name, 100),
    name2: fields.name2 ? clip(fields.name2, 50) : (fields.name2 ?? null),
    contact: fields.contact ? clip(fields.contact, 100) : (fields.contact ?? null),
    email,
    emailLower: email?.toLowerCase() ?? null,
    phone: fields.phone ?? null,
    phoneDigits: phoneDigits(fields.phone) ?? null,
    address: fields.address ?? null,
    county: fields.county ?? null,
  };
}

export class CustomerRepository implements CustomerLookups {
  private readonly customers: Collection<CustomerDocument>;
  private readonly keys: Collection<CustomerKey>;

  constructor(db: Db, private readonly numbers: NumberSeries) {
    this.customers = db.collection<CustomerDocument>('customers');
    this.keys = db.collection<CustomerKey>('customerKeys');
  }

  /** Builds the lookup keys of customers stored before the keys existed (once per database). */
  async ensureIndexes(): Promise<void> {
    if (await this.keys.findOne({ _id: KEYS_BUILT })) return;
    for await (const customer of this.customers.find({}, { projection: { email: 1, phone: 1, taxId: 1 } })) {
      await this.customers.updateOne({ _id: customer._id }, { $set: { emailLower: customer.email?.toLowerCase() ?? null, phoneDigits: phoneDigits(customer.phone) ?? null } });
      await this.writeKeys({ _id: customer._id, emailLower: customer.email?.toLowerCase() ?? null, phoneDigits: phoneDigits(customer.phone) ?? null, taxId: customer.taxId ?? null });
    }
    await this.keys.updateOne({ _id: KEYS_BUILT }, { $set: { customerNo: '' } }, { upsert: true });
  }

  private async writeKeys(customer: Pick<CustomerDocument, '_id' | 'emailLower' | 'phoneDigits'> & { taxId?: string | null }): Promise<void> {
    const tax = taxIdKey(customer.taxId);
    const keys = [customer.emailLower ? emailKey(customer.emailLower) : null, customer.phoneDigits ? phoneKey(customer.phoneDigits) : null, tax ? taxKey(tax) : null].filter((key): key is string => key !== null);
    // The first customer with an e-mail keeps it, as the connector takes the first match.
    await Promise.all(keys.map((key) => this.keys.updateOne({ _id: key }, { $setOnInsert: { customerNo: customer._id } }, { upsert: true })));
  }

  /** Creates or replaces a customer under its number (ERP data entry, the demo, tests). */
  async upsert(no: string, fields: CustomerFields): Promise<void> {
    await this.customers.replaceOne(
      { _id: no },
      { ...normalised(fields), ...priceGroups(fields), templateCode: null, blocked: fields.blocked ?? false, createdFrom: null, changedAt: new Date() },
      { upsert: true },
    );
    await this.writeKeys({ _id: no, ...normalised(fields), taxId: fields.taxId });
  }

  /** Changes some fields of a customer (Shopify updating the ERP, or a merchant's edit). */
  /** Changes the fields given; a field left out (undefined) keeps its value. */
  async update(no: string, fields: CustomerFields): Promise<void> {
    const given = Object.entries(normalised(fields)).filter(([key]) => fields[(DERIVED_FROM[key] ?? key) as keyof CustomerFields] !== undefined);
    const values = Object.fromEntries(given) as Partial<ReturnType<typeof normalised>>;
    await this.customers.updateOne({ _id: no }, { $set: { ...values, ...priceGroups(fields), ...(fields.blocked === undefined ? {} : { blocked: fields.blocked }), changedAt: new Date() } });
    await this.writeKeys({ _id: no, emailLower: values.emailLower ?? null, phoneDigits: values.phoneDigits ?? null, taxId: fields.taxId });
  }

  async get(no: string): Promise<CustomerDocument | null> {
    return this.customers.findOne({ _id: no });
  }

  async byNos(nos: string[]): Promise<Map<string, CustomerDocument>> {
    if (!nos.length) return new Map();
    const found = await this.customers.find({ _id: { $in: nos } }).toArray();
    return new Map(found.map((customer) => [customer._id, customer]));
  }

  private async byKey(key: string, stillMatches: (customer: CustomerDocument) => boolean): Promise<string | undefined> {
    const hint = await this.keys.findOne({ _id: key });
    if (!hint) return undefined;
    const customer = await this.get(hint.customerNo);
    if (customer && stillMatches(customer)) return customer._id;
    await this.keys.deleteOne({ _id: key, customerNo: hint.customerNo });
    return undefined;
  }

  async byEmail(emailLower: string): Promise<string | undefined> {
    return this.byKey(emailKey(emailLower), (customer) => customer.emailLower === emailLower);
  }

  async byPhoneDigits(digits: string): Promise<string | undefined> {
    return this.byKey(phoneKey(digits), (customer) => phoneDigits(customer.phone) === digits);
  }

  async byTaxId(key: string): Promise<string | undefined> {
    return this.byKey(taxKey(key), (customer) => taxIdKey(customer.taxId) === key);
  }

  async byAddress(address: OrderAddress): Promise<string | undefined> {
    if (!address.address1 || !address.city) return undefined;
    const found = await this.customers.findOne(
      { 'address.address1': address.address1, 'address.city': address.city, 'address.zip': address.zip, 'address.countryCode': address.countryCode },
      { sort: { _id: 1 } },
    );
    return found?._id;
  }

  /**
   * Creates a customer from a Shopify buyer, once per origin (a Shopify customer, an order): the
   * number is claimed under the origin's key before the customer is written, so a retry after a crash
   * anywhere in between writes the same customer under the same number. A number someone else's
   * customer already has (the counter is not trusted to be atomic on every store) is replaced by the next.
   */
  async create(customer: NewCustomer & Partial<CustomerFields>, origin: string): Promise<string> {
    const values = normalised({ ...customer, email: customer.email, phone: customer.phone, address: customer.address });
    let no = await this.claim(origin);
    for (;;) {
      try {
        await this.customers.insertOne({ _id: no, ...values, ...priceGroups(customer), templateCode: customer.templateCode, blocked: false, createdFrom: origin, changedAt: new Date() });
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if ((await this.get(no))?.createdFrom === origin) break; // written by an earlier attempt
        no = await this.numbers.next('customers', 'C', 6);
        await this.keys.updateOne({ _id: originKey(origin) }, { $set: { customerNo: no } });
      }
    }
    await this.writeKeys({ _id: no, ...values, taxId: customer.taxId });
    return no;
  }

  /** The number an origin's customer has or gets. */
  private async claim(origin: string): Promise<string> {
    const claimed = await this.keys.findOne({ _id: originKey(origin) });
    if (claimed) return claimed.customerNo;
    const candidate = await this.numbers.next('customers', 'C', 6);
    try {
      await this.keys.insertOne({ _id: originKey(origin), customerNo: candidate });
      return candidate;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.keys.findOne({ _id: originKey(origin) }))?.customerNo ?? candidate;
    }
  }
}
