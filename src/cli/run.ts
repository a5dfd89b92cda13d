import { parseArgs } from 'node:util';
import type { ShopSyncClient, TaskRun } from '../client';
import { isTaskKey, TASK_KEYS, TASKS } from '../domain/tasks';
import { describeProgress } from '../workflows/progress';
import { parseJsonObject, requirePositional, UsageError } from './args';

export const RUN_HELP = `Usage: shopsync run <task> --shop <domain> [--wait] [--filters JSON] [--options JSON]

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
  const task = requirePositional(positionals, 0, 'task', 'shopsync run <task> --shop <domain>');
  if (!isTaskKey(task)) throw new UsageError(`unknown task "${task}"; tasks: ${TASK_KEYS.join(', ')}`);
  if (!values.shop) throw new UsageError('missing --shop <domain>');
  const run = await client.runTask({
    shop: values.shop,
    task,
    wait: values.wait,
    onProgress: values.json ? undefined : (progress) => out(`  … ${describeProgress(progress)}`),
    filters: parseJsonObject(values.filters, '--filters'),
    options: parseJsonObject(values.options, '--options'),
  });
  if (values.json) return out(JSON.stringify(run, null, 2));
  printRun(run, task, values.shop, out);
}

/** What every command that starts a run prints: started or joined, where to follow it, the result when it waited. */
export function printRun(run: TaskRun, task: string, shop: string, out: (line: string) => void): void {
  out(`${run.joined ? 'Joined' : 'Started'} ${task} for ${shop}: workflow ${run.workflowId} (run ${run.runId})`);
  if (!('result' in run)) out(`Running in the background. Follow it with: shopsync runs show ${run.workflowId}`);
  if (run.webUiUrl) out(`Web UI: ${run.webUiUrl}`);
  if ('result' in run) out(`Result: ${JSON.stringify(run.result)}`);
}
