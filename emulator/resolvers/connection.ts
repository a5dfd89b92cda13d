import { ShopifyGraphQLError } from './context';

export const MAX_PAGE_SIZE = 250;

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === 'string') return parsed.k;
  } catch {
    // fall through
  }
  throw new ShopifyGraphQLError(`Invalid cursor for current pagination: ${cursor}`, 'BAD_REQUEST');
}

/**
 * Relay pagination over an already filtered and sorted list, with Shopify's rules: one of `first` or
 * `last` is required, at most 250, opaque cursors.
 */
export function checkPageSize({ first, last }: ConnectionArgs): void {
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new ShopifyGraphQLError('you must provide one of first or last', 'BAD_REQUEST');
  }
  for (const [name, size] of [['first', first], ['last', last]] as const) {
    if (size !== undefined && size !== null && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw new ShopifyGraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}.`, 'BAD_REQUEST');
    }
  }
}

export function paginate<T>(items: T[], args: ConnectionArgs, keyOf: (item: T) => string) {
  const { first, last } = args;
  checkPageSize(args);
  let list = args.reverse ? [...items].reverse() : items;
  if (args.after) {
    const key = decodeCursor(args.after);
    const index = list.findIndex((item) => keyOf(item) === key);
    list = index >= 0 ? list.slice(index + 1) : [];
  }
  if (args.before) {
    const key = decodeCursor(args.before);
    const index = list.findIndex((item) => keyOf(item) === key);
    list = index >= 0 ? list.slice(0, index) : list;
  }
  const beforeWindow = items.length - list.length;
  let page = list;
  let hasNextPage = false;
  let hasPreviousPage = !!args.after && beforeWindow > 0;
  if (first !== undefined && first !== null) {
    hasNextPage = list.length > first;
    page = list.slice(0, first);
  } else if (last !== undefined && last !== null) {
    hasPreviousPage = list.length > last;
    page = list.slice(Math.max(0, list.length - last));
  }
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
