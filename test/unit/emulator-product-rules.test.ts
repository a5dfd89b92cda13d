import assert from 'node:assert/strict';
import { MUTATION_COSTS } from '../../emulator/cost';
import { handleFrom, resolveSelection, uniqueHandle, variantTitle } from '../../emulator/products-store';
import { expressionMatcher, parseSearchExpression } from '../../emulator/search-query';

describe('emulator product rules', () => {
  it('derives handles from titles and numbers a taken one', () => {
    assert.equal(handleFrom('Black Sunglasses'), 'black-sunglasses');
    assert.equal(handleFrom('  Café  Crème! '), 'cafe-creme');
    const taken = new Set(['mug', 'mug-1']);
    assert.equal(uniqueHandle('mug', (h) => taken.has(h)), 'mug-2');
    assert.equal(uniqueHandle('plate', (h) => taken.has(h)), 'plate');
  });

  it('resolves a variant option values in the options order, refusing unknown, missing and surplus ones', () => {
    const options = [
      { id: 1, name: 'Size', position: 1, values: [{ id: 11, name: 'S' }] },
      { id: 2, name: 'Color', position: 2, values: [{ id: 21, name: 'Red' }] },
    ];
    const resolved = resolveSelection(options, [{ optionName: 'color', name: 'red' }, { optionId: 'gid://shopify/ProductOption/1', id: 'gid://shopify/ProductOptionValue/11' }], false);
    assert.deepEqual(resolved, { selected: [{ name: 'Size', value: 'S' }, { name: 'Color', value: 'Red' }] });
    assert.equal(variantTitle((resolved as { selected: Array<{ name: string; value: string }> }).selected), 'S / Red');
    const problem = (refs: Array<Record<string, string>>, allowNew = false) => {
      const result = resolveSelection(options, refs, allowNew);
      return 'problem' in result ? result.problem : 'ok';
    };
    assert.equal(problem([{ optionName: 'Size', name: 'M' }, { optionName: 'Color', name: 'Red' }]), 'UNKNOWN_VALUE');
    assert.equal(problem([{ optionName: 'Size', name: 'M' }, { optionName: 'Color', name: 'Red' }], true), 'ok');
    assert.equal(problem([{ optionName: 'Size', name: 'S' }]), 'MISSING_OPTION');
    assert.equal(problem([{ optionName: 'Material', name: 'Wool' }, { optionName: 'Size', name: 'S' }]), 'UNKNOWN_OPTION');
    assert.equal(problem([{ optionName: 'Size', name: 'S' }, { optionName: 'Color', name: 'Red' }, { optionName: 'X', name: 'Y' }]), 'TOO_MANY_OPTIONS');
  });

  it('reads the search grammar with AND binding tighter than OR, NOT and - as negation, and parentheses', () => {
    const records = [
      { id: 1, status: 'active', sku: ['A'] },
      { id: 2, status: 'draft', sku: ['B'] },
      { id: 3, status: 'archived', sku: ['C'] },
    ];
    const ids = (query: string) =>
      records.filter(expressionMatcher(parseSearchExpression(query), { id: (r) => r.id, status: (r) => r.status, sku: (r) => r.sku }, { id: 'number' })).map((r) => r.id);
    assert.deepEqual(ids('sku:A OR sku:B status:draft'), [1, 2]);
    assert.deepEqual(ids('(sku:A OR sku:B) AND status:draft'), [2]);
    assert.deepEqual(ids('NOT status:draft'), [1, 3]);
    assert.deepEqual(ids('-(sku:A OR sku:C)'), [2]);
    assert.deepEqual(ids('status:active,archived id:>1'), [3]);
    assert.deepEqual(ids('sku:b*'), [2]);
    assert.throws(() => ids('(sku:A'), /Invalid search query/);
    assert.throws(() => ids('vendor:x'), /does not support filtering on "vendor"/);
  });

  it('prices productSet at 10 + 0.2 per variant + 0.6 per variant file + 0.4 per metafield + 1.9 per product file, rounded', () => {
    const productSet = MUTATION_COSTS.productSet as (args: Record<string, unknown>) => number;
    assert.equal(productSet({ input: { variants: [{}] } }), 10);
    assert.equal(productSet({ input: { variants: Array.from({ length: 20 }, () => ({})), metafields: [1, 2, 3, 4, 5] } }), 16);
    assert.equal(productSet({ input: { variants: Array.from({ length: 200 }, () => ({})), files: Array.from({ length: 10 }, () => ({})), metafields: Array.from({ length: 20 }, () => ({})) } }), 77);
    assert.equal(productSet({ input: { variants: [{ file: {}, metafields: [{}, {}] }] } }), 12);
  });
});
