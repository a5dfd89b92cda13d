import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { optionalShopOf, positiveInt, SHOP, shopOf } from './args';

const STATUS_USAGE = `shopsync status ${SHOP} [--json] [--limit N] [--days N]`;

export const STATUS_HELP = `Usage: ${STATUS_USAGE}

What needs attention for a shop (the connector's "Shopify Activities" cues): unmapped customers,
companies and products, unprocessed orders and order updates, unprocessed shipments, shipment
errors, skipped records, and synchronization errors (failed runs of the last --days, default 7),
each with up to --limit records (default 5) and their error messages.`;

const FAILURES_USAGE = `shopsync failures [${SHOP}] [--days N] [--limit N] [--json]`;

export const FAILURES_HELP = `Usage: ${FAILURES_USAGE}

Recent failed task runs (all shops, or one) with the reason and a Web UI link.`;

export async function statusCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { shop: { type: 'string' }, json: { type: 'boolean', default: false }, limit: { type: 'string' }, days: { type: 'string' } },
  });
  const shop = shopOf(values.shop, positionals, 0, STATUS_USAGE);
  const status = await client.getShopStatus(shop, { limit: positiveInt(values.limit, '--limit', 5), sinceDays: positiveInt(values.days, '--days', 7) });
  if (values.json) return out(JSON.stringify(status, null, 2));
  out(`${shop}: ${status.needsAttention.length === 0 ? 'nothing needs attention' : `${status.needsAttention.length} cue(s) need attention`}`);
  for (const cue of Object.values(status.cues)) {
    out(`  ${cue.title.padEnd(28)} ${String(cue.count).padStart(5)}`);
    for (const item of cue.items) out(`      ${item.label}${item.error ? ` — ${item.error}` : ''}`);
  }
}

export async function failuresCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { shop: { type: 'string' }, json: { type: 'boolean', default: false }, limit: { type: 'string' }, days: { type: 'string' } },
  });
  const failures = await client.listFailures({
    shop: optionalShopOf(values.shop, positionals, 0, FAILURES_USAGE),
    limit: positiveInt(values.limit, '--limit', 20),
    sinceDays: positiveInt(values.days, '--days', 7),
  });
  if (values.json) return out(JSON.stringify(failures, null, 2));
  if (failures.length === 0) return out('No failed runs.');
  for (const f of failures) {
    out(`${f.closedAt?.toISOString() ?? ''}  ${f.shop ?? ''}  ${f.task ?? f.workflowType}  ${f.status}`);
    out(`    ${f.message}`);
    out(`    ${f.webUiUrl ?? `${f.workflowId} (run ${f.runId})`}`);
  }
}
