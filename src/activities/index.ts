import { createAddItemsActivities } from './add-items';
import { createBulkOperationActivities } from './bulk-operations';
import { createCatalogPriceActivities } from './catalog-prices';
import { createCatalogSyncActivities } from './catalog-sync';
import { createCompanyExportActivities } from './company-export';
import { createCompanyImportActivities } from './company-import';
import { createCreditMemoActivities } from './credit-memos';
import { createCustomerExportActivities } from './customer-export';
import { createCustomerImportActivities } from './customer-import';
import type { ActivityDeps } from './deps';
import { createOrderBulkImportActivities } from './order-bulk-import';
import { createOrderImportActivities } from './order-import';
import { createOrderProcessingActivities } from './order-processing';
import { createPaymentActivities } from './payments';
import { createPostingActivities } from './posting';
import { createProductImportActivities } from './product-import';
import { createProductPushActivities } from './product-push';
import { createProductSyncActivities } from './product-sync';
import { createShipmentActivities } from './shipments';
import { createShopInfoActivities } from './shop-info';
import { createImageActivities } from './image-sync';
import { createInventoryActivities } from './inventory-sync';
import { createLockKeeperActivities } from './lock-keeper';
import { createLockActivities } from './shop-lock';
import { createVariantBulkPushActivities } from './variant-bulk-push';
import { createWebhookSubscriptionActivities } from './webhook-subscriptions';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createLockActivities(deps),
    ...createLockKeeperActivities(deps),
    ...createShopInfoActivities(deps),
    ...createOrderImportActivities(deps),
    ...createOrderBulkImportActivities(deps),
    ...createOrderProcessingActivities(deps),
    ...createCreditMemoActivities(deps),
    ...createPostingActivities(deps),
    ...createShipmentActivities(deps),
    ...createPaymentActivities(deps),
    ...createProductSyncActivities(deps),
    ...createProductImportActivities(deps),
    ...createProductPushActivities(deps),
    ...createVariantBulkPushActivities(deps),
    ...createBulkOperationActivities(deps),
    ...createAddItemsActivities(deps),
    ...createInventoryActivities(deps),
    ...createImageActivities(deps),
    ...createCustomerImportActivities(deps),
    ...createCustomerExportActivities(deps),
    ...createCompanyImportActivities(deps),
    ...createCompanyExportActivities(deps),
    ...createCatalogSyncActivities(deps),
    ...createCatalogPriceActivities(deps),
    ...createWebhookSubscriptionActivities(deps),
  };
}

export type SyncActivities = ReturnType<typeof createActivities>;
