import { checkPageSize, encodeCursor, type ConnectionArgs } from './connection';
import { cursorPosition } from './sorted-page';

/** The first index whose key is above `key` (`strict`) or at least `key`, in a list ascending by key. */
function boundary<T>(items: T[], keyOf: (item: T) => number, key: number, strict: boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = keyOf(items[mid] as T);
    if (at < key || (strict && at === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A page of a list kept ascending by a unique numeric key (a price list's fixed prices by variant id), found by
 * binary search, so that reading a page costs the page, not the list. Cursors are sortedPage's ([key, key]).
 */
export function keyedPage<T, O>(items: T[], keyOf: (item: T) => number, args: ConnectionArgs, toObject: (item: T) => O) {
  checkPageSize(args);
  const reverse = !!args.reverse;
  const keyOfCursor = (cursor: string) => Number(cursorPosition(cursor)[1]);
  let lo = 0;
  let hi = items.length;
  if (args.after) {
    const key = keyOfCursor(args.after);
    if (reverse) hi = Math.min(hi, boundary(items, keyOf, key, false));
    else lo = Math.max(lo, boundary(items, keyOf, key, true));
  }
  if (args.before) {
    const key = keyOfCursor(args.before);
    if (reverse) lo = Math.max(lo, boundary(items, keyOf, key, true));
    else hi = Math.min(hi, boundary(items, keyOf, key, false));
  }
  const size = Math.max(0, hi - lo);
  const skippedBefore = reverse ? items.length - hi : lo;
  const skippedAfter = reverse ? lo : items.length - hi;
  let start = 0;
  let end = size;
  let hasNextPage = !!args.before && skippedAfter > 0;
  let hasPreviousPage = !!args.after && skippedBefore > 0;
  if (args.first !== undefined && args.first !== null) {
    end = Math.min(size, args.first);
    hasNextPage = size > args.first;
  } else if (args.last !== undefined && args.last !== null) {
    start = Math.max(0, size - args.last);
    hasPreviousPage = size > args.last;
  }
  const edges = [];
  for (let i = start; i < end; i += 1) {
    const item = items[reverse ? hi - 1 - i : lo + i] as T;
    const key = keyOf(item);
    edges.push({ cursor: encodeCursor(JSON.stringify([key, key])), node: toObject(item) });
  }
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}
