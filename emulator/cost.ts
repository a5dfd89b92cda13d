import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isListType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/**
 * Shopify's calculated query cost (shopify.dev, "GraphQL Admin API rate limits"): scalars and enums 0,
 * objects 1, interfaces and unions the maximum of their possible selections, connections 2 plus the
 * cost of one node times `first`/`last`, each mutation field 10 or, for those in MUTATION_COSTS, priced by
 * its input. Without `data` it is the requested cost, computed before execution; with `data` it is the
 * actual cost, from the nodes really returned.
 */
export const MUTATION_FIELD_COST = 10;
export const CONNECTION_BASE_COST = 2;
export const SINGLE_QUERY_MAX_COST = 1000;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = Record<string, unknown> | null | undefined;

export function calculateQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: Data,
): number {
  const ctx: CostContext = { schema, fragments, variables };
  if (operation.operation === 'mutation') {
    const mutationType = schema.getMutationType() as GraphQLObjectType;
    return collectFields(ctx, mutationType, operation.selectionSet)
      .filter((field) => !field.name.value.startsWith('__'))
      .reduce((sum, field) => sum + mutationFieldCost(ctx, mutationType, field), 0);
  }
  const root = schema.getQueryType();
  if (!root) return 0;
  return selectionCost(ctx, root, operation.selectionSet, data, data !== undefined);
}

type Args = Record<string, unknown>;
const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const listOf = (value: unknown): Args[] => (Array.isArray(value) ? (value as Args[]) : []);
/** Shopify's costs are whole points; its examples (10.2 → 10, 16, 77) read as rounding. */
const points = (complexity: number): number => Math.round(complexity);

/**
 * Mutations priced by their input rather than the flat MUTATION_FIELD_COST, from the shopify.dev changelog
 * posts "Dynamic complexity cost for productSet mutation", "… for productCreate and productUpdate
 * mutations" and "Dynamic complexity for productVariantsBulkCreate and productVariantsBulkUpdate mutations".
 */
export const MUTATION_COSTS: Record<string, (args: Args) => number> = {
  // 10 + variants × 0.2 + variant files × 0.6 + variant metafields × 0.4 + product metafields × 0.4 + product files × 1.9
  productSet: ({ input }) => {
    const product = (input ?? {}) as Args;
    const variants = listOf(product.variants);
    return points(
      10 + variants.length * 0.2 + variants.filter((v) => v.file).length * 0.6 + variants.reduce((sum, v) => sum + count(v.metafields), 0) * 0.4
        + count(product.metafields) * 0.4 + count(product.files) * 1.9,
    );
  },
  // 10 + product metafields × 0.4 + product media × 1.9
  productCreate: (args) => points(10 + count(((args.product ?? args.input ?? {}) as Args).metafields) * 0.4 + count(args.media) * 1.9),
  productUpdate: (args) => points(10 + count(((args.product ?? args.input ?? {}) as Args).metafields) * 0.4 + count(args.media) * 1.9),
  // 10 + variants × 0.2 + variant media × 0.6 + variant metafields × 0.4 + product media × 1.9
  productVariantsBulkCreate: (args) => variantsBulkCost(args),
  productVariantsBulkUpdate: (args) => variantsBulkCost(args),
};

function variantsBulkCost(args: Args): number {
  const variants = listOf(args.variants);
  const media = variants.reduce((sum, v) => sum + count(v.mediaSrc) + (v.mediaId ? 1 : 0), 0);
  return points(10 + variants.length * 0.2 + media * 0.6 + variants.reduce((sum, v) => sum + count(v.metafields), 0) * 0.4 + count(args.media) * 1.9);
}

function mutationFieldCost(ctx: CostContext, mutationType: GraphQLObjectType, field: FieldNode): number {
  const price = MUTATION_COSTS[field.name.value];
  const definition = mutationType.getFields()[field.name.value];
  if (!price || !definition) return MUTATION_FIELD_COST;
  return price(getArgumentValues(definition, field, ctx.variables));
}

function selectionCost(ctx: CostContext, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, value: Data, actual: boolean): number {
  if (isAbstractType(parent)) {
    const candidates = possibleTypesNamed(ctx, parent, selectionSet, actual ? value : undefined);
    if (candidates.length === 0) return fieldsCost(ctx, parent, collectFields(ctx, parent, selectionSet), value, actual);
    return Math.max(...candidates.map((type) => fieldsCost(ctx, type, collectFields(ctx, type, selectionSet), value, actual)));
  }
  return fieldsCost(ctx, parent, collectFields(ctx, parent, selectionSet), value, actual);
}

