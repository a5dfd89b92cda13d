import { responsePathAsArray, type GraphQLField, type GraphQLResolveInfo } from 'graphql';
import { parseSearchExpression, printSearchExpression, termsOf, withoutFields, type SearchExpression, type SearchTerm } from './search-query';

/**
 * Shopify ignores a search term on a field the connection does not know: it answers as if the term were
 * absent and says so in the response's `extensions.search`, one entry per searched field, as captured from
 * real shops (github.com/airhorns/shopify-draft-proxy, fixtures/conformance/…):
 *   { path: ['draftOrders'], query: 'notadraftfield:ignored tag:x',
 *     parsed: { and: [{ field: 'notadraftfield', match_all: 'ignored' }, { field: 'tag', match_all: 'x' }] },
 *     warnings: [{ field: 'notadraftfield', message: 'Invalid search field for this query.', code: 'invalid_field' }] }
 * `path` is the field's response path (aliases included). A connection's known fields are the rows of the
 * table in its `query` argument's description, as shopify.dev documents them.
 */
export interface SearchWarning {
  field: string;
  message: string;
  code: string;
}

export interface SearchExtension {
  path: Array<string | number>;
  query: string;
  parsed: ParsedSearch;
  warnings: SearchWarning[];
}

type ParsedSearch = { [key: string]: string | number | ParsedSearch | ParsedSearch[] };

/** The connections whose unknown search fields are ignored and reported; others keep refusing them. */
const REPORTING_CONNECTIONS = new Set(['QueryRoot.orders', 'QueryRoot.products', 'QueryRoot.customers', 'ShopifyPaymentsAccount.payouts', 'ShopifyPaymentsAccount.balanceTransactions']);

const documented = new WeakMap<GraphQLField<unknown, unknown>, { names: Set<string>; prefixes: string[] }>();

function documentedFields(field: GraphQLField<unknown, unknown>): { names: Set<string>; prefixes: string[] } {
  let known = documented.get(field);
  if (!known) {
    const description = field.args.find((arg) => arg.name === 'query')?.description ?? '';
    // Each row is `| name | type | description | …`; the header row's type column says `type`.
    const rows = [...description.matchAll(/^\| ([a-z0-9_.{}]+) \| ([a-z]+) \|/gm)].filter((row) => row[2] !== 'type').map((row) => row[1] as string);
    // `metafields.{namespace}.{key}` documents a family of fields.
    known = { names: new Set(rows.filter((name) => !name.includes('{'))), prefixes: rows.filter((name) => name.includes('{')).map((name) => name.slice(0, name.indexOf('{'))) };
    documented.set(field, known);
  }
  return known;
}

const RANGES: Record<SearchTerm['comparator'], string> = { '=': 'match_all', '>': 'range_gt', '>=': 'range_gte', '<': 'range_lt', '<=': 'range_lte' };

/** Shopify's `parsed` form of a query. A negation as `{ not: … }` is assumed: no capture shows one. */
function parsedOf(expression: SearchExpression): ParsedSearch {
  if (expression.kind === 'not') return { not: parsedOf(expression.operand) };
  if (expression.kind !== 'term') return { [expression.kind]: expression.operands.map(parsedOf) };
  const { term } = expression;
  const raw = term.values.join(',');
  const key = term.comparator === '=' && term.quoted ? 'match_phrase' : RANGES[term.comparator];
  const value = key.startsWith('range_') && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  const parsed: ParsedSearch = { field: term.field, [key]: value };
  return term.negated ? { not: parsed } : parsed;
}

const reports = new WeakMap<object, SearchExtension[]>();

/**
 * The arguments a field resolves with: on a reporting connection, the `query` without its terms on
 * undocumented fields, each such field recorded for the response's `extensions.search`.
 */
export function withoutUnknownSearchFields(args: Record<string, unknown>, context: object, info: GraphQLResolveInfo): Record<string, unknown> {
  const query = args.query;
  if (typeof query !== 'string' || !REPORTING_CONNECTIONS.has(`${info.parentType.name}.${info.fieldName}`)) return args;
  const expression = parseSearchExpression(query);
  if (!expression) return args;
  const known = documentedFields(info.parentType.getFields()[info.fieldName] as GraphQLField<unknown, unknown>);
  const isKnown = (field: string) => known.names.has(field) || known.prefixes.some((prefix) => field.startsWith(prefix));
  const unknown = new Set(termsOf(expression).map((term) => term.field).filter((field) => !isKnown(field)));
  if (unknown.size === 0) return args;
  const entry: SearchExtension = {
    path: responsePathAsArray(info.path),
    query,
    parsed: parsedOf(expression),
    warnings: [...unknown].map((field) => ({ field, message: 'Invalid search field for this query.', code: 'invalid_field' })),
  };
  reports.set(context, [...(reports.get(context) ?? []), entry]);
  return { ...args, query: printSearchExpression(withoutFields(expression, unknown)) };
}

/** The `extensions.search` entries recorded while one request ran (undefined when none). */
export function searchExtensions(context: object): SearchExtension[] | undefined {
  return reports.get(context);
}
