import type { TaskRunContext } from './run-task';

/**
 * The shape of the master-data tasks that go both ways (customers, companies): import the pages of
 * what changed in Shopify, move the cursor once every page is stored, then send the linked records
 * that changed in the ERP. The state is the run's own and survives continue-as-new.
 */
export interface TwoWayState<I, E> {
  plan: { import: { query: string; incremental: boolean; cursorKey: string; runStart: string; onlyKnown: boolean } | null; export: boolean; notes: string[] };
  after: string | null;
  importDone: boolean;
  exportAfterKey: string | null;
  exportDone: boolean;
  totals: { imported: I; exported: E; notes: string[] };
}

export interface TwoWaySteps<I, E> {
  noun: string;
  importPages(step: { shop: string; query: string; onlyKnown: boolean; after: string | null; maxMillis: number }): Promise<I & { after: string | null; done: boolean }>;
  advanceCursor(input: { shop: string; cursorKey: string; cursor: string }): Promise<void>;
  pushChanges(step: { shop: string; afterKey: string | null; maxMillis: number }): Promise<E & { afterKey: string | null; done: boolean }>;
}

type Counts = { fetched: number; unmapped: number };
type ExportCounts = { linked: number; sent: number; failed: number };

const STEP_MILLIS = 60_000;

/** Adds a step's counters to the run's (the step's other fields, its cursor, are not counters). */
function addCounts(totals: object, step: object): void {
  const sums = totals as Record<string, number>;
  const adds = step as Record<string, unknown>;
  for (const key of Object.keys(sums)) sums[key] = (sums[key] ?? 0) + (typeof adds[key] === 'number' ? adds[key] : 0);
}

/** Runs both directions; 'continue' when the history is long enough to hand over. */
export async function importThenExport<I extends Counts, E extends ExportCounts>(run: TaskRunContext<{ shop: string }, TwoWayState<I, E>>, state: TwoWayState<I, E>, steps: TwoWaySteps<I, E>): Promise<'done' | 'continue'> {
  const { shop } = run.input;
  const { plan, totals } = state;
  const importPlan = plan.import;
  while (importPlan && !state.importDone) {
    if (run.shouldContinueAsNew()) return 'continue';
    const step = await steps.importPages({ shop, query: importPlan.query, onlyKnown: importPlan.onlyKnown, after: state.after, maxMillis: STEP_MILLIS });
    addCounts(totals.imported, step);
    state.after = step.after;
    run.report({ counters: { read: totals.imported.fetched, unmapped: totals.imported.unmapped }, message: `${totals.imported.fetched} ${steps.noun} read` });
    if (step.done) {
      if (importPlan.incremental) await steps.advanceCursor({ shop, cursorKey: importPlan.cursorKey, cursor: importPlan.runStart });
      state.importDone = true;
    }
  }
  while (plan.export && !state.exportDone) {
    if (run.shouldContinueAsNew()) return 'continue';
    const step = await steps.pushChanges({ shop, afterKey: state.exportAfterKey, maxMillis: STEP_MILLIS });
    addCounts(totals.exported, step);
    state.exportAfterKey = step.afterKey;
    state.exportDone = step.done;
    run.report({ counters: { sent: totals.exported.sent, failed: totals.exported.failed }, message: `${totals.exported.linked} linked ${steps.noun} compared` });
  }
  return 'done';
}

/** A first run's state: nothing read, nothing sent. */
export function freshTwoWayState<I, E>(plan: TwoWayState<I, E>['plan'], imported: I, exported: E): TwoWayState<I, E> {
  return { plan, after: null, importDone: false, exportAfterKey: null, exportDone: false, totals: { imported, exported, notes: plan.notes } };
}
