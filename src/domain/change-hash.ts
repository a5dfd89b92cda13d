import { createHash } from 'node:crypto';

/**
 * A short fingerprint of what was sent, so the next push sends a field again only when its value
 * changed. Keys are sorted: the same values always give the same hash.
 */
export function changeHash(values: unknown): string {
  return createHash('sha256').update(stableJson(values)).digest('base64url').slice(0, 22);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
