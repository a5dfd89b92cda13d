import { z } from 'zod';
import { hasB2B } from './b2b-access';
import { newAssignment, newCompany, newContact, newLocation, ORDERING_ONLY, type EmulatedCompany } from './b2b-store';
import {
  catalogGid,
  ensureMarket,
  findPriceList,
  linkPriceList,
  linkPublication,
  newCatalog,
  newPriceList,
  newPublication,
  shopifyDecimal,
  upsertFixedPrices,
  variantIdSet,
  type EmulatedCatalog,
  type EmulatedPriceList,
} from './catalogs-store';
import { readCompanyInput, readLocationInput } from './company-inputs';
import type { FieldProblem } from './customer-inputs';
import { applyCustomer, planCustomer } from './customers-store';
import { gid } from './gid';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * The emulator's admin routes for B2B and catalogs: seeding many catalogs (each with its price list, fixed
 * prices and publication) or companies (with locations and a main contact) in one call, all or none, without
 * the shop's rate limit, and reading a price list's fixed prices back. A body of the wrong shape is a 400
 * naming the field; a record Shopify would refuse, or one naming what the shop lacks, a 422 naming it.
 */

interface AdminAnswer {
  status: number;
  body: unknown;
}

const idOf = (type: string) =>
  z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/), z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `must be a ${type} id or gid`)])
    .transform((value) => Number(String(value).split('/').pop()));
const amount = z.union([z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal amount such as "12.50"'), z.number().nonnegative()]);

const FixedPriceSeedSchema = z.object({ variantId: idOf('ProductVariant'), price: amount, compareAtPrice: amount.nullable().optional() }).strict();
const CatalogSeedSchema = z
  .object({
    type: z.enum(['COMPANY_LOCATION', 'MARKET']),
    title: z.string().trim().min(1).max(255),
    status: z.enum(['ACTIVE', 'DRAFT', 'ARCHIVED']).default('ACTIVE'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as EUR'),
    priceListName: z.string().trim().min(1).max(255).optional(),
    companyLocationIds: z.array(idOf('CompanyLocation')).max(1000).optional(),
    marketIds: z.array(idOf('Market')).max(50).optional(),
    productIds: z.array(idOf('Product')).max(100_000).optional(),
    fixedPrices: z.array(FixedPriceSeedSchema).max(100_000).optional(),
  })
  .strict()
  .superRefine((seed, context) => {
    if (seed.type === 'COMPANY_LOCATION' && !seed.companyLocationIds?.length) context.addIssue({ code: 'custom', path: ['companyLocationIds'], message: 'a COMPANY_LOCATION catalog needs company locations' });
    if (seed.type === 'MARKET' && seed.companyLocationIds?.length) context.addIssue({ code: 'custom', path: ['companyLocationIds'], message: 'a MARKET catalog has markets, not company locations' });
    if (seed.type === 'COMPANY_LOCATION' && seed.marketIds?.length) context.addIssue({ code: 'custom', path: ['marketIds'], message: 'a COMPANY_LOCATION catalog has company locations, not markets' });
  });
export type CatalogSeed = z.input<typeof CatalogSeedSchema>;
const CatalogsBodySchema = z.object({ catalogs: z.array(CatalogSeedSchema).min(1).max(1000) }).strict();

const text = z.string().max(5000).nullable().optional();
const AddressSeedSchema = z
  .object({
    address1: z.string().trim().min(1).max(255),
    address2: text, city: text, zip: text, zoneCode: text, firstName: text, lastName: text, phone: text, recipient: text,
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FR'),
  })
  .strict();
const LocationSeedSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    externalId: z.string().min(1).optional(),
    phone: z.string().optional(),
    note: z.string().optional(),
    locale: z.string().optional(),
    taxRegistrationId: z.string().optional(),
    taxExempt: z.boolean().optional(),
    billingAddress: AddressSeedSchema.optional(),
    shippingAddress: AddressSeedSchema.optional(),
  })
  .strict();
const CompanySeedSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    externalId: z.string().min(1).optional(),
    note: z.string().optional(),
    contact: z.object({ email: z.email(), firstName: z.string().optional(), lastName: z.string().optional(), phone: z.string().optional(), title: z.string().optional() }).strict().optional(),
    locations: z.array(LocationSeedSchema).min(1).max(250),
    createdAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
  })
  .strict();
export type CompanySeed = z.input<typeof CompanySeedSchema>;
const CompaniesBodySchema = z.object({ companies: z.array(CompanySeedSchema).min(1).max(10_000) }).strict();

function badBody(error: z.ZodError): AdminAnswer {
  return { status: 400, body: { errors: error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })) } };
}

type Refusal = { field: string; message: string; code?: string };
const refused = (errors: Refusal[]): AdminAnswer => ({ status: 422, body: { errors } });
const at = (prefix: Array<string | number>, problems: FieldProblem[]): Refusal[] => problems.map((p) => ({ field: [...prefix, ...p.field].join('.'), message: p.message, code: p.code }));

