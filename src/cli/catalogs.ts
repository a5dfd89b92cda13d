import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import type { CatalogSettings } from '../domain/catalog-prices';
import type { CatalogDocument } from '../erp/catalogs';
import { SHOP, shopOf, UsageError } from './args';

const USAGE = {
  list: `shopsync catalogs list ${SHOP} [--json]`,
  set: `shopsync catalogs set ${SHOP} --catalog <id> [--sync-prices on|off] [--price-group <code>|none] ... [--json]`,
};

export const CATALOGS_HELP = `Usage:
  ${USAGE.list}
      the shop's catalogs (read by the catalogs task) with their price lists and ERP price context
  shopsync catalogs set ${SHOP} --catalog <id> [--sync-prices on|off] [--price-group <code>|none]
      [--discount-group <code>|none] [--allow-line-discount on|off] [--prices-including-vat on|off]
      [--currency <ISO code>|local] [--customer <customer no>|none] [--json]
      the catalog's own price context (a customer's groups replace the catalog's); syncPrices makes
      the catalogPrices task send its ERP prices as the price list's fixed prices`;

function onOff(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new UsageError(`${flag} must be on or off`);
}

function codeOrNone(value: string | undefined, none: string): string | null | undefined {
  return value === undefined ? undefined : value === none ? null : value;
}

function describe(catalog: CatalogDocument): string {
  const s = catalog.settings;
  const context = [`priceGroup=${s.customerPriceGroup ?? '-'}`, `discountGroup=${s.customerDiscountGroup ?? '-'}`, `currency=${s.currencyCode ?? 'local'}`, `customer=${s.customerNo ?? '-'}`, `inclVAT=${s.pricesIncludingVat}`].join(' ');
  return `${catalog.title}  ${catalog.shopifyId}  ${catalog.type} ${catalog.status}  list ${catalog.currency ?? '-'}  syncPrices=${s.syncPrices ? 'on' : 'off'}  ${context}${catalog.error ? `  error: ${catalog.error.message}` : ''}`;
}

export async function catalogsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'list' && command !== 'set') throw new UsageError('unknown command. See: shopsync catalogs --help');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      shop: { type: 'string' }, catalog: { type: 'string' }, 'sync-prices': { type: 'string' }, 'price-group': { type: 'string' }, 'discount-group': { type: 'string' },
      'allow-line-discount': { type: 'string' }, 'prices-including-vat': { type: 'string' }, currency: { type: 'string' }, customer: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const shop = shopOf(values.shop, positionals, 0, USAGE[command]);
  if (command === 'list') {
    const catalogs = await client.catalogs.list(shop);
    if (values.json) return out(JSON.stringify(catalogs, null, 2));
    if (!catalogs.length) return out(`no catalogs known for ${shop} yet: run the catalogs task first (shopsync run catalogs ${shop})`);
    for (const catalog of catalogs) out(describe(catalog));
    return;
  }
  if (!values.catalog) throw new UsageError('missing --catalog <id>');
  const changes: Partial<CatalogSettings> = Object.fromEntries(
    Object.entries({
      syncPrices: onOff(values['sync-prices'], '--sync-prices'),
      customerPriceGroup: codeOrNone(values['price-group'], 'none'),
      customerDiscountGroup: codeOrNone(values['discount-group'], 'none'),
      allowLineDiscount: onOff(values['allow-line-discount'], '--allow-line-discount'),
      pricesIncludingVat: onOff(values['prices-including-vat'], '--prices-including-vat'),
      currencyCode: codeOrNone(values.currency, 'local'),
      customerNo: codeOrNone(values.customer, 'none'),
    }).filter(([, value]) => value !== undefined),
  );
  if (!Object.keys(changes).length) throw new UsageError('nothing to set: see shopsync catalogs --help');
  const id = /^\d+$/.test(values.catalog) ? `gid://shopify/CompanyLocationCatalog/${values.catalog}` : values.catalog;
  const updated = await client.configureCatalog(shop, id, changes);
  if (!updated) throw new UsageError(`${shop} has no catalog ${values.catalog} (shopsync catalogs list ${shop})`);
  if (values.json) return out(JSON.stringify(updated, null, 2));
  out(describe(updated));
}
