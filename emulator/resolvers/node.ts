import { findCustomer, parseAddressGid } from '../customers-store';
import { findOrder } from './orders';
import { parseGid } from '../gid';
import { findInventoryItem, findLevelByGid, findLocation } from '../inventory-store';
import { findProduct, findVariant } from '../products-store';
import type { EmulatedShop } from '../state';
import type { ResolverModule } from './context';
import { mediaImageObject } from './media';
import { customerAddressObject, customerObject } from './customer-objects';
import { inventoryItemObject, inventoryLevelObject, locationObject, orderObject, productObject, variantObject } from './objects';

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
  MediaImage: (shop, id) => {
    const file = shop.media.find(parseGid(id, 'MediaImage'));
    return file ? mediaImageObject(shop, file) : null;
  },
  Customer: (shop, id) => {
    const customer = findCustomer(shop, id);
    return customer ? customerObject(shop, customer) : null;
  },
  MailingAddress: (shop, id) => {
    const numeric = parseAddressGid(id);
    const address = shop.customers.flatMap((c) => c.addresses).find((a) => a.id === numeric);
    return address ? customerAddressObject(address) : null;
  },
};

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
