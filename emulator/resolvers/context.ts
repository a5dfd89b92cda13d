import type { EmulatedShop, EmulatorState } from '../state';

export interface ResolverContext {
  state: EmulatorState;
  shop: EmulatedShop;
}

export type RootResolver = (args: Record<string, unknown>, context: ResolverContext) => unknown;

/** One module per area of the Admin API adds its root fields here. */
export interface ResolverModule {
  query?: Record<string, RootResolver>;
  mutation?: Record<string, RootResolver>;
}

/** A GraphQL error whose message and `extensions.code` the client sees, as Shopify sends them. */
export class ShopifyGraphQLError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}
