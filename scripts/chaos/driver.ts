import { WorkflowFailedError } from '@temporalio/client';
import type { EmulatedShop } from '../../emulator/state';
import type { ShopSyncClient } from '../../src/client';
import type { TaskKey } from '../../src/domain/tasks';
import type { Erp } from '../../src/erp/db';
import type { Digest } from './digest';
import { describe, persist } from './persist';
import type { Feed } from './seed';
import { FEED_STEPS } from './shop-plan';

/**
 * Runs the shop's tasks the way its schedules would, in rounds: each round starts every task in the
 * background (they queue at the shop's lock in this order) and waits for all of them. New orders and
 * changes arrive before rounds 2 to 5. The run is done when everything has arrived, no work is left
 * open, two rounds in a row changed nothing (same digest, no failed run), and the chaos planned for the
 * run has all happened.
 */
export const ROUND_TASKS: TaskKey[] = ['products', 'customers', 'orders', 'salesDocuments', 'postSalesDocuments', 'postSalesInvoices', 'shipments', 'inventory', 'payments'];

/** Waiting for a run is given up after this long without an answer from Temporal (a run itself may take hours). */
const RUN_WAIT_MS = 6 * 3600_000;

export interface OpenWork {
  /** Orders in Shopify the ERP has not mirrored. */
  notImported: number;
  unprocessedOrders: number;
  unpostedDocuments: number;
  unsentShipments: number;
  /** Shipments Shopify refused: they wait for a user, so they do not keep the run going. */
  shipmentErrors: number;
}

export function openTotal(open: OpenWork): number {
  return open.notImported + open.unprocessedOrders + open.unpostedDocuments + open.unsentShipments;
}

export async function openWork(erp: Erp, shop: EmulatedShop): Promise<OpenWork> {
  const count = (collection: string, filter: Record<string, unknown>) => erp.db.collection(collection).countDocuments({ shop: shop.domain, ...filter });
  return {
    notImported: shop.orders.length - (await count('shopifyOrders', {})),
    unprocessedOrders: await count('shopifyOrders', { processed: false }),
    unpostedDocuments: await count('salesDocuments', { status: { $ne: 'posted' } }),
    unsentShipments: await count('salesShipments', { 'fulfillment.state': { $in: ['unprocessed', 'waiting'] } }),
    shipmentErrors: await count('salesShipments', { 'fulfillment.state': 'error' }),
  };
}

export interface DriveDeps {
  client: ShopSyncClient;
  shop: string;
  feed: Feed;
  digest: () => Promise<Digest>;
  openWork: () => Promise<OpenWork>;
  /** Whether every chaos event planned for the run has happened (always, for the clean run). */
  chaosDone: () => boolean;
  maxRounds: number;
  log: (line: string) => void;
}

export interface FailedRun {
  round: number;
  task: TaskKey;
  message: string;
}

export interface DriveResult {
  rounds: number;
  seconds: number;
  /** Until the first round after which everything had arrived and no work was open. */
  workSeconds: number;
  settled: boolean;
  runs: number;
  failedRuns: FailedRun[];
  open: OpenWork;
  digest: Digest;
}

export async function drive(deps: DriveDeps): Promise<DriveResult> {
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const failedRuns: FailedRun[] = [];
  let previous: string | undefined;
  let quiet = 0;
  let runs = 0;
  let workSeconds: number | undefined;
  for (let round = 1; ; round += 1) {
    const step = round - 1;
    if (step >= 1 && step <= FEED_STEPS) await deps.feed.step(step);
    const failed = await runRound(deps, round);
    runs += ROUND_TASKS.length;
    failedRuns.push(...failed);
    const open = await persist('counting open work', deps.openWork);
    const digest = await persist('taking the digest', deps.digest);
    const fed = step >= FEED_STEPS;
    const total = openTotal(open);
    if (fed && total === 0) workSeconds ??= elapsed();
    quiet = digest.hash === previous && failed.length === 0 ? quiet + 1 : 0;
    previous = digest.hash;
    deps.log(`round ${round} done at ${elapsed().toFixed(1)} s: open ${JSON.stringify(open)}${failed.length ? `, ${failed.length} failed runs` : ''}${quiet ? `, quiet (${quiet})` : ''}`);
    const settled = fed && total === 0 && quiet >= 2 && deps.chaosDone();
    if (settled || round >= deps.maxRounds) {
      return { rounds: round, seconds: elapsed(), workSeconds: workSeconds ?? elapsed(), settled, runs, failedRuns, open, digest };
    }
  }
}

/** Starts every task of the round in the background, in order, then waits for each; answers the runs that failed. */
async function runRound(deps: DriveDeps, round: number): Promise<FailedRun[]> {
  const started = [];
  for (const task of ROUND_TASKS) {
    // Started again after a lost answer, the same run is joined (the client's run ids are per shop and task).
    const run = await persist(`starting ${task}`, () => deps.client.runTask({ shop: deps.shop, task, background: true }));
    started.push({ task, run });
  }
  const failed: FailedRun[] = [];
  for (const { task, run } of started) {
    const message = await persist(`waiting for ${task}`, async () => {
      try {
        await deps.client.temporal.workflow.getHandle(run.workflowId, run.runId).result();
        return undefined;
      } catch (error) {
        if (error instanceof WorkflowFailedError) return describe(error.cause ?? error);
        throw error; // Temporal unreachable (restarting): ask again
      }
    }, { timeoutMs: RUN_WAIT_MS });
    if (message !== undefined) {
      failed.push({ round, task, message });
      deps.log(`round ${round}: ${task} failed: ${message}`);
    }
  }
  return failed;
}
