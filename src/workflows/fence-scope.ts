import { AsyncLocalStorage } from '@temporalio/workflow';
import type { Fence } from '../temporal/fence';

/**
 * The lease a piece of workflow code runs under. `ShopLease.hold` opens it around the task's body;
 * the outbound interceptor stamps its current fence on every activity scheduled inside it.
 * A getter, not a value: a run that is granted a new token keeps the same scope.
 */
export const fenceScope = new AsyncLocalStorage<() => Fence | undefined>();
