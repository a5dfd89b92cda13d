import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { SHOP, shopOf, UsageError } from './args';
import { runReport } from './run';

const USAGE = `shopsync webhooks apply ${SHOP} --url <service url>/webhooks [--json]`;

export const WEBHOOKS_HELP = `Usage:
  ${USAGE}
      make the shop's webhook subscriptions one per topic at that URL (orders/create, orders/updated,
      orders/cancelled, refunds/create, app/uninstalled, bulk_operations/finish): missing ones are
      created, others moved or deleted; a second apply changes nothing. The URL is the service's
      (npm run serve; the demo writes it to .data/stack.json as serviceUrl). Deliveries are verified
      with the shop's webhook secret (SHOPSYNC_WEBHOOK_SECRET_<DOMAIN> or the secrets file).`;

export async function webhooksCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'apply') throw new UsageError('unknown command. See: shopsync webhooks --help');
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { shop: { type: 'string' }, url: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const shop = shopOf(values.shop, positionals, 0, USAGE);
  if (!values.url) throw new UsageError(`missing --url <service url>/webhooks. Usage: ${USAGE}`);
  const report = runReport('webhooks', shop, values.json, out);
  report.done(await client.runTask({ shop, task: 'webhooks', options: { url: values.url }, wait: true }));
}
