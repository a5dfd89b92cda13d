import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { UsageError } from './args';

export const RECORDS_HELP = `Usage:
  shopsync shipments retry --shop <domain> [--no <shipment no>]...
      send shipments that ended in error again with the next shipments run (all of the shop's, or those named)
  shopsync orders resolve-conflict --shop <domain> --order <Shopify order GID>
      accept an order edited after processing as it is: it leaves "unprocessed order updates"`;

export async function shipmentsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { shop: { type: 'string' }, no: { type: 'string', multiple: true } } });
  if (command !== 'retry') throw new UsageError('unknown command. See: shopsync shipments --help');
  if (!values.shop) throw new UsageError('missing --shop <domain>');
  const count = await client.retryShipments(values.shop, values.no);
  out(`${count} shipment(s) will be sent again by the next shipments run (shopsync run shipments --shop ${values.shop})`);
}

export async function ordersCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { shop: { type: 'string' }, order: { type: 'string' } } });
  if (command !== 'resolve-conflict') throw new UsageError('unknown command. See: shopsync orders --help');
  if (!values.shop || !values.order) throw new UsageError('missing --shop <domain> or --order <GID>');
  out((await client.resolveOrderConflict(values.shop, values.order)) ? 'Conflict resolved' : 'No conflict on that order');
}
