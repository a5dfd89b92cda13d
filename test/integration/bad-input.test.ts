import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { EmulatorAdmin } from '../../emulator/admin-client';
import { Merchant } from '../../emulator/merchant-client';
import { ShopSyncClient, type TaskRun } from '../../src/client';
import type { TaskKey } from '../../src/domain/tasks';
import { connectErp, type Erp } from '../../src/erp/db';
import { CORPUS, corpusByClass, type CorpusRecord } from '../support/bad-input-corpus';
import {
  CORPUS_TASKS,
  corpusNames,
  corpusShopSettings,
  seedCorpusErp,
  standardProducts,
  type CorpusShop,
  type CorpusShopHandle,
  type Made,
} from '../support/bad-input-shops';
import { emulatedShop, emulatorAdmin, testConfig, testStack, testWorker } from '../support/stack';

/** What the ERP store holds for the corpus shops, counted from MongoDB (never from the runs' own reports). */
interface Snapshot {
  documentsPerOrder: Record<string, number>;
  documents: number;
  orders: Record<string, { processed: boolean; error: string | null }>;
  customers: Record<string, string | null>;
  erpCustomers: number;
  products: Record<string, string | null>;
}

/**
 * The corpus of malformed and hostile Shopify records (test/support/bad-input-corpus.ts) made in two
 * emulated shops, then the real tasks run twice through the client: each record ends as its README row
 * says (refused by Shopify, processed, or a per-record error on its cue), every run completes at once,
 * and the second pass changes nothing.
 */
