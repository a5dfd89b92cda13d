import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';

const cache = new Map<string, GraphQLSchema>();

/** The real Admin API schema, built from Shopify's introspection result (`{ data: { __schema } }`). */
export function loadAdminSchema(path: string): GraphQLSchema {
  let schema = cache.get(path);
  if (!schema) {
    const introspection = JSON.parse(readFileSync(path, 'utf8')) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
    schema = buildClientSchema(introspection.data ?? (introspection as IntrospectionQuery));
    cache.set(path, schema);
  }
  return schema;
}