export function catalogView(shop: EmulatedShop, catalog: EmulatedCatalog) {
  const priceList = catalog.priceListId === null ? undefined : shop.catalogs.priceLists[catalog.priceListId];
  return {
    id: catalogGid(catalog),
    type: catalog.type,
    title: catalog.title,
    status: catalog.status,
    companyLocationIds: catalog.companyLocationIds.map((id) => gid('CompanyLocation', id)),
    marketIds: catalog.marketIds.map((id) => gid('Market', id)),
    publicationId: catalog.publicationId === null ? null : gid('Publication', catalog.publicationId),
    priceListId: catalog.priceListId === null ? null : gid('PriceList', catalog.priceListId),
    fixedPriceCount: priceList?.fixedPrices.length ?? 0,
  };
}

export function priceListView(shop: EmulatedShop, priceList: EmulatedPriceList) {
  const catalog = priceList.catalogId === null ? undefined : shop.catalogs.catalogs[priceList.catalogId];
  return {
    id: gid('PriceList', priceList.id),
    name: priceList.name,
    currency: priceList.currency,
    catalogId: catalog ? catalogGid(catalog) : null,
    updatedAt: priceList.updatedAt,
    fixedPrices: priceList.fixedPrices.map((p) => ({ variantId: gid('ProductVariant', p.variantId), price: p.price, compareAtPrice: p.compareAtPrice })),
  };
}

/** Every reference a catalog seed makes must name a record of the shop; checked before anything is made. */
function checkCatalogSeeds(shop: EmulatedShop, seeds: Array<z.infer<typeof CatalogSeedSchema>>): Refusal[] {
  const variants = variantIdSet(shop);
  const products = new Set(shop.products.map((p) => p.id));
  const errors: Refusal[] = [];
  const names = new Set(Object.values(shop.catalogs.priceLists).map((p) => p.name.toLowerCase()));
  seeds.forEach((seed, i) => {
    if (seed.type === 'COMPANY_LOCATION' && !hasB2B(shop)) errors.push({ field: `catalogs.${i}.type`, message: `company-location catalogs need B2B, which the ${shop.plan} plan lacks (plus or enterprise)` });
    seed.companyLocationIds?.forEach((id, j) => {
      if (!shop.b2b.locations[id]) errors.push({ field: `catalogs.${i}.companyLocationIds.${j}`, message: `names no company location of ${shop.domain}` });
    });
    seed.productIds?.forEach((id, j) => {
      if (!products.has(id)) errors.push({ field: `catalogs.${i}.productIds.${j}`, message: `names no product of ${shop.domain}` });
    });
    seed.fixedPrices?.forEach((price, j) => {
      if (!variants.has(price.variantId)) errors.push({ field: `catalogs.${i}.fixedPrices.${j}.variantId`, message: `names no variant of ${shop.domain}` });
    });
    if (seed.priceListName) {
      if (names.has(seed.priceListName.toLowerCase())) errors.push({ field: `catalogs.${i}.priceListName`, message: 'Name has already been taken', code: 'TAKEN' });
      names.add(seed.priceListName.toLowerCase());
    }
  });
  return errors;
}

function seedCatalogs(state: EmulatorState, shop: EmulatedShop, body: unknown): AdminAnswer {
  const parsed = CatalogsBodySchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error);
  const errors = checkCatalogSeeds(shop, parsed.data.catalogs);
  if (errors.length > 0) return refused(errors);
  const taken = new Set(Object.values(shop.catalogs.priceLists).map((p) => p.name.toLowerCase()));
  const created = parsed.data.catalogs.map((seed) => {
    const markets = seed.type === 'MARKET' ? (seed.marketIds?.length ? seed.marketIds : [state.nextId(shop)]).map((id) => ensureMarket(shop, id).id) : [];
    const catalog = newCatalog(state, shop, { type: seed.type, title: seed.title, status: seed.status, companyLocationIds: [...new Set(seed.companyLocationIds ?? [])], marketIds: markets });
    // A default name is the catalog's title, made unique as price list names must be.
    let name = seed.priceListName ?? seed.title;
    if (!seed.priceListName && taken.has(name.toLowerCase())) name = `${name} ${catalog.id}`;
    taken.add(name.toLowerCase());
    const priceList = newPriceList(state, shop, { name, currency: seed.currency });
    linkPriceList(shop, catalog, priceList);
    const prices = (seed.fixedPrices ?? []).map((p) => ({ variantId: p.variantId, price: shopifyDecimal(p.price) ?? '0.0', compareAtPrice: p.compareAtPrice === undefined || p.compareAtPrice === null ? null : shopifyDecimal(p.compareAtPrice) }));
    const byVariant = new Map(prices.map((p) => [p.variantId, p]));
    upsertFixedPrices(state, priceList, [...byVariant.values()]);
    if (seed.productIds) linkPublication(shop, catalog, newPublication(state, shop, seed.productIds));
    return catalogView(shop, catalog);
  });
  state.changed();
  return { status: 201, body: { catalogs: created } };
}

interface CreatedIds {
  companies: number[];
  locations: number[];
  contacts: number[];
  assignments: number[];
  customers: number;
}

