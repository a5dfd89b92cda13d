import type { ActivityDeps } from './deps';
import { createShopInfoActivities } from './shop-info';
import { createLockActivities } from './shop-lock';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createLockActivities(deps),
    ...createShopInfoActivities(deps),
  };
}

export type SyncActivities = ReturnType<typeof createActivities>;
