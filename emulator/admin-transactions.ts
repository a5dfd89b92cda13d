import { z } from 'zod';
import type { AdminResponse } from './admin-api';
import { gid } from './gid';
import { touch } from './resolvers/orders';
import type { EmulatedShop, EmulatorState } from './state';

/**
 * POST /emulator/shops/:domain/transactions/:id { status }: what an asynchronous payment gateway does to a
 * refund after refundCreate answered, settling it (SUCCESS), failing it (FAILURE) or holding it (PENDING).
 * The order's and the refund's updatedAt move, as Shopify's do when a transaction changes.
 */

const TransactionStatusSchema = z.object({ status: z.enum(['SUCCESS', 'PENDING', 'FAILURE']) }).strict();
const TransactionIdSchema = z.union([z.string().regex(/^\d+$/).transform(Number), z.string().regex(/^gid:\/\/shopify\/OrderTransaction\/\d+$/).transform((id) => Number(id.split('/').pop()))]);

export function transactionAdminRoute(state: EmulatorState, shop: EmulatedShop, method: string, rawId: string | undefined, body: unknown): AdminResponse | undefined {
  if (method !== 'POST' || rawId === undefined) return undefined;
  const id = TransactionIdSchema.safeParse(decodeURIComponent(rawId));
  if (!id.success) return { status: 422, body: { errors: [{ field: 'id', message: 'must be an order transaction id or gid' }] } };
  const parsed = TransactionStatusSchema.safeParse(body);
  if (!parsed.success) return { status: 422, body: { errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })) } };
  const order = shop.orders.find((o) => o.transactions.some((t) => t.id === id.data));
  const transaction = order?.transactions.find((t) => t.id === id.data);
  if (!order || !transaction) return { status: 404, body: { errors: [{ message: `no order transaction ${rawId} in ${shop.domain}` }] } };
  if (transaction.kind !== 'REFUND') return { status: 409, body: { errors: [{ message: `transaction ${rawId} is a ${transaction.kind}; only refund transactions can be settled here` }] } };
  transaction.status = parsed.data.status;
  transaction.processedAt = state.now();
  // The refund that made the transaction changes with it, so readers watching Refund.updatedAt see the outcome.
  for (const refund of order.refunds) if (refund.transactionIds?.includes(transaction.id)) refund.updatedAt = transaction.processedAt;
  touch(order, state);
  state.changed();
  return {
    status: 200,
    body: { transaction: { id: gid('OrderTransaction', transaction.id), orderId: gid('Order', order.id), kind: transaction.kind, status: transaction.status, amount: transaction.amount, processedAt: transaction.processedAt }, orderUpdatedAt: order.updatedAt },
  };
}