/** The concrete types an abstract selection may take: the returned `__typename`, or those its fragments name. */
function possibleTypesNamed(ctx: CostContext, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, value: Data): GraphQLObjectType[] {
  const typename = value && typeof value.__typename === 'string' ? value.__typename : undefined;
  if (typename) {
    const type = ctx.schema.getType(typename);
    return type && isObjectType(type) ? [type] : [];
  }
  const names = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition) names.add(selection.typeCondition.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = ctx.fragments[selection.name.value];
        if (fragment) {
          names.add(fragment.typeCondition.name.value);
          visit(fragment.selectionSet);
        }
      }
    }
  };
  visit(selectionSet);
  return [...names]
    .map((name) => ctx.schema.getType(name))
    .filter((type): type is GraphQLObjectType => !!type && isObjectType(type) && isAbstractType(parent) && ctx.schema.isSubType(parent, type));
}

function fieldsCost(ctx: CostContext, parent: GraphQLCompositeType, fields: FieldNode[], value: Data, actual: boolean): number {
  let total = 0;
  for (const field of fields) {
    const name = field.name.value;
    if (name.startsWith('__') || !('getFields' in parent)) continue;
    const definition = parent.getFields()[name];
    if (!definition) continue;
    const key = field.alias?.value ?? name;
    const fieldValue = actual ? (value?.[key] as unknown) : undefined;
    total += fieldCost(ctx, definition, field, fieldValue, actual);
  }
  return total;
}

function fieldCost(ctx: CostContext, definition: GraphQLField<unknown, unknown>, field: FieldNode, value: unknown, actual: boolean): number {
  const type = getNamedType(definition.type);
  if (isLeafType(type) || !isCompositeType(type) || !field.selectionSet) return 0;
  if (actual && (value === null || value === undefined)) return 1;
  if (isConnection(definition)) return connectionCost(ctx, definition, field, type, value, actual);
  if (Array.isArray(value)) {
    return value.reduce<number>((sum, item) => sum + 1 + selectionCost(ctx, type, field.selectionSet as SelectionSetNode, item as Data, actual), 0);
  }
  if (!actual && isListType(getNullableType(definition.type))) {
    // A plain list is priced per element it may return: `first` of them, or one per id asked for.
    const args = getArgumentValues(definition, field, ctx.variables);
    const size = typeof args.first === 'number' ? args.first : Array.isArray(args.ids) ? args.ids.length : 1;
    return size * (1 + selectionCost(ctx, type, field.selectionSet, undefined, false));
  }
  return 1 + selectionCost(ctx, type, field.selectionSet, value as Data, actual);
}

function isConnection(definition: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(definition.type).name.endsWith('Connection') && definition.args.some((arg) => arg.name === 'first');
}

function connectionCost(
  ctx: CostContext,
  definition: GraphQLField<unknown, unknown>,
  field: FieldNode,
  connectionType: GraphQLCompositeType,
  value: unknown,
  actual: boolean,
): number {
  const args = getArgumentValues(definition, field, ctx.variables);
  const requestedSize = Number(args.first ?? args.last ?? 0);
  let total = CONNECTION_BASE_COST;
  for (const part of collectFields(ctx, connectionType, field.selectionSet as SelectionSetNode)) {
    const partName = part.name.value;
    if ((partName !== 'edges' && partName !== 'nodes') || !part.selectionSet || !('getFields' in connectionType)) continue;
    const partDefinition = connectionType.getFields()[partName];
    if (!partDefinition) continue;
    const itemType = getNamedType(partDefinition.type) as GraphQLCompositeType;
    const items = actual ? ((value as Record<string, unknown>)[part.alias?.value ?? partName] as Data[] | undefined) ?? [] : undefined;
    const perItem = (item: Data): number =>
      partName === 'nodes' ? 1 + selectionCost(ctx, itemType, part.selectionSet as SelectionSetNode, item, actual) : selectionCost(ctx, itemType, part.selectionSet as SelectionSetNode, item, actual);
    total += items ? items.reduce<number>((sum, item) => sum + perItem(item), 0) : requestedSize * perItem(undefined);
  }
  return total;
}

/** The fields of a selection set, fragments flattened, for one parent type; @skip and @include honoured. */
function collectFields(ctx: CostContext, parent: GraphQLCompositeType, selectionSet: SelectionSetNode, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (!included(ctx, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      into.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || appliesTo(ctx, selection.typeCondition.name.value, parent)) collectFields(ctx, parent, selection.selectionSet, into);
    } else {
      const fragment = ctx.fragments[selection.name.value];
      if (fragment && appliesTo(ctx, fragment.typeCondition.name.value, parent)) collectFields(ctx, parent, fragment.selectionSet, into);
    }
  }
  return into;
}

function appliesTo(ctx: CostContext, conditionName: string, parent: GraphQLCompositeType): boolean {
  if (conditionName === parent.name) return true;
  const condition = ctx.schema.getType(conditionName);
  return !!condition && isAbstractType(condition) && isObjectType(parent) && ctx.schema.isSubType(condition, parent);
}

function included(ctx: CostContext, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if === false) return false;
  return true;
}
