import {
  execute,
  getNamedType,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  GraphQLEnumType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { b2bAccessDenial } from './b2b-access';
import { calculateQueryCost, SINGLE_QUERY_MAX_COST } from './cost';
import { idempotentMutations, IdempotencyKeys } from './idempotency';
import { ShopifyGraphQLError, type RequestScope, type ResolverContext } from './resolvers/context';
import { mutationResolvers, queryResolvers } from './resolvers';
import { searchExtensions, withoutUnknownSearchFields } from './search-warnings';
import type { EmulatedShop, EmulatorState } from './state';

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
  const more = original instanceof ShopifyGraphQLError ? original.extensions : {};
  return {
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(code ? { extensions: { code, ...more } } : {}),
  };
}

/** Parses, validates, prices and runs one Admin API GraphQL request for one shop, as Shopify does. */
export class GraphQLEndpoint {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  /** Answers of mutations sent with @idempotent(key:), by shop and key. */
  private readonly idempotency: IdempotencyKeys<GraphQLResponse>;
  private readonly idempotent: { supported: Set<string>; required: Set<string> };
  /** Requests refused by their idempotency key: each mutation field answers the refusal as a user error. */
  private readonly refusals = new WeakMap<object, { code: string; message: string }>();

  constructor(private readonly schema: GraphQLSchema, private readonly state: EmulatorState, clock: () => number = Date.now) {
    this.idempotent = idempotentMutations(schema);
    this.idempotency = new IdempotencyKeys<GraphQLResponse>(clock);
  }

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
    if ('error' in idempotency) return { status: 200, operation: kind, body: { errors: [idempotency.error] } };
    const key = idempotency.key;
    if (key) {
      const outcome = this.idempotency.begin(shop.domain, key, idempotency.fingerprint);
      // The same key and parameters again: Shopify answers with the first result and does nothing.
      if (outcome.kind === 'replay') return outcome.response;
      if (outcome.kind === 'refused') {
        const context = { state: this.state, shop, ...scope };
        this.refusals.set(context, outcome);
        const refused = this.execute(context, document, operation, variables);
        return { status: 200, operation: kind, body: { data: refused.data ?? null, ...(refused.errors ? { errors: refused.errors.map(formatError) } : {}) } };
      }
    }
    const response = this.runMetered(shop, document, operation, fragments, variables, kind, scope);
    if (key) {
      if (response.body.data === undefined) this.idempotency.release(shop.domain, key); // never ran: throttled or too expensive
      else this.idempotency.finish(shop.domain, key, response.body.errors ? 'failed' : { response });
    }
    return response;
  }

  private runMetered(
    shop: EmulatedShop,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
    kind: 'query' | 'mutation',
    scope: RequestScope,
  ): GraphQLResponse {
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
    const context: ResolverContext = { state: this.state, shop, ...scope };
    const result = this.execute(context, document, operation, variables);
    const search = searchExtensions(context);
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
        extensions: { ...(search ? { search } : {}), cost: { requestedQueryCost, actualQueryCost, throttleStatus: bucket.status() } },
      },
    };
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
   * The `@idempotent(key:)` of a mutation request: refused on a mutation whose description does not document
   * it, required where the description says so since 2026-04, and never empty. The fingerprint is what a
   * repeated key must match: each mutation field with its argument values, inline or from variables.
   */
  private idempotencyKey(operation: OperationDefinitionNode, variables: Record<string, unknown>): { key?: string; fingerprint: string } | { error: ShopifyError } {
    if (operation.operation !== 'mutation') return { fingerprint: '' };
    const keys: string[] = [];
    const parts: unknown[] = [];
    const mutationType = this.schema.getMutationType();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const name = selection.name.value;
      const definition = mutationType?.getFields()[name];
      if (definition) parts.push([name, getArgumentValues(definition, selection, variables)]);
      const directive = selection.directives?.find((d) => d.name.value === 'idempotent');
      if (!directive) {
        if (this.idempotent.required.has(name)) {
          return { error: { message: `The @idempotent directive is required for ${name}.`, extensions: { code: 'IDEMPOTENCY_KEY_REQUIRED' } } };
        }
        continue;
      }
      if (!this.idempotent.supported.has(name)) {
        const at = directive.loc?.startToken;
        return { error: { message: `The @idempotent directive is not supported on ${name}.`, ...(at ? { locations: [{ line: at.line, column: at.column }] } : {}), extensions: { code: 'BAD_REQUEST' } } };
      }
      const argument = directive.arguments?.find((a) => a.name.value === 'key')?.value;
      const value = argument?.kind === Kind.VARIABLE ? variables[argument.name.value] : argument?.kind === Kind.STRING ? argument.value : undefined;
      if (typeof value !== 'string' || value.trim() === '') {
        return { error: { message: 'The idempotency key cannot be an empty string or whitespace only.', extensions: { code: 'BAD_REQUEST' } } };
      }
      keys.push(value);
    }
    return { key: keys.length > 0 ? keys.join('\u0000') : undefined, fingerprint: stableJson(parts) };
  }

  /** The payload a mutation field answers when its idempotency key was refused: nothing but the user error. */
  private refusalPayload(info: GraphQLResolveInfo, refusal: { code: string; message: string }): Record<string, unknown> {
    const payloadType = getNamedType(info.returnType);
    const fields = 'getFields' in payloadType ? payloadType.getFields() : {};
    const payload: Record<string, unknown> = Object.fromEntries(Object.keys(fields).map((name) => [name, null]));
    const errorType = fields.userErrors ? getNamedType(fields.userErrors.type) : undefined;
    const codeField = errorType && 'getFields' in errorType ? errorType.getFields().code : undefined;
    const codeEnum = codeField ? getNamedType(codeField.type) : undefined;
    const known = !!codeEnum && codeEnum instanceof GraphQLEnumType && !!codeEnum.getValue(refusal.code);
    // UserError (inventoryActivate, refundCreate) has no code: the message alone says why.
    payload.userErrors = [{ field: null, message: refusal.message, ...(codeField ? { code: known ? refusal.code : null } : {}) }];
    return payload;
  }

  /** Every field as the emulator resolves it, except the mutation fields of a request refused by its idempotency key. */
  private readonly fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
    const refusal = info.parentType === info.schema.getMutationType() ? this.refusals.get(context) : undefined;
    return refusal ? this.refusalPayload(info, refusal) : resolveEmulatorField(source, args, context, info);
  };
}

/**
 * How the emulator resolves every field: root fields by the resolver modules of their operation, the others
 * from the source object (a value, or a function of args and context). Bulk queries run on it too.
 */
export const resolveEmulatorField: GraphQLFieldResolver<unknown, ResolverContext> = (source, fieldArgs, context, info) => {
  const denied = b2bAccessDenial(context.shop, info);
  if (denied) throw denied;
  const args = withoutUnknownSearchFields(fieldArgs, context, info);
  if (info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType()) {
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

/** JSON with object keys sorted, so that the same parameters give the same text in any order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
