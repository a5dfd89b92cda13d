import {
  GraphqlQueryError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
  LogSeverity,
  Session,
  shopifyApi,
  type Shopify,
} from '@shopify/shopify-api';
import type { AdminOperations } from '@shopify/admin-api-client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TokenSource } from '../secrets';
import { ADMIN_API_VERSION } from './api-version';
import {
  ShopifyAuthError,
  ShopifyNotFoundError,
  ShopifyQueryError,
  ShopifyThrottledError,
  ShopifyUnavailableError,
} from './errors';
import { ShopPacer, type ThrottleStatus } from './pacer';
import { describeIgnoredTerm, ignoredSearchTerms, SearchTermIgnoredError, type IgnoredSearchTerm } from './search-warnings';
import { withAbortSignal } from './transport';

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface ShopifyResult<T> {
  data: T;
  cost?: QueryCost;
  /** Search terms Shopify ignored: a query's only when sent with `allowIgnoredSearchTerms`, else it throws. */
  ignoredSearchTerms?: IgnoredSearchTerm[];
}

export interface RequestOptions {
  /** A mutation safe to send again after a lost answer. */
  idempotent?: boolean;
  /** Take an answer whose search Shopify applied only in part (see `SearchTermIgnoredError`) and report its ignored terms. */
  allowIgnoredSearchTerms?: boolean;
}

/**
 * What a document returns and takes, as the types generated from it know them (`npm run codegen`,
 * src/shopify/types): `client.request(ORDERS_PAGE_QUERY, ...)` is typed by the document itself. A
 * document the generator has not seen answers `unknown`, to be checked by whoever sent it.
 */
export type ResultOf<D extends string> = D extends keyof AdminOperations ? Known<AdminOperations[D]['return'], unknown> : unknown;
export type VariablesOf<D extends string> = D extends keyof AdminOperations ? Known<AdminOperations[D]['variables'], Record<string, unknown>> : Record<string, unknown>;
/** The client's operation map answers `any` for a document it does not know: make that `Otherwise`. */
type Known<T, Otherwise> = 0 extends 1 & T ? Otherwise : T;

export interface RetrySettings {
  /** Attempts for 5xx, 429 and dropped connections before giving the failure to the activity. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts while THROTTLED; each waits for the bucket to refill. */
  maxThrottledAttempts: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000, maxThrottledAttempts: 10 };

/** Cost assumed for a document never sent before; its real requested cost is learnt from the first answer. */
const FIRST_GUESS_COST = 50;

let api: Shopify | undefined;

