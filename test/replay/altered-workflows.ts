import { sleep } from '@temporalio/workflow';
import type { ShopLockCarry } from '../../src/workflows/shop-lock';
import { shopLock as currentShopLock } from '../../src/workflows/shop-lock';

export * from '../support/test-workflows';

/** The lock as a careless change would make it: one timer before anything else. Replay must refuse it. */
export async function shopLock(input: ShopLockCarry): Promise<void> {
  await sleep(1);
  return currentShopLock(input);
}
