import { getNamedType, isObjectType, type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { PlanName } from './bucket';
import { ShopifyGraphQLError } from './resolvers/context';
import { requiredAccessOf } from './schema';
import type { EmulatedShop } from './state';

/**
 * B2B is for Shopify Plus shops only (shopify.dev, "Apps and B2B": "Only stores on the Shopify Plus plan can
 * use apps with B2B features"). The 2026-10 schema marks what needs it: the company types and the company
 * mutations carry `requiredAccess` "… Also: The shop must have access to B2B. …". A shop without B2B gets
 * Shopify's access denial for such a field: a top-level error "Access denied for <field> field. Required
 * access: <requiredAccess>" with `extensions` { code: ACCESS_DENIED, documentation, requiredAccess } and
 * the field null (the format of a live capture of a Plus-only field refused on a non-Plus shop). Catalogs,
 * publications and price lists serve markets too and stay open to every plan, as their `requiredAccess` says.
 */

export const B2B_PLANS: ReadonlySet<PlanName> = new Set<PlanName>(['plus', 'enterprise']);
const B2B_MARK = 'The shop must have access to B2B';
const DOCUMENTATION = 'https://shopify.dev/api/usage/access-scopes';

export function hasB2B(shop: EmulatedShop): boolean {
  return B2B_PLANS.has(shop.plan);
}

/** The type a field's value is made of: a connection's node type, else the field's named type. */
function itemTypeName(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const nodes = type.getFields().nodes;
    if (nodes) return getNamedType(nodes.type).name;
  }
  return type.name;
}

const gatedBySchema = new WeakMap<GraphQLSchema, Map<string, string | null>>();

/** The B2B `requiredAccess` of a field (its own, else that of what it returns), or null when B2B is not needed. */
export function b2bRequirement(schema: GraphQLSchema, parentTypeName: string, field: GraphQLField<unknown, unknown>): string | null {
  let gated = gatedBySchema.get(schema);
  if (!gated) gatedBySchema.set(schema, (gated = new Map()));
  const key = `${parentTypeName}.${field.name}`;
  let requirement = gated.get(key);
  if (requirement === undefined) {
    const own = requiredAccessOf(schema, parentTypeName, field.name);
    const access = own ?? requiredAccessOf(schema, itemTypeName(field));
    requirement = access?.includes(B2B_MARK) ? access : null;
    gated.set(key, requirement);
  }
  return requirement;
}

/** Shopify's refusal of a B2B field for a shop without B2B; undefined when the field may run. */
export function b2bAccessDenial(shop: EmulatedShop | undefined, info: GraphQLResolveInfo): ShopifyGraphQLError | undefined {
  if (!shop || hasB2B(shop)) return undefined;
  const field = info.parentType.getFields()[info.fieldName];
  const requirement = field ? b2bRequirement(info.schema, info.parentType.name, field) : null;
  if (!requirement) return undefined;
  return new ShopifyGraphQLError(`Access denied for ${info.fieldName} field. Required access: ${requirement}`, 'ACCESS_DENIED', {
    documentation: DOCUMENTATION,
    requiredAccess: requirement,
  });
}
