import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { describeProgress } from '../workflows/progress';
import { UsageError } from './args';
import { printRun } from './run';

export const CUSTOMERS_HELP = `Usage:
  shopsync customers add --shop <domain> --customer <customer no>... [--wait]
      create Shopify customers from ERP customers and link them; an e-mail is required, and an
      e-mail or phone Shopify already has is a skipped record naming the customer who has it
  shopsync run customers --shop <domain> [--filters '{"customerIds":["123"]}'] [--options '{"since":"2026-11-01T00:00:00Z"}']
      the customer sync itself: import (customerImportFromShopify), then export (canUpdateShopifyCustomers)`;

export async function customersCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'add') throw new UsageError('unknown command. See: shopsync customers --help');
  const { values } = parseArgs({ args: rest, options: { shop: { type: 'string' }, customer: { type: 'string', multiple: true }, wait: { type: 'boolean', default: false } } });
  if (!values.shop) throw new UsageError('missing --shop <domain>');
  if (!values.customer?.length) throw new UsageError('give --customer <customer no> (one or more)');
  const run = await client.addCustomers({ shop: values.shop, customerNos: values.customer, wait: values.wait, onProgress: (progress) => out(`  … ${describeProgress(progress)}`) });
  printRun(run, 'addCustomers', values.shop, out);
}
