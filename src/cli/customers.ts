import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { SHOP, shopOf, UsageError } from './args';
import { runReport } from './run';

const USAGE = `shopsync customers add ${SHOP} --customer <customer no>... [--wait] [--json]`;

export const CUSTOMERS_HELP = `Usage:
  ${USAGE}
      create Shopify customers from ERP customers and link them; an e-mail is required, and an
      e-mail or phone Shopify already has is a skipped record naming the customer who has it
  shopsync run customers ${SHOP} [--filters '{"customerIds":["123"]}'] [--options '{"since":"2026-11-01T00:00:00Z"}']
      the customer sync itself: import (customerImportFromShopify), then export (canUpdateShopifyCustomers)`;

export async function customersCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'add') throw new UsageError('unknown command. See: shopsync customers --help');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { shop: { type: 'string' }, customer: { type: 'string', multiple: true }, wait: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const shop = shopOf(values.shop, positionals, 0, USAGE);
  if (!values.customer?.length) throw new UsageError('give --customer <customer no> (one or more)');
  const report = runReport('addCustomers', shop, values.json, out);
  report.done(await client.addCustomers({ shop, customerNos: values.customer, wait: values.wait, onProgress: report.onProgress }));
}
