import { Kind, parse, print, visit, type ValueNode } from 'graphql';
import { ORDER_FIELDS_FRAGMENT, ORDER_LINE_FRAGMENT, ORDER_LISTS_FRAGMENT } from './orders';

/**
 * The first import of a shop's orders as one bulk query (shopify.dev, "Perform bulk operations with the
 * GraphQL Admin API"): Shopify reads every order in the background and hands back a JSONL file, one
 * line per order and one per line item and shipping line with `__parentId`, for the cost of the
 * mutation alone. The order fields are the paged query's (OrderFields); transactions and refunds are
 * plain lists, read whole; lines and shipping lines are the two nested connections (bulk allows five,
 * nested two deep). `__typename` tells the two kinds of child line apart.
 */
export const ORDERS_BULK_QUERY = `#graphql
  query OrdersBulk($query: String) {
    orders(query: $query, sortKey: UPDATED_AT) {
      edges {
        node {
          ...OrderFields
          transactions { ...OrderTransactionFields }
          refunds { id updatedAt }
          lineItems { edges { node { __typename ...OrderLineFields } } }
          shippingLines { edges { node { __typename ...OrderShippingLineFields } } }
        }
      }
    }
  }
  ${ORDER_FIELDS_FRAGMENT}
  ${ORDER_LINE_FRAGMENT}
  ${ORDER_LISTS_FRAGMENT}
` as const;

/** Starts a bulk query; grouped, so each order's lines follow it and an order is whole when the next begins. */
export const BULK_OPERATION_RUN_GROUPED_QUERY = `#graphql
  mutation BulkOperationRunGroupedQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: true) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
` as const;

/** This app's bulk queries created since a time, with their text: a retried start finds the one it made. */
export const RECENT_BULK_QUERIES = `#graphql
  query RecentBulkQueries($query: String!) {
    bulkOperations(first: 5, query: $query) {
      nodes { id status query }
    }
  }
` as const;

/**
 * The text a bulk query is sent as: Shopify takes no variables with it, so each variable's value is
 * written into the document as a literal (through the GraphQL printer, never by pasting strings).
 */
export function bulkQueryText(document: string, variables: Record<string, string | null>): string {
  const ast = visit(parse(document), {
    OperationDefinition: (node) => ({ ...node, variableDefinitions: [] }),
    Variable: (node): ValueNode => {
      const value = variables[node.name.value];
      if (value === undefined) throw new Error(`bulk query variable $${node.name.value} has no value`);
      return value === null ? { kind: Kind.NULL } : { kind: Kind.STRING, value };
    },
  });
  return print(ast);
}
