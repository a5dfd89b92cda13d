import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Custom search attributes every task run sets, so visibility queries can find a shop's runs. */
export const ShopDomain = defineSearchAttributeKey('ShopDomain', SearchAttributeType.KEYWORD);
export const SyncTask = defineSearchAttributeKey('SyncTask', SearchAttributeType.KEYWORD);
export const SyncTrigger = defineSearchAttributeKey('SyncTrigger', SearchAttributeType.KEYWORD);
export const SyncRecordErrors = defineSearchAttributeKey('SyncRecordErrors', SearchAttributeType.INT);

export const CUSTOM_SEARCH_ATTRIBUTES = [ShopDomain, SyncTask, SyncTrigger, SyncRecordErrors] as const;
