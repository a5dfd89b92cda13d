import { z } from 'zod';
import { ShopDomainSchema } from './shop-domain';

/** How a run was started; shown as the SyncTrigger search attribute. */
export const TRIGGERS = ['manual', 'schedule', 'cron', 'auto', 'webhook'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/**
 * What a run that continues as new hands to the next: its lease (the new run holds the lock without
 * asking again) and its place in the work. Written by the engine, not by people.
 */
export const ContinuedSchema = z
  .object({
    lockId: z.string().min(1),
    token: z.number().int().positive(),
    continuations: z.number().int().min(1),
    state: z.unknown(),
  })
  .strict();
export type Continued = z.infer<typeof ContinuedSchema>;

/**
 * Every task's input is plain JSON, `{ shop, filters, options }`, so the Temporal CLI can start it:
 * temporal workflow start --type refreshShopInfo --task-queue shopify-sync --input '{"shop":"x.myshopify.com"}'
 */
export function taskInputSchema<F extends z.ZodType, O extends z.ZodType>(filters: F, options: O) {
  return z
    .object({
      shop: ShopDomainSchema,
      filters: filters.optional(),
      options: options.optional(),
      trigger: z.enum(TRIGGERS).optional(),
      continued: ContinuedSchema.optional(),
    })
    .strict();
}

/**
 * An issue's message in the words of the field: a required part left out "is required" (zod says
 * "expected nonoptional"), a bad key of a record says what a key must be (zod says "Invalid key in record").
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'nonoptional') return 'is required';
  if (issue.code === 'invalid_key') return issue.issues.map((inner) => inner.message).join('; ') || issue.message;
  return issue.message;
}

/** One readable line from zod's issues, naming each field. */
export function describeInputIssues(error: z.ZodError): string {
  return error.issues
    .flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${[...issue.path, key].join('.')}: is not accepted here`)
        : [`${issue.path.join('.') || '(input)'}: ${issueMessage(issue)}`],
    )
    .join('; ');
}
