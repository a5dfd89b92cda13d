import type { ActivityDeps } from './deps';
import { createShopInfoActivities } from './shop-info';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createShopInfoActivities(deps),
  };
}

export type SyncActivities = ReturnType<typeof createActivities>;
