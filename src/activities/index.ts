import type { ActivityDeps } from './deps';
import { createOrderImportActivities } from './order-import';
import { createOrderProcessingActivities } from './order-processing';
import { createPaymentActivities } from './payments';
import { createPostingActivities } from './posting';
import { createShipmentActivities } from './shipments';
import { createShopInfoActivities } from './shop-info';
import { createLockKeeperActivities } from './lock-keeper';
import { createLockActivities } from './shop-lock';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createLockActivities(deps),
    ...createLockKeeperActivities(deps),
    ...createShopInfoActivities(deps),
    ...createOrderImportActivities(deps),
    ...createOrderProcessingActivities(deps),
    ...createPostingActivities(deps),
    ...createShipmentActivities(deps),
    ...createPaymentActivities(deps),
  };
}

export type SyncActivities = ReturnType<typeof createActivities>;
