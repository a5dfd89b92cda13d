import assert from 'node:assert/strict';
import { LeakyBucket, PLAN_RESTORE_RATES } from '../../emulator/bucket';

describe('emulator leaky bucket', () => {
  it('has the published restore rate per plan', () => {
    assert.deepEqual(PLAN_RESTORE_RATES, { standard: 100, advanced: 200, plus: 1000, enterprise: 2000 });
  });

  it('takes points while they are there and refuses without taking when they are not', () => {
    let now = 0;
    const bucket = new LeakyBucket(100, 200, () => now);
    assert.equal(bucket.tryTake(150), true);
    assert.equal(bucket.status().currentlyAvailable, 50);
    assert.equal(bucket.tryTake(60), false);
    assert.equal(bucket.status().currentlyAvailable, 50);
    now = 100; // 0.1 s restores 10 points
    assert.equal(bucket.tryTake(60), true);
    assert.equal(bucket.status().currentlyAvailable, 0);
  });

  it('refills up to its maximum only, and refunds unused points', () => {
    let now = 0;
    const bucket = new LeakyBucket(100, 200, () => now);
    bucket.tryTake(200);
    bucket.refund(30);
    assert.equal(bucket.status().currentlyAvailable, 30);
    now = 60_000;
    assert.deepEqual(bucket.status(), { maximumAvailable: 200, currentlyAvailable: 200, restoreRate: 100 });
  });
});
