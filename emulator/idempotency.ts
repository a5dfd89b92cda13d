import type { GraphQLSchema } from 'graphql';

/**
 * Shopify's `@idempotent(key:)` (shopify.dev "Idempotent requests", "Implementing idempotency", and the
 * directive's description: "Only supported on mutations that explicitly document idempotency support in
 * their description"). A key is scoped to one shop (the emulator has one app per shop); its first request's
 * answer is kept for RETENTION_MS and given again to a request with the same key and the same parameters.
 */

/** The docs speak of a retention window without a number the emulator could read; 24 hours is its choice. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
const MAX_KEYS = 10_000;

/** Mutations whose 2026-10 description documents `@idempotent`; all of them say "As of 2026-04, the idempotency key is required". */
export function idempotentMutations(schema: GraphQLSchema): { supported: Set<string>; required: Set<string> } {
  const supported = new Set<string>();
  const required = new Set<string>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const description = field.description ?? '';
    if (!description.includes('`@idempotent`')) continue;
    supported.add(field.name);
    if (/idempotency key is required/i.test(description)) required.add(field.name);
  }
  return { supported, required };
}

export type IdempotencyOutcome<R> =
  | { kind: 'run' }
  | { kind: 'replay'; response: R }
  | { kind: 'refused'; code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' | 'IDEMPOTENCY_CONCURRENT_REQUEST' | 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED'; message: string };

type Entry<R> = { fingerprint: string; expiresAt: number } & ({ state: 'running' } | { state: 'done'; response: R } | { state: 'failed' });

/** The keys of all shops: what each key's first request asked and how it ended. */
export class IdempotencyKeys<R> {
  private readonly entries = new Map<string, Entry<R>>();

  constructor(private readonly clock: () => number = Date.now, private readonly retentionMs = IDEMPOTENCY_RETENTION_MS) {}

  /** Called before running a request: run it (the key is then held as running), replay, or refuse it. */
  begin(scope: string, key: string, fingerprint: string): IdempotencyOutcome<R> {
    const id = `${scope}\u0000${key}`;
    const now = this.clock();
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > now) {
      if (entry.fingerprint !== fingerprint) {
        return { kind: 'refused', code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', message: 'The same idempotency key cannot be used with different operation parameters.' };
      }
      if (entry.state === 'running') return { kind: 'refused', code: 'IDEMPOTENCY_CONCURRENT_REQUEST', message: 'This request is currently in progress, please try again.' };
      if (entry.state === 'failed') {
        return { kind: 'refused', code: 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED', message: 'A previous request with this idempotency key failed. Retry with a new idempotency key.' };
      }
      return { kind: 'replay', response: entry.response };
    }
    this.prune(now);
    this.entries.set(id, { fingerprint, expiresAt: now + this.retentionMs, state: 'running' });
    return { kind: 'run' };
  }

  /** The request ran: its answer is kept, or, when it failed, the key is spent. */
  finish(scope: string, key: string, outcome: { response: R } | 'failed'): void {
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.set(id, outcome === 'failed' ? { ...entry, state: 'failed' } : { ...entry, state: 'done', response: outcome.response });
  }

  /** The request never started (throttled, too expensive): the key is free again. */
  release(scope: string, key: string): void {
    this.entries.delete(`${scope}\u0000${key}`);
  }

  private prune(now: number): void {
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
    while (this.entries.size >= MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
  }
}
