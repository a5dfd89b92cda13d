import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import type { ShopRecord } from '../erp/shop-repository';
import type { ReconcileReport } from '../schedules';
import { parseAssignments, readJsonFile, requirePositional, UsageError } from './args';

export const SHOPS_HELP = `Usage: shopsync shops <command>

  list [--json]                          the configured shops
  show <domain> [--json]                 one shop: settings, what Shopify reported, locations
  add <domain> [--set key=value]... [--settings-file FILE]
                                         add a shop; unset settings take the connector's defaults
  update <domain> --set key=value... [--settings-file FILE]
                                         change settings (validated as a whole)
  remove <domain>                        forget a shop and its schedules (its ERP records stay)

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
      const domain = requirePositional(positionals, 0, 'shop domain', 'shopsync shops show <domain>');
      const record = await client.shops.get(domain);
      const locations = await client.locations.list(domain);
      if (values.json) return out(JSON.stringify({ ...record, locations }, null, 2));
      out(summary(record));
      for (const [key, value] of Object.entries(record.settings)) out(`  ${key}: ${JSON.stringify(value)}`);
      out(`  locations: ${locations.map((l) => `${l.name}${l.active ? '' : ' (inactive)'}${l.removedFromShopify ? ' (removed)' : ''}`).join(', ') || 'none known'}`);
      return;
    }
    case 'add': {
      const domain = requirePositional(positionals, 0, 'shop domain', 'shopsync shops add <domain> [--set key=value]...');
      const change = await client.addShop({ ...changes(), domain });
      return out([`Added ${summary(change.shop)}`, ...scheduleLines(change.schedules)].join('\n'));
    }
    case 'update': {
      const domain = requirePositional(positionals, 0, 'shop domain', 'shopsync shops update <domain> --set key=value...');
      const update = changes();
      if (Object.keys(update).length === 0) throw new UsageError('nothing to update: give --set key=value or --settings-file');
      const change = await client.updateShop(domain, update);
      return out([`Updated ${summary(change.shop)}`, ...scheduleLines(change.schedules)].join('\n'));
    }
    case 'remove': {
      const domain = requirePositional(positionals, 0, 'shop domain', 'shopsync shops remove <domain>');
      const { removed, deletedSchedules } = await client.removeShop(domain);
      return out([removed ? `Removed ${domain}` : `No shop ${domain}`, ...deletedSchedules.map((id) => `  schedule deleted: ${id}`)].join('\n'));
    }
    default:
      throw new UsageError(`unknown command "shops ${command}". See: shopsync shops --help`);
  }
}
