import type { BulkOperationRunner } from '../bulk-operations';
import type { EmulatedShop, EmulatorState } from '../state';

export interface ResolverContext {
  state: EmulatorState;
  shop: EmulatedShop;
  /** The origin the client reached the emulator at; staged upload targets and bulk result URLs are built on it. */
  baseUrl?: string;
  /** Runs bulk mutation operations; absent inside a bulk operation's own lines. */
  bulk?: BulkOperationRunner;
}

/** What a request adds to the context beyond the shop. */
export type RequestScope = Pick<ResolverContext, 'baseUrl' | 'bulk'>;

export type RootResolver = (args: Record<string, unknown>, context: ResolverContext) => unknown;

/** One module per area of the Admin API adds its root fields here. */
export interface ResolverModule {
  query?: Record<string, RootResolver>;
  mutation?: Record<string, RootResolver>;
}

/** A GraphQL error whose message and `extensions` (`code` first) the client sees, as Shopify sends them. */
export class ShopifyGraphQLError extends Error {
  constructor(message: string, readonly code?: string, readonly extensions: Record<string, unknown> = {}) {
    super(message);
  }
}
