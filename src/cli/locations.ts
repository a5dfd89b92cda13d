import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { isValidLocationFilter } from '../domain/stock';
import { STOCK_CALCULATIONS, type StockCalculation } from '../erp/location-repository';
import { SHOP, shopOf, UsageError } from './args';

const USAGE = {
  list: `shopsync locations list ${SHOP} [--json]`,
  set: `shopsync locations set ${SHOP} --location <name or id> [--stock off|freeInventory|projectedAvailable] [--filter <codes>] [--json]`,
};

export const LOCATIONS_HELP = `Usage:
  ${USAGE.list}
      the shop's Shopify locations (read by refreshShopInfo) with their ERP settings
  ${USAGE.set}
      how the inventory task computes this location's stock: free inventory (on hand − reserved) or
      projected available today, over the ERP locations the filter names (EAST|WEST, * wildcards;
      --filter "" for every ERP location)`;

function isStockCalculation(value: string): value is StockCalculation {
  return (STOCK_CALCULATIONS as readonly string[]).includes(value);
}

export async function locationsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'set') throw new UsageError('unknown command. See: shopsync locations --help');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { shop: { type: 'string' }, location: { type: 'string' }, stock: { type: 'string' }, filter: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const shop = shopOf(values.shop, positionals, 0, USAGE[command]);
  if (command === 'list') {
    const locations = await client.locations.list(shop);
    if (values.json) return out(JSON.stringify(locations, null, 2));
    if (!locations.length) return out(`no locations known for ${shop} yet: run refreshShopInfo first (shopsync run refreshShopInfo ${shop})`);
    for (const l of locations) out(`${l.name}  ${l.shopifyId}  ${l.active ? 'active' : 'inactive'}${l.removedFromShopify ? ' (removed in Shopify)' : ''}  stock=${l.stockCalculation}  filter=${l.locationFilter ?? '(all)'}`);
    return;
  }
  if (!values.location) throw new UsageError('missing --location <name or id>');
  if (values.stock !== undefined && !isStockCalculation(values.stock)) throw new UsageError(`--stock must be one of ${STOCK_CALCULATIONS.join(', ')}`);
  if (values.filter && !isValidLocationFilter(values.filter)) throw new UsageError('--filter must be ERP location codes separated by | (letters, digits, - and _, * wildcards)');
  const changes = {
    ...(values.stock !== undefined ? { stockCalculation: values.stock as StockCalculation } : {}),
    ...(values.filter !== undefined ? { locationFilter: values.filter || null } : {}),
  };
  if (!Object.keys(changes).length) throw new UsageError('nothing to set: give --stock and/or --filter');
  const updated = await client.locations.configure(shop, values.location, changes);
  if (!updated) throw new UsageError(`${shop} has no location "${values.location}" (shopsync locations list ${shop})`);
  if (values.json) return out(JSON.stringify(updated, null, 2));
  out(`${updated.name}: stock=${updated.stockCalculation} filter=${updated.locationFilter ?? '(all)'}`);
}
