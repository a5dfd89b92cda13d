import type { MongoServerError } from 'mongodb';

/** A document key made of its shop and its Shopify id: unique per shop, stable across runs. */
export function shopKey(shop: string, id: string): string {
  return `${shop}|${id}`;
}

/**
 * Ids per `{_id: {$in: [...]}}` read: FerretDB (as built here, see scripts/tools/ferretdb-1.24-sqlite.patch)
 * looks up at most 500 in its `_id` index and reads the whole collection for more.
 */
export const IDS_PER_QUERY = 500;

export function isDuplicateKey(error: unknown): error is MongoServerError {
  return (error as { code?: number }).code === 11000;
}
