import { z } from 'zod';
import { durationMs, isCronExpression } from './durations';

/** Temporal refuses catch-up windows under 10 seconds. */
const MIN_MS = 10_000;

const duration = (what: string) =>
  z.string().refine((text) => (durationMs(text) ?? 0) >= MIN_MS, `${what} must be a duration of at least 10s, such as "30s", "15m", "1h"`);

/**
 * A task's recurrence (the connector's recurring job queue entry): a cron expression or an interval,
 * a catch-up window (short by default: a missed run is not worth many late ones), and the filters
 * and options the scheduled runs get.
 */
export const ScheduleSettingSchema = z
  .object({
    enabled: z.boolean().default(true),
    cron: z.string().refine(isCronExpression, 'must be a five-field cron expression such as "*/15 * * * *"').optional(),
    every: duration('every').optional(),
    catchupWindow: duration('catchupWindow').default('1m'),
    filters: z.record(z.string(), z.unknown()).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((setting) => (setting.cron === undefined) !== (setting.every === undefined), {
    message: 'give exactly one of cron or every',
  });

export type ScheduleSetting = z.infer<typeof ScheduleSettingSchema>;
