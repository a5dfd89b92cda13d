import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { SHOP, shopOf, UsageError } from './args';

const USAGE = `shopsync shipments retry ${SHOP} [--no <shipment no>]... [--json]`;

export const SHIPMENTS_HELP = `Usage:
  ${USAGE}
      send shipments that ended in error again with the next shipments run (all of the shop's, or those named)`;

export async function shipmentsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'retry') throw new UsageError('unknown command. See: shopsync shipments --help');
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { shop: { type: 'string' }, no: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } } });
  const shop = shopOf(values.shop, positionals, 0, USAGE);
  const count = await client.retryShipments(shop, values.no);
  if (values.json) return out(JSON.stringify({ retried: count }, null, 2));
  out(`${count} shipment(s) will be sent again by the next shipments run (shopsync run shipments ${shop})`);
}
