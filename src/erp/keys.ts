import type { MongoServerError } from 'mongodb';

/** A document key made of its shop and its Shopify id: unique per shop, stable across runs. */
export function shopKey(shop: string, id: string): string {
  return `${shop}|${id}`;
}

export function isDuplicateKey(error: unknown): error is MongoServerError {
  return (error as { code?: number }).code === 11000;
}
