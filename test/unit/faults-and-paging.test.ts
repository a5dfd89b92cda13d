import assert from 'node:assert/strict';
import { FaultRuleSchema, firingFaults } from '../../emulator/faults';
import { paginate } from '../../emulator/resolvers/connection';
import { ShopifyGraphQLError } from '../../emulator/resolvers/context';

describe('emulator faults', () => {
  it('fires counted faults that many times, for the matching phase and operation only', () => {
    const rules = [FaultRuleSchema.parse({ kind: 'http5xx', count: 2, operation: 'mutation' })];
    assert.equal(firingFaults(rules, 'before', 'query').length, 0);
    assert.equal(firingFaults(rules, 'after', 'mutation').length, 0);
    assert.equal(firingFaults(rules, 'before', 'mutation').length, 1);
    assert.equal(firingFaults(rules, 'before', 'mutation').length, 1);
    assert.equal(firingFaults(rules, 'before', 'mutation').length, 0);
  });

  it('ends a response with one fault at most, so counted faults hit successive requests', () => {
    const rules = [
      FaultRuleSchema.parse({ kind: 'latency', latencyMs: 5, count: 2 }),
      FaultRuleSchema.parse({ kind: 'http5xx', count: 1 }),
      FaultRuleSchema.parse({ kind: 'http429', count: 1 }),
    ];
    assert.deepEqual(firingFaults(rules, 'before', 'query').map((r) => r.kind), ['latency', 'http5xx']);
    assert.deepEqual(firingFaults(rules, 'before', 'query').map((r) => r.kind), ['latency', 'http429']);
    assert.deepEqual(firingFaults(rules, 'before', 'query'), []);
  });

  it('fires rate faults by chance', () => {
    const rules = [FaultRuleSchema.parse({ kind: 'http429', rate: 0.5 })];
    assert.equal(firingFaults(rules, 'before', 'query', () => 0.4).length, 1);
    assert.equal(firingFaults(rules, 'before', 'query', () => 0.6).length, 0);
  });

  it('wants exactly one of rate and count', () => {
    assert.equal(FaultRuleSchema.safeParse({ kind: 'drop' }).success, false);
    assert.equal(FaultRuleSchema.safeParse({ kind: 'drop', rate: 1, count: 1 }).success, false);
  });
});

describe('emulator pagination', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ id: String(i) }));
  const key = (item: { id: string }) => item.id;

  it('walks forward with cursors and reports pageInfo', () => {
    const first = paginate(items, { first: 3 }, key);
    assert.deepEqual(first.nodes.map(key), ['0', '1', '2']);
    assert.equal(first.pageInfo.hasNextPage, true);
    const second = paginate(items, { first: 5, after: first.pageInfo.endCursor }, key);
    assert.deepEqual(second.nodes.map(key), ['3', '4', '5', '6']);
    assert.equal(second.pageInfo.hasNextPage, false);
    assert.equal(second.pageInfo.hasPreviousPage, true);
  });

  it('takes the last items and reverses', () => {
    assert.deepEqual(paginate(items, { last: 2 }, key).nodes.map(key), ['5', '6']);
    assert.deepEqual(paginate(items, { first: 2, reverse: true }, key).nodes.map(key), ['6', '5']);
  });

  it("refuses what Shopify refuses", () => {
    assert.throws(() => paginate(items, {}, key), ShopifyGraphQLError);
    assert.throws(() => paginate(items, { first: 251 }, key), /between 0 and 250/);
    assert.throws(() => paginate(items, { first: 1, after: 'garbage!' }, key), /Invalid cursor/);
  });
});