function undo(shop: EmulatedShop, made: CreatedIds): void {
  for (const id of made.companies) delete shop.b2b.companies[id];
  for (const id of made.locations) delete shop.b2b.locations[id];
  for (const id of made.contacts) delete shop.b2b.contacts[id];
  for (const id of made.assignments) delete shop.b2b.assignments[id];
  shop.customers.splice(made.customers);
}

export function companyView(shop: EmulatedShop, company: EmulatedCompany) {
  const contact = company.mainContactId === null ? undefined : shop.b2b.contacts[company.mainContactId];
  return {
    id: gid('Company', company.id),
    name: company.name,
    externalId: company.externalId,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
    mainContactId: contact ? gid('CompanyContact', contact.id) : null,
    customerId: contact ? gid('Customer', contact.customerId) : null,
    contactRoleIds: Object.fromEntries(company.roles.map((r) => [r.name, gid('CompanyContactRole', r.id)])),
    locations: Object.values(shop.b2b.locations)
      .filter((l) => l.companyId === company.id)
      .map((l) => ({
        id: gid('CompanyLocation', l.id),
        name: l.name,
        externalId: l.externalId,
        billingAddressId: l.billingAddress ? gid('CompanyAddress', l.billingAddress.id) : null,
        shippingAddressId: l.shippingAddress ? gid('CompanyAddress', l.shippingAddress.id) : null,
      })),
  };
}

/** Makes one seeded company with companyCreate's rules; its main contact may order at each of its locations. */
function seedCompany(state: EmulatorState, shop: EmulatedShop, seed: z.infer<typeof CompanySeedSchema>, index: number, made: CreatedIds): Refusal[] | EmulatedCompany {
  const company = readCompanyInput(shop, { name: seed.name, note: seed.note, externalId: seed.externalId });
  if (company.problems.length > 0) return at(['companies', index], company.problems);
  const contact = seed.contact ? planCustomer(shop, seed.contact) : undefined;
  if (contact && 'problems' in contact) return at(['companies', index, 'contact'], contact.problems);
  const created = newCompany(state, shop, { name: seed.name, note: seed.note ?? null, externalId: seed.externalId ?? null });
  made.companies.push(created.id);
  const locations = [];
  for (const [j, input] of seed.locations.entries()) {
    const planned = readLocationInput(shop, input);
    if (planned.problems.length > 0) return at(['companies', index, 'locations', j], planned.problems);
    const location = newLocation(state, shop, created, { ...planned.fields, name: input.name }, planned.addresses);
    made.locations.push(location.id);
    locations.push(location);
  }
  if (contact && seed.contact) {
    const customer = applyCustomer(shop, state, undefined, contact.plan);
    const person = newContact(state, shop, created, customer.id, { title: seed.contact.title });
    made.contacts.push(person.id);
    created.mainContactId = person.id;
    const role = created.roles.find((r) => r.name === ORDERING_ONLY);
    for (const location of locations) if (role) made.assignments.push(newAssignment(state, shop, person, location, role.id).id);
  }
  const stamp = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
  created.createdAt = stamp(seed.createdAt) ?? stamp(seed.updatedAt) ?? created.createdAt;
  created.updatedAt = stamp(seed.updatedAt) ?? stamp(seed.createdAt) ?? created.updatedAt;
  return created;
}

function seedCompanies(state: EmulatorState, shop: EmulatedShop, body: unknown): AdminAnswer {
  const parsed = CompaniesBodySchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error);
  if (!hasB2B(shop)) return refused([{ field: 'companies', message: `companies need B2B, which the ${shop.plan} plan lacks (plus or enterprise)` }]);
  const made: CreatedIds = { companies: [], locations: [], contacts: [], assignments: [], customers: shop.customers.length };
  const created: EmulatedCompany[] = [];
  for (const [index, seed] of parsed.data.companies.entries()) {
    const result = seedCompany(state, shop, seed, index, made);
    if (Array.isArray(result)) {
      undo(shop, made);
      return refused(result);
    }
    created.push(result);
  }
  state.changed();
  return { status: 201, body: { companies: created.map((c) => companyView(shop, c)) } };
}

/** POST …/catalogs, GET …/price-lists/<id>, POST …/companies; undefined for any other route. */
export function b2bAdminRoute(state: EmulatorState, shop: EmulatedShop, method: string, path: string[], body: unknown): AdminAnswer | undefined {
  const [resource, id] = path;
  if (resource === 'catalogs' && id === undefined && method === 'POST') return seedCatalogs(state, shop, body);
  if (resource === 'companies' && id === undefined && method === 'POST') return seedCompanies(state, shop, body);
  if (resource === 'price-lists' && id !== undefined && path.length === 2 && method === 'GET') {
    const priceList = findPriceList(shop, /^\d+$/.test(id) ? gid('PriceList', id) : id);
    return priceList ? { status: 200, body: { priceList: priceListView(shop, priceList) } } : { status: 404, body: { errors: [{ message: `no price list ${id} in ${shop.domain}` }] } };
  }
  return undefined;
}
