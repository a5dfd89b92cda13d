import assert from 'node:assert/strict';
import { IdempotencyKeys } from '../../emulator/idempotency';
import { quantityOf, setLevelQuantity, validReferenceDocumentUri } from '../../emulator/inventory-store';
import type { EmulatedInventoryLevel } from '../../emulator/commerce';

function level(quantities: Partial<EmulatedInventoryLevel['quantities']> = {}): EmulatedInventoryLevel {
  return {
    id: 1,
    locationId: 2,
    quantities: { available: 0, committed: 0, damaged: 0, incoming: 0, quality_control: 0, reserved: 0, safety_stock: 0, ...quantities },
    quantityUpdatedAt: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('emulator inventory rules', () => {
  it('computes on_hand as available + committed + unavailable, unavailable as damaged + quality_control + reserved + safety_stock, incoming outside both', () => {
    const l = level({ available: 5, committed: 2, damaged: 1, quality_control: 1, reserved: 3, safety_stock: 4, incoming: 10 });
    assert.equal(quantityOf(l, 'unavailable'), 9);
    assert.equal(quantityOf(l, 'on_hand'), 16);
  });

  it('setting on_hand moves available by the same delta and leaves committed and unavailable alone', () => {
    const l = level({ available: 5, committed: 2, reserved: 1 });
    const changes = setLevelQuantity(l, 9, 'on_hand', 10, '2026-01-02T00:00:00.000Z');
    assert.deepEqual(changes.map((c) => [c.name, c.delta, c.quantityAfterChange]), [['on_hand', 2, 10], ['available', 2, 7]]);
    assert.deepEqual([l.quantities.committed, l.quantities.reserved, l.updatedAt], [2, 1, '2026-01-02T00:00:00.000Z']);
    assert.deepEqual(setLevelQuantity(l, 9, 'available', 7, '2026-01-03T00:00:00.000Z'), [], 'no change, no delta and no new updatedAt');
    assert.equal(l.updatedAt, '2026-01-02T00:00:00.000Z');
  });

  it('accepts reference document URIs with a scheme and content, and GIDs only with app, entity and id', () => {
    assert.ok(validReferenceDocumentUri('gid://erp-connector/SyncJob/SYNC-1'));
    assert.ok(validReferenceDocumentUri('https://myapp.com/documents/12345'));
    assert.ok(validReferenceDocumentUri('custom-scheme://identifier'));
    assert.ok(!validReferenceDocumentUri('gid://erp-connector/SyncJob'));
    assert.ok(!validReferenceDocumentUri('no scheme here'));
  });

  it('replays a finished key with the same parameters and refuses other parameters, a running key and a failed key with their codes', () => {
    const keys = new IdempotencyKeys<string>(() => 0);
    assert.deepEqual(keys.begin('shop', 'k', 'p1'), { kind: 'run' });
    assert.equal((keys.begin('shop', 'k', 'p1') as { code?: string }).code, 'IDEMPOTENCY_CONCURRENT_REQUEST');
    keys.finish('shop', 'k', { response: 'first answer' });
    assert.deepEqual(keys.begin('shop', 'k', 'p1'), { kind: 'replay', response: 'first answer' });
    assert.equal((keys.begin('shop', 'k', 'p2') as { code?: string }).code, 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
    assert.deepEqual(keys.begin('other-shop', 'k', 'p2'), { kind: 'run' }, 'keys are scoped per shop');
    keys.begin('shop', 'failing', 'p');
    keys.finish('shop', 'failing', 'failed');
    assert.equal((keys.begin('shop', 'failing', 'p') as { code?: string }).code, 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED');
    keys.begin('shop', 'throttled', 'p');
    keys.release('shop', 'throttled');
    assert.deepEqual(keys.begin('shop', 'throttled', 'p'), { kind: 'run' }, 'a request that never ran leaves its key free');
  });

  it('forgets a key after the retention window, so it runs again', () => {
    let now = 0;
    const keys = new IdempotencyKeys<string>(() => now, 1000);
    keys.begin('shop', 'k', 'p');
    keys.finish('shop', 'k', { response: 'r' });
    now = 999;
    assert.equal(keys.begin('shop', 'k', 'p').kind, 'replay');
    now = 1000;
    assert.deepEqual(keys.begin('shop', 'k', 'other'), { kind: 'run' });
  });
});