function isMutation(document: string): boolean {
  return /^\s*(#graphql\s*)?mutation\b/.test(document);
}

/** `@shopify/shopify-api` as this project uses it: offline tokens, API 2026-10, no library logging. */
export function shopifyLibraryFor(apiSecretKey: string): Shopify {
  return shopifyApi({
    apiKey: 'shopsync',
    apiSecretKey,
    apiVersion: ADMIN_API_VERSION,
    isCustomStoreApp: false,
    isEmbeddedApp: false,
    hostName: 'localhost',
    // The library's own log lines could carry request details; failures are reported by this layer instead.
    logger: { level: LogSeverity.Error, log: async () => undefined },
  });
}

function shopifyLibrary(): Shopify {
  // Admin API calls are signed by the access token; the secret is only used to verify webhooks (see WebhookVerifier).
  api ??= shopifyLibraryFor('shopsync-uses-offline-tokens-only');
  return api;
}

/** What the worker learns about one shop and keeps between activities: its bucket and what each document costs. */
export interface ShopBudget {
  pacer: ShopPacer;
  expectedCost: Map<string, number>;
}

type GraphqlClient = InstanceType<Shopify['clients']['Graphql']>;

/**
 * What the caller's run asks of each request: stop waiting and sending when `signal` aborts (the task
 * was cancelled), and check before every mutation that the run may still write (it holds its shop lock).
 */
export interface RequestGuard {
  signal?: AbortSignal;
  beforeMutation?(): Promise<void>;
}

/** The Admin GraphQL API of one shop, paced by the shop's cost budget and retried within reason. */
export class ShopifyAdminClient {
  private readonly pacer: ShopPacer;
  private readonly expectedCost: Map<string, number>;
  private graphql: { token: string; client: GraphqlClient } | undefined;

  constructor(
    readonly shop: string,
    private readonly tokens: TokenSource,
    budget: ShopBudget,
    private readonly retry: RetrySettings = DEFAULT_RETRY,
    private readonly guard: RequestGuard = {},
  ) {
    this.pacer = budget.pacer;
    this.expectedCost = budget.expectedCost;
  }

  /** The library's client for the current token (rebuilt when the token was rotated). */
  private client(): GraphqlClient {
    const token = this.tokens.tokenFor(this.shop);
    if (this.graphql?.token !== token) {
      const session = new Session({ id: `offline_${this.shop}`, shop: this.shop, state: '', isOnline: false, accessToken: token });
      this.graphql = { token, client: new (shopifyLibrary().clients.Graphql)({ session }) };
    }
    return this.graphql.client;
  }

  /**
   * Sends one document. Throttling and 429 are waited out (Shopify did not run the request); a 5xx or
   * a dropped connection is retried here only for queries and for mutations marked `idempotent`,
   * because Shopify may have applied a mutation whose answer was lost. Other mutations hand that
   * failure to the activity, whose retry checks what Shopify already has before writing again.
   */
  async request<D extends string>(document: D, variables?: VariablesOf<D>, options: RequestOptions = {}): Promise<ShopifyResult<ResultOf<D>>> {
    const mutation = isMutation(document);
    const mayRepeat = options.idempotent ?? !mutation;
    const graphql = this.client();
    const { signal } = this.guard;
    let failures = 0;
    let throttles = 0;
    for (;;) {
      const expected = this.expectedCost.get(document) ?? FIRST_GUESS_COST;
      const wait = this.pacer.delayFor(expected);
      if (wait > 0) await sleep(wait, undefined, { signal });
      if (mutation) await this.guard.beforeMutation?.();
      signal?.throwIfAborted();
      this.pacer.reserve(expected);
      try {
        const response = await withAbortSignal(signal, () => graphql.request(document, { variables: variables as Record<string, unknown> | undefined, retries: 0 }));
        const cost = response.extensions?.cost as QueryCost | undefined;
        this.learn(document, cost);
        const ignored = this.checkSearch(response.extensions, mutation, options);
        return { data: response.data as ResultOf<D>, cost, ...(ignored.length > 0 ? { ignoredSearchTerms: ignored } : {}) };
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const decision = this.classify(error);
        if (decision.kind === 'throttled') {
          throttles += 1;
          if (throttles >= this.retry.maxThrottledAttempts) {
            throw new ShopifyThrottledError(`${this.shop} still throttled after ${throttles} attempts`, this.shop);
          }
          await sleep(decision.delayMs, undefined, { signal });
          continue;
        }
        failures += 1;
        if (decision.ambiguous && !mayRepeat) {
          throw new ShopifyUnavailableError(`${this.shop}: ${decision.message} during a mutation; not repeated here, as Shopify may have applied it`, this.shop);
        }
        if (failures >= this.retry.maxAttempts) {
          throw new ShopifyUnavailableError(`${this.shop}: ${decision.message} (after ${failures} attempts)`, this.shop);
        }
        await sleep(decision.delayMs ?? this.backoff(failures), undefined, { signal });
      } finally {
        this.pacer.release(expected);
      }
    }
  }

  private learn(document: string, cost: QueryCost | undefined): void {
    if (!cost) return;
    this.pacer.observe(cost.throttleStatus);
    this.expectedCost.set(document, cost.requestedQueryCost);
  }

  /**
   * Shopify answers a search with an unknown field (or value) as if that term were absent: a silently wider
   * read, e.g. a whole-shop import. Each ignored term is logged; a query's answer is then refused with
   * SearchTermIgnoredError unless the caller asked to see such answers. A mutation's is kept, as it has run.
   */
  private checkSearch(extensions: unknown, mutation: boolean, options: RequestOptions): IgnoredSearchTerm[] {
    const ignored = ignoredSearchTerms(extensions);
    for (const term of ignored) console.warn(`shopify ${this.shop}: ${describeIgnoredTerm(term)}`);
    if (ignored.length > 0 && !mutation && !options.allowIgnoredSearchTerms) throw new SearchTermIgnoredError(this.shop, ignored);
    return ignored;
  }

  private backoff(failures: number): number {
    const exponential = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (failures - 1));
    return exponential / 2 + Math.random() * (exponential / 2);
  }

  /** Sorts a failed request into: wait for the bucket, retry after a delay, or throw now. */
  private classify(error: unknown): { kind: 'throttled'; delayMs: number } | { kind: 'retry'; message: string; delayMs?: number; ambiguous: boolean } {
    if (error instanceof GraphqlQueryError) {
      const body = error.body as { errors?: { graphQLErrors?: Array<{ message?: string; extensions?: { code?: string } }> }; extensions?: { cost?: QueryCost } } | undefined;
      const graphQLErrors = body?.errors?.graphQLErrors ?? [];
      const cost = body?.extensions?.cost;
      if (cost?.throttleStatus) this.pacer.observe(cost.throttleStatus);
      const codes = graphQLErrors.map((e) => e.extensions?.code).filter((code): code is string => !!code);
      if (codes.includes('THROTTLED') && cost) {
        return { kind: 'throttled', delayMs: ShopPacer.refillDelay(cost.throttleStatus, cost.requestedQueryCost) };
      }
      // Shopify's own transient failure, inside an HTTP 200: like a 5xx, a mutation may or may not have run.
      if (codes.includes('INTERNAL_SERVER_ERROR')) return { kind: 'retry', message: 'INTERNAL_SERVER_ERROR in the answer', ambiguous: true };
      const messages = graphQLErrors.map((e) => e.message ?? 'unknown error').join('; ') || error.message;
      throw new ShopifyQueryError(`Shopify rejected the request for ${this.shop}: ${messages}`, this.shop, codes);
    }
    if (error instanceof HttpResponseError) {
      const status = error.response.code;
      if (status === 401 || status === 403) {
        throw new ShopifyAuthError(
          `Shopify refused the access token of ${this.shop} (HTTP ${status}): it is missing, revoked or lacks a scope`,
          this.shop,
        );
      }
      if (status === 404) throw new ShopifyNotFoundError(`Shopify answered 404 for ${this.shop}: no such shop or API version ${ADMIN_API_VERSION}`, this.shop);
      if (error instanceof HttpThrottlingError || status === 429) {
        const retryAfter = error instanceof HttpThrottlingError ? error.response.retryAfter : undefined;
        return { kind: 'retry', message: 'HTTP 429', delayMs: retryAfter !== undefined ? retryAfter * 1000 : undefined, ambiguous: false };
      }
      if (status >= 500) return { kind: 'retry', message: `HTTP ${status}`, ambiguous: true };
      throw new ShopifyQueryError(`Shopify answered HTTP ${status} for ${this.shop}`, this.shop, [`HTTP_${status}`]);
    }
    if (error instanceof HttpRequestError) return { kind: 'retry', message: `connection failed: ${error.message}`, ambiguous: true };
    throw error;
  }
}

/**
 * Hands out clients per shop; a shop's budget lives as long as this factory (the worker process).
 * `guard` gives each client the guard of the activity that asks for it (none outside activities).
 */
export class ShopifyClients {
  private readonly budgets = new Map<string, ShopBudget>();

  constructor(
    private readonly tokens: TokenSource,
    private readonly retry: RetrySettings = DEFAULT_RETRY,
    private readonly guard: () => RequestGuard | undefined = () => undefined,
  ) {}

  forShop(shop: string): ShopifyAdminClient {
    let budget = this.budgets.get(shop);
    if (!budget) {
      budget = { pacer: new ShopPacer(), expectedCost: new Map() };
      this.budgets.set(shop, budget);
    }
    return new ShopifyAdminClient(shop, this.tokens, budget, this.retry, this.guard());
  }
}
