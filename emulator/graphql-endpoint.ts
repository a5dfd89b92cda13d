import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { calculateQueryCost, SINGLE_QUERY_MAX_COST } from './cost';
import { ShopifyGraphQLError, type RequestScope, type ResolverContext } from './resolvers/context';
import { mutationResolvers, queryResolvers } from './resolvers';
import type { EmulatedShop, EmulatorState } from './state';

const IDEMPOTENT_REQUIRED = new Set(['refundCreate', 'inventoryAdjustQuantities', 'inventorySetQuantities', 'inventoryMoveQuantities']);

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

interface ShopifyError {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse {
  status: number;
  body: { data?: unknown; errors?: ShopifyError[] | Record<string, string>; extensions?: Record<string, unknown> };
  operation?: 'query' | 'mutation';
}

function formatError(error: GraphQLError): ShopifyError {
  const original = error.originalError;
  const code = original instanceof ShopifyGraphQLError ? original.code : undefined;
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(code ? { extensions: { code } } : {}),
  };
}

/** Parses, validates, prices and runs one Admin API GraphQL request for one shop, as Shopify does. */
export class GraphQLEndpoint {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  /** Answers of mutations sent with @idempotent(key:), by shop and key. */
  private readonly replays = new Map<string, GraphQLResponse>();

  constructor(private readonly schema: GraphQLSchema, private readonly state: EmulatorState) {}

