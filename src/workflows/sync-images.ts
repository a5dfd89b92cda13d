import { proxyActivities } from '@temporalio/workflow';
import type { ImageActivities, ImageCounts } from '../activities/image-sync';
import type { ProductSyncActivities } from '../activities/product-sync';
import { TASKS } from '../domain/tasks';
import { BATCH_ACTIVITY, SHORT_ACTIVITY } from './activity-options';
import { runTask } from './run-task';

const { imageSyncDirection } = proxyActivities<ProductSyncActivities>(SHORT_ACTIVITY);
const { pushImages, importImages } = proxyActivities<ImageActivities>(BATCH_ACTIVITY);

const STEP_MILLIS = 60_000;

export interface SyncImagesResult extends ImageCounts {
  direction: 'toShopify' | 'fromShopify' | 'none';
  note?: string;
}

interface ImagesRunState {
  direction: Awaited<ReturnType<ProductSyncActivities['imageSyncDirection']>>;
  after: string | null;
  totals: ImageCounts;
}

/** Item pictures ↔ product and variant images (the connector's report 30107), in the direction of the shop's syncItemImages. */
export async function syncImages(input: unknown): Promise<SyncImagesResult> {
  return runTask<typeof TASKS.images.input, SyncImagesResult, ImagesRunState>('images', TASKS.images.input, input, async (run) => {
    const { shop, filters = {} } = run.input;
    const state: ImagesRunState = run.resumed ?? { direction: await imageSyncDirection({ shop }), after: null, totals: { products: 0, uploaded: 0, downloaded: 0, unchanged: 0, skipped: 0, requests: 0 } };
    const { direction, totals } = state;
    if (direction.direction === 'none') return { result: { ...totals, direction: 'none', note: direction.reason }, recordErrors: 0 };
    const step = direction.direction === 'toShopify' ? pushImages : importImages;
    for (;;) {
      if (run.shouldContinueAsNew()) return run.continueAsNew(state);
      const done = await step({ shop, filters, after: state.after, maxMillis: STEP_MILLIS });
      for (const key of Object.keys(totals) as Array<keyof ImageCounts>) totals[key] += done[key];
      state.after = done.after;
      run.report({ counters: { ...totals }, message: `${totals.products} products, ${totals.uploaded} uploaded, ${totals.downloaded} downloaded` });
      if (done.done) break;
    }
    return { result: { ...totals, direction: direction.direction }, recordErrors: totals.skipped };
  });
}
