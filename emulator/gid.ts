/** Shopify global ids: gid://shopify/<Type>/<number>. */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export function parseGid(value: string, type: string): number | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(value);
  return match && match[1] === type ? Number(match[2]) : undefined;
}
