import { z } from 'zod';
import type { ShopifyOrder } from '../domain/order';
import type { RawLine, RawShippingLine } from './documents/orders';
import { orderFromRaw } from './order-mapper';
import type { OrdersBulkQuery } from './types/admin.generated';

/**
 * The lines of the orders bulk query's JSONL made into whole orders, in the shape the paged import
 * stores (orderFromRaw on the same fields), so nothing downstream can tell how an order was read.
 * The query is run with `groupObjects: true`: each order's line items and shipping lines follow it,
 * so an order is complete when the next one begins, and the file is read once, in constant memory.
 */

type BulkNode = OrdersBulkQuery['orders']['edges'][number]['node'];
/** An order's own line: its fields, transactions and refunds, without the nested connections. */
export type BulkOrderLine = Omit<BulkNode, 'lineItems' | 'shippingLines'>;

/** A whole order and where it lies in the file: a reader that starts again at `firstLine` reads it again whole. */
export interface GroupedOrder {
  order: ShopifyOrder;
  firstLine: number;
  /** The line after its last one: where the next order starts. */
  nextLine: number;
}

/** Only what tells the lines apart is checked here; the fields themselves are typed by the query. */
const LineShape = z.union([
  z.looseObject({ id: z.string().startsWith('gid://shopify/Order/'), __parentId: z.undefined().optional() }),
  z.looseObject({ __parentId: z.string().min(1), __typename: z.enum(['LineItem', 'ShippingLine']) }),
]);

const COMPLETE = { hasNextPage: false, endCursor: null };

/** The order of one bulk line and its children, mapped as the page query's order with no list cut short. */
export function orderFromBulk(order: BulkOrderLine, lines: RawLine[], shippingLines: RawShippingLine[]): ShopifyOrder {
  return orderFromRaw({ ...order, lineItems: { nodes: lines, pageInfo: COMPLETE }, shippingLines: { nodes: shippingLines, pageInfo: COMPLETE } });
}

export class BulkLineError extends Error {}

/** Reads the JSONL one line at a time and hands back each order once its last child line has been read. */
export class BulkOrderGrouper {
  private open: { order: BulkOrderLine; lines: RawLine[]; shipping: RawShippingLine[]; firstLine: number } | null = null;

  /** The order this line completes (the one before it, when it starts another), or null. */
  push(text: string, lineNo: number): GroupedOrder | null {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new BulkLineError(`bulk result line ${lineNo} is not JSON`);
    }
    const parsed = LineShape.safeParse(json);
    if (!parsed.success) throw new BulkLineError(`bulk result line ${lineNo} is neither an order nor a line item or shipping line of one: ${text.slice(0, 200)}`);
    const line = parsed.data;
    if (line.__parentId === undefined) {
      const done = this.close(lineNo);
      this.open = { order: line as unknown as BulkOrderLine, lines: [], shipping: [], firstLine: lineNo };
      return done;
    }
    if (!this.open || this.open.order.id !== line.__parentId) {
      // Only a grouped file lets an order be stored before the end of the file: refuse anything else.
      throw new BulkLineError(`bulk result line ${lineNo} belongs to ${line.__parentId}, which is not the order before it (is the file grouped?)`);
    }
    const { __parentId: _parent, ...child } = line;
    if (line.__typename === 'LineItem') this.open.lines.push(child as unknown as RawLine);
    else this.open.shipping.push(child as unknown as RawShippingLine);
    return null;
  }

  /** The last order, once the file has been read to its end (`lineCount` lines). */
  end(lineCount: number): GroupedOrder | null {
    return this.close(lineCount);
  }

  private close(nextLine: number): GroupedOrder | null {
    const open = this.open;
    this.open = null;
    return open ? { order: orderFromBulk(open.order, open.lines, open.shipping), firstLine: open.firstLine, nextLine } : null;
  }
}
