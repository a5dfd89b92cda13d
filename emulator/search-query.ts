import { ShopifyGraphQLError } from './resolvers/context';

/**
 * Shopify's search syntax (shopify.dev, "Shopify API search syntax"): `field:value` terms, comparators
 * `:>`, `:>=`, `:<`, `:<=`, comma-separated alternatives (`status:active,draft`), values in single or
 * double quotes, `-` or `NOT` to negate, `AND` (implied between terms) and `OR`, and parentheses.
 * `parseSearchExpression` reads the whole grammar, where a bare value searches the resource's `default` field.
 */
export interface SearchTerm {
  field: string;
  comparator: '=' | '>' | '>=' | '<' | '<=';
  values: string[];
  negated: boolean;
  /** The value was in quotes: a phrase, which a tokenized field matches exactly. */
  quoted?: boolean;
}

export type SearchExpression =
  | { kind: 'term'; term: SearchTerm }
  | { kind: 'and' | 'or'; operands: SearchExpression[] }
  | { kind: 'not'; operand: SearchExpression };

const TOKEN = /\s*(-\(|\(|\)|-?[a-z_.]+:(?:>=|<=|>|<)?(?:'[^']*'|"[^"]*"|[^\s()]+)|-?'[^']*'|-?"[^"]*"|[^\s()]+)/y;
const FIELD_TERM = /^(-?)([a-z_.]+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|(.+))$/;
const BARE_TERM = /^(-?)(?:'([^']*)'|"([^"]*)"|(.+))$/;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < query.length && (match = TOKEN.exec(query))) {
    const token = match[1] as string;
    if (token === '-(') tokens.push('NOT', '(');
    else tokens.push(token);
  }
  if (query.slice(TOKEN.lastIndex).trim()) throw new ShopifyGraphQLError(`Invalid search query: ${query}`, 'BAD_REQUEST');
  return tokens;
}

function termOf(token: string): SearchExpression {
  const field = FIELD_TERM.exec(token);
  const term: SearchTerm = field
    ? {
        negated: field[1] === '-', field: field[2] as string, comparator: (field[3] ?? '=') as SearchTerm['comparator'], values: (field[4] ?? field[5] ?? field[6] ?? '').split(','),
        quoted: field[6] === undefined,
      }
    : (() => {
        const bare = BARE_TERM.exec(token) as RegExpExecArray;
        return { negated: bare[1] === '-', field: 'default', comparator: '=' as const, values: [bare[2] ?? bare[3] ?? bare[4] ?? ''], quoted: bare[4] === undefined };
      })();
  return { kind: 'term', term };
}

/** The whole query as a tree; AND binds tighter than OR, `NOT`/`-` tightest. Null for an empty query. */
export function parseSearchExpression(query: string | null | undefined): SearchExpression | null {
  if (!query || !query.trim()) return null;
  const tokens = tokenize(query);
  let at = 0;
  const fail = (): never => {
    throw new ShopifyGraphQLError(`Invalid search query: ${query}`, 'BAD_REQUEST');
  };
  const unary = (): SearchExpression => {
    const token = tokens[at];
    if (token === undefined || token === ')' || token === 'AND' || token === 'OR') return fail();
    at += 1;
    if (token === 'NOT') return { kind: 'not', operand: unary() };
    if (token === '(') {
      const inner = or();
      if (tokens[at] !== ')') fail();
      at += 1;
      return inner;
    }
    return termOf(token);
  };
  const and = (): SearchExpression => {
    const operands = [unary()];
    while (at < tokens.length && tokens[at] !== 'OR' && tokens[at] !== ')') {
      if (tokens[at] === 'AND') at += 1;
      operands.push(unary());
    }
    return operands.length === 1 ? (operands[0] as SearchExpression) : { kind: 'and', operands };
  };
  const or = (): SearchExpression => {
    const operands = [and()];
    while (tokens[at] === 'OR') {
      at += 1;
      operands.push(and());
    }
    return operands.length === 1 ? (operands[0] as SearchExpression) : { kind: 'or', operands };
  };
  const expression = or();
  if (at < tokens.length) fail();
  return expression;
}

export type FieldValue = string | number | boolean | null | Array<string | number>;
export type FieldReader<T> = (record: T) => FieldValue;
/** `tokens`: a tokenized field (customers' email), matched by its words unless the value is quoted. */
export type FieldKind = 'date' | 'number' | 'text' | 'tokens';
export type FieldKinds = Record<string, FieldKind>;

function termMatches<T>(term: SearchTerm, record: T, fields: Record<string, FieldReader<T>>, kinds: FieldKinds): boolean {
  const value = (fields[term.field] as FieldReader<T>)(record);
  const declared = kinds[term.field] ?? 'text';
  const kind = declared === 'tokens' && term.quoted ? 'text' : declared;
  const hit = term.values.some((wanted) => (wanted === '*' ? present(value) : compare(value, wanted, term.comparator, kind)));
  return term.negated ? !hit : hit;
}

/** `field:*` matches the records that have a value there. */
function present(value: FieldValue): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== '';
}

