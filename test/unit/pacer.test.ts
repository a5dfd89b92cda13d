import assert from 'node:assert/strict';
import { ShopPacer } from '../../src/shopify/pacer';

describe('Shopify pacing from extensions.cost', () => {
  it('does not wait before it knows anything', () => {
    assert.equal(new ShopPacer(() => 0).delayFor(500), 0);
  });

  it('waits until the expected cost fits, counting the refill since the last answer', () => {
    let now = 0;
    const pacer = new ShopPacer(() => now);
    pacer.observe({ maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 });
    assert.equal(pacer.delayFor(100), 0);
    assert.equal(pacer.delayFor(300), 4000);
    now = 2000; // 100 more points restored
    assert.equal(pacer.delayFor(300), 2000);
  });

  it('counts points reserved by requests in flight', () => {
    const pacer = new ShopPacer(() => 0);
    pacer.observe({ maximumAvailable: 100, currentlyAvailable: 100, restoreRate: 100 });
    pacer.reserve(80);
    assert.equal(pacer.delayFor(50), 300);
    pacer.release(80);
    assert.equal(pacer.delayFor(50), 0);
  });

  it('never asks for more than the bucket can hold', () => {
    const pacer = new ShopPacer(() => 0);
    pacer.observe({ maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 10 });
    assert.equal(pacer.delayFor(5000), 10_000);
  });

  it('computes the wait after THROTTLED from the reported status', () => {
    assert.equal(ShopPacer.refillDelay({ maximumAvailable: 2000, currentlyAvailable: 40, restoreRate: 100 }, 140), 1000);
    assert.equal(ShopPacer.refillDelay({ maximumAvailable: 2000, currentlyAvailable: 400, restoreRate: 100 }, 140), 0);
  });
});
