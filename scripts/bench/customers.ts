import { PLAN_RESTORE_RATES } from '../../emulator/bucket';
import type { SyncCustomersResult } from '../../src/workflows/sync-customers';
import { benchCatalogPrices } from './catalog-prices';
import { fullBucket, LATENCY_MS, startHarness, statsDelta, writeResults, type Harness } from './harness';

/**
 * `npm run bench -- customers`: the customer import against the connector's request structure (a
 * page of 200 ids, then one request per customer), 1,000 customers at the Standard rate, 150 ms per
 * request. Half the customers match an ERP customer by e-mail, the other half are created from the
 * template. Each approach imports a shop of its own with the same customers (other e-mail domains),
 * so both do the same ERP work. Needs the project at ≥ 5× the baseline's customers per second.
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const SETTINGS = { customerImportFromShopify: 'allCustomers', autoCreateUnknownCustomers: true, customerTemplateCode: 'RETAIL' };

interface ImportFigures {
  seconds: number;
  customers: number;
  customersPerSecond: number;
  requests: number;
  requestsPerCustomer: number;
  points: number;
  pointsPerCustomer: number;
  throttled: number;
  linked: number;
  created: number;
}

const shopOf = (approach: 'ours' | 'baseline') => `bench-customers-${approach}.myshopify.com`;
const emailOf = (approach: 'ours' | 'baseline', index: number) => `buyer${index}@${approach}.example.com`;

/** The shop's customers in the emulator, and the ERP customers every other one of them matches. */
async function seed(h: Harness, approach: 'ours' | 'baseline'): Promise<void> {
  const shop = shopOf(approach);
  await h.addShop({ domain: shop, plan: 'standard', currencyCode: 'EUR' }, SETTINGS);
  const customers = Array.from({ length: CUSTOMERS }, (_, index) => ({
    email: emailOf(approach, index),
    firstName: `Buyer${index}`,
    lastName: approach === 'ours' ? 'Ours' : 'Baseline',
    addresses: [{ address1: `${index} Rue du Marché`, city: 'Lyon', zip: '69001', countryCode: 'FR' }],
  }));
  for (let at = 0; at < customers.length; at += 500) await h.admin.seedCustomers(shop, customers.slice(at, at + 500));
  for (let index = 0; index < CUSTOMERS; index += 2) {
    await h.erp.customers.upsert(`B${approach === 'ours' ? 'O' : 'B'}${String(index).padStart(6, '0')}`, { name: `Buyer ${index}`, email: emailOf(approach, index) });
  }
  await h.admin.updateShop(shop, { latencyMs: LATENCY_MS });
}

async function measure(h: Harness, approach: 'ours' | 'baseline'): Promise<ImportFigures> {
  await fullBucket();
  const shop = shopOf(approach);
  const workflow = approach === 'ours' ? 'syncCustomers' : 'baselineImportCustomers';
  const input = approach === 'ours' ? { shop } : { shop, query: '' };
  const { value: run, spent } = await statsDelta(h.admin, shop, () => h.run<SyncCustomersResult | { fetched: number; outcomes: Record<string, number> }>(workflow, `bench-customers-${approach}-${Date.now()}`, input));
  const mirror = h.erp.db.collection('shopifyCustomers');
  const linked = await mirror.countDocuments({ shop, erpCustomerNo: { $ne: null } });
  const created = await h.erp.db.collection('customers').countDocuments({ createdFrom: { $regex: `^${shop.replace(/\./g, '\\.')}\\|` } });
  const problems = [
    linked !== CUSTOMERS && `${linked} customers linked, not ${CUSTOMERS}`,
    created !== CUSTOMERS / 2 && `${created} ERP customers created, not ${CUSTOMERS / 2}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`${approach} import: ${problems.join('; ')} (result ${JSON.stringify(run.result)})`);
  console.log(`  ${approach} import done in ${run.seconds.toFixed(1)} s`);
  return {
    seconds: run.seconds, customers: CUSTOMERS, customersPerSecond: CUSTOMERS / run.seconds, requests: spent.requests, requestsPerCustomer: spent.requests / CUSTOMERS,
    points: spent.actualCostSpent, pointsPerCustomer: spent.actualCostSpent / CUSTOMERS, throttled: spent.throttled, linked, created,
  };
}

function table(rows: Array<[string, string, string]>): void {
  for (const [label, ours, baseline] of rows) console.log(`${label.padEnd(34)} ${ours.padStart(12)} ${baseline.padStart(12)}`);
}

/** Runs the benchmark; false when the target is missed (the reason is printed). */
export async function benchCustomers(): Promise<boolean> {
  console.log(`Benchmark customers: ${CUSTOMERS} customers, ${LATENCY_MS} ms per request, standard plan (${PLAN_RESTORE_RATES.standard} points/s)`);
  const h = await startHarness('shopsync_bench_customers');
  try {
    await seed(h, 'ours');
    await seed(h, 'baseline');
    // Warm-up: one run of each that matches no customer, so neither is timed with a cold worker.
    await h.run('syncCustomers', 'bench-customers-warm-up-ours', { shop: shopOf('ours'), filters: { customerIds: ['1'] } });
    await h.run('baselineImportCustomers', 'bench-customers-warm-up-baseline', { shop: shopOf('baseline'), query: 'id:1' });
    const ours = await measure(h, 'ours');
    const baseline = await measure(h, 'baseline');
    const catalogPrices = await benchCatalogPrices(h);
    const speedup = ours.customersPerSecond / baseline.customersPerSecond;
    const checks = { importSpeedupAtLeast5: speedup >= 5, catalogPricesHistoryBelow10000: catalogPrices.maxHistoryEvents < 10_000 };
    console.log('');
    table([
      ['', 'ours', 'baseline'],
      [`import ${CUSTOMERS}: customers/s`, ours.customersPerSecond.toFixed(2), baseline.customersPerSecond.toFixed(2)],
      ['  seconds', ours.seconds.toFixed(1), baseline.seconds.toFixed(1)],
      ['  requests/customer', ours.requestsPerCustomer.toFixed(3), baseline.requestsPerCustomer.toFixed(3)],
      ['  points/customer', ours.pointsPerCustomer.toFixed(2), baseline.pointsPerCustomer.toFixed(2)],
      ['  throttled requests', String(ours.throttled), String(baseline.throttled)],
    ]);
    const c = catalogPrices;
    console.log(`catalog prices: ${c.catalogs} catalogs × ${c.pricesPerCatalog} prices, ${c.changedPerCatalog} changed in each: ${c.seconds.toFixed(1)} s, ${c.requests} requests, ${c.points} points, ${c.runs} run(s), largest history ${c.maxHistoryEvents} events`);
    console.log(`\nimport speed-up ${speedup.toFixed(1)}× (needs ≥ 5): ${checks.importSpeedupAtLeast5 ? 'ok' : 'NOT MET'}; largest catalog prices history ${c.maxHistoryEvents} events (needs < 10,000): ${checks.catalogPricesHistoryBelow10000 ? 'ok' : 'NOT MET'}`);
    writeResults('customers', { date: new Date().toISOString(), latencyMs: LATENCY_MS, import: { plan: 'standard', customers: CUSTOMERS, ours, baseline, speedup }, catalogPrices, checks });
    return checks.importSpeedupAtLeast5 && checks.catalogPricesHistoryBelow10000;
  } finally {
    await h.close();
  }
}
