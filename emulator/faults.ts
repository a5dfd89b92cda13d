import { z } from 'zod';

/**
 * Injected faults. A rule fires by `rate` (probability per request) or for the next `count` requests.
 * `phase: 'after'` fires once the operation has run, to imitate a write that succeeded but whose answer was lost.
 * `internalError` is Shopify's transient failure inside an HTTP 200: `errors[].extensions.code`
 * INTERNAL_SERVER_ERROR with a request id, no data (as answers recorded in Shopify's community forum show).
 */
export const FaultRuleSchema = z
  .object({
    kind: z.enum(['http5xx', 'http429', 'latency', 'drop', 'internalError']),
    status: z.number().int().min(500).max(599).default(503),
    retryAfterSeconds: z.number().min(0).max(60).default(1),
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    rate: z.number().min(0).max(1).optional(),
    count: z.number().int().min(1).optional(),
    phase: z.enum(['before', 'after']).default('before'),
    operation: z.enum(['any', 'query', 'mutation']).default('any'),
  })
  .strict()
  .refine((rule) => (rule.rate === undefined) !== (rule.count === undefined), {
    message: 'give exactly one of rate or count',
  });

export type FaultRule = z.infer<typeof FaultRuleSchema>;

export type OperationKind = 'query' | 'mutation';

const ENDS_RESPONSE: ReadonlySet<FaultRule['kind']> = new Set(['http5xx', 'http429', 'drop', 'internalError']);

/**
 * Picks the faults that fire for one request, consuming counted rules: any latency rules, then at
 * most one fault that ends the response, so counted faults are spread over successive requests.
 */
export function firingFaults(rules: FaultRule[], phase: FaultRule['phase'], operation: OperationKind, random: () => number = Math.random): FaultRule[] {
  const fired: FaultRule[] = [];
  let ended = false;
  for (const rule of rules) {
    if (rule.phase !== phase || (rule.operation !== 'any' && rule.operation !== operation)) continue;
    const ends = ENDS_RESPONSE.has(rule.kind);
    if (ends && ended) continue;
    if (rule.count !== undefined) {
      if (rule.count <= 0) continue;
      rule.count -= 1;
    } else if (random() >= (rule.rate ?? 0)) {
      continue;
    }
    fired.push(rule);
    ended ||= ends;
  }
  return fired;
}
