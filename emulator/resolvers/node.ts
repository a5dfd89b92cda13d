import { findCompany, findCompanyAddress, findCompanyContact, findCompanyLocation, findRoleAssignment } from '../b2b-store';
import { findCatalog, findMarket, findPriceList, findPublication } from '../catalogs-store';
import { findCustomer, parseAddressGid } from '../customers-store';
import { findOrder } from './orders';
import { parseGid } from '../gid';
import { findInventoryItem, findLevelByGid, findLocation } from '../inventory-store';
import { findProduct, findVariant } from '../products-store';
import { findRefund } from '../refunds-store';
import { findReturn } from '../returns-store';
import type { EmulatedShop } from '../state';
import type { ResolverModule } from './context';
import { mediaImageObject } from './media';
import { catalogObject, marketObject, priceListObject, publicationObject } from './catalog-objects';
import { companyAddressObject, companyContactObject, companyLocationObject, companyObject, roleAssignmentObject, roleObject } from './company-objects';
import { customerAddressObject, customerObject } from './customer-objects';
import { inventoryItemObject, inventoryLevelObject, locationObject, orderObject, productObject, variantObject } from './objects';
import { refundObject } from './refund-objects';
import { returnObject } from './return-objects';
import { webhookSubscriptionObject } from './webhooks';
import { findSubscription } from '../webhooks-store';

/** node(id:) and nodes(ids:): any object the emulator keeps, found by the type its gid names. */
const BY_TYPE: Record<string, (shop: EmulatedShop, id: string) => unknown> = {
  Product: (shop, id) => {
    const product = findProduct(shop, id);
    return product ? productObject(shop, product) : null;
  },
  ProductVariant: (shop, id) => {
    const found = findVariant(shop, id);
    return found ? variantObject(shop, found.variant) : null;
  },
  InventoryItem: (shop, id) => {
    const stocked = findInventoryItem(shop, id);
    return stocked ? inventoryItemObject(shop, stocked.variant) : null;
  },
  InventoryLevel: (shop, id) => {
    const found = findLevelByGid(shop, id);
    return found ? inventoryLevelObject(shop, found.stocked.variant, found.level) : null;
  },
  Location: (shop, id) => {
    const location = findLocation(shop, id);
    return location ? locationObject(shop, location) : null;
  },
  Order: (shop, id) => {
    const order = findOrder(shop, id);
    return order ? orderObject(shop, order) : null;
  },
  Refund: (shop, id) => {
    const found = findRefund(shop, parseGid(id, 'Refund'));
    return found ? refundObject(shop, found.order, found.refund) : null;
  },
  Return: (shop, id) => {
    const found = findReturn(shop, id);
    return found ? returnObject(shop, found.order, found.found) : null;
  },
  MediaImage: (shop, id) => {
    const file = shop.media.find(parseGid(id, 'MediaImage'));
    return file ? mediaImageObject(shop, file) : null;
  },
  Customer: (shop, id) => {
    const customer = findCustomer(shop, id);
    return customer ? customerObject(shop, customer) : null;
  },
  Company: (shop, id) => {
    const company = findCompany(shop, id);
    return company ? companyObject(shop, company) : null;
  },
  CompanyLocation: (shop, id) => {
    const location = findCompanyLocation(shop, id);
    return location ? companyLocationObject(shop, location) : null;
  },
  CompanyContact: (shop, id) => {
    const contact = findCompanyContact(shop, id);
    return contact ? companyContactObject(shop, contact) : null;
  },
  CompanyAddress: (shop, id) => {
    const found = findCompanyAddress(shop, id);
    return found ? companyAddressObject(shop, found.location, found.address) : null;
  },
  CompanyContactRole: (shop, id) => {
    const numeric = parseGid(id, 'CompanyContactRole');
    const role = Object.values(shop.b2b.companies).flatMap((c) => c.roles).find((r) => r.id === numeric);
    return role ? roleObject(role) : null;
  },
  CompanyContactRoleAssignment: (shop, id) => {
    const assignment = findRoleAssignment(shop, id);
    return assignment ? roleAssignmentObject(shop, assignment) : null;
  },
  CompanyLocationCatalog: (shop, id) => catalogNode(shop, id),
  MarketCatalog: (shop, id) => catalogNode(shop, id),
  PriceList: (shop, id) => {
    const priceList = findPriceList(shop, id);
    return priceList ? priceListObject(shop, priceList) : null;
  },
  Publication: (shop, id) => {
    const publication = findPublication(shop, id);
    return publication ? publicationObject(shop, publication) : null;
  },
  Market: (shop, id) => {
    const market = findMarket(shop, id);
    return market ? marketObject(market) : null;
  },
  WebhookSubscription: (shop, id) => {
    const subscription = findSubscription(shop, parseGid(id, 'WebhookSubscription'));
    return subscription ? webhookSubscriptionObject(subscription) : null;
  },
  MailingAddress: (shop, id) => {
    const numeric = parseAddressGid(id);
    const address = shop.customers.flatMap((c) => c.addresses).find((a) => a.id === numeric);
    return address ? customerAddressObject(address) : null;
  },
};

function catalogNode(shop: EmulatedShop, id: string) {
  const catalog = findCatalog(shop, id);
  return catalog ? catalogObject(shop, catalog) : null;
}

export function findNode(shop: EmulatedShop, id: string): unknown {
  const type = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id)?.[1];
  const find = type ? BY_TYPE[type] : undefined;
  return find ? find(shop, id) : null;
}

export const nodeResolvers: ResolverModule = {
  query: {
    node: (args, { shop }) => findNode(shop, String(args.id)),
    nodes: (args, { shop }) => (args.ids as string[]).map((id) => findNode(shop, id)),
  },
};
