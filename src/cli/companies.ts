import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { describeProgress } from '../workflows/progress';
import { UsageError } from './args';
import { printRun } from './run';

export const COMPANIES_HELP = `Usage:
  shopsync companies add --shop <domain> --customer <customer no>... [--wait]
      create B2B companies in Shopify from ERP customers: the company (external id = customer no), a
      location with the customer's address and tax id, the main contact (the customer's e-mail is
      required) with the shop's defaultContactPermission, and a catalog when autoCreateCatalog is on
  shopsync companies set-location --shop <domain> --location <company location id> [--sell-to <no>|none] [--bill-to <no>|none]
      the ERP customers a company location's orders go to (none: the company's customer)
  shopsync run companies --shop <domain>
      the company sync itself: import (companyImportFromShopify), then export (canUpdateShopifyCompanies)`;

export async function companiesCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { shop: { type: 'string' }, customer: { type: 'string', multiple: true }, wait: { type: 'boolean', default: false }, location: { type: 'string' }, 'sell-to': { type: 'string' }, 'bill-to': { type: 'string' } },
  });
  if (!values.shop) throw new UsageError('missing --shop <domain>');
  if (command === 'add') {
    if (!values.customer?.length) throw new UsageError('give --customer <customer no> (one or more)');
    const run = await client.runTask({ shop: values.shop, task: 'addCompanies', filters: { customerNos: values.customer }, wait: values.wait, onProgress: (progress) => out(`  … ${describeProgress(progress)}`) });
    return printRun(run, 'addCompanies', values.shop, out);
  }
  if (command !== 'set-location') throw new UsageError('unknown command. See: shopsync companies --help');
  if (!values.location) throw new UsageError('missing --location <company location id>');
  const pick = (value: string | undefined) => (value === undefined ? undefined : value === 'none' ? null : value);
  const changes = Object.fromEntries(Object.entries({ sellToCustomerNo: pick(values['sell-to']), billToCustomerNo: pick(values['bill-to']) }).filter(([, v]) => v !== undefined));
  if (!Object.keys(changes).length) throw new UsageError('nothing to set: give --sell-to and/or --bill-to');
  const id = /^\d+$/.test(values.location) ? `gid://shopify/CompanyLocation/${values.location}` : values.location;
  const updated = await client.setCompanyLocationCustomers(values.shop, id, changes);
  if (!updated) throw new UsageError(`${values.shop} has no company location ${values.location} (run the companies task first)`);
  out(`${updated.name}: sell-to ${updated.sellToCustomerNo ?? '(the company\'s)'}, bill-to ${updated.billToCustomerNo ?? '(the sell-to)'}`);
}
