import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { SHOP, shopOf, UsageError } from './args';
import { runReport } from './run';

const USAGE = {
  add: `shopsync companies add ${SHOP} --customer <customer no>... [--wait] [--json]`,
  'set-location': `shopsync companies set-location ${SHOP} --location <company location id> [--sell-to <no>|none] [--bill-to <no>|none] [--json]`,
};

export const COMPANIES_HELP = `Usage:
  ${USAGE.add}
      create B2B companies in Shopify from ERP customers: the company (external id = customer no), a
      location with the customer's address and tax id, the main contact (the customer's e-mail is
      required) with the shop's defaultContactPermission, and a catalog when autoCreateCatalog is on
  ${USAGE['set-location']}
      the ERP customers a company location's orders go to (none: the company's customer)
  shopsync run companies ${SHOP}
      the company sync itself: import (companyImportFromShopify), then export (canUpdateShopifyCompanies)`;

export async function companiesCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'add' && command !== 'set-location') throw new UsageError('unknown command. See: shopsync companies --help');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      shop: { type: 'string' }, customer: { type: 'string', multiple: true }, wait: { type: 'boolean', default: false }, location: { type: 'string' }, 'sell-to': { type: 'string' }, 'bill-to': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const shop = shopOf(values.shop, positionals, 0, USAGE[command]);
  if (command === 'add') {
    if (!values.customer?.length) throw new UsageError('give --customer <customer no> (one or more)');
    const report = runReport('addCompanies', shop, values.json, out);
    return report.done(await client.runTask({ shop, task: 'addCompanies', filters: { customerNos: values.customer }, wait: values.wait, onProgress: report.onProgress }));
  }
  if (!values.location) throw new UsageError('missing --location <company location id>');
  const pick = (value: string | undefined) => (value === undefined ? undefined : value === 'none' ? null : value);
  const changes = Object.fromEntries(Object.entries({ sellToCustomerNo: pick(values['sell-to']), billToCustomerNo: pick(values['bill-to']) }).filter(([, v]) => v !== undefined));
  if (!Object.keys(changes).length) throw new UsageError('nothing to set: give --sell-to and/or --bill-to');
  const id = /^\d+$/.test(values.location) ? `gid://shopify/CompanyLocation/${values.location}` : values.location;
  const updated = await client.setCompanyLocationCustomers(shop, id, changes);
  if (!updated) throw new UsageError(`${shop} has no company location ${values.location} (run the companies task first)`);
  if (values.json) return out(JSON.stringify(updated, null, 2));
  out(`${updated.name}: sell-to ${updated.sellToCustomerNo ?? '(the company\'s)'}, bill-to ${updated.billToCustomerNo ?? '(the sell-to)'}`);
}
