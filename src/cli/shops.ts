import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import type { ShopRecord } from '../erp/shop-repository';
import type { ReconcileReport } from '../schedules';
import { parseAssignments, readJsonFile, SHOP, shopOf, UsageError } from './args';

const USAGE = {
  show: `shopsync shops show ${SHOP} [--json]`,
  add: `shopsync shops add ${SHOP} [--set key=value]... [--settings-file FILE] [--json]`,
  update: `shopsync shops update ${SHOP} --set key=value... [--settings-file FILE] [--json]`,
  remove: `shopsync shops remove ${SHOP} [--json]`,
};

export const SHOPS_HELP = `Usage: shopsync shops <command>

  list [--json]                          the configured shops
  show ${SHOP} [--json]
                                         one shop: settings, what Shopify reported, locations
  add ${SHOP} [--set key=value]... [--settings-file FILE] [--json]
                                         add a shop; unset settings take the connector's defaults
  update ${SHOP} --set key=value... [--settings-file FILE] [--json]
                                         change settings (validated as a whole)
  remove ${SHOP} [--json]
                                         forget a shop and its schedules (its ERP records stay)

Adding, updating and removing a shop reconciles its Temporal Schedules with its "schedules" setting,
for example: --set 'schedules={"refreshShopInfo":{"every":"1h"}}'

Access tokens are not settings: set SHOPSYNC_TOKEN_<DOMAIN> (e.g. SHOPSYNC_TOKEN_MY_STORE_MYSHOPIFY_COM)
or add the domain to the secrets file named by SHOPSYNC_SECRETS_FILE, where the worker runs.`;

function scheduleLines(report: ReconcileReport): string[] {
  return [
    ...report.created.map((id) => `  schedule created: ${id}`),
    ...report.updated.map((id) => `  schedule updated: ${id}`),
    ...report.deleted.map((id) => `  schedule deleted: ${id}`),
  ];
}

function summary(record: ShopRecord): string {
  const { settings, shopInfo } = record;
  const info = shopInfo ? `${shopInfo.name}, ${shopInfo.planDisplayName}, ${shopInfo.currencyCode}, refreshed ${shopInfo.refreshedAt.toISOString()}` : 'not refreshed yet';
  return `${settings.domain}  ${settings.enabled ? 'enabled' : 'disabled'}  ${settings.allowBackgroundSyncs ? 'background' : 'foreground'}  (${info})`;
}

export async function shopsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      json: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true },
      'settings-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !command || command === 'help') return out(SHOPS_HELP);
  const changes = () => ({ ...readJsonFile(values['settings-file'], '--settings-file'), ...parseAssignments(values.set) });
  switch (command) {
    case 'list': {
      const shops = await client.shops.list();
      if (values.json) return out(JSON.stringify(shops, null, 2));
      return out(shops.length ? shops.map(summary).join('\n') : 'No shops yet. Add one with: shopsync shops add <domain>');
    }
    case 'show': {
      const domain = shopOf(values.shop, positionals, 0, USAGE.show);
      const record = await client.shops.get(domain);
      const locations = await client.locations.list(domain);
      if (values.json) return out(JSON.stringify({ ...record, locations }, null, 2));
      out(summary(record));
      for (const [key, value] of Object.entries(record.settings)) out(`  ${key}: ${JSON.stringify(value)}`);
      out(`  locations: ${locations.map((l) => `${l.name}${l.active ? '' : ' (inactive)'}${l.removedFromShopify ? ' (removed)' : ''}`).join(', ') || 'none known'}`);
      return;
    }
    case 'add': {
      const domain = shopOf(values.shop, positionals, 0, USAGE.add);
      const change = await client.addShop({ ...changes(), domain });
      if (values.json) return out(JSON.stringify(change, null, 2));
      return out([`Added ${summary(change.shop)}`, ...scheduleLines(change.schedules)].join('\n'));
    }
    case 'update': {
      const domain = shopOf(values.shop, positionals, 0, USAGE.update);
      const update = changes();
      if (Object.keys(update).length === 0) throw new UsageError('nothing to update: give --set key=value or --settings-file');
      const change = await client.updateShop(domain, update);
      if (values.json) return out(JSON.stringify(change, null, 2));
      return out([`Updated ${summary(change.shop)}`, ...scheduleLines(change.schedules)].join('\n'));
    }
    case 'remove': {
      const domain = shopOf(values.shop, positionals, 0, USAGE.remove);
      const { removed, deletedSchedules } = await client.removeShop(domain);
      if (values.json) return out(JSON.stringify({ domain, removed, deletedSchedules }, null, 2));
      return out([removed ? `Removed ${domain}` : `No shop ${domain}`, ...deletedSchedules.map((id) => `  schedule deleted: ${id}`)].join('\n'));
    }
    default:
      throw new UsageError(`unknown command "shops ${command}". See: shopsync shops --help`);
  }
}
