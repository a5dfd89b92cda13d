import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { InventoryActivities, InventoryCounts, InventoryPhase, InventoryPlan } from '../activities/inventory-sync';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { waitForBulkOperation } from './bulk-wait';
import { runTask } from './run-task';

const { planInventorySync, startInventoryLevelsQuery, advanceInventoryCursor } = proxyActivities<InventoryActivities>(SHORT_ACTIVITY);
const { pushInventory, applyInventoryLevels } = proxyActivities<InventoryActivities>(BATCH_ACTIVITY);

const STEP_MILLIS = 60_000;

export interface SyncInventoryResult extends InventoryCounts {
  /** Levels read from Shopify by a full compare. */
  levelsRead: number;
  note?: string;
}

interface InventoryRunState {
  plan: InventoryPlan;
  levelsQuery?: { operationId: string; applied: boolean };
  phases: InventoryPhase[];
  after: string | null;
  cursorMoved: boolean;
  totals: SyncInventoryResult;
}

const COUNTS = ['variants', 'quantitiesSet', 'skipped', 'staleRetries', 'activated', 'requests'] as const;

/**
 * ERP → Shopify stock (the connector's report 30102), changed-only: variants linked since the last
 * push (or refused then), then those whose ERP stock changed since; nothing is read from Shopify first. With
 * `options.full`, one bulk query reads every level first, and what drifted in Shopify is repaired.
 */
export async function syncInventory(input: unknown): Promise<SyncInventoryResult> {
  return runTask<typeof TASKS.inventory.input, SyncInventoryResult, InventoryRunState>('inventory', TASKS.inventory.input, input, async (run) => {
    const { shop, filters = {}, options = {} } = run.input;
    const state: InventoryRunState = run.resumed ?? (await (async () => {
      const plan = await planInventorySync({ shop, filters, options });
      // The first run (no stock change number yet) compares every linked variant once instead of walking every change ever made.
      const phases: InventoryPhase[] = plan.kind === 'push' && !plan.full && !plan.scoped && plan.fromSeq > 0 ? ['pending', 'changed'] : ['all'];
      return { plan, phases, after: null, cursorMoved: false, totals: { variants: 0, quantitiesSet: 0, skipped: 0, staleRetries: 0, activated: 0, requests: 0, levelsRead: 0 } };
    })());
    const { plan, totals } = state;
    if (plan.kind === 'none') return { result: { ...totals, note: plan.reason }, recordErrors: 0 };
    if (plan.full && !state.levelsQuery?.applied) {
      state.levelsQuery ??= { operationId: await startInventoryLevelsQuery({ shop }), applied: false };
      const finished = await waitForBulkOperation(run, shop, state.levelsQuery.operationId, 'inventory levels');
      if (finished === 'continue') return run.continueAsNew(state);
      totals.levelsRead = (await applyInventoryLevels({ shop, state: finished })).levels;
      state.levelsQuery.applied = true;
    }
    const runKey = `${workflowInfo().workflowId}/${workflowInfo().firstExecutionRunId}`;
    while (state.phases.length) {
      const phase = state.phases[0] as InventoryPhase;
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const step = await pushInventory({ shop, runKey, plan, phase, filters, after: state.after, maxMillis: STEP_MILLIS });
      for (const key of COUNTS) totals[key] += step[key];
      state.after = step.after;
      if (step.done) {
        state.phases.shift();
        state.after = null;
      }
      run.report({ counters: { variants: totals.variants, quantitiesSet: totals.quantitiesSet, skipped: totals.skipped }, message: `${phase}: ${totals.variants} variants, ${totals.quantitiesSet} quantities set` });
    }
    if (!plan.scoped && !state.cursorMoved) {
      await advanceInventoryCursor({ shop, cursorKey: plan.cursorKey, toSeq: plan.toSeq });
      state.cursorMoved = true;
    }
    return { result: totals, recordErrors: totals.skipped };
  });
}