describe('bad input: hostile Shopify records', () => {
  const suffix = randomBytes(4).readUInt32BE().toString(36).slice(0, 5).padStart(5, 'q');
  const names = corpusNames(suffix);
  let client: ShopSyncClient;
  let erp: Erp;
  let admin: EmulatorAdmin;
  const shops = {} as Record<CorpusShop, CorpusShopHandle>;
  const made = new Map<CorpusRecord, Made>();
  const runs: Array<{ shop: string; task: TaskKey; run: TaskRun }> = [];
  let firstPass: Snapshot;
  let secondPass: Snapshot;

  async function snapshot(): Promise<Snapshot> {
    const domains = Object.values(shops).map((s) => s.domain);
    const documents = await erp.db.collection('salesDocuments').find({ shop: { $in: domains }, shopifyRefundId: null }, { projection: { shop: 1, shopifyOrderId: 1 } }).toArray();
    const documentsPerOrder: Record<string, number> = {};
    for (const doc of documents) documentsPerOrder[`${doc.shop}|${doc.shopifyOrderId}`] = (documentsPerOrder[`${doc.shop}|${doc.shopifyOrderId}`] ?? 0) + 1;
    // Shopify's updatedAt moves when the document number is written back: the import of that echo is not a change.
    const orders = await erp.db.collection('shopifyOrders').find({ shop: { $in: domains } }, { projection: { shop: 1, shopifyId: 1, processed: 1, error: 1 } }).toArray();
    const customers = await erp.db.collection('shopifyCustomers').find({ shop: { $in: domains } }, { projection: { shop: 1, shopifyId: 1, erpCustomerNo: 1 } }).toArray();
    const products = await erp.db.collection('shopifyProducts').find({ shop: { $in: domains } }, { projection: { shop: 1, shopifyId: 1, erpItemNo: 1 } }).toArray();
    return {
      documentsPerOrder,
      documents: documents.length,
      orders: Object.fromEntries(orders.map((o) => [`${o.shop}|${o.shopifyId}`, { processed: o.processed as boolean, error: (o.error as { message: string } | null)?.message ?? null }])),
      customers: Object.fromEntries(customers.map((c) => [`${c.shop}|${c.shopifyId}`, (c.erpCustomerNo as string | null) ?? null])),
      erpCustomers: await erp.db.collection('customers').countDocuments({ createdFrom: { $regex: `^(${domains.map((d) => d.replace(/\./g, '\\.')).join('|')})` } }),
      products: Object.fromEntries(products.map((p) => [`${p.shop}|${p.shopifyId}`, (p.erpItemNo as string | null) ?? null])),
    };
  }

  async function runAll(pass: 1 | 2): Promise<void> {
    for (const shop of Object.values(shops)) {
      for (const task of CORPUS_TASKS[shop.name]) {
        // The first pass reads the orders through a bulk query, the second page by page: both paths see every record.
        const options = task === 'orders' && pass === 1 ? { bulk: true } : undefined;
        runs.push({ shop: shop.domain, task, run: await client.runTask({ shop: shop.domain, task, wait: true, options }) });
      }
    }
  }

  before(async function () {
    this.timeout(240_000);
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
    admin = await emulatorAdmin();
    await seedCorpusErp(erp, names);
    const settings = corpusShopSettings(names);
    for (const name of ['main', 'bare', 'named'] as const) {
      const shop = await emulatedShop(`bad-${name}`, { currencyCode: 'EUR', plan: 'plus', locations: [{ name: 'Warehouse', city: 'Lyon', countryCode: 'FR' }] });
      await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false, ...settings[name] });
      const seeded = await admin.seedProducts(shop.domain, standardProducts(names));
      const variants = new Map(seeded.flatMap((p) => p.variants.map((v) => [v.sku, v.id] as const)));
      shops[name] = {
        name,
        domain: shop.domain,
        merchant: new Merchant((await testStack()).emulatorUrl, shop.domain, shop.token),
        admin,
        names,
        variant: (sku) => variants.get(sku) ?? assert.fail(`no variant with SKU ${sku}`),
      };
      // The shop's first import (a bulk query of its open orders, none yet) sets the cursor; the records are new since.
      await client.runTask({ shop: shop.domain, task: 'orders', wait: true });
    }
    for (const record of CORPUS) made.set(record, await record.make(shops[record.shop]));
    await runAll(1);
    firstPass = await snapshot();
    await runAll(2);
    secondPass = await snapshot();
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  it(`holds at least 50 records (${CORPUS.length}), orders, customers and products, each in a class of the README`, () => {
    assert.ok(CORPUS.length >= 50);
    assert.deepEqual(new Set(CORPUS.map((r) => r.kind)), new Set(['order', 'customer', 'product']));
    assert.equal(new Set(CORPUS.map((r) => r.name)).size, CORPUS.length, 'names are unique');
    for (const [title, records] of corpusByClass()) assert.ok(records.length > 0, `class "${title}" has records`);
  });

  it('completes every run at once: no failed run, no activity or workflow task retried', async () => {
    assert.equal(runs.length, 2 * Object.values(CORPUS_TASKS).flat().length);
    for (const { shop, task, run } of runs) {
      assert.ok('result' in run, `${task} on ${shop} returned its result`);
      const history = await client.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      for (const event of history.events ?? []) {
        assert.equal(event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes ?? event.workflowTaskFailedEventAttributes ?? null, null, `${task} on ${shop}: a failed attempt in its history`);
        assert.ok((event.activityTaskStartedEventAttributes?.attempt ?? 1) === 1, `${task} on ${shop}: an activity was retried`);
      }
    }
    for (const shop of Object.values(shops)) assert.deepEqual(await client.listFailures({ shop: shop.domain, sinceDays: 1 }), [], `no failed run for ${shop.domain}`);
  });

  it('changes nothing on a second run of every task: one sales document per order, the same mirrors and links', () => {
    assert.deepEqual(secondPass, firstPass);
    assert.ok(Object.values(secondPass.documentsPerOrder).every((count) => count === 1), 'never two documents for one order');
  });

  for (const [title, records] of corpusByClass()) {
    const outcomes = records.map((r) => `${r.name} → ${r.expect.outcome === 'processed' ? `processed: ${r.expect.what}` : r.expect.outcome === 'refused' ? 'refused by Shopify' : 'per-record error'}`);
    it(`${title}: ${outcomes.join('; ')}`, async () => {
      for (const record of records) await assertOutcome(record);
    });
  }

  async function assertOutcome(record: CorpusRecord): Promise<void> {
    const result = made.get(record);
    assert.ok(result, `${record.name} was made`);
    const expected = record.expect;
    if (expected.outcome === 'refused') {
      assert.ok('refused' in result, `${record.name}: Shopify should refuse it, but it was made`);
      assert.match(result.refused, expected.message, `${record.name}: ${result.refused}`);
      return;
    }
    assert.ok('id' in result, `${record.name}: refused by Shopify: ${'refused' in result ? result.refused : ''}`);
    const shop = shops[record.shop].domain;
    const where = `${record.name} (${result.id})`;
    if (record.kind === 'order') {
      const mirror = await erp.orders.get(shop, result.id);
      assert.ok(mirror, `${where} is in the order mirror`);
      const documents = secondPass.documentsPerOrder[`${shop}|${result.id}`] ?? 0;
      if (expected.outcome === 'processed') {
        assert.equal(mirror.error, null, `${where}: ${mirror.error?.message}`);
        assert.equal(mirror.processed, true, where);
        assert.equal(documents, 1, `${where}: one sales document`);
        const document = await erp.salesDocuments.findByOrder(shop, result.id);
        assert.ok(document, where);
        await expected.check?.({ names, erp, document });
      } else {
        assert.equal(mirror.processed, false, where);
        assert.equal(documents, 0, `${where}: no sales document`);
        assert.match(mirror.error?.message ?? '(no error)', expected.message, where);
        await assertOnCue(shop, 'unprocessedOrders', result.id, expected.message);
      }
      return;
    }
    const collection = record.kind === 'customer' ? 'shopifyCustomers' : 'shopifyProducts';
    const mirror = await erp.db.collection(collection).findOne({ shop, shopifyId: result.id });
    assert.ok(mirror, `${where} is in ${collection}`);
    const linkedTo = (record.kind === 'customer' ? mirror.erpCustomerNo : mirror.erpItemNo) as string | null;
    const error = (mirror.error as { message: string } | null)?.message;
    if (expected.outcome === 'processed') {
      assert.ok(linkedTo, `${where}: linked (${error})`);
      const customer = record.kind === 'customer' ? ((await erp.customers.get(linkedTo)) ?? undefined) : undefined;
      await expected.check?.({ names, erp, customer, itemNo: linkedTo });
    } else {
      assert.equal(linkedTo, null, where);
      assert.match(error ?? '(no error)', expected.message, where);
      await assertOnCue(shop, record.kind === 'customer' ? 'unmappedCustomers' : 'unmappedProducts', result.id, expected.message);
    }
  }

  /** The record is listed under its cue (what `shopsync status` shows) with its message. */
  async function assertOnCue(shop: string, cue: string, id: string, message: RegExp): Promise<void> {
    const page = await client.getCuePage(shop, cue, { pageSize: 200 });
    const item = page.items.find((i) => i.id === id);
    assert.ok(item, `${id} is listed under ${cue}`);
    assert.match(item.error ?? '', message);
  }
});
