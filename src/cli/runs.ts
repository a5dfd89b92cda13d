import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { DEFAULT_LOCK_GROUP } from '../domain/tasks';
import { requirePositional, SHOP, shopOf, UsageError } from './args';
import { describeHolder } from '../domain/shop-lock';
import { describeProgress } from '../workflows/progress';

const LOCK_USAGE = `shopsync lock ${SHOP} [--group G] [--json]`;
const LOCK_BREAK_USAGE = `shopsync lock break ${SHOP} [--group G] [--reason TEXT] [--json]`;

export const RUNS_HELP = `Usage: shopsync runs <command>

  show <workflowId> [--run-id R] [--json]   state, progress, result or failure of a run
  cancel <workflowId> [--run-id R] [--json] stop a run; it releases its shop lock on the way out

Usage: ${LOCK_USAGE}
  who holds the shop's lock (with its fencing token) and who waits for it

Usage: ${LOCK_BREAK_USAGE}
  take the lease away from the run holding the lock (last resort: it fails with ShopLockLost and
  its activities write nothing more; the next run in line gets the lock)`;

export async function runsCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'run-id': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || !command) return out(RUNS_HELP);
  const workflowId = requirePositional(positionals, 0, 'workflow id', `shopsync runs ${command} <workflowId>`);
  if (command === 'cancel') {
    await client.cancelRun(workflowId, values['run-id']);
    if (values.json) return out(JSON.stringify({ workflowId, runId: values['run-id'] ?? null, cancellationRequested: true }, null, 2));
    return out(`Cancellation requested for ${workflowId}`);
  }
  if (command !== 'show') throw new UsageError(`unknown command "runs ${command}". See: shopsync runs --help`);
  const run = await client.getRun(workflowId, values['run-id']);
  if (!run) throw new UsageError(`no run ${workflowId}`);
  if (values.json) return out(JSON.stringify(run, null, 2));
  out(`${run.workflowId} (run ${run.runId}): ${run.workflowType} ${run.status}`);
  if (run.shop) out(`  shop: ${run.shop}${run.task ? `, task ${run.task}` : ''}`);
  out(`  started ${run.startedAt.toISOString()}${run.closedAt ? `, closed ${run.closedAt.toISOString()}` : ''}`);
  if (run.progress) out(`  progress: ${describeProgress(run.progress)}`);
  if (run.result !== undefined) out(`  result: ${JSON.stringify(run.result)}`);
  if (run.failure) out(`  failure: ${run.failure}`);
  if (run.webUiUrl) out(`  ${run.webUiUrl}`);
}

export async function lockCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { shop: { type: 'string' }, group: { type: 'string', default: DEFAULT_LOCK_GROUP }, json: { type: 'boolean', default: false }, reason: { type: 'string' } },
  });
  if (positionals[0] === 'break') {
    const shop = shopOf(values.shop, positionals, 1, LOCK_BREAK_USAGE);
    const broken = await client.breakLock(shop, values.group, values.reason);
    if (values.json) return out(JSON.stringify(broken, null, 2));
    if (!broken.holder) return out(`${broken.lockId} is free: nothing to break.`);
    return out(`Took ${broken.lockId} away from ${describeHolder(broken.holder)}: it writes nothing more; the next run in line gets the lock.`);
  }
  const shop = shopOf(values.shop, positionals, 0, LOCK_USAGE);
  const state = await client.lockState(shop, values.group);
  if (values.json) return out(JSON.stringify(state ?? null, null, 2));
  if (!state) return out(`No task has asked for the ${values.group} lock of ${shop} yet.`);
  out(`${state.lockId}: ${state.holder ? `held by ${describeHolder(state.holder)}` : 'free'}`);
  state.queue.forEach((request, index) => out(`  ${index + 1}. ${request.task} ${request.workflowId} waiting since ${new Date(request.requestedAt).toISOString()}`));
  const c = state.counters;
  out(`  grants ${c.grants}, released ${c.released}, holders closed ${c.holdersClosed}, broken ${c.broken}, skipped requesters ${c.skippedRequesters}`);
}
