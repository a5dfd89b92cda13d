/** Shopify's userErrors: the mutation ran, the input was refused, and `field` says where. */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
}

export function userError(field: Array<string | number> | null, message: string, code?: string): UserError {
  return { field: field ? field.map(String) : null, message, ...(code ? { code } : {}) };
}
