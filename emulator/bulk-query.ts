import {
  execute,
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  responsePathAsArray,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { BulkOperationErrorCode } from './bulk-operations';
import { resolveEmulatorField } from './graphql-endpoint';
import { MAX_PAGE_SIZE } from './resolvers/connection';
import { ShopifyGraphQLError, type ResolverContext } from './resolvers/context';

/**
 * Bulk query operations as Shopify 2026-10 runs them (shopify.dev, "Perform bulk operations with the GraphQL
 * Admin API"): the query is checked when submitted (at least one connection, at most five, nested at most two
 * levels below the top one, `edges { node }` only, no top-level `node`/`nodes`), then every connection is read
 * in full (`first`, `last`, `cursor` and `pageInfo` are ignored) and each connection node becomes one JSONL line;
 * a nested connection's nodes get their own lines with `__parentId`, the id of the node they hang from.
 * The messages are the ones Shopify answers, as recorded by public parity suites of Shopify clones.
 */
export const MAX_BULK_QUERY_CONNECTIONS = 5;
export const MAX_BULK_QUERY_NESTING = 2;

/** One line of the result file; root lines are the objects counted by `rootObjectCount`. */
export interface BulkQueryLine {
  json: string;
  root: boolean;
}

type Fragments = Record<string, FragmentDefinitionNode>;

interface Analysis {
  connections: number;
  maxDepth: number;
  topLevelNode: string[];
  viaNodes: string[];
  withoutParentId: string[];
  notNodes: string[];
  withinList: boolean;
}

function isConnection(field: GraphQLField<unknown, unknown> | undefined): boolean {
  return !!field && getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}

/** The selection set's fields for a parent type, inline fragments and spreads followed into the type they name. */
function fieldsOf(schema: GraphQLSchema, fragments: Fragments, parent: GraphQLCompositeType, selectionSet: SelectionSetNode) {
  const fields: Array<{ node: FieldNode; parent: GraphQLCompositeType }> = [];
  const visit = (type: GraphQLCompositeType, set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        fields.push({ node: selection, parent: type });
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      visit(condition && isCompositeType(condition) ? condition : type, fragment.selectionSet);
    }
  };
  visit(parent, selectionSet);
  return fields;
}

/** Whether every object the connection can return implements Node (an interface like Media may not say so itself). */
function implementsNode(schema: GraphQLSchema, type: GraphQLCompositeType): boolean {
  if (isObjectType(type)) return type.getInterfaces().some((i) => i.name === 'Node');
  if (isInterfaceType(type) && (type.name === 'Node' || type.getInterfaces().some((i) => i.name === 'Node'))) return true;
  const possible = schema.getPossibleTypes(type);
  return possible.length > 0 && possible.every((object) => implementsNode(schema, object));
}