  /** Parsing and validation results are kept per query text: clients send the same few documents again and again. */
  private compile(query: string): DocumentNode | readonly GraphQLError[] {
    let compiled = this.documents.get(query);
    if (!compiled) {
      try {
        const document = parse(query);
        const errors = validate(this.schema, document);
        compiled = errors.length > 0 ? errors : document;
      } catch (error) {
        compiled = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      if (this.documents.size > 500) this.documents.clear();
      this.documents.set(query, compiled);
    }
    return compiled;
  }

  prepare(body: GraphQLRequestBody): { operation: OperationDefinitionNode; run: (shop: EmulatedShop, scope?: RequestScope) => GraphQLResponse } | GraphQLResponse {
    if (typeof body.query !== 'string' || body.query.trim() === '') {
      return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
    }
    const compiled = this.compile(body.query);
    if (!('kind' in compiled)) return { status: 200, body: { errors: compiled.map(formatError) } };
    const document = compiled;
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return { status: 200, body: { errors: [{ message: 'An operation name is required when the document has several operations' }] } };
    }
    if (operation.operation === 'subscription') {
      return { status: 200, body: { errors: [{ message: 'Subscriptions are not supported' }] } };
    }
    const rawVariables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) return { status: 200, body: { errors: coerced.errors.map(formatError) } };
    const variables = coerced.coerced;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const kind = operation.operation;
    return {
      operation,
      run: (shop, scope = {}) => this.run(shop, document, operation, fragments, variables, kind, scope),
    };
  }

  private run(
    shop: EmulatedShop,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
    kind: 'query' | 'mutation',
    scope: RequestScope,
  ): GraphQLResponse {
    const idempotency = this.idempotencyKey(operation, variables);
    if (idempotency.missing.length > 0) {
      return {
        status: 200,
        operation: kind,
        body: { errors: [{ message: `The @idempotent directive is required for ${idempotency.missing.join(', ')}.`, extensions: { code: 'IDEMPOTENCY_KEY_REQUIRED' } }] },
      };
    }
    const replayKey = idempotency.key ? `${shop.domain}|${idempotency.key}` : undefined;
    const replay = replayKey ? this.replays.get(replayKey) : undefined;
    if (replay) return replay; // the same key again: Shopify answers with the first result and does nothing
    const bucket = this.state.bucket(shop);
    const requestedQueryCost = calculateQueryCost(this.schema, operation, fragments, variables);
    if (requestedQueryCost > SINGLE_QUERY_MAX_COST) {
      return {
        status: 200,
        operation: kind,
        body: {
          errors: [{
            message: `Query cost is ${requestedQueryCost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requestedQueryCost, maxCost: SINGLE_QUERY_MAX_COST },
          }],
        },
      };
    }
    if (!bucket.tryTake(requestedQueryCost)) {
      shop.stats.throttled += 1;
      return {
        status: 200,
        operation: kind,
        body: {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: bucket.status() } },
        },
      };
    }
    const result = this.execute({ state: this.state, shop, ...scope }, document, operation, variables);
    const actualQueryCost = Math.min(
      requestedQueryCost,
      calculateQueryCost(this.schema, operation, fragments, variables, (result.data ?? null) as Record<string, unknown> | null),
    );
    bucket.refund(requestedQueryCost - actualQueryCost);
    shop.stats.actualCostSpent += actualQueryCost;
    if (kind === 'mutation') this.state.changed();
    const response: GraphQLResponse = {
      status: 200,
      operation: kind,
      body: {
        ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
        data: result.data ?? null,
        extensions: { cost: { requestedQueryCost, actualQueryCost, throttleStatus: bucket.status() } },
      },
    };
    if (replayKey) this.replays.set(replayKey, response);
    return response;
  }

  /**
   * Runs one line of a bulk mutation operation: the line's variables coerced and the document executed
   * for the shop, without cost, bucket or idempotency replay, since Shopify charges no rate limit for
   * the lines of a bulk operation. Variable errors come back as the line's `errors`, as Shopify writes them.
   */
  executeUnmetered(shop: EmulatedShop, document: DocumentNode, rawVariables: Record<string, unknown>, scope: RequestScope): { data?: unknown; errors?: ShopifyError[] } {
    const operation = getOperationAST(document);
    if (!operation) return { errors: [{ message: 'The document has no single operation' }] };
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) return { errors: coerced.errors.map(formatError) };
    const result = this.execute({ state: this.state, shop, ...scope }, document, operation, coerced.coerced);
    if (operation.operation === 'mutation') this.state.changed();
    return { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map(formatError) } : {}) };
  }

  private execute(context: ResolverContext, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): ExecutionResult {
    return execute({
      schema: this.schema,
      document,
      operationName: operation.name?.value,
      variableValues: variables,
      contextValue: context,
      fieldResolver: this.fieldResolver,
      typeResolver: (value) => (value as { __typename?: string }).__typename,
    }) as ExecutionResult;
  }

  /**
   * Mutations for which Shopify requires `@idempotent(key: ...)` since 2026-04, and the key given.
   * A request that repeats a key gets the first answer back without running again.
   */
  private idempotencyKey(operation: OperationDefinitionNode, variables: Record<string, unknown>): { key?: string; missing: string[] } {
    if (operation.operation !== 'mutation') return { missing: [] };
    const missing: string[] = [];
    let key: string | undefined;
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const directive = selection.directives?.find((d) => d.name.value === 'idempotent');
      const argument = directive?.arguments?.find((a) => a.name.value === 'key')?.value;
      const value = argument?.kind === Kind.VARIABLE ? variables[argument.name.value] : argument?.kind === Kind.STRING ? argument.value : undefined;
      if (typeof value === 'string' && value.length > 0) key = `${selection.name.value}|${value}`;
      else if (IDEMPOTENT_REQUIRED.has(selection.name.value)) missing.push(selection.name.value);
    }
    return { key, missing };
  }

  private readonly fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
    if (info.parentType === this.schema.getQueryType() || info.parentType === this.schema.getMutationType()) {
      const resolvers = info.operation.operation === 'mutation' ? mutationResolvers : queryResolvers;
      const resolver = resolvers[info.fieldName];
      if (!resolver) throw new ShopifyGraphQLError(`The emulator does not implement ${info.parentType.name}.${info.fieldName}`, 'NOT_IMPLEMENTED');
      return resolver(args, context);
    }
    const value = (source as Record<string, unknown>)[info.fieldName];
    if (value === undefined) {
      throw new ShopifyGraphQLError(`The emulator does not implement ${info.parentType.name}.${info.fieldName}`, 'NOT_IMPLEMENTED');
    }
    return typeof value === 'function' ? (value as (a: unknown, c: unknown) => unknown)(args, context) : value;
  };
}
