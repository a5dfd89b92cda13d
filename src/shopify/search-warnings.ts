import { ShopifyQueryError } from './errors';

/**
 * A search term Shopify did not apply. Shopify answers a `query:` term on a field the connection does not
 * know as if the term were absent, and reports it only in the answer's `extensions.search`:
 *   [{ path: ['orders'], query: 'updated_att:>…', parsed: {…},
 *      warnings: [{ field: 'updated_att', message: 'Invalid search field for this query.', code: 'invalid_field' }] }]
 * (an invalid value of a known field comes back the same way, with code `invalid_value`).
 */
export interface IgnoredSearchTerm {
  /** The searched connection's response path, e.g. `orders` or `shopifyPaymentsAccount.payouts`. */
  path: string;
  query: string;
  field: string;
  code: string;
  message: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every search warning of one answer's `extensions`, flattened; none when Shopify reported none. */
export function ignoredSearchTerms(extensions: unknown): IgnoredSearchTerm[] {
  const searches = (extensions as { search?: unknown } | undefined)?.search;
  if (!Array.isArray(searches)) return [];
  return searches.flatMap((search: { path?: unknown; query?: unknown; warnings?: unknown }) => {
    const warnings = Array.isArray(search?.warnings) ? (search.warnings as Array<{ field?: unknown; code?: unknown; message?: unknown } | null>) : [];
    const path = Array.isArray(search.path) ? search.path.join('.') : '';
    return warnings.filter((w) => w !== null).map((w) => ({ path, query: text(search.query), field: text(w.field), code: text(w.code), message: text(w.message) }));
  });
}

export function describeIgnoredTerm(term: IgnoredSearchTerm): string {
  return `search field "${term.field}" of ${term.path || 'a connection'}(query: "${term.query}") ignored by Shopify: ${term.message || term.code}`;
}

/**
 * A read whose search Shopify applied only in part. The rows it answered belong to a wider search than the
 * one asked (an import would take orders it was told to leave, or the whole shop), so they are not used:
 * the error is not retryable, since asking again gets the same answer; the query has to be fixed.
 */
export class SearchTermIgnoredError extends ShopifyQueryError {
  constructor(shop: string, readonly terms: IgnoredSearchTerm[]) {
    super(`Shopify did not apply the whole search for ${shop}, so its answer was not used: ${terms.map(describeIgnoredTerm).join('; ')}`, shop, ['SEARCH_TERM_IGNORED']);
  }
}
