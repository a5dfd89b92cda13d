import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';

const cache = new Map<string, GraphQLSchema>();
/** Shopify's `requiredAccess` of each type ("Type") and field ("Type.field"), which a client schema drops. */
const requiredAccessBySchema = new WeakMap<GraphQLSchema, Map<string, string>>();

interface AccessAnnotated {
  name: string;
  requiredAccess?: string | null;
  fields?: AccessAnnotated[] | null;
}

/** The real Admin API schema, built from Shopify's introspection result (`{ data: { __schema } }`). */
export function loadAdminSchema(path: string): GraphQLSchema {
  let schema = cache.get(path);
  if (!schema) {
    const introspection = JSON.parse(readFileSync(path, 'utf8')) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
    const result = introspection.data ?? (introspection as IntrospectionQuery);
    schema = buildClientSchema(result);
    const access = new Map<string, string>();
    for (const type of result.__schema.types as unknown as AccessAnnotated[]) {
      if (type.requiredAccess) access.set(type.name, type.requiredAccess);
      for (const field of type.fields ?? []) if (field.requiredAccess) access.set(`${type.name}.${field.name}`, field.requiredAccess);
    }
    requiredAccessBySchema.set(schema, access);
    cache.set(path, schema);
  }
  return schema;
}

/** What Shopify's introspection says a type (`field` absent) or a field requires, e.g. "`read_products` access scope." */
export function requiredAccessOf(schema: GraphQLSchema, typeName: string, fieldName?: string): string | undefined {
  return requiredAccessBySchema.get(schema)?.get(fieldName === undefined ? typeName : `${typeName}.${fieldName}`);
}
