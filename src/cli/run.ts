import { parseArgs } from 'node:util';
import type { RunTaskRequest, ShopSyncClient, TaskRun } from '../client';
import { isTaskKey, TASK_KEYS, TASKS } from '../domain/tasks';
import { describeProgress } from '../workflows/progress';
import { parseJsonObject, requirePositional, SHOP, shopOf, UsageError } from './args';

const RUN_USAGE = `shopsync run <task> ${SHOP} [--wait] [--filters JSON] [--options JSON] [--json]`;

export const RUN_HELP = `Usage: ${RUN_USAGE}

Starts a task for a shop. When the shop allows background syncs the command returns at once with
the workflow id and Web UI link; otherwise (or with --wait) it waits and prints the result.
A second run of the same task while one is going joins it.

Tasks:
${TASK_KEYS.map((key) => `  ${key.padEnd(20)} ${TASKS[key].description}`).join('\n')}`;

export async function runCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      wait: { type: 'boolean', default: false },
      filters: { type: 'string' },
      options: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) return out(RUN_HELP);
  const task = requirePositional(positionals, 0, 'task', RUN_USAGE);
  if (!isTaskKey(task)) throw new UsageError(`unknown task "${task}"; tasks: ${TASK_KEYS.join(', ')}`);
  const shop = shopOf(values.shop, positionals, 1, RUN_USAGE);
  const report = runReport(task, shop, values.json, out);
  const run = await client.runTask({
    shop,
    task,
    wait: values.wait,
    onProgress: report.onProgress,
    filters: parseJsonObject(values.filters, '--filters'),
    options: parseJsonObject(values.options, '--options'),
  });
  report.done(run);
}

/**
 * How a command that starts a run reports it: progress lines and printRun, or with --json the run
 * alone (no progress lines), so that its output parses.
 */
export function runReport(task: string, shop: string, json: boolean, out: (line: string) => void): { onProgress?: RunTaskRequest['onProgress']; done: (run: TaskRun) => void } {
  if (json) return { onProgress: undefined, done: (run) => out(JSON.stringify(run, null, 2)) };
  return { onProgress: (progress) => out(`  … ${describeProgress(progress)}`), done: (run) => printRun(run, task, shop, out) };
}

/** What every command that starts a run prints: started or joined, where to follow it, the result when it waited. */
export function printRun(run: TaskRun, task: string, shop: string, out: (line: string) => void): void {
  out(`${run.joined ? 'Joined' : 'Started'} ${task} for ${shop}: workflow ${run.workflowId} (run ${run.runId})`);
  if (!('result' in run)) out(`Running in the background. Follow it with: shopsync runs show ${run.workflowId}`);
  if (run.webUiUrl) out(`Web UI: ${run.webUiUrl}`);
  if ('result' in run) out(`Result: ${JSON.stringify(run.result)}`);
}
