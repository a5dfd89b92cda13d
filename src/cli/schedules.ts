import { parseArgs } from 'node:util';
import type { ShopSyncClient } from '../client';
import { isTaskKey, TASK_KEYS, type TaskKey } from '../domain/tasks';
import { SHOP, shopOf, UsageError } from './args';

const USAGE = `shopsync schedules <command> ${SHOP} [--task <task>] [--json]`;

export const SCHEDULES_HELP = `Usage: ${USAGE}

  list      [--json]                 the shop's schedules: state, next and last runs, runs going now,
                                     runs skipped because the previous one was still going
  apply     [--json]                 make the schedules match the shop's settings (idempotent)
  pause     --task T [--note N]      put a schedule on hold
  unpause   --task T [--note N]      take it off hold
  trigger   --task T                 run it now (skipped if a run is still going)
  backfill  --task T --start ISO --end ISO
                                     run what the schedule would have run in that period

For example: shopsync schedules list demo-store.myshopify.com, or
             shopsync schedules pause --shop demo-store.myshopify.com --task orders --note "stock count"
pause, unpause, trigger and backfill print {"scheduleId", "action", ...} with --json.

Schedules come from the shop's "schedules" setting (shopsync shops update <domain> --set 'schedules={...}');
their ids are sched:<shop>:<task>, so the plain Temporal CLI works on them too.`;

const COMMANDS = ['list', 'apply', 'pause', 'unpause', 'trigger', 'backfill'];

function dateOption(value: string | undefined, flag: string): Date {
  const date = value ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be an ISO date-time, such as 2026-11-01T00:00:00Z`);
  return date;
}

export async function schedulesCommand(client: ShopSyncClient, argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      task: { type: 'string' },
      note: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !command || command === 'help') return out(SCHEDULES_HELP);
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "schedules ${command}". See: shopsync schedules --help`);
  const shop = shopOf(values.shop, positionals, 0, USAGE);
  const task = (): TaskKey => {
    if (!values.task) throw new UsageError('missing --task <task>');
    if (!isTaskKey(values.task)) throw new UsageError(`unknown task "${values.task}"; tasks: ${TASK_KEYS.join(', ')}`);
    return values.task;
  };
  /** What an action on one schedule prints: its line, or with --json the schedule id and what was done. */
  const done = (action: Record<string, unknown>, line: string): void => out(values.json ? JSON.stringify({ scheduleId: `sched:${shop}:${values.task}`, ...action }, null, 2) : line);
  switch (command) {
    case 'list': {
      const schedules = await client.schedules.list(shop);
      if (values.json) return out(JSON.stringify(schedules, null, 2));
      if (schedules.length === 0) return out(`${shop} has no schedules`);
      for (const s of schedules) {
        out(
          `${s.scheduleId}  ${s.paused ? `ON HOLD (${s.note ?? ''})` : 'active'}  next ${s.nextRunAt?.toISOString() ?? '-'}  last ${s.lastRunAt?.toISOString() ?? '-'}  ` +
            `running ${s.running.length}  skipped (still running) ${s.skippedOverlapping}  runs ${s.actionsTaken}`,
        );
        for (const run of s.running) out(`  running: ${run.workflowId}`);
      }
      return;
    }
    case 'apply': {
      const report = await client.applySchedules(shop);
      if (values.json) return out(JSON.stringify(report, null, 2));
      return out(`created ${report.created.length}, updated ${report.updated.length}, deleted ${report.deleted.length}, unchanged ${report.unchanged.length}`);
    }
    case 'pause':
      await client.schedules.pause(shop, task(), values.note);
      return done({ action: 'paused', note: values.note ?? null }, `On hold: sched:${shop}:${values.task}`);
    case 'unpause':
      await client.schedules.unpause(shop, task(), values.note);
      return done({ action: 'unpaused', note: values.note ?? null }, `Resumed: sched:${shop}:${values.task}`);
    case 'trigger':
      await client.schedules.trigger(shop, task());
      return done({ action: 'triggered' }, `Triggered sched:${shop}:${values.task} (skipped if a run is still going)`);
    case 'backfill': {
      const chosen = task();
      const start = dateOption(values.start, '--start');
      const end = dateOption(values.end, '--end');
      await client.schedules.backfill(shop, chosen, start, end);
      return done({ action: 'backfilling', start, end }, `Backfilling sched:${shop}:${chosen} from ${values.start} to ${values.end}`);
    }
    default:
      throw new UsageError(`unknown command "schedules ${command}". See: shopsync schedules --help`);
  }
}
