import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { UsageError } from './args';
import { printRun } from './run';

export const WEBHOOKS_HELP = `Usage:
  shopsync webhooks apply --shop <domain> --url <service url>/webhooks
      make the shop's webhook subscriptions one per topic at that URL (orders/create, orders/updated,
      orders/cancelled, refunds/create, app/uninstalled, bulk_operations/finish): missing ones are
      created, others moved or deleted; a second apply changes nothing. The URL is the service's
      (npm run serve; the demo writes it to .data/stack.json as serviceUrl). Deliveries are verified
      with the shop's webhook secret (SHOPSYNC_WEBHOOK_SECRET_<DOMAIN> or the secrets file).`;

export async function webhooksCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'apply') throw new UsageError('unknown command. See: shopsync webhooks --help');
  const { values } = parseArgs({ args: rest, options: { shop: { type: 'string' }, url: { type: 'string' } } });
  if (!values.shop) throw new UsageError('missing --shop <domain>');
  if (!values.url) throw new UsageError('missing --url <service url>/webhooks');
  const run = await client.runTask({ shop: values.shop, task: 'webhooks', options: { url: values.url }, wait: true });
  printRun(run, 'webhooks', values.shop, out);
}
