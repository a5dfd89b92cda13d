import assert from 'node:assert/strict';
import { z } from 'zod';
import { describeInputIssues, taskInputSchema } from '../../src/domain/task-input';
import { NoFilters, NoOptions } from '../../src/domain/tasks';

describe('task input', () => {
  const schema = taskInputSchema(z.object({ financialStatus: z.enum(['PAID', 'PENDING']) }).strict(), NoOptions);

  it('accepts the plain JSON the Temporal CLI sends', () => {
    assert.deepEqual(schema.parse({ shop: 'a.myshopify.com', filters: { financialStatus: 'PAID' } }), {
      shop: 'a.myshopify.com',
      filters: { financialStatus: 'PAID' },
    });
  });

  it('names each bad field, unknown filters included', () => {
    const result = schema.safeParse({ shop: 'A', filters: { financialStatus: 'SOMETIMES', colour: 'red' } });
    assert.equal(result.success, false);
    const message = describeInputIssues(result.error as z.ZodError);
    assert.match(message, /shop: must be a shop domain/);
    assert.match(message, /filters\.financialStatus:/);
    assert.match(message, /filters\.colour: is not accepted here/);
  });

  it('rejects filters on a task that takes none', () => {
    const result = taskInputSchema(NoFilters, NoOptions).safeParse({ shop: 'a.myshopify.com', filters: { x: 1 } });
    assert.equal(result.success, false);
    assert.match(describeInputIssues(result.error as z.ZodError), /filters\.x: is not accepted here/);
  });
});
