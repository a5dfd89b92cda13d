/** Shopify global ids: gid://shopify/<Type>/<number>. */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export function parseGid(value: unknown, type: string): number | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(String(value ?? ''));
  return match && match[1] === type ? Number(match[2]) : undefined;
}
