/** Records per batch activity: small enough that a retried batch repeats little. */
export const BATCH = 25;

/**
 * Keys one listing activity reads ahead, then handed to batch activities `BATCH` at a time. FerretDB
 * reads the whole collection for each listing (it has no index for the filter), so listing one batch
 * at a time made a run over n orders read the collection n / 25 times. A thousand keys is about 60 KB
 * in the run's history.
 */
export const LIST_AHEAD = 1000;

export function inBatches<T>(items: readonly T[], size = BATCH): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
