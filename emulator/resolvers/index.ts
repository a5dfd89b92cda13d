import { bulkOperationResolvers } from './bulk-operations';
import { catalogResolvers } from './catalogs';
import { companyResolvers } from './companies';
import type { ResolverModule, RootResolver } from './context';
import { customerResolvers } from './customers';
import { fulfillmentResolvers } from './fulfillments';
import { inventoryResolvers } from './inventory';
import { locationResolvers } from './locations';
import { mediaResolvers } from './media';
import { nodeResolvers } from './node';
import { orderResolvers as orderModule } from './orders';
import { paymentResolvers } from './payments';
import { productResolvers } from './products';
import { refundResolvers } from './refunds';
import { returnResolvers } from './returns';
import { shopResolvers } from './shop';
import { webhookResolvers } from './webhooks';

// node/nodes moved to node.ts, which finds every type by its gid; orders.ts's older `nodes` is left out.
const { nodes: _ordersNodes, ...orderQueries } = orderModule.query ?? {};
const orderResolvers: ResolverModule = { ...orderModule, query: orderQueries };

const modules: ResolverModule[] = [shopResolvers, locationResolvers, productResolvers, customerResolvers, orderResolvers, fulfillmentResolvers, paymentResolvers, bulkOperationResolvers, inventoryResolvers, nodeResolvers, mediaResolvers, catalogResolvers, companyResolvers, webhookResolvers, refundResolvers, returnResolvers];

function merge(kind: 'query' | 'mutation'): Record<string, RootResolver> {
  const merged: Record<string, RootResolver> = {};
  for (const module of modules) {
    for (const [name, resolver] of Object.entries(module[kind] ?? {})) {
      if (merged[name]) throw new Error(`two emulator modules resolve ${kind}.${name}`);
      merged[name] = resolver;
    }
  }
  return merged;
}

export const queryResolvers = merge('query');
export const mutationResolvers = merge('mutation');
