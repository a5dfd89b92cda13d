import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { buildWorkflowBundle } from '../../src/temporal/workflow-bundle';
import { testBundle } from '../support/stack';

const HISTORIES = join(__dirname, 'histories');

interface CapturedHistory {
  file: string;
  workflowId: string;
  /** As `temporal workflow show --output json` prints it. */
  history: { events: Array<Record<string, unknown>> };
}

function capturedHistories(): CapturedHistory[] {
  return readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as Omit<CapturedHistory, 'file'>) }));
}

const workflowTypeOf = (captured: CapturedHistory): string =>
  (captured.history.events[0]?.workflowExecutionStartedEventAttributes as { workflowType?: { name?: string } } | undefined)?.workflowType?.name ?? '?';
const lastEventOf = (captured: CapturedHistory): string =>
  Object.keys(captured.history.events.at(-1) ?? {}).find((key) => key.endsWith('EventAttributes'))?.replace(/EventAttributes$/, '') ?? '?';

async function replay(histories: CapturedHistory[], workflowBundle: { code: string }): Promise<Array<{ file: string; error?: Error }>> {
  const results: Array<{ file: string; error?: Error }> = [];
  for (const history of histories) {
    // One at a time: a workflow id may have several captured runs (continue-as-new).
    for await (const result of Worker.runReplayHistories({ workflowBundle }, [{ workflowId: history.workflowId, history: history.history }])) {
      results.push({ file: history.file, error: result.error });
    }
  }
  return results;
}

/**
 * Live workflows (every shop's lock runs for ever) must replay on new code. These histories were
 * captured by `npm run capture-histories`; a change in a workflow's commands fails here until it goes
 * behind `patched()`.
 */
describe('replay of captured histories', () => {
  const histories = capturedHistories();

  it('holds histories of every workflow type, and of the continue-as-new, lease-loss and cancellation paths', () => {
    const types = new Set(histories.map(workflowTypeOf));
    for (const type of ['shopLock', 'refreshShopInfo', 'syncOrders', 'createSalesDocuments', 'postSalesDocuments', 'postSalesInvoices', 'postCreditMemos', 'syncShipments', 'syncPayments', 'applyWebhooks', 'debounceOrderSyncs', 'lockProbe', 'forgetfulHolder']) {
      assert.ok(types.has(type), `a history of ${type}`);
    }
    const endings = (type: string) => new Set(histories.filter((h) => workflowTypeOf(h) === type).map(lastEventOf));
    assert.ok(endings('shopLock').has('workflowExecutionContinuedAsNew'), 'a lock that continued as new');
    assert.ok(endings('syncOrders').has('workflowExecutionContinuedAsNew'), 'an order import that continued as new');
    assert.ok(endings('lockProbe').has('workflowExecutionContinuedAsNew'), 'a holder that continued as new');
    assert.ok(endings('lockProbe').has('workflowExecutionFailed'), 'a run that lost its lease');
    assert.ok(endings('lockProbe').has('workflowExecutionCanceled'), 'a cancelled run');
  });

  it('replays every captured history against the current workflow code', async () => {
    const results = await replay(histories, await testBundle());
    assert.equal(results.length, histories.length);
    assert.deepEqual(results.filter((r) => r.error).map((r) => `${r.file}: ${r.error?.message}`), []);
  });

  it('fails the replay of a lock whose code changed the order of its commands', async () => {
    const locks = histories.filter((h) => workflowTypeOf(h) === 'shopLock');
    const altered = await buildWorkflowBundle(require.resolve('./altered-workflows'));
    const results = await replay(locks, altered);
    assert.ok(results.length > 0);
    for (const result of results) assert.match(result.error?.message ?? 'replayed without error', /nondetermin/i, result.file);
  });
});
