import assert from 'node:assert/strict';
import { expressionMatcher, parseSearchExpression, printSearchExpression, withoutFields, type FieldKinds, type FieldReader } from '../../emulator/search-query';

interface Row {
  id: number;
  status: string;
  tags: string[];
  updatedAt: string;
  email: string | null;
}

const ROWS: Row[] = [
  { id: 1, status: 'open', tags: ['wholesale'], updatedAt: '2026-01-10T00:00:00Z', email: 'ada@example.com' },
  { id: 2, status: 'closed', tags: ['retail', 'vip'], updatedAt: '2026-02-10T00:00:00Z', email: null },
  { id: 3, status: 'cancelled', tags: ['Big Box'], updatedAt: '2026-03-10T00:00:00Z', email: 'bo@example.org' },
  { id: 4, status: 'open', tags: [], updatedAt: '2026-04-10T00:00:00Z', email: 'cy@example.com' },
];

const FIELDS: Record<string, FieldReader<Row>> = { id: (r) => r.id, status: (r) => r.status, tag: (r) => r.tags, updated_at: (r) => r.updatedAt, email: (r) => r.email };
const KINDS: FieldKinds = { id: 'number', updated_at: 'date' };

const ids = (query: string) => ROWS.filter(expressionMatcher(parseSearchExpression(query), FIELDS, KINDS)).map((r) => r.id);

describe('emulator search syntax (shopify.dev, "Shopify API search syntax")', () => {
  it('binds AND tighter than OR, an implied AND between terms', () => {
    assert.deepEqual(parseSearchExpression('status:open tag:vip OR id:3'), {
      kind: 'or',
      operands: [
        { kind: 'and', operands: [{ kind: 'term', term: { negated: false, field: 'status', comparator: '=', values: ['open'], quoted: false } }, { kind: 'term', term: { negated: false, field: 'tag', comparator: '=', values: ['vip'], quoted: false } }] },
        { kind: 'term', term: { negated: false, field: 'id', comparator: '=', values: ['3'], quoted: false } },
      ],
    });
    assert.deepEqual(ids('status:open tag:vip OR id:3'), [3]);
    assert.deepEqual(ids('status:open AND id:4'), [4]);
  });

  it('groups with parentheses', () => {
    assert.deepEqual(ids('(status:open OR status:closed) tag:wholesale,vip'), [1, 2]);
    assert.deepEqual(ids('status:open (tag:wholesale OR id:4)'), [1, 4]);
  });

  it('negates with NOT, a leading minus on a field and -( on a group', () => {
    assert.deepEqual(ids('NOT status:open'), [2, 3]);
    assert.deepEqual(ids('-status:open'), [2, 3]);
    assert.deepEqual(ids('-(status:open OR tag:vip)'), [3]);
    assert.deepEqual(ids('status:open -tag:wholesale'), [4]);
  });

  it('takes comma-separated values as alternatives', () => {
    assert.deepEqual(ids('status:closed,cancelled'), [2, 3]);
    assert.deepEqual(ids('-status:closed,cancelled'), [1, 4]);
  });

  it('keeps a quoted value whole, spaces included, in single or double quotes', () => {
    assert.deepEqual(ids("tag:'Big Box'"), [3]);
    assert.deepEqual(ids('tag:"big box"'), [3]);
  });

  it('compares dates and numbers with :>, :>=, :< and :<=', () => {
    assert.deepEqual(ids("updated_at:>'2026-02-10T00:00:00Z'"), [3, 4]);
    assert.deepEqual(ids("updated_at:>='2026-02-10T00:00:00Z' updated_at:<'2026-04-01'"), [2, 3]);
    assert.deepEqual(ids('id:<=2'), [1, 2]);
    assert.deepEqual(ids('id:>2 OR id:1'), [1, 3, 4]);
  });

  it('matches field:* on the records that have a value there', () => {
    assert.deepEqual(ids('email:*'), [1, 3, 4]);
    assert.deepEqual(ids('-email:*'), [2]);
  });

  it('refuses a field the emulator does not read rather than ignore it', () => {
    assert.throws(() => ids('fulfillment_status:shipped'), /does not support filtering on "fulfillment_status"/);
  });

  it('drops the terms on given fields, and prints a query that reads back as the same tree', () => {
    const unknown = new Set(['updated_att']);
    const expression = parseSearchExpression("updated_att:>'2024-01-01' (status:open OR -tag:\"Big Box\") NOT email:*");
    const pruned = withoutFields(expression, unknown);
    const printed = printSearchExpression(pruned) as string;
    assert.equal(printed, "(status:open OR -tag:'Big Box') AND NOT (email:*)");
    assert.deepEqual(parseSearchExpression(printed), pruned);
    assert.equal(printSearchExpression(withoutFields(parseSearchExpression('updated_att:>1 OR updated_att:<0'), unknown)), null, 'nothing left: no filter');
    assert.deepEqual(ids(printed), [2]);
  });
});
