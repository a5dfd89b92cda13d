import { ShopifyGraphQLError } from './resolvers/context';

/**
 * The subset of Shopify's search syntax the project uses: space-separated terms joined by AND,
 * `field:value`, comparators `:>`, `:>=`, `:<`, `:<=`, comma-separated alternatives (`channel:web,pos`),
 * negation with a leading `-`, and values in single or double quotes.
 */
export interface SearchTerm {
  field: string;
  comparator: '=' | '>' | '>=' | '<' | '<=';
  values: string[];
  negated: boolean;
}

const TERM = /^(-?)([a-z_]+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(\S+))$/;

export function parseSearchQuery(query: string | null | undefined): SearchTerm[] {
  if (!query || !query.trim()) return [];
  const tokens = query.match(/-?[a-z_]+:(?:>=|<=|>|<)?(?:'[^']*'|"[^"]*"|\S+)|\S+/g) ?? [];
  return tokens
    .filter((token) => token !== 'AND')
    .map((token) => {
      const match = TERM.exec(token);
      if (!match) throw new ShopifyGraphQLError(`The emulator does not support the search term "${token}"`, 'BAD_REQUEST');
      const raw = match[4] ?? match[5] ?? match[6] ?? '';
      return {
        negated: match[1] === '-',
        field: match[2] as string,
        comparator: (match[3] ?? '=') as SearchTerm['comparator'],
        values: raw.split(','),
      };
    });
}

export type FieldReader<T> = (record: T) => string | number | boolean | string[] | null;

/** Builds a predicate from the terms; a field the resource does not support is an error, as in Shopify. */
export function matcher<T>(terms: SearchTerm[], fields: Record<string, FieldReader<T>>, kinds: Record<string, 'date' | 'number' | 'text'>): (record: T) => boolean {
  for (const term of terms) {
    if (!fields[term.field]) throw new ShopifyGraphQLError(`The emulator does not support filtering on "${term.field}"`, 'BAD_REQUEST');
  }
  return (record) =>
    terms.every((term) => {
      const value = (fields[term.field] as FieldReader<T>)(record);
      const kind = kinds[term.field] ?? 'text';
      const hit = term.values.some((wanted) => compare(value, wanted, term.comparator, kind));
      return term.negated ? !hit : hit;
    });
}

function compare(value: string | number | boolean | string[] | null, wanted: string, comparator: SearchTerm['comparator'], kind: 'date' | 'number' | 'text'): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.some((v) => v.toLowerCase() === wanted.toLowerCase());
  if (kind === 'date' || kind === 'number') {
    const left = kind === 'date' ? Date.parse(String(value)) : Number(value);
    const right = kind === 'date' ? Date.parse(wanted) : Number(wanted);
    if (Number.isNaN(right)) throw new ShopifyGraphQLError(`Invalid ${kind} in search query: ${wanted}`, 'BAD_REQUEST');
    switch (comparator) {
      case '>': return left > right;
      case '>=': return left >= right;
      case '<': return left < right;
      case '<=': return left <= right;
      default: return left === right;
    }
  }
  return String(value).toLowerCase() === wanted.toLowerCase();
}
