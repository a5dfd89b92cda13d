import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { describeProgress } from '../workflows/progress';
import { UsageError } from './args';
import { printRun } from './run';

export const PRODUCTS_HELP = `Usage:
  shopsync products add --shop <domain> (--item <item no>... | --all-unlinked) [--wait]
      create Shopify products from ERP items, with their variants and prices, and link them
      (an item already linked is passed over; a SKU Shopify already has is linked, or reported
      when the shop's addItemsExistingSku is "report")
  shopsync run products --shop <domain> [--options '{"onlySyncPrices":true}']
      the product sync itself, in the direction the shop's syncItem setting gives`;

export async function productsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'add') throw new UsageError('unknown command. See: shopsync products --help');
  const { values } = parseArgs({
    args: rest,
    options: { shop: { type: 'string' }, item: { type: 'string', multiple: true }, 'all-unlinked': { type: 'boolean', default: false }, wait: { type: 'boolean', default: false } },
  });
  if (!values.shop) throw new UsageError('missing --shop <domain>');
  const items = values['all-unlinked'] ? 'allUnlinked' : values.item;
  if (!items || (values['all-unlinked'] && values.item)) throw new UsageError('give either --item <item no> (one or more) or --all-unlinked');
  const run = await client.addItems({ shop: values.shop, items, wait: values.wait, onProgress: (progress) => out(`  … ${describeProgress(progress)}`) });
  printRun(run, 'addItems', values.shop, out);
}
