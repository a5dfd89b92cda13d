import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { SHOP, shopOf, UsageError } from './args';
import { runReport } from './run';

const USAGE = `shopsync products add ${SHOP} (--item <item no>... | --all-unlinked) [--wait] [--json]`;

export const PRODUCTS_HELP = `Usage:
  ${USAGE}
      create Shopify products from ERP items, with their variants and prices, and link them
      (an item already linked is passed over; a SKU Shopify already has is linked, or reported
      when the shop's addItemsExistingSku is "report")
  shopsync run products ${SHOP} [--options '{"onlySyncPrices":true}']
      the product sync itself, in the direction the shop's syncItem setting gives`;

export async function productsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'add') throw new UsageError('unknown command. See: shopsync products --help');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      shop: { type: 'string' }, item: { type: 'string', multiple: true }, 'all-unlinked': { type: 'boolean', default: false }, wait: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const shop = shopOf(values.shop, positionals, 0, USAGE);
  const items = values['all-unlinked'] ? 'allUnlinked' : values.item;
  if (!items || (values['all-unlinked'] && values.item)) throw new UsageError('give either --item <item no> (one or more) or --all-unlinked');
  const report = runReport('addItems', shop, values.json, out);
  report.done(await client.addItems({ shop, items, wait: values.wait, onProgress: report.onProgress }));
}