/** The expression with each term replaced, e.g. tag_not:x as -tag:x or a value normalised. */
export function rewriteTerms(expression: SearchExpression | null, rewrite: (term: SearchTerm) => SearchTerm): SearchExpression | null {
  if (!expression) return null;
  if (expression.kind === 'term') return { kind: 'term', term: rewrite(expression.term) };
  if (expression.kind === 'not') return { kind: 'not', operand: rewriteTerms(expression.operand, rewrite) as SearchExpression };
  return { kind: expression.kind, operands: expression.operands.map((operand) => rewriteTerms(operand, rewrite) as SearchExpression) };
}

/** tag_not:x is -tag:x (shopify.dev, the products and customers query filters). */
export function rewriteTagNot(expression: SearchExpression | null): SearchExpression | null {
  return rewriteTerms(expression, (term) => (term.field === 'tag_not' ? { ...term, field: 'tag', negated: !term.negated } : term));
}

const tokensOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The wanted words appear, in order and next to each other, among the value's words ("gmail.com" in bo@gmail.com). */
function tokensMatch(text: string, wanted: string): boolean {
  const have = tokensOf(text);
  const want = tokensOf(wanted);
  if (want.length === 0) return false;
  return have.some((_, start) => want.every((word, offset) => have[start + offset] === word));
}

function checkFields(terms: SearchTerm[], fields: Record<string, unknown>): void {
  for (const term of terms) {
    if (!fields[term.field]) throw new ShopifyGraphQLError(`The emulator does not support filtering on "${term.field}"`, 'BAD_REQUEST');
  }
}

export function termsOf(expression: SearchExpression): SearchTerm[] {
  if (expression.kind === 'term') return [expression.term];
  if (expression.kind === 'not') return termsOf(expression.operand);
  return expression.operands.flatMap(termsOf);
}

/** The predicate of a whole search expression; null (no query) matches everything. */
export function expressionMatcher<T>(expression: SearchExpression | null, fields: Record<string, FieldReader<T>>, kinds: FieldKinds): (record: T) => boolean {
  if (!expression) return () => true;
  checkFields(termsOf(expression), fields);
  const test = (node: SearchExpression, record: T): boolean => {
    switch (node.kind) {
      case 'term': return termMatches(node.term, record, fields, kinds);
      case 'not': return !test(node.operand, record);
      case 'and': return node.operands.every((operand) => test(operand, record));
      default: return node.operands.some((operand) => test(operand, record));
    }
  };
  return (record) => test(expression, record);
}

/** The expression without the terms on `fields` (a NOT, AND or OR left empty goes too); null when nothing is left. */
export function withoutFields(expression: SearchExpression | null, fields: ReadonlySet<string>): SearchExpression | null {
  if (!expression) return null;
  if (expression.kind === 'term') return fields.has(expression.term.field) ? null : expression;
  if (expression.kind === 'not') {
    const operand = withoutFields(expression.operand, fields);
    return operand ? { kind: 'not', operand } : null;
  }
  const operands = expression.operands.map((operand) => withoutFields(operand, fields)).filter((operand): operand is SearchExpression => operand !== null);
  if (operands.length <= 1) return operands[0] ?? null;
  return { kind: expression.kind, operands };
}

function printValue(value: string, quoted: boolean | undefined): string {
  if (!quoted) return value;
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

/** The query text of an expression: `parseSearchExpression` reads it back as the same tree. */
export function printSearchExpression(expression: SearchExpression | null): string | null {
  if (!expression) return null;
  switch (expression.kind) {
    case 'term': {
      const { term } = expression;
      const value = printValue(term.values.join(','), term.quoted);
      const sign = term.negated ? '-' : '';
      return term.field === 'default' ? `${sign}${value}` : `${sign}${term.field}:${term.comparator === '=' ? '' : term.comparator}${value}`;
    }
    case 'not': return `NOT (${printSearchExpression(expression.operand) as string})`;
    default: {
      const printed = expression.operands.map((operand) => (operand.kind === 'and' || operand.kind === 'or' ? `(${printSearchExpression(operand) as string})` : printSearchExpression(operand)));
      return printed.join(expression.kind === 'and' ? ' AND ' : ' OR ');
    }
  }
}

function compare(value: FieldValue, wanted: string, comparator: SearchTerm['comparator'], kind: FieldKind): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.some((item) => compare(item, wanted, comparator, kind));
  if (kind === 'tokens') return String(value).toLowerCase() === wanted.toLowerCase() || tokensMatch(String(value), wanted);
  if (kind === 'date' || kind === 'number') {
    const left = kind === 'date' ? Date.parse(String(value)) : Number(value);
    const right = kind === 'date' ? (wanted === 'now' ? Date.now() : Date.parse(wanted)) : Number(wanted);
    if (Number.isNaN(right)) throw new ShopifyGraphQLError(`Invalid ${kind} in search query: ${wanted}`, 'BAD_REQUEST');
    switch (comparator) {
      case '>': return left > right;
      case '>=': return left >= right;
      case '<': return left < right;
      case '<=': return left <= right;
      default: return left === right;
    }
  }
  const text = String(value).toLowerCase();
  const target = wanted.toLowerCase();
  // A trailing `*` is Shopify's prefix search.
  return target.endsWith('*') && target.length > 1 ? text.startsWith(target.slice(0, -1)) : text === target;
}
