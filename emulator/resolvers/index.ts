import { bulkOperationResolvers } from './bulk-operations';
import type { ResolverModule, RootResolver } from './context';
import { customerResolvers } from './customers';
import { fulfillmentResolvers } from './fulfillments';
import { locationResolvers } from './locations';
import { orderResolvers } from './orders';
import { paymentResolvers } from './payments';
import { productResolvers } from './products';
import { shopResolvers } from './shop';

const modules: ResolverModule[] = [shopResolvers, locationResolvers, productResolvers, customerResolvers, orderResolvers, fulfillmentResolvers, paymentResolvers, bulkOperationResolvers];

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