function analyze(schema: GraphQLSchema, fragments: Fragments, parent: GraphQLCompositeType, set: SelectionSetNode, depth: number, inList: boolean, found: Analysis, owner?: { nested: boolean }): void {
  for (const { node, parent: type } of fieldsOf(schema, fragments, parent, set)) {
    if (!('getFields' in type) || !node.selectionSet) continue;
    const definition = type.getFields()[node.name.value];
    if (!definition) continue;
    if (type === schema.getQueryType() && (node.name.value === 'node' || node.name.value === 'nodes')) found.topLevelNode.push(node.name.value);
    const named = getNamedType(definition.type) as GraphQLCompositeType;
    if (!isConnection(definition)) {
      analyze(schema, fragments, named, node.selectionSet, depth, inList || isListType(getNullableType(definition.type)), found, owner);
      continue;
    }
    found.connections += 1;
    found.maxDepth = Math.max(found.maxDepth, depth);
    found.withinList ||= inList;
    if (owner) owner.nested = true;
    for (const part of fieldsOf(schema, fragments, named, node.selectionSet)) {
      if (part.node.name.value === 'nodes') found.viaNodes.push(node.name.value);
      if (part.node.name.value !== 'edges' || !part.node.selectionSet) continue;
      const edgeType = getNamedType((named as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields().edges?.type) as GraphQLCompositeType;
      for (const edgePart of fieldsOf(schema, fragments, edgeType, part.node.selectionSet)) {
        if (edgePart.node.name.value !== 'node' || !edgePart.node.selectionSet) continue;
        const nodeType = getNamedType((edgeType as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields().node?.type) as GraphQLCompositeType;
        const child = { nested: false };
        analyze(schema, fragments, nodeType, edgePart.node.selectionSet, depth + 1, false, found, child);
        // Only a parent needs to be a Node (its id is its children's __parentId): leaf connections of
        // plain objects, such as an order's shippingLines or discountApplications, are read in bulk by
        // production clients of 2026-04.
        if (child.nested && !implementsNode(schema, nodeType)) found.notNodes.push(node.name.value);
        const selectsId = fieldsOf(schema, fragments, nodeType, edgePart.node.selectionSet).some((f) => f.node.name.value === 'id' && !f.node.alias);
        if (child.nested && !selectsId) found.withoutParentId.push(node.name.value);
      }
    }
  }
}

/** The checks `bulkOperationRunQuery` makes before creating the operation: the messages of its INVALID user errors, or the document. */
export function checkBulkQuery(schema: GraphQLSchema, query: string): { document: DocumentNode } | { invalid: string[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { invalid: [`Invalid bulk query: ${error instanceof GraphQLError ? error.message : String(error)}`] };
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.some((o) => o.operation !== 'query')) return { invalid: ['Invalid operation type. Only `query` operations are supported.'] };
  if (operations.length !== 1) return { invalid: ['Invalid bulk query: the document must contain exactly one query operation.'] };
  const errors = validate(schema, document);
  if (errors.length > 0) return { invalid: errors.map((e) => `Invalid bulk query: ${e.message}`) };
  const operation = operations[0];
  const variables = getVariableValues(schema, operation?.variableDefinitions ?? [], {});
  if (variables.errors) return { invalid: variables.errors.map((e) => `Invalid bulk query: ${e.message}`) };
  const fragments: Fragments = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const found: Analysis = { connections: 0, maxDepth: 0, topLevelNode: [], viaNodes: [], withoutParentId: [], notNodes: [], withinList: false };
  analyze(schema, fragments, schema.getQueryType() as GraphQLCompositeType, (operation as { selectionSet: SelectionSetNode }).selectionSet, 0, false, found);
  const invalid: string[] = [];
  if (found.viaNodes.length > 0) {
    invalid.push(`All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${found.viaNodes[0]} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: '${found.viaNodes.join("', '")}'.`);
  }
  const topLevel = [...new Set(found.topLevelNode)];
  for (const name of topLevel) invalid.push(`Bulk queries cannot contain a top level \`${name}\` field.`);
  if (found.maxDepth > MAX_BULK_QUERY_NESTING) invalid.push(`Bulk queries cannot contain connections with a nesting depth greater than ${MAX_BULK_QUERY_NESTING}.`);
  if (found.connections > MAX_BULK_QUERY_CONNECTIONS) invalid.push(`Bulk queries cannot contain more than ${MAX_BULK_QUERY_CONNECTIONS} connections.`);
  if (found.withoutParentId.length > 0) {
    invalid.push(`The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${found.withoutParentId.join(', ')}.`);
  }
  if (found.withinList) invalid.push('Queries that contain a connection field within a list field are not currently supported.');
  if (found.notNodes.length > 0) invalid.push(`Connections in a bulk query must implement the Node interface. Invalid connection fields: '${found.notNodes.join("', '")}'.`);
  if (found.connections === 0 && invalid.length === topLevel.length) invalid.push('Bulk queries must contain at least one connection.');
  return invalid.length > 0 ? { invalid } : { document };
}

interface Page {
  edges: unknown[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Resolves like the emulator's endpoint, except that a connection is read in full, page after page, whatever
 * `first`/`last` say; `paths` collects where connections sit in the response (list indexes as `*`).
 */
function readingInFull(paths: Set<string>): GraphQLFieldResolver<unknown, ResolverContext> {
  return (source, args, context, info) => {
    if (!isConnection(info.parentType.getFields()[info.fieldName])) return resolveEmulatorField(source, args, context, info);
    paths.add(responsePathAsArray(info.path).map((key) => (typeof key === 'number' ? '*' : key)).join('.'));
    const edges: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const page = resolveEmulatorField(source, { ...args, first: MAX_PAGE_SIZE, last: null, before: null, after }, context, info) as Page;
      edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    return { edges, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
  };
}

interface Entry {
  line: Record<string, unknown>;
  children: Entry[];
}

/** A copy of `value` without the connections under it, which are handed to `found` with their paths instead. */
function strip(value: unknown, path: string, paths: Set<string>, found: Array<[string, unknown]>): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, `${path}.*`, paths, found));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (paths.has(childPath)) found.push([childPath, child]);
    else copy[key] = strip(child, childPath, paths, found);
  }
  return copy;
}

function entries(connection: unknown, path: string, paths: Set<string>, parentId: string | undefined): Entry[] {
  const edges = (connection as { edges?: Array<{ node?: unknown }> } | null)?.edges ?? [];
  return edges.map((edge) => {
    const nested: Array<[string, unknown]> = [];
    const node = strip(edge.node, `${path}.edges.*.node`, paths, nested) as Record<string, unknown>;
    const id = typeof node.id === 'string' ? node.id : undefined;
    return {
      line: parentId === undefined ? node : { ...node, __parentId: parentId },
      children: nested.flatMap(([childPath, child]) => entries(child, childPath, paths, id)),
    };
  });
}

/**
 * Runs a checked bulk query over the shop's data, unmetered, and lays out its JSONL lines: grouped, each object
 * directly followed by its children, or (the 2026-10 default) ungrouped, one level after the other, which keeps
 * only the documented promise that parents come before their children.
 */
export function runBulkQuery(schema: GraphQLSchema, context: ResolverContext, document: DocumentNode, groupObjects: boolean): { lines: BulkQueryLine[] } | { errorCode: BulkOperationErrorCode } {
  const paths = new Set<string>();
  const result = execute({
    schema,
    document,
    contextValue: context,
    fieldResolver: readingInFull(paths),
    typeResolver: (value) => (value as { __typename?: string }).__typename,
  }) as ExecutionResult;
  if (result.errors?.length) {
    const denied = result.errors.some((e) => e.originalError instanceof ShopifyGraphQLError && e.originalError.code === 'ACCESS_DENIED');
    return { errorCode: denied ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR' };
  }
  const found: Array<[string, unknown]> = [];
  strip(result.data ?? {}, '', paths, found);
  const roots = found.flatMap(([path, connection]) => entries(connection, path, paths, undefined));
  const ordered: Array<{ entry: Entry; root: boolean }> = [];
  if (groupObjects) {
    const visit = (entry: Entry, root: boolean): void => {
      ordered.push({ entry, root });
      for (const child of entry.children) visit(child, false);
    };
    for (const root of roots) visit(root, true);
  } else {
    for (let level = roots, root = true; level.length > 0; level = level.flatMap((entry) => entry.children), root = false) {
      for (const entry of level) ordered.push({ entry, root });
    }
  }
  return { lines: ordered.map(({ entry, root }) => ({ json: JSON.stringify(entry.line), root })) };
}
