import type { Collection, Db } from 'mongodb';
import type { CustomerLookups, NewCustomer } from '../domain/customer-mapping';
import { phoneDigits } from '../domain/customer-mapping';
import type { OrderAddress } from '../domain/order';
import type { NumberSeries } from './number-series';

/** An ERP customer (company-wide master data). E-mail and phone are also kept normalised for lookups. */
export interface CustomerDocument {
  _id: string;
  name: string;
  email: string | null;
  emailLower: string | null;
  phone: string | null;
  phoneDigits: string | null;
  address: OrderAddress | null;
  templateCode: string | null;
  blocked: boolean;
  createdFrom: string | null;
}

export class CustomerRepository implements CustomerLookups {
  private readonly customers: Collection<CustomerDocument>;

  constructor(db: Db, private readonly numbers: NumberSeries) {
    this.customers = db.collection<CustomerDocument>('customers');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.customers.createIndex({ emailLower: 1 }), this.customers.createIndex({ phoneDigits: 1 })]);
  }

  async upsert(no: string, fields: { name: string; email?: string; phone?: string; address?: OrderAddress; blocked?: boolean }): Promise<void> {
    await this.customers.replaceOne(
      { _id: no },
      {
        name: fields.name,
        email: fields.email ?? null,
        emailLower: fields.email?.toLowerCase() ?? null,
        phone: fields.phone ?? null,
        phoneDigits: phoneDigits(fields.phone) ?? null,
        address: fields.address ?? null,
        templateCode: null,
        blocked: fields.blocked ?? false,
        createdFrom: null,
      },
      { upsert: true },
    );
  }

  async get(no: string): Promise<CustomerDocument | null> {
    return this.customers.findOne({ _id: no });
  }

  async byEmail(emailLower: string): Promise<string | undefined> {
    return (await this.customers.findOne({ emailLower }, { sort: { _id: 1 } }))?._id;
  }

  async byPhoneDigits(digits: string): Promise<string | undefined> {
    return (await this.customers.findOne({ phoneDigits: digits }, { sort: { _id: 1 } }))?._id;
  }

  async byAddress(address: OrderAddress): Promise<string | undefined> {
    if (!address.address1 || !address.city) return undefined;
    const found = await this.customers.findOne(
      { 'address.address1': address.address1, 'address.city': address.city, 'address.zip': address.zip, 'address.countryCode': address.countryCode },
      { sort: { _id: 1 } },
    );
    return found?._id;
  }

  /** Creates a customer from a Shopify buyer. Lookups by e-mail, phone or address find it on a retry. */
  async create(customer: NewCustomer, createdFrom: string): Promise<string> {
    const no = await this.numbers.next('customers', 'C', 6);
    await this.customers.insertOne({
      _id: no,
      name: customer.name.slice(0, 100),
      email: customer.email,
      emailLower: customer.email?.toLowerCase() ?? null,
      phone: customer.phone,
      phoneDigits: phoneDigits(customer.phone) ?? null,
      address: customer.address,
      templateCode: customer.templateCode,
      blocked: false,
      createdFrom,
    });
    return no;
  }
}
