import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { positiveInt, SHOP, shopOf, UsageError } from './args';

const USAGE = {
  list: `shopsync orders list ${SHOP} [--limit N] [--json]`,
  'resolve-conflict': `shopsync orders resolve-conflict ${SHOP} --order <Shopify order GID> [--json]`,
};

export const ORDERS_HELP = `Usage:
  ${USAGE.list}
      the shop's Shopify orders as the orders task mirrored them, newest first (up to --limit, default
      20): processed or not, the error that holds one back, and the sales documents made from each
      (its sales order or invoice, then credit memos and return orders, with their posted numbers)
  ${USAGE['resolve-conflict']}
      accept an order edited after processing as it is: it leaves "unprocessed order updates"`;

/** One line of `orders list`, and with --json exactly this object. */
export interface OrderListing {
  name: string;
  shopifyId: string;
  createdAt: string;
  financialStatus: string;
  fulfillmentStatus: string;
  processed: boolean;
  error: string | null;
  conflict: string | null;
  documents: Array<{ no: string; type: string; status: string; amount: string; currencyCode: string; postedShipmentNo: string | null; postedInvoiceNo: string | null }>;
}

async function listOrders(client: ShopSyncClient, shop: string, limit: number): Promise<OrderListing[]> {
  const { orders, salesDocuments } = client.erpStore;
  const mirrored = await orders.listNewest(shop, limit);
  // One lookup per order, side by side: each is answered from the (shop, order, refund) index.
  const documents = await Promise.all(mirrored.map((order) => salesDocuments.listForOrder(shop, order.shopifyId)));
  return mirrored.map((order, index) => ({
    name: order.name,
    shopifyId: order.shopifyId,
    createdAt: order.order.createdAt,
    financialStatus: order.order.financialStatus,
    fulfillmentStatus: order.order.fulfillmentStatus,
    processed: order.processed,
    error: order.error?.message ?? null,
    conflict: order.orderStateConflict ? (order.conflict?.message ?? 'edited after processing') : null,
    documents: (documents[index] ?? []).map((d) => ({
      no: d._id, type: d.type, status: d.status, amount: d.amount, currencyCode: d.currencyCode, postedShipmentNo: d.postedShipmentNo, postedInvoiceNo: d.postedInvoiceNo,
    })),
  }));
}

function describeDocument(document: OrderListing['documents'][number]): string {
  const posted = [document.postedShipmentNo, document.postedInvoiceNo].filter(Boolean).join(', ');
  return `${document.no} (${document.type}, ${document.status}${posted ? `: ${posted}` : ''})`;
}

export async function ordersCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'resolve-conflict') throw new UsageError('unknown command. See: shopsync orders --help');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { shop: { type: 'string' }, order: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const shop = shopOf(values.shop, positionals, 0, USAGE[command]);
  if (command === 'resolve-conflict') {
    if (!values.order) throw new UsageError(`missing --order <GID>. Usage: ${USAGE['resolve-conflict']}`);
    const resolved = await client.resolveOrderConflict(shop, values.order);
    if (values.json) return out(JSON.stringify({ shopifyId: values.order, resolved }, null, 2));
    return out(resolved ? 'Conflict resolved' : 'No conflict on that order');
  }
  const listed = await listOrders(client, shop, positiveInt(values.limit, '--limit', 20));
  if (values.json) return out(JSON.stringify(listed, null, 2));
  if (!listed.length) return out(`no orders of ${shop} imported yet: run the orders task first (shopsync run orders ${shop})`);
  for (const order of listed) {
    const state = order.processed ? 'processed' : 'not processed';
    const documents = order.documents.length ? order.documents.map(describeDocument).join(', ') : 'no document';
    out(`${order.name}  ${order.shopifyId}  ${order.createdAt}  ${order.financialStatus}/${order.fulfillmentStatus}  ${state}  ${documents}`);
    if (order.error) out(`    error: ${order.error}`);
    if (order.conflict) out(`    conflict: ${order.conflict}`);
  }
}
