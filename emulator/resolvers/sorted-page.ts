import { paginate, type ConnectionArgs } from './connection';
import { ShopifyGraphQLError } from './context';

export type SortValue = string | number;
type Position = [SortValue, number];

function comparePositions(a: Position, b: Position): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

export function cursorPosition(cursor: string): Position {
  try {
    // The cursor's key (see connection.ts) is the record's sort position, written below by `sortedPage`.
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k: string };
    const position = JSON.parse(k) as unknown;
    if (Array.isArray(position) && position.length === 2 && typeof position[1] === 'number') return position as Position;
  } catch {
    // fall through
  }
  throw new ShopifyGraphQLError(`Invalid cursor for current pagination: ${cursor}`, 'BAD_REQUEST');
}

/**
 * A page of records in sort-key order. Cursors carry the sort position (value, then id), as Shopify's do, so
 * the page after a cursor starts right after that position even when its record has since changed, moved
 * (an UPDATED_AT sort) or left the filter: nothing is skipped or repeated because a record was updated.
 */
export function sortedPage<T extends { id: number }, O>(records: T[], args: ConnectionArgs, sortValue: (record: T) => SortValue, toObject: (record: T) => O) {
  const direction = args.reverse ? -1 : 1;
  const positioned = records.map((record) => ({ record, position: [sortValue(record), record.id] as Position }));
  positioned.sort((a, b) => direction * comparePositions(a.position, b.position));
  let list = positioned;
  if (args.after) {
    const after = cursorPosition(args.after);
    list = list.filter((item) => direction * comparePositions(item.position, after) > 0);
  }
  if (args.before) {
    const before = cursorPosition(args.before);
    list = list.filter((item) => direction * comparePositions(item.position, before) < 0);
  }
  const page = paginate(list, { first: args.first, last: args.last }, (item) => JSON.stringify(item.position));
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toObject(edge.node.record) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { ...page.pageInfo, hasPreviousPage: page.pageInfo.hasPreviousPage || (!!args.after && list.length < positioned.length) },
  };
}

/** The sort of a `sortKey` argument (ID when absent); a key the emulator does not sort by is an error, not a silent ID sort. */
export function sortKeyOf<T>(sorts: Record<string, (record: T) => SortValue>, key: unknown): (record: T) => SortValue {
  const sort = sorts[typeof key === 'string' ? key : 'ID'];
  if (!sort) throw new ShopifyGraphQLError(`The emulator does not implement sortKey ${String(key)}`, 'NOT_IMPLEMENTED');
  return sort;
}
