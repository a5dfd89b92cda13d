import { readFileSync } from 'node:fs';

/** A usage or input mistake: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** How every help text names the shop a command concerns: positional or flag, the same everywhere. */
export const SHOP = '<domain> | --shop <domain>';

/** `key=value` pairs from repeated --set flags; values are read as JSON when they parse, else as text. */
export function parseAssignments(assignments: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const assignment of assignments) {
    const index = assignment.indexOf('=');
    if (index <= 0) throw new UsageError(`--set expects key=value, got "${assignment}"`);
    const key = assignment.slice(0, index).trim();
    const raw = assignment.slice(index + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text
    }
    result[key] = value;
  }
  return result;
}

export function parseJsonObject(text: string | undefined, flag: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} must be a JSON object, got: ${text}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${flag} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function readJsonFile(path: string | undefined, flag: string): Record<string, unknown> | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${flag}: cannot read ${path}`);
  }
  return parseJsonObject(text, flag);
}

export function requirePositional(positionals: string[], index: number, name: string, usage: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`missing ${name}. Usage: ${usage}`);
  return value;
}

/**
 * The shop a command concerns, from `--shop <domain>` or the positional at `index` (either form, so
 * that `status <domain>` and `status --shop <domain>` are one command). Both given must name the same
 * shop; nothing may follow it. Undefined when neither is given, for commands where the shop is optional.
 */
export function optionalShopOf(flag: string | undefined, positionals: string[], index: number, usage: string): string | undefined {
  const positional = positionals[index];
  if (flag !== undefined && positional !== undefined && flag !== positional) throw new UsageError(`two different shops given: ${positional} and --shop ${flag}; give one. Usage: ${usage}`);
  const extra = positionals.slice(index + 1);
  if (extra.length) throw new UsageError(`unexpected argument "${extra.join(' ')}". Usage: ${usage}`);
  if (flag === '') throw new UsageError(`--shop needs a domain. Usage: ${usage}`);
  return flag ?? positional;
}

/** As optionalShopOf, for the commands that need a shop. */
export function shopOf(flag: string | undefined, positionals: string[], index: number, usage: string): string {
  const shop = optionalShopOf(flag, positionals, index, usage);
  if (!shop) throw new UsageError(`missing shop: give <domain> or --shop <domain>. Usage: ${usage}`);
  return shop;
}

export function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} must be a whole number above 0`);
  return number;
}
