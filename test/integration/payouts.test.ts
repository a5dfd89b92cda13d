import assert from 'node:assert/strict';
import { ShopSyncClient } from '../../src/client';
import { connectErp, type Erp } from '../../src/erp/db';
import { emulatedShop, emulatorAdmin, testConfig, testWorker } from '../support/stack';

/** Shopify Payments payouts and balance transactions (reference 2.9), exact for stores with several shops. */
describe('payouts', () => {
  let client: ShopSyncClient;
  let erp: Erp;

  before(async () => {
    const config = await testConfig();
    await testWorker();
    client = await ShopSyncClient.connect(config);
    erp = await connectErp(config.mongoUri, config.mongoDatabase);
  });

  after(async () => {
    await client?.close();
    await erp?.close();
  });

  async function newShop(prefix: string) {
    const shop = await emulatedShop(prefix, { currencyCode: 'EUR' });
    await client.addShop({ domain: shop.domain, allowBackgroundSyncs: false });
    return shop;
  }

  const run = async (shop: string) => (await client.runTask({ shop, task: 'payments', wait: true })).result as Record<string, number>;
  const payout = { issuedAt: '2026-11-01T00:00:00Z', net: '95.00', gross: '100.00', fee: '5.00' };
  const charge = { type: 'CHARGE' as const, amount: '100.00', fee: '5.00', transactionDate: '2026-10-30T10:00:00Z', payoutIndex: 0 };

  it('imports every payout of two shops whose ids overlap, each by its own highest id', async () => {
    const [a, b] = [await newShop('payouts-a'), await newShop('payouts-b')];
    const admin = await emulatorAdmin();
    const seededA = await admin.seedPayouts(a.domain, { payouts: [{ ...payout, status: 'PAID' }, { ...payout, status: 'PAID' }, { ...payout, status: 'PAID' }] });
    const seededB = await admin.seedPayouts(b.domain, { payouts: [{ ...payout, status: 'PAID' }] });
    assert.ok(seededB.payouts[0]?.id !== undefined && seededA.payouts.some((p) => p.id === seededB.payouts[0]?.id), 'the two shops use the same ids');
    assert.equal((await run(a.domain)).payouts, 3);
    assert.equal((await run(b.domain)).payouts, 1);
    await admin.seedPayouts(b.domain, { payouts: [{ ...payout, status: 'PAID' }] });
    assert.equal((await run(b.domain)).payouts, 1);
    assert.equal(await erp.payouts.payouts.countDocuments({ shop: a.domain }), 3);
    assert.equal(await erp.payouts.payouts.countDocuments({ shop: b.domain }), 2);
  });

  it('refreshes a payout and its balance transactions until the payout is paid, then leaves them', async () => {
    const shop = await newShop('payouts-status');
    const admin = await emulatorAdmin();
    const seeded = await admin.seedPayouts(shop.domain, { payouts: [{ ...payout, status: 'IN_TRANSIT' }], balanceTransactions: [charge] });
    assert.deepEqual(await run(shop.domain), { payouts: 1, balanceTransactions: 1, refreshedPayouts: 0 });
    await admin.setPayoutStatus(shop.domain, seeded.payouts[0]?.id as number, 'PAID');
    assert.deepEqual(await run(shop.domain), { payouts: 0, balanceTransactions: 0, refreshedPayouts: 1, refreshedTransactions: 1 });
    const transaction = await erp.payouts.transactions.findOne({ shop: shop.domain });
    assert.equal(transaction?.payoutStatus, 'PAID');
    assert.equal((await erp.payouts.payouts.findOne({ shop: shop.domain }))?.status, 'PAID');
    assert.deepEqual(await run(shop.domain), { payouts: 0, balanceTransactions: 0, refreshedPayouts: 0 });
  });

  it('counts the fees and amounts of refunds and adjustments in a payout, not only its charges', async () => {
    const shop = await newShop('payouts-fees');
    await (await emulatorAdmin()).seedPayouts(shop.domain, {
      payouts: [{ issuedAt: '2026-11-01T00:00:00Z', status: 'PAID', net: '71.00', gross: '75.00', fee: '4.00' }],
      balanceTransactions: [
        charge,
        { type: 'REFUND', amount: '-20.00', fee: '-0.50', transactionDate: '2026-10-30T11:00:00Z', payoutIndex: 0 },
        { type: 'ADJUSTMENT', amount: '-5.00', fee: '-0.50', transactionDate: '2026-10-30T12:00:00Z', payoutIndex: 0 },
      ],
    });
    await run(shop.domain);
    const stored = await erp.payouts.payouts.findOne({ shop: shop.domain });
    assert.deepEqual([stored?.gross, stored?.fee, stored?.net], ['75.00', '4.00', '71.00']);
  });
});
